#include "checks/dev-prod-parity/EnvironmentBranchingCheck.h"

#include "checks/ast_util.h"
#include "checks/config/secrets.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

namespace secrets = twelve::checks::secrets;

// Words that make a variable hold an environment name: app_env, deployEnv,
// environment, stage, tier, profile.
bool envishName(const std::string &name) {
  for (const auto &w : secrets::identifierWords(name))
    if (w == "env" || w == "environment" || w == "stage" || w == "tier" || w == "profile" ||
        w == "deployment" || w == "deploy" || w == "runtime" || w == "mode")
      return true;
  return false;
}

// The other operand reads the environment name: getenv(...) anywhere in it, or
// a variable/field whose name or initializer says so.
bool readsEnvironmentName(const clang::Stmt *s, int depth = 0) {
  if (!s || depth > 8)
    return false;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee()) {
      auto n = fn->getName();
      if (n == "getenv" || n == "secure_getenv" || envishName(fn->getNameAsString()))
        return true;
    }
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
    if (envishName(ref->getDecl()->getNameAsString()))
      return true;
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
      if (var->hasInit() && readsEnvironmentName(var->getInit(), depth + 1))
        return true;
  }
  if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(s))
    if (envishName(member->getMemberDecl()->getNameAsString()))
      return true;
  for (const auto *child : s->children())
    if (readsEnvironmentName(child, depth + 1))
      return true;
  return false;
}

// Whether a comparison's result decides a branch: the condition of an if,
// while, for, do or ?:, directly or through !, ==0, &&, ||; or it is stored in
// a bool or returned (is_production()), whose only use is to branch.
bool decidesBranch(const clang::Expr *e, clang::ASTContext &ctx) {
  const clang::Stmt *child = e;
  for (int depth = 0; depth < 10; ++depth) {
    auto parents = ctx.getParents(*child);
    if (parents.empty())
      return false;
    const auto &p = parents[0];
    if (const auto *s = p.get<clang::IfStmt>())
      return s->getCond() == child;
    if (const auto *s = p.get<clang::WhileStmt>())
      return s->getCond() == child;
    if (const auto *s = p.get<clang::DoStmt>())
      return s->getCond() == child;
    if (const auto *s = p.get<clang::ForStmt>())
      return s->getCond() == child;
    if (const auto *s = p.get<clang::ConditionalOperator>())
      return s->getCond() == child;
    if (p.get<clang::ReturnStmt>())
      return true;
    if (const auto *v = p.get<clang::VarDecl>())
      return v->getType()->isBooleanType();
    if (const auto *b = p.get<clang::BinaryOperator>()) {
      if (b->isLogicalOp() || b->isEqualityOp() || b->isRelationalOp()) {
        child = b;
        continue;
      }
      if (b->isAssignmentOp())
        return b->getType()->isBooleanType();
      return false;
    }
    if (const auto *u = p.get<clang::UnaryOperator>()) {
      if (u->getOpcode() == clang::UO_LNot) {
        child = u;
        continue;
      }
      return false;
    }
    if (const auto *x = p.get<clang::Expr>()) {
      if (llvm::isa<clang::ImplicitCastExpr, clang::ParenExpr, clang::ExprWithCleanups,
                    clang::CXXBindTemporaryExpr, clang::MaterializeTemporaryExpr,
                    clang::CStyleCastExpr, clang::CXXFunctionalCastExpr>(x)) {
        child = x;
        continue;
      }
      return false;
    }
    return false;
  }
  return false;
}

} // namespace

void EnvironmentBranchingCheck::registerMatchers(MatchFinder &finder) {
  auto envLiteral = ignoringImplicit(
      expr(anyOf(stringLiteral().bind("name"),
                 cxxConstructExpr(hasArgument(0, ignoringImplicit(stringLiteral().bind("name")))),
                 materializeTemporaryExpr(has(ignoringImplicit(stringLiteral().bind("name")))))));
  // strcmp(env, "production")
  NamedCalls named;
  named.add({"::strcmp", "::strcasecmp", "::strncmp", "::strncasecmp", "::std::strcmp",
             "::std::strncmp", "::g_strcmp0", "::g_ascii_strcasecmp"},
            callExpr(hasAnyArgument(ignoringParenImpCasts(stringLiteral().bind("name"))),
                     unless(isExpansionInSystemHeader()))
                .bind("cmp"));
  named.registerWith(finder, this);
  // env == "production" (std::string, std::string_view, QString)
  finder.addMatcher(cxxOperatorCallExpr(hasAnyOverloadedOperatorName("==", "!="),
                                        hasAnyArgument(envLiteral),
                                        unless(isExpansionInSystemHeader()))
                        .bind("cmp"),
                    this);
  // env.compare("production") == 0, env.equals("production")
  finder.addMatcher(
      cxxMemberCallExpr(calls(cxxMethodDecl(
                            nameIn({"compare", "equals", "equalsIgnoreCase", "EqualsIgnoreCase"}))),
                        hasArgument(0, envLiteral), unless(isExpansionInSystemHeader()))
          .bind("cmp"),
      this);
}

void EnvironmentBranchingCheck::check(const MatchFinder::MatchResult &result) {
  const auto *cmp = result.Nodes.getNodeAs<clang::Expr>("cmp");
  const auto *name = result.Nodes.getNodeAs<clang::StringLiteral>("name");
  if (!cmp || !name)
    return;
  auto value = utf8(name);
  auto kind = secrets::environmentName(value);
  if (kind == secrets::EnvName::None)
    return;
  if (kind == secrets::EnvName::Weak) {
    // "test", "dev", "qa" are also subcommands and device names: only when the
    // other side visibly holds an environment name.
    bool envish = false;
    if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(cmp))
      envish = readsEnvironmentName(member->getImplicitObjectArgument());
    else if (const auto *call = llvm::dyn_cast<clang::CallExpr>(cmp))
      for (const auto *arg : call->arguments())
        if (asStringLiteral(arg) != name && readsEnvironmentName(arg))
          envish = true;
    if (!envish)
      return;
  }
  if (!decidesBranch(cmp, *result.Context))
    return;
  report(name->getBeginLoc(), *result.SourceManager,
         "behaviour depends on the environment name '" + value +
             "'; make each difference its own setting (a feature flag or config value) so every "
             "environment runs the same code");
}

} // namespace twelve::checks
