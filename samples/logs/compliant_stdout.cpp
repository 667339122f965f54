// A compliant service: one event per line on stdout, routing left to the
// platform. Look-alikes of file sinks are marked ok.
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
#include <fstream>
#include <string>

namespace catalog {

// Reading a log someone else wrote is fine.
std::string lastLine(const std::string &path) {
  std::ifstream in(path); // ok: logs/file-sink
  std::string line, last;
  while (std::getline(in, line))
    last = line;
  return last;
}

} // namespace catalog

int main() {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  auto logger = spdlog::stdout_color_mt("catalog"); // ok: logs/file-sink
  spdlog::set_default_logger(logger);
  FILE *in = std::fopen("service.log", "r"); // ok: logs/file-sink
  if (in)
    std::fclose(in);
  spdlog::info("catalog ready");
  return 0;
}
