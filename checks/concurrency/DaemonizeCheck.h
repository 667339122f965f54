#pragma once

#include "checks/check.h"

#include <map>
#include <set>
#include <vector>

namespace twelve::checks {

/// Flags a process detaching itself: daemon(), fork() with setsid() in one
/// function, stdout/stderr pointed at /dev/null (concurrency/daemonize).
class DaemonizeCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void onEndOfTranslationUnit() override;
  /// daemon(a, b) by name when headers are missing or a configuration header
  /// was not generated (`#ifdef HAVE_UNISTD_H` around <unistd.h> leaves daemon
  /// undeclared, and C++ drops the call from the AST).
  std::vector<std::string> fallbackNames() const override { return {"daemon"}; }
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  /// What one function does, collected over the unit and judged at its end.
  struct FunctionFacts {
    std::vector<clang::SourceLocation> daemonCalls;
    std::vector<clang::SourceLocation> setsidCalls;
    bool forks = false;
    bool execs = false;
    std::set<const clang::VarDecl *> nullFds; // variables holding open("/dev/null")
    std::vector<std::pair<const clang::VarDecl *, clang::SourceLocation>> dup2Sites;
    std::vector<clang::SourceLocation> redirects; // freopen / dup2(open("/dev/null"))
  };
  const clang::SourceManager *sm_ = nullptr;
  std::map<const clang::Decl *, FunctionFacts> functions_;
  std::vector<const clang::Decl *> order_;
  FunctionFacts &facts(const clang::Decl *function);
};

} // namespace twelve::checks
