#pragma once

#include "checks/check.h"

#include <set>

namespace twelve::checks {

/// Flags connection URLs and DSNs of backing services (postgres://, redis://,
/// "host=... dbname=...") written in string literals; credentials in them make
/// the finding an error (config/hardcoded-url).
class HardcodedUrlCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  std::set<std::string> seen_;
};

} // namespace twelve::checks
