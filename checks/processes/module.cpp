// The checks of the processes factor, in alphabetical order.
#include "checks/registry.h"

namespace twelve::checks {

void addProcessesChecks(std::vector<CheckFactory> &out) {
  (void)out;
}

} // namespace twelve::checks
