// The list of all static checks, one module per factor folder, as clang-tidy's modules.
#pragma once

#include "checks/check.h"

#include <memory>
#include <string_view>
#include <vector>

namespace twelve::checks {

/// Creates the check of one rule.
struct CheckFactory {
  std::string_view ruleId;
  std::unique_ptr<Check> (*create)(const CheckContext &context);
};

/// Every check, sorted by rule id.
const std::vector<CheckFactory> &allChecks();

template <class T> std::unique_ptr<Check> make(const CheckContext &context) {
  return std::make_unique<T>(context);
}

// Each factor folder lists its checks alphabetically in its module.cpp.
void addConcurrencyChecks(std::vector<CheckFactory> &out);
void addConfigChecks(std::vector<CheckFactory> &out);
void addDevProdParityChecks(std::vector<CheckFactory> &out);
void addLogsChecks(std::vector<CheckFactory> &out);
void addPortBindingChecks(std::vector<CheckFactory> &out);
void addProcessesChecks(std::vector<CheckFactory> &out);

} // namespace twelve::checks
