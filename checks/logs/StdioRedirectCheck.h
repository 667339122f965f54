#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags freopen() of a file onto stdout or stderr, and dup2() of a file
/// descriptor opened on a file onto descriptor 1 or 2 (logs/stdio-redirect).
class StdioRedirectCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override { return {}; }

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
