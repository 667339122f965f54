#pragma once

#include "checks/check.h"

#include <map>
#include <set>
#include <string>
#include <vector>

namespace twelve::checks {

/// Flags PID files: a file opened for writing at a "*.pid" path or under
/// /run or /var/run, or at a path whose name says PID file (`pid_file`), and
/// getpid() written into a file (concurrency/pid-file). One finding per function.
class PidFileCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void onEndOfTranslationUnit() override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  /// Records the function holding `s`; false when it already has a PID-file finding.
  bool firstInFunction(const clang::Stmt *s, clang::ASTContext &ctx);

  const clang::SourceManager *sm_ = nullptr;
  // Functions with a reported PID-file open: a getpid() write in them is the
  // same PID file and is not reported again.
  std::set<const clang::Decl *> opened_;
  std::vector<std::pair<const clang::Decl *, clang::SourceLocation>> pidWrites_;
  // Functions formatting getpid() alone into a buffer, and the files each
  // function opens for writing (location, API): together, a PID file.
  std::map<const clang::Decl *, clang::SourceLocation> pidFormats_;
  std::map<const clang::Decl *, std::vector<std::pair<clang::SourceLocation, std::string>>>
      writeOpens_;
};

} // namespace twelve::checks
