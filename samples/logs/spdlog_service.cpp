// An order service that sets up spdlog with a rotating log file (the
// violation) next to a console logger (fine).
#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/rotating_file_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <memory>
#include <vector>

namespace orders {

std::shared_ptr<spdlog::logger> makeLogger() {
  auto console = std::make_shared<spdlog::sinks::stdout_color_sink_mt>(); // ok: logs/file-sink
  auto file = std::make_shared<spdlog::sinks::basic_file_sink_mt>("orders.log"); // expect: logs/file-sink
  std::vector<spdlog::sink_ptr> sinks{console, file};
  return std::make_shared<spdlog::logger>("orders", sinks.begin(), sinks.end());
}

void setupAudit() {
  auto audit = spdlog::rotating_logger_mt("audit", "logs/audit.txt", 10 * 1024 * 1024, 3); // expect: logs/file-sink
  audit->info("audit trail started");
}

void setupConsole() {
  auto stdout_logger = spdlog::stdout_color_mt("console"); // ok: logs/file-sink
  spdlog::set_default_logger(stdout_logger);
}

} // namespace orders

int main() {
  orders::setupConsole();
  orders::setupAudit();
  spdlog::info("orders ready");
  return 0;
}
