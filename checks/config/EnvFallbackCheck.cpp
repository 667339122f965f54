#include "checks/config/EnvFallbackCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// "", "0", "false", "no", "off": defaults that mean "nothing", not config.
bool trivialString(const std::string &v) {
  return v.empty() || v == "0" || v == "false" || v == "no" || v == "off" || v == "n";
}

} // namespace

void EnvFallbackCheck::registerMatchers(MatchFinder &finder) {
  auto getenvCall =
      callExpr(callee(functionDecl(hasAnyName("::getenv", "::secure_getenv", "::std::getenv"))));
  auto fromGetenv = varDecl(hasInitializer(ignoringParenImpCasts(getenvCall)));
  auto envValue = anyOf(getenvCall, hasDescendant(getenvCall),
                        declRefExpr(to(fromGetenv)), hasDescendant(declRefExpr(to(fromGetenv))));
  auto fallback = expr(unless(cxxThrowExpr())).bind("fallback");
  // getenv("X") ? getenv("X") : "default", v ? v : "default"
  finder.addMatcher(conditionalOperator(hasCondition(expr(envValue)), hasFalseExpression(fallback),
                                        unless(isExpansionInSystemHeader()))
                        .bind("op"),
                    this);
  // getenv("X") ?: "default"
  finder.addMatcher(binaryConditionalOperator(anyOf(hasDescendant(getenvCall),
                                                    hasDescendant(declRefExpr(to(fromGetenv)))),
                                              hasFalseExpression(fallback),
                                              unless(isExpansionInSystemHeader()))
                        .bind("op"),
                    this);
  // const char *v = getenv("X"); if (!v) v = "default";
  finder.addMatcher(
      binaryOperator(isAssignmentOperator(),
                     hasLHS(declRefExpr(to(varDecl(fromGetenv).bind("var")))),
                     hasRHS(expr().bind("fallback")),
                     hasAncestor(ifStmt(hasCondition(hasDescendant(
                         declRefExpr(to(varDecl(equalsBoundNode("var")))))))),
                     unless(isExpansionInSystemHeader()))
          .bind("op"),
      this);
}

void EnvFallbackCheck::check(const MatchFinder::MatchResult &result) {
  const auto *op = result.Nodes.getNodeAs<clang::Expr>("op");
  const auto *fallback = result.Nodes.getNodeAs<clang::Expr>("fallback");
  if (!op || !fallback)
    return;
  std::string shown;
  if (auto s = stringValue(fallback)) {
    if (trivialString(*s))
      return;
    shown = "\"" + *s + "\"";
  } else if (llvm::isa<clang::IntegerLiteral, clang::FloatingLiteral>(
                 fallback->IgnoreParenImpCasts())) {
    auto v = integerValue(fallback, *result.Context);
    if (v && *v == 0)
      return;
    if (llvm::isa<clang::FloatingLiteral>(fallback->IgnoreParenImpCasts()))
      shown = "a number";
    else
      shown = std::to_string(v.value_or(0));
  } else {
    return; // a call, a variable, nullptr, a throw: not a hardcoded value
  }
  auto loc = fallback->getBeginLoc();
  report(loc, *result.SourceManager,
         "environment variable has a hardcoded fallback " + shown +
             "; require the variable (fail at start-up) or document the default in one place");
}

} // namespace twelve::checks
