#pragma once

#include "checks/check.h"

#include <string>
#include <vector>

namespace twelve::checks {

/// Flags getenv() given a hardcoded, non-trivial fallback value:
/// `getenv("X") ? getenv("X") : "default"`, `getenv("X") ?: "default"`, and
/// `v = getenv("X"); if (!v) v = "default";` (config/env-fallback). The
/// configuration's config-functions count as getenv, and a literal default
/// passed to one (`settings::get("db.host", "localhost")`) is reported too.
class EnvFallbackCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  /// The functions whose result is the environment's: getenv and config-functions.
  std::vector<std::string> readers() const;
  /// Reports `fallback` when it is a hardcoded, non-trivial value.
  void reportFallback(const clang::Expr *fallback,
                      const clang::ast_matchers::MatchFinder::MatchResult &result, const char *what);
};

} // namespace twelve::checks
