#pragma once

#include "checks/check.h"

#include <set>
#include <vector>

namespace twelve::checks {

/// Flags PID files: a file opened for writing at a "*.pid" path or under
/// /run or /var/run, and getpid() written into a file (concurrency/pid-file).
class PidFileCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void onEndOfTranslationUnit() override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  const clang::SourceManager *sm_ = nullptr;
  // Functions with a reported PID-file open: a getpid() write in them is the
  // same PID file and is not reported again.
  std::set<const clang::Decl *> opened_;
  std::vector<std::pair<const clang::Decl *, clang::SourceLocation>> pidWrites_;
};

} // namespace twelve::checks
