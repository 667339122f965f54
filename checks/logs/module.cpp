// The checks of the logs factor, in alphabetical order.
#include "checks/logs/StdioRedirectCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addLogsChecks(std::vector<CheckFactory> &out) {
  out.push_back({"logs/stdio-redirect", make<StdioRedirectCheck>});
}

} // namespace twelve::checks
