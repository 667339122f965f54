#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags getenv() given a hardcoded, non-trivial fallback value:
/// `getenv("X") ? getenv("X") : "default"`, `getenv("X") ?: "default"`, and
/// `v = getenv("X"); if (!v) v = "default";` (config/env-fallback).
class EnvFallbackCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
