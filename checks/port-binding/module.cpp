// The checks of the port-binding factor, in alphabetical order.
#include "checks/port-binding/HardcodedPortCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addPortBindingChecks(std::vector<CheckFactory> &out) {
  out.push_back({"port-binding/hardcoded-port", make<HardcodedPortCheck>});
}

} // namespace twelve::checks
