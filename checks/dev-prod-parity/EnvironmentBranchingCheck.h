#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags comparisons of a value with an environment name ("production",
/// "staging", "development", ...) whose result decides a branch
/// (dev-prod-parity/environment-branching).
class EnvironmentBranchingCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
