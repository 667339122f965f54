// The checks of the config factor, in alphabetical order.
#include "checks/config/EnvFallbackCheck.h"
#include "checks/config/HardcodedCredentialCheck.h"
#include "checks/config/HardcodedEndpointCheck.h"
#include "checks/config/HardcodedUrlCheck.h"
#include "checks/registry.h"

namespace twelve::checks {

void addConfigChecks(std::vector<CheckFactory> &out) {
  out.push_back({"config/env-fallback", make<EnvFallbackCheck>});
  out.push_back({"config/hardcoded-credential", make<HardcodedCredentialCheck>});
  out.push_back({"config/hardcoded-endpoint", make<HardcodedEndpointCheck>});
  out.push_back({"config/hardcoded-url", make<HardcodedUrlCheck>});
}

} // namespace twelve::checks
