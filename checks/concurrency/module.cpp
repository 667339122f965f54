// The checks of the concurrency factor, in alphabetical order.
#include "checks/registry.h"

namespace twelve::checks {

void addConcurrencyChecks(std::vector<CheckFactory> &out) {
  (void)out;
}

} // namespace twelve::checks
