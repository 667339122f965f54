#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags files opened for writing or appending, or renamed into place, at a
/// fixed path: data the process keeps on its local disk (processes/local-file-state).
class LocalFileStateCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
