#include "checks/registry.h"

#include <algorithm>

namespace twelve::checks {

const std::vector<CheckFactory> &allChecks() {
  static const std::vector<CheckFactory> checks = [] {
    std::vector<CheckFactory> all;
    addConcurrencyChecks(all);
    addConfigChecks(all);
    addDevProdParityChecks(all);
    addLogsChecks(all);
    addPortBindingChecks(all);
    addProcessesChecks(all);
    std::sort(all.begin(), all.end(),
              [](const CheckFactory &a, const CheckFactory &b) { return a.ruleId < b.ruleId; });
    return all;
  }();
  return checks;
}

} // namespace twelve::checks
