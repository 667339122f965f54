// The checks of the dev-prod-parity factor, in alphabetical order.
#include "checks/dev-prod-parity/EnvironmentBranchingCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addDevProdParityChecks(std::vector<CheckFactory> &out) {
  out.push_back({"dev-prod-parity/environment-branching", make<EnvironmentBranchingCheck>});
}

} // namespace twelve::checks
