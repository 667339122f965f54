#include "checks/concurrency/PidFileCheck.h"

#include "checks/ast_util.h"
#include "checks/config/secrets.h"
#include "checks/processes/file_writes.h"
#include "checks/processes/paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <cctype>
#include <optional>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// A function named for writing a PID file: create_pidfile, WritePidFile,
// save_pid (not check_pidfile or read_pid, which read it).
bool namedForPidFile(const clang::FunctionDecl &fn) {
  if (!fn.getIdentifier())
    return false;
  auto words = secrets::identifierWords(fn.getName().str());
  auto has = [&](const char *w) { return std::find(words.begin(), words.end(), w) != words.end(); };
  bool pid = has("pidfile") || has("pid");
  return pid && (has("create") || has("write") || has("save") || has("make") || has("store") ||
                 has("open") || has("init"));
}

auto containsGetpid() {
  return hasDescendant(callExpr(calls(functionDecl(nameIn({"::getpid", "::_getpid"})))));
}
auto isGetpidOrContains() {
  return anyOf(callExpr(calls(functionDecl(nameIn({"::getpid", "::_getpid"})))), containsGetpid());
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

// "%d\n", "%ld", "%u\n": the PID alone, as a PID file holds it.
bool pidOnlyFormat(const std::string &format) {
  if (conversionCount(format) != 1)
    return false;
  auto pct = format.find('%');
  auto end = format.find_first_of("diu", pct);
  if (end == std::string::npos)
    return false;
  auto spec = format.substr(pct + 1, end - pct - 1);
  if (spec.find_first_not_of("lhjzt") != std::string::npos)
    return false;
  return std::all_of(format.begin(), format.begin() + static_cast<long>(pct),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); }) &&
         std::all_of(format.begin() + static_cast<long>(end) + 1, format.end(),
                     [](char c) { return std::isspace(static_cast<unsigned char>(c)); });
}

// A name that says PID file: pid_file, pidFile, PIDFILE, pid_path, pidfilename.
bool isPidFileName(llvm::StringRef name) {
  if (!name.contains_insensitive("pid"))
    return false; // most names: no words to split (this runs on every call's arguments)
  auto words = secrets::identifierWords(name.str());
  for (size_t i = 0; i < words.size(); ++i) {
    if (words[i] == "pidfile" || words[i] == "pidpath" || words[i] == "pidfilename")
      return true;
    if (words[i] == "pid" && i + 1 < words.size() &&
        (words[i + 1] == "file" || words[i + 1] == "path" || words[i + 1] == "filename"))
      return true;
  }
  return false;
}

// The PID-file name in a path expression whose value is not known at compile
// time: `pidfile`, `cfg.pid_file.c_str()`, `srv->srvconf.pid_file->ptr`.
std::optional<std::string> pidFileNameIn(const clang::Expr *e) {
  for (int depth = 0; e && depth < 8; ++depth) {
    e = e->IgnoreParenImpCasts();
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
      const auto *id = ref->getDecl()->getIdentifier(); // none for operators
      return id && isPidFileName(id->getName()) ? std::optional<std::string>(id->getName().str())
                                                : std::nullopt;
    }
    if (const auto *member = llvm::dyn_cast<clang::MemberExpr>(e)) {
      const auto *id = member->getMemberDecl()->getIdentifier();
      if (id && isPidFileName(id->getName()))
        return id->getName().str();
      e = member->getBase();
      continue;
    }
    if (const auto *call = llvm::dyn_cast<clang::CXXMemberCallExpr>(e)) {
      e = call->getImplicitObjectArgument(); // path.c_str(), path.string()
      continue;
    }
    return std::nullopt;
  }
  return std::nullopt;
}

AST_MATCHER(clang::Expr, namesPidFile) { return pidFileNameIn(&Node).has_value(); }

} // namespace

