#include "checks/processes/LocalFileStateCheck.h"

#include "checks/processes/file_writes.h"
#include "checks/processes/paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

void LocalFileStateCheck::registerMatchers(MatchFinder &finder) {
  NamedCalls named;
  addFileCalls(named);
  named.registerWith(finder, this);
  finder.addMatcher(fileCtorMatcher(), this);
  finder.addMatcher(fileMemberMatcher(), this);
}

void LocalFileStateCheck::check(const MatchFinder::MatchResult &result) {
  const clang::Expr *candidate = result.Nodes.getNodeAs<clang::Expr>("fileCall");
  if (!candidate)
    candidate = result.Nodes.getNodeAs<clang::Expr>("fileCtor");
  if (!candidate)
    candidate = result.Nodes.getNodeAs<clang::Expr>("fileMember");
  if (!candidate)
    return;
  auto write = fileWriteOf(candidate, *result.Context);
  // Only fixed paths: a path from argv, a parameter or the configuration is
  // the operator's choice (an export, or a mounted volume).
  if (!write || !write->path || write->path->empty())
    return;
  const auto &path = *write->path;
  // Devices and kernel interfaces are not files; temporary directories are
  // scratch space by convention; log files are logs/file-sink and PID files
  // concurrency/pid-file.
  if (paths::isSystemPath(path) || paths::isTempPath(path) || paths::isLogPath(path) ||
      paths::isPidPath(path))
    return;
  std::string what = write->api == "rename" || write->api.rfind("renameat", 0) == 0
                         ? write->api + "() moves a file into '" + path + "'"
                         : write->api + "() opens '" + path + "' for writing";
  report(candidate->getBeginLoc(), *result.SourceManager,
         what + ": state on the local disk is lost on restart and not shared between "
                "instances; keep it in a backing service");
}

} // namespace twelve::checks
