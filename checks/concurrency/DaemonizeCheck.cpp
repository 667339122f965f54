#include "checks/concurrency/DaemonizeCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <cctype>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

const char *kWhy = ": run in the foreground and let the process manager (systemd, Docker, "
                   "Kubernetes) supervise, restart and collect the output";

auto inFunction() { return forCallable(functionDecl().bind("function")); }

auto devNullOpen() {
  return callExpr(calls(functionDecl(nameIn({"::open", "::open64"}))),
                  hasArgument(0, ignoringParenImpCasts(stringLiteral())))
      .bind("nullOpen");
}

// The functions a function calls directly (canonical declarations).
void collectCallees(const clang::Stmt *s, std::set<const clang::Decl *> &out) {
  if (!s)
    return;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee())
      out.insert(fn->getCanonicalDecl());
  for (const auto *child : s->children())
    collectCallees(child, out);
}

const clang::Stmt *bodyOf(const clang::Decl *d) {
  const auto *fn = llvm::dyn_cast_or_null<clang::FunctionDecl>(d);
  const clang::FunctionDecl *definition = nullptr;
  return fn && fn->hasBody(definition) ? definition->getBody() : nullptr;
}

bool isExec(const clang::CallExpr *call) {
  const auto *fn = call->getDirectCallee();
  if (!fn || !fn->getIdentifier())
    return false;
  auto n = fn->getName();
  return n == "execl" || n == "execlp" || n == "execle" || n == "execv" || n == "execvp" ||
         n == "execvpe" || n == "execve" || n == "fexecve" || n == "execveat";
}

bool containsExec(const clang::Stmt *s) {
  if (!s)
    return false;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s); call && isExec(call))
    return true;
  for (const auto *child : s->children())
    if (containsExec(child))
      return true;
  return false;
}

// Whether the block a call is in also execs: a child being set up for a
// command (`if (pid == 0) { setsid(); ...; execvp(...); }`), unlike znc's
// main(), which detaches in one branch and re-executes itself for a restart
// in another.
bool blockExecs(const clang::Stmt *call, clang::ASTContext &ctx) {
  clang::DynTypedNodeList parents = ctx.getParents(*call);
  while (!parents.empty()) {
    if (const auto *block = parents[0].get<clang::CompoundStmt>())
      return containsExec(block);
    if (const auto *st = parents[0].get<clang::Stmt>())
      parents = ctx.getParents(*st);
    else
      return false;
  }
  return false;
}

} // namespace

DaemonizeCheck::FunctionFacts &DaemonizeCheck::facts(const clang::Decl *function) {
  auto [it, inserted] = functions_.try_emplace(function);
  if (inserted)
    order_.push_back(function);
  return it->second;
}

void DaemonizeCheck::registerMatchers(MatchFinder &finder) {
  auto notSystem = unless(isExpansionInSystemHeader());
  NamedCalls named;
  named.add({"::daemon"}, callExpr(inFunction(), notSystem).bind("daemon"));
  named.add({"::setsid"}, callExpr(inFunction(), notSystem).bind("setsid"));
  named.add({"::fork", "::vfork"}, callExpr(inFunction(), notSystem).bind("fork"));
  // A function that execs spawns a command; a helper it calls, or that it is,
  // sets up the child rather than detaching the service.
  named.add({"::execl", "::execlp", "::execle", "::execv", "::execvp", "::execvpe", "::execve",
             "::fexecve", "::execveat"},
            callExpr(inFunction(), notSystem).bind("exec"));
  // freopen("/dev/null", "w", stdout): stdin alone is not detaching output.
  named.add({"::freopen", "::freopen64"},
            callExpr(argumentCountIs(3),
                     hasArgument(2, ignoringParenImpCasts(declRefExpr(
                                        to(varDecl(nameIn({"::stdout", "::stderr"})))))),
                     inFunction(), notSystem)
                .bind("freopen"));
  named.add({"::dup2", "::dup3"}, callExpr(inFunction(), notSystem).bind("dup2"));
  named.registerWith(finder, this);
  // fd = open("/dev/null", ...) / int fd = open("/dev/null", ...)
  finder.addMatcher(binaryOperator(isAssignmentOperator(),
                                   hasLHS(declRefExpr(to(varDecl().bind("nullVar")))),
                                   hasRHS(ignoringParenImpCasts(devNullOpen())), inFunction())
                        .bind("nullAssign"),
                    this);
  finder.addMatcher(varDecl(hasInitializer(ignoringParenImpCasts(devNullOpen())),
                            hasAncestor(functionDecl().bind("function")))
                        .bind("nullVar"),
                    this);
}