void PidFileCheck::registerMatchers(MatchFinder &finder) {
  NamedCalls files;
  addFileCalls(files);
  files.registerWith(finder, this);
  finder.addMatcher(fileCtorMatcher(), this);
  finder.addMatcher(fileMemberMatcher(), this);
  // A project's own open wrapper given a PID-file name and O_CREAT:
  // fdevent_open_cloexec(pidfile, 0, O_WRONLY | O_CREAT | O_TRUNC, 0644) (lighttpd).
  finder.addMatcher(callExpr(hasAnyArgument(ignoringParenImpCasts(namesPidFile())),
                             calls(functionDecl(unless(isExpansionInSystemHeader()))),
                             unless(isExpansionInSystemHeader()))
                        .bind("wrapperOpen"),
                    this);
  // fprintf(f, "%d\n", getpid()) to a FILE that is not stdout/stderr: printing
  // the PID to the console is logging, not a PID file.
  auto stdStream = declRefExpr(to(varDecl(nameIn({"::stdout", "::stderr"}))));
  NamedCalls named;
  named.add({"::fprintf", "::dprintf"},
            callExpr(hasAnyArgument(ignoringParenImpCasts(isGetpidOrContains())),
                     unless(hasArgument(0, ignoringParenImpCasts(stdStream))),
                     unless(hasArgument(0, ignoringParenImpCasts(integerLiteral()))),
                     unless(isExpansionInSystemHeader()))
                .bind("pidWrite"));
  // sprintf(buf, "%d\n", (int)getpid()): the PID alone, formatted to be
  // written; a file created in the same function is then the PID file (dnsmasq).
  named.add({"::sprintf", "::snprintf"},
            callExpr(hasAnyArgument(ignoringParenImpCasts(isGetpidOrContains())),
                     unless(isExpansionInSystemHeader()))
                .bind("pidFormat"));
  named.registerWith(finder, this);
  // out << getpid() on a file stream (std::cout/std::cerr are not files).
  auto fileStream = hasType(hasUnqualifiedDesugaredType(recordType(
      hasDeclaration(cxxRecordDecl(nameIn({"::std::basic_ofstream", "::std::basic_fstream"}))))));
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
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("pidFormat")) {
    unsigned formatIndex = call->getDirectCallee()->getName() == "snprintf" ? 2 : 1;
    if (call->getNumArgs() <= formatIndex)
      return;
    auto format = stringValue(call->getArg(formatIndex));
    if (format && pidOnlyFormat(*format))
      pidFormats_.emplace(enclosingFunction(call, *result.Context), call->getBeginLoc());
    return;
  }
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("wrapperOpen")) {
    const auto *fn = call->getDirectCallee();
    if (!fn || !fn->getIdentifier())
      return; // operators, constructors: not an opener
    auto words = secrets::identifierWords(fn->getName().str());
    bool opens = std::any_of(words.begin(), words.end(), [](const std::string &w) {
      return w == "open" || w == "creat" || w == "create";
    });
    bool creates = false;
    std::optional<std::string> name;
    for (const auto *arg : call->arguments()) {
      if (!name)
        name = pidFileNameIn(arg);
      creates = creates || openerMode(arg, *result.Context).creates;
    }
    if (!opens || !creates || !name || !firstInFunction(call, *result.Context))
      return;
    report(call->getBeginLoc(), *result.SourceManager,
           fn->getName().str() + "() creates the PID file named by '" + *name +
               "': a PID file is for self-managed daemons; run in the foreground and let the "
               "process manager track the process");
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
  if (!write)
    return;
  std::string what;
  if (write->path && paths::isPidPath(*write->path))
    what = "the PID file '" + *write->path + "'";
  else if (auto name = write->path ? std::nullopt : pidFileNameIn(write->pathArg))
    what = "the PID file named by '" + *name + "'"; // fopen(pid_file, "w")
  else if (const auto *fn = llvm::dyn_cast_or_null<clang::FunctionDecl>(
               enclosingFunction(candidate, *result.Context));
           fn && !write->path && namedForPidFile(*fn))
    // nginx's ngx_create_pidfile(ngx_str_t *name, ...), znc's WritePidFile():
    // the function says what the file it creates is.
    what = "the PID file (in " + fn->getNameAsString() + "())";
  else {
    // Any other file opened for writing here (not /dev/null): the PID file if
    // the function formats the PID alone.
    if (write->path && paths::isSystemPath(*write->path))
      return;
    if (const auto *function = enclosingFunction(candidate, *result.Context))
      writeOpens_[function].emplace_back(candidate->getBeginLoc(), write->api);
    return;
  }
  if (!firstInFunction(candidate, *result.Context))
    return;
  report(candidate->getBeginLoc(), *result.SourceManager,
         write->api + "() writes " + what +
             ": a PID file is for self-managed daemons; run in the foreground and let the "
             "process manager track the process");
}

bool PidFileCheck::firstInFunction(const clang::Stmt *s, clang::ASTContext &ctx) {
  // One finding per function: memcached's save_pid() opens a temporary file
  // and renames it over the PID file; lighttpd retries the open.
  const auto *function = enclosingFunction(s, ctx);
  return opened_.insert(function).second || !function;
}

void PidFileCheck::onEndOfTranslationUnit() {
  for (const auto &[function, format] : pidFormats_) {
    auto opens = writeOpens_.find(function);
    if (!function || opens == writeOpens_.end() || opened_.count(function))
      continue;
    // The first open after the PID is formatted (format, open, write), else the
    // last one before it (open, format, write): a long main() opens other files too.
    const std::pair<clang::SourceLocation, std::string> *after = nullptr, *before = nullptr;
    auto formatLoc = sm_->getFileLoc(format);
    for (const auto &open : opens->second) {
      auto loc = sm_->getFileLoc(open.first);
      if (sm_->getFileID(loc) != sm_->getFileID(formatLoc))
        continue;
      if (sm_->isBeforeInTranslationUnit(formatLoc, loc)) {
        if (!after || sm_->isBeforeInTranslationUnit(loc, sm_->getFileLoc(after->first)))
          after = &open;
      } else if (!before || sm_->isBeforeInTranslationUnit(sm_->getFileLoc(before->first), loc)) {
        before = &open;
      }
    }
    const auto *best = after ? after : before;
    if (!best)
      continue;
    opened_.insert(function);
    report(best->first, *sm_,
           best->second +
               "() opens a file for writing in a function that formats getpid() alone "
               "(\"%d\\n\"): a PID file is for self-managed daemons; run in the foreground and "
               "let the process manager track the process");
  }
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
  pidFormats_.clear();
  writeOpens_.clear();
}

} // namespace twelve::checks
