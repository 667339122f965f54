// The checks of the dev-prod-parity factor, in alphabetical order.
#include "checks/registry.h"

namespace twelve::checks {

void addDevProdParityChecks(std::vector<CheckFactory> &out) {
  (void)out;
}

} // namespace twelve::checks
