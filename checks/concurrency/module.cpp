// The checks of the concurrency factor, in alphabetical order.
#include "checks/concurrency/DaemonizeCheck.h"
#include "checks/concurrency/PidFileCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addConcurrencyChecks(std::vector<CheckFactory> &out) {
  out.push_back({"concurrency/daemonize", make<DaemonizeCheck>});
  out.push_back({"concurrency/pid-file", make<PidFileCheck>});
}

} // namespace twelve::checks