void DaemonizeCheck::check(const MatchFinder::MatchResult &result) {
  sm_ = result.SourceManager;
  const auto *function = result.Nodes.getNodeAs<clang::FunctionDecl>("function");
  if (!function)
    return;
  auto &f = facts(function->getCanonicalDecl());
  if (const auto *c = result.Nodes.getNodeAs<clang::CallExpr>("daemon")) {
    f.daemonCalls.push_back(c->getBeginLoc());
  } else if (const auto *c = result.Nodes.getNodeAs<clang::CallExpr>("setsid")) {
    if (!blockExecs(c, *result.Context))
      f.setsidCalls.push_back(c->getBeginLoc());
  } else if (result.Nodes.getNodeAs<clang::CallExpr>("fork")) {
    f.forks = true;
  } else if (result.Nodes.getNodeAs<clang::CallExpr>("exec")) {
    f.execs = true;

  } else if (const auto *c = result.Nodes.getNodeAs<clang::CallExpr>("freopen")) {
    auto path = stringValue(c->getArg(0));
    if (path && *path == "/dev/null" && !blockExecs(c, *result.Context))
      f.redirects.push_back(c->getBeginLoc());
  } else if (const auto *open = result.Nodes.getNodeAs<clang::CallExpr>("nullOpen")) {
    auto path = stringValue(open->getArg(0));
    const auto *var = result.Nodes.getNodeAs<clang::VarDecl>("nullVar");
    if (path && *path == "/dev/null" && var)
      f.nullFds.insert(var);
  } else if (const auto *c = result.Nodes.getNodeAs<clang::CallExpr>("dup2")) {
    if (c->getNumArgs() < 2)
      return;
    auto target = integerValue(c->getArg(1), *result.Context);
    if (!target || (*target != 1 && *target != 2))
      return;
    if (blockExecs(c, *result.Context))
      return;
    const auto *src = c->getArg(0)->IgnoreParenImpCasts();
    if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(src)) {
      if (const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl()))
        f.dup2Sites.push_back({var, c->getBeginLoc()});
    } else if (const auto *call = llvm::dyn_cast<clang::CallExpr>(src)) {
      if (call->getDirectCallee() && call->getDirectCallee()->getName() == "open" &&
          call->getNumArgs() >= 1) {
        auto path = stringValue(call->getArg(0));
        if (path && *path == "/dev/null")
          f.redirects.push_back(c->getBeginLoc());
      }
    }
  }
}

void DaemonizeCheck::onEndOfTranslationUnit() {
  // Functions next to an exec: one of their callers or callees execs (icecast's
  // __setup_empty_script_environment, called before execl). An exec in the
  // function itself counts in the block of the call only (blockExecs).
  // Walked only when some function points stdio at /dev/null (rare).
  std::set<const clang::Decl *> nearExec;
  bool redirects = std::any_of(functions_.begin(), functions_.end(), [](const auto &entry) {
    return !entry.second.redirects.empty() || !entry.second.dup2Sites.empty();
  });
  for (const auto &[function, f] : functions_) {
    if (!redirects)
      break;
    std::set<const clang::Decl *> callees;
    collectCallees(bodyOf(function), callees);
    if (f.execs)
      nearExec.insert(callees.begin(), callees.end());
    if (!f.redirects.empty() || !f.dup2Sites.empty())
      for (const auto *callee : callees)
        if (containsExec(bodyOf(callee))) {
          nearExec.insert(function);
          break;
        }
  }
  for (const auto *function : order_) {
    auto &f = functions_[function];
    // One finding per detaching function, at its most telling call.
    if (!f.daemonCalls.empty()) {
      for (auto loc : f.daemonCalls)
        report(loc, *sm_, std::string("daemon() detaches the process") + kWhy);
      continue;
    }
    if (f.forks && !f.setsidCalls.empty()) {
      report(f.setsidCalls.front(), *sm_,
             std::string("fork() and setsid() detach the process from its parent") + kWhy);
      continue;
    }
    for (const auto &[var, loc] : f.dup2Sites)
      if (f.nullFds.count(var))
        f.redirects.push_back(loc);
    if (f.redirects.empty() || nearExec.count(function))
      continue;
    auto first = f.redirects.front();
    for (auto loc : f.redirects)
      if (sm_->isBeforeInTranslationUnit(loc, first))
        first = loc;
    report(first, *sm_,
           std::string("stdout/stderr are pointed at /dev/null to detach from the terminal") +
               kWhy);
  }
  functions_.clear();
  order_.clear();
}

void DaemonizeCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  if (call.qualifiedName != "daemon" || call.arguments.size() != 2)
    return;
  // Not a member (`cfg.daemon(0, 0)`) nor a declaration (`int daemon(int, int)`):
  // look at what is written just before the name.
  bool invalid = false;
  const char *at = sm.getCharacterData(call.location, &invalid);
  if (invalid)
    return;
  auto buffer = sm.getBufferData(sm.getFileID(call.location), &invalid);
  if (invalid)
    return;
  const char *p = at;
  while (p > buffer.data() && std::isspace(static_cast<unsigned char>(p[-1])))
    --p;
  if (p > buffer.data() && (p[-1] == '.' || p[-1] == '>' || p[-1] == ':'))
    return;
  const char *word = p;
  while (word > buffer.data() &&
         (std::isalnum(static_cast<unsigned char>(word[-1])) || word[-1] == '_'))
    --word;
  llvm::StringRef before(word, static_cast<size_t>(p - word));
  if (before == "int" || before == "void" || before == "static" || before == "extern" ||
      before == "pid_t" || before == "bool")
    return;
  report(call.location, sm, std::string("daemon() detaches the process") + kWhy);
}

} // namespace twelve::checks
