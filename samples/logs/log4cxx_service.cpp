// A report generator configuring log4cxx in code.
#include <log4cxx/consoleappender.h>
#include <log4cxx/logger.h>
#include <log4cxx/patternlayout.h>
#include <log4cxx/rollingfileappender.h>

int main() {
  log4cxx::LayoutPtr layout(new log4cxx::PatternLayout("%d %p %m%n"));
  log4cxx::AppenderPtr file(new log4cxx::RollingFileAppender(layout, "reports.log")); // expect: logs/file-sink
  log4cxx::AppenderPtr console(new log4cxx::ConsoleAppender(layout)); // ok: logs/file-sink
  log4cxx::Logger::getRootLogger()->addAppender(console);
  LOG4CXX_INFO(log4cxx::Logger::getRootLogger(), "reports ready");
  return 0;
}
