#include "checks/config/EnvFallbackCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <cctype>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// "", "0", "false", "no", "off": defaults that mean "nothing", not config.
bool trivialString(const std::string &v) {
  return v.empty() || v == "0" || v == "false" || v == "no" || v == "off" || v == "n";
}

// Variables of the operating system and the user's session, not of the
// service: their conventional defaults (TMPDIR -> /tmp, SHELL -> /bin/sh) are
// what POSIX and every shell use, not configuration to externalize.
bool isSystemVariable(const std::string &name) {
  static const char *const names[] = {"TMPDIR", "TMP",    "TEMP",    "TEMPDIR", "SHELL",
                                      "HOME",   "PATH",   "USER",    "LOGNAME", "TERM",
                                      "LANG",   "LC_ALL", "TZ",      "PWD",     "PAGER",
                                      "EDITOR", "VISUAL", "COLUMNS", "LINES"};
  for (const char *n : names)
    if (name == n)
      return true;
  return name.rfind("XDG_", 0) == 0;
}

// The name of the variable an expression reads: getenv("X") in it, or a
// variable initialized from one (v in `const char *v = getenv("X"); v ? v : ...`).
std::optional<std::string> variableRead(const clang::Stmt *s,
                                        const std::vector<std::string> &readers, int depth = 0) {
  if (!s || depth > 8)
    return std::nullopt;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee(); fn && call->getNumArgs() > 0) {
      auto q = "::" + fn->getQualifiedNameAsString();
      if (std::find(readers.begin(), readers.end(), q) != readers.end() ||
          std::find(readers.begin(), readers.end(), fn->getQualifiedNameAsString()) !=
              readers.end())
        return stringValue(call->getArg(0));
    }
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s))
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()); var && var->getInit())
      return variableRead(var->getInit(), readers, depth + 1);
  for (const auto *child : s->children())
    if (auto name = variableRead(child, readers, depth + 1))
      return name;
  return std::nullopt;
}

// h2o's `root = H2O_TO_STR(H2O_ROOT)`: the preprocessor made the string from a
// name (`#x`) that the build defines on its command line (the install prefix)
// and a fresh clone does not, so the string is the name itself. The value is
// the build's, not one written in the code.
bool stringifiedName(const clang::Expr *e, const clang::SourceManager &sm, const std::string &s) {
  auto loc = sm.getSpellingLoc(e->IgnoreParenImpCasts()->getBeginLoc());
  if (s.empty() || !sm.isWrittenInScratchSpace(loc) ||
      std::isdigit(static_cast<unsigned char>(s.front())))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_';
  });
}

} // namespace

std::vector<std::string> EnvFallbackCheck::readers() const {
  // getenv and the project's own configuration readers (config-functions).
  std::vector<std::string> out{"::getenv", "::secure_getenv", "::std::getenv"};
  out.insert(out.end(), options().configFunctions.begin(), options().configFunctions.end());
  return out;
}

void EnvFallbackCheck::registerMatchers(MatchFinder &finder) {
  auto getenvCall = callExpr(calls(functionDecl(nameIn(readers()))));
  auto fromGetenv = varDecl(hasInitializer(ignoringParenImpCasts(getenvCall)));
  auto envValue = anyOf(getenvCall, hasDescendant(getenvCall), declRefExpr(to(fromGetenv)),
                        hasDescendant(declRefExpr(to(fromGetenv))));
  auto fallback = expr(unless(cxxThrowExpr())).bind("fallback");
  // getenv("X") ? getenv("X") : "default", v ? v : "default": the operator
  // chooses between the variable's value and a default. With constants on both
  // sides (`v && strchr(v, ':') ? AF_INET6 : AF_INET`) it branches on the
  // variable instead, which is not a fallback.
  finder.addMatcher(
      conditionalOperator(hasCondition(expr(envValue)), hasTrueExpression(expr(envValue)),
                          hasFalseExpression(fallback), unless(isExpansionInSystemHeader()))
          .bind("op"),
      this);
  // getenv("X") ?: "default"
  finder.addMatcher(binaryConditionalOperator(anyOf(hasDescendant(getenvCall),
                                                    hasDescendant(declRefExpr(to(fromGetenv)))),
                                              hasFalseExpression(fallback),
                                              unless(isExpansionInSystemHeader()))
                        .bind("op"),
                    this);
  // settings::get("db.host", "localhost"): a default handed to a config reader.
  if (!options().configFunctions.empty()) {
    NamedCalls named;
    named.add(options().configFunctions,
              callExpr(unless(isExpansionInSystemHeader())).bind("configCall"));
    named.registerWith(finder, this);
  }
  // const char *v = getenv("X"); if (!v) v = "default";
  finder.addMatcher(binaryOperator(isAssignmentOperator(),
                                   hasLHS(declRefExpr(to(varDecl(fromGetenv).bind("var")))),
                                   hasRHS(expr().bind("fallback")),
                                   hasAncestor(ifStmt(hasCondition(hasDescendant(
                                       declRefExpr(to(varDecl(equalsBoundNode("var")))))))),
                                   unless(isExpansionInSystemHeader()))
                        .bind("op"),
                    this);
}

void EnvFallbackCheck::check(const MatchFinder::MatchResult &result) {
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("configCall")) {
    // The first argument names the setting; a literal after it is its default.
    for (unsigned i = 1; i < call->getNumArgs(); ++i)
      if (!llvm::isa<clang::CXXDefaultArgExpr>(call->getArg(i)))
        reportFallback(call->getArg(i), result, "configuration value");
    return;
  }
  const auto *op = result.Nodes.getNodeAs<clang::Expr>("op");
  const auto *fallback = result.Nodes.getNodeAs<clang::Expr>("fallback");
  if (!op || !fallback)
    return;
  const clang::Stmt *source = op;
  if (const auto *var = result.Nodes.getNodeAs<clang::VarDecl>("var"))
    source = var->getInit();
  auto name = variableRead(source, readers());
  if (name && isSystemVariable(*name))
    return;
  reportFallback(fallback, result, "environment variable");
}

void EnvFallbackCheck::reportFallback(const clang::Expr *fallback,
                                      const MatchFinder::MatchResult &result, const char *what) {
  std::string shown;
  if (auto s = stringValue(fallback)) {
    if (trivialString(*s) || stringifiedName(fallback, *result.SourceManager, *s))
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
         std::string(what) + " has a hardcoded fallback " + shown +
             "; require the variable (fail at start-up) or document the default in one place");
}

} // namespace twelve::checks
