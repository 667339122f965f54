// The checks of the logs factor, in alphabetical order.
#include "checks/logs/FileSinkCheck.h"
#include "checks/logs/StdioRedirectCheck.h"
#include "checks/logs/SyslogCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addLogsChecks(std::vector<CheckFactory> &out) {
  out.push_back({"logs/file-sink", make<FileSinkCheck>});
  out.push_back({"logs/stdio-redirect", make<StdioRedirectCheck>});
  out.push_back({"logs/syslog", make<SyslogCheck>});
}

} // namespace twelve::checks
