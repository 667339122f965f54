// A billing service that logs through Boost.Log into a file.
#include <boost/log/trivial.hpp>
#include <boost/log/utility/setup/console.hpp>
#include <boost/log/utility/setup/file.hpp>

#include <iostream>

namespace logging = boost::log;
namespace keywords = boost::log::keywords;

void initLogging(bool console) {
  if (console) {
    logging::add_console_log(std::clog); // ok: logs/file-sink
    return;
  }
  boost::log::add_file_log(keywords::file_name = "billing_%N.log"); // expect: logs/file-sink
}

int main() {
  initLogging(false);
  BOOST_LOG_TRIVIAL(info) << "billing ready";
  return 0;
}
