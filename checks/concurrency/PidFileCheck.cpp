#include "checks/concurrency/PidFileCheck.h"

#include "checks/ast_util.h"
#include "checks/processes/file_writes.h"
#include "checks/processes/paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// The innermost function (or method, or lambda body) holding a statement.
const clang::Decl *enclosingFunction(const clang::Stmt *s, clang::ASTContext &ctx) {
  clang::DynTypedNodeList parents = ctx.getParents(*s);
  while (!parents.empty()) {
    if (const auto *f = parents[0].get<clang::FunctionDecl>())
      return f;
    if (const auto *st = parents[0].get<clang::Stmt>())
      parents = ctx.getParents(*st);
    else if (const auto *d = parents[0].get<clang::Decl>())
      parents = ctx.getParents(*d);
    else
      return nullptr;
  }
  return nullptr;
}

auto containsGetpid() {
  return hasDescendant(callExpr(callee(functionDecl(hasAnyName("::getpid", "::_getpid")))));
}
auto isGetpidOrContains() {
  return anyOf(callExpr(callee(functionDecl(hasAnyName("::getpid", "::_getpid")))),
               containsGetpid());
}

// The conversions of a printf format ("%d:%c %s\n" has 3); "%%" is none.
int conversionCount(const std::string &format) {
  int n = 0;
  for (size_t i = 0; i + 1 < format.size(); ++i)
    if (format[i] == '%') {
      if (format[i + 1] == '%')
        ++i;
      else
        ++n;
    }
  return n;
}

// fprintf(log, "%d:%c %s %s\n", getpid(), role, time, msg): the PID is one
// field of a log record (Redis's serverLogRaw, syslog-style prefixes), not the
// content of a PID file, which holds the PID alone.
bool isRecordWithPid(const clang::Expr *write) {
  const auto *call = llvm::dyn_cast<clang::CallExpr>(write);
  if (!call || call->getNumArgs() < 2)
    return false;
  auto format = stringValue(call->getArg(1));
  return format && conversionCount(*format) > 1;
}

} // namespace

void PidFileCheck::registerMatchers(MatchFinder &finder) {
  finder.addMatcher(fileCallMatcher(), this);
  finder.addMatcher(fileCtorMatcher(), this);
  finder.addMatcher(fileMemberMatcher(), this);
  // fprintf(f, "%d\n", getpid()) to a FILE that is not stdout/stderr: printing
  // the PID to the console is logging, not a PID file.
  auto stdStream = declRefExpr(to(varDecl(hasAnyName("::stdout", "::stderr"))));
  finder.addMatcher(callExpr(callee(functionDecl(hasAnyName("::fprintf", "::dprintf"))),
                             hasAnyArgument(ignoringParenImpCasts(isGetpidOrContains())),
                             unless(hasArgument(0, ignoringParenImpCasts(stdStream))),
                             unless(hasArgument(0, ignoringParenImpCasts(integerLiteral()))),
                             unless(isExpansionInSystemHeader()))
                        .bind("pidWrite"),
                    this);
  // out << getpid() on a file stream (std::cout/std::cerr are not files).
  auto fileStream = hasType(hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(cxxRecordDecl(hasAnyName("::std::basic_ofstream", "::std::basic_fstream"))))));
  finder.addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("<<"),
                          hasArgument(1, ignoringParenImpCasts(isGetpidOrContains())),
                          hasArgument(0, ignoringParenImpCasts(expr(anyOf(
                                             fileStream, hasDescendant(declRefExpr(fileStream)))))),
                          unless(isExpansionInSystemHeader()))
          .bind("pidWrite"),
      this);
}

void PidFileCheck::check(const MatchFinder::MatchResult &result) {
  sm_ = result.SourceManager;
  if (const auto *w = result.Nodes.getNodeAs<clang::Expr>("pidWrite")) {
    if (isRecordWithPid(w))
      return;
    pidWrites_.push_back({enclosingFunction(w, *result.Context), w->getBeginLoc()});
    return;
  }
  const clang::Expr *candidate = result.Nodes.getNodeAs<clang::Expr>("fileCall");
  if (!candidate)
    candidate = result.Nodes.getNodeAs<clang::Expr>("fileCtor");
  if (!candidate)
    candidate = result.Nodes.getNodeAs<clang::Expr>("fileMember");
  if (!candidate)
    return;
  auto write = fileWriteOf(candidate, *result.Context);
  if (!write || !write->path || !paths::isPidPath(*write->path))
    return;
  opened_.insert(enclosingFunction(candidate, *result.Context));
  report(candidate->getBeginLoc(), *result.SourceManager,
         write->api + "() writes the PID file '" + *write->path +
             "': a PID file is for self-managed daemons; run in the foreground and let the "
             "process manager track the process");
}

void PidFileCheck::onEndOfTranslationUnit() {
  std::set<const clang::Decl *> reported;
  for (const auto &[function, loc] : pidWrites_) {
    // One finding per PID-file write site: the open already said it, and a
    // function writing the PID twice (fprintf + fflush loops) is one site.
    if ((function && opened_.count(function)) || (function && !reported.insert(function).second))
      continue;
    report(loc, *sm_,
           "getpid() is written to a file: a PID file is for self-managed daemons; run in the "
           "foreground and let the process manager track the process");
  }
  opened_.clear();
  pidWrites_.clear();
}

} // namespace twelve::checks
