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
  bool checksLexedLiterals() const override { return true; }
  void checkLexedLiteral(const LexedLiteral &literal, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  /// Reports `value` at `loc` if it is a backing service's URL.
  void judge(const std::string &value, clang::SourceLocation loc, const clang::SourceManager &sm);

  std::set<std::string> seen_;
};

} // namespace twelve::checks
