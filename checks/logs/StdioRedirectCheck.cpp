#include "checks/logs/StdioRedirectCheck.h"

#include "checks/ast_util.h"
#include "checks/logs/log_paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// /dev/stdout, /dev/stderr, /dev/tty keep the stream a stream; /dev/null is
// detaching, which concurrency/daemonize reports.
bool isDevicePath(const std::string &path) { return path.rfind("/dev/", 0) == 0; }

const char *streamName(long long fd) { return fd == 1 ? "stdout" : "stderr"; }

// The path a file descriptor expression was opened on, when it is visible:
// open("x", ...) / creat("x") / fileno(fopen("x", ...)) directly, or through a
// local variable initialized with one of those.
std::optional<std::string> openedPath(const clang::Expr *e) {
  e = e->IgnoreParenImpCasts();
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
      if (var->hasLocalStorage() && var->hasInit())
        e = var->getInit()->IgnoreParenImpCasts();
  const auto *call = llvm::dyn_cast<clang::CallExpr>(e);
  if (!call || !call->getDirectCallee() || call->getNumArgs() < 1)
    return std::nullopt;
  auto name = call->getDirectCallee()->getQualifiedNameAsString();
  if (name == "open" || name == "open64" || name == "creat" || name == "creat64")
    return stringValue(call->getArg(0));
  if (name == "openat" || name == "openat64")
    return call->getNumArgs() >= 2 ? stringValue(call->getArg(1)) : std::nullopt;
  if (name == "fileno")
    if (const auto *inner = llvm::dyn_cast<clang::CallExpr>(call->getArg(0)->IgnoreParenImpCasts()))
      if (inner->getDirectCallee() && inner->getNumArgs() >= 1 &&
          (inner->getDirectCallee()->getQualifiedNameAsString() == "fopen" ||
           inner->getDirectCallee()->getQualifiedNameAsString() == "fopen64"))
        return stringValue(inner->getArg(0));
  return std::nullopt;
}

} // namespace

void StdioRedirectCheck::registerMatchers(MatchFinder &finder) {
  auto stdStream = declRefExpr(to(varDecl(nameIn({"::stdout", "::stderr"})).bind("stream")));
  NamedCalls named;
  named.add({"::freopen", "::freopen64"},
            callExpr(argumentCountIs(3), hasArgument(2, ignoringParenImpCasts(stdStream)),
                     unless(isExpansionInSystemHeader()))
                .bind("freopen"));
  named.add({"::dup2", "::dup3"}, callExpr(unless(isExpansionInSystemHeader())).bind("dup2"));
  named.registerWith(finder, this);
}

void StdioRedirectCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("freopen")) {
    const auto *stream = result.Nodes.getNodeAs<clang::VarDecl>("stream");
    auto path = stringValue(call->getArg(0));
    // freopen(NULL, mode, stdout) only changes the mode; a device keeps a stream.
    if (path && isDevicePath(*path))
      return;
    if (!path && call->getArg(0)->IgnoreParenImpCasts()->isNullPointerConstant(
                     *result.Context, clang::Expr::NPC_ValueDependentIsNotNull))
      return;
    // A tool writing its output to a file named on its command line
    // (`freopen(out_path, "w", stdout)`) is exporting data, not hiding logs:
    // stdout with a path from elsewhere is reported only when it names a log.
    if (!path && stream->getName() == "stdout" && !isLogIdentifier(identifierOf(call->getArg(0))))
      return;
    report(call->getBeginLoc(), sm,
           "freopen() redirects " + stream->getName().str() + " to " +
               (path ? "'" + *path + "'" : std::string("a file")) +
               "; write logs to stdout/stderr and let the platform route them");
    return;
  }
  const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("dup2");
  if (!call || call->getNumArgs() < 2)
    return;
  auto target = integerValue(call->getArg(1), *result.Context);
  if (!target || (*target != 1 && *target != 2))
    return;
  // Only a descriptor visibly opened on a file: pipes and sockets handed to a
  // child before exec are how supervisors capture output, not a violation.
  auto path = openedPath(call->getArg(0));
  if (!path || isDevicePath(*path))
    return;
  report(call->getBeginLoc(), sm,
         "dup2() points " + std::string(streamName(*target)) + " at the file '" + *path +
             "'; write logs to stdout/stderr and let the platform route them");
}

} // namespace twelve::checks
