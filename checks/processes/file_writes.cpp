#include "checks/processes/file_writes.h"

#include <clang/Lex/Lexer.h>

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>

#include <cstring>
#include <set>
#include <vector>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// std::ios_base::openmode bits, the same in libstdc++ and libc++: app 0x01,
// out 0x10, trunc 0x20.
bool modeWrites(long long mode) { return mode & (0x01 | 0x10 | 0x20); }

bool fopenModeWrites(const std::string &mode) {
  return mode.find_first_of("wa+") != std::string::npos;
}

std::string className(const clang::CXXRecordDecl *record) {
  auto name = record->getQualifiedNameAsString();
  if (name.find("ofstream") != std::string::npos)
    return "std::ofstream";
  return "std::fstream";
}

// The local char array an expression names: `buf` in fopen(buf, "w").
const clang::VarDecl *localBuffer(const clang::Expr *e) {
  const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
  const auto *var = ref ? llvm::dyn_cast<clang::VarDecl>(ref->getDecl()) : nullptr;
  if (!var || !var->hasLocalStorage() || !var->getType()->isArrayType())
    return nullptr;
  return var;
}

// A printf format whose conversions are all integers ("temp-%d.rdb",
// "state.%lu"): the path it builds is fixed up to a number (a PID, a counter).
bool integerOnlyFormat(const std::string &format) {
  for (size_t i = 0; i < format.size(); ++i) {
    if (format[i] != '%')
      continue;
    if (++i < format.size() && format[i] == '%')
      continue;
    while (i < format.size() && std::strchr("-+ #0123456789.hlLjzt", format[i]))
      ++i;
    if (i >= format.size() || !std::strchr("diuxXo", format[i]))
      return false;
  }
  return true;
}

void collectWrites(const clang::Stmt *s, const clang::VarDecl *buffer,
                   std::vector<const clang::CallExpr *> &writes) {
  if (!s)
    return;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee();
        fn && call->getNumArgs() > 0 && localBuffer(call->getArg(0)) == buffer) {
      static const std::set<std::string> writers = {
          "snprintf", "sprintf", "vsnprintf", "vsprintf", "strcpy",  "strncpy", "strcat",
          "strncat",  "memcpy",  "memmove",   "stpcpy",   "strlcpy", "strlcat", "realpath"};
      if (writers.count(fn->getName().str()))
        writes.push_back(call);
    }
  for (const auto *child : s->children())
    collectWrites(child, buffer, writes);
}

// The one snprintf/sprintf that fills a local buffer, and its literal format
// (`snprintf(tmpfile, 256, "temp-%d.rdb", pid)`); nothing when the function
// writes the buffer otherwise or more than once.
std::optional<std::pair<const clang::CallExpr *, std::string>>
printedFormat(const clang::Expr *pathArg) {
  const auto *buffer = localBuffer(pathArg);
  if (!buffer)
    return std::nullopt;
  const auto *function = llvm::dyn_cast_or_null<clang::FunctionDecl>(buffer->getDeclContext());
  if (!function || !function->hasBody())
    return std::nullopt;
  std::vector<const clang::CallExpr *> writes;
  collectWrites(function->getBody(), buffer, writes);
  if (writes.size() != 1)
    return std::nullopt;
  const auto *write = writes.front();
  auto name = write->getDirectCallee()->getName();
  unsigned formatIndex = name == "snprintf" ? 2 : name == "sprintf" ? 1 : 0;
  if (formatIndex == 0 || write->getNumArgs() <= formatIndex)
    return std::nullopt;
  auto format = stringValue(write->getArg(formatIndex));
  if (!format || format->empty())
    return std::nullopt;
  return std::make_pair(write, *format);
}

// The path a local buffer holds when the function fills it once, before the
// use, from a literal format of integer conversions: "temp-%d.rdb".
std::optional<std::string> printfPath(const clang::Expr *pathArg, const clang::ASTContext &ctx) {
  auto printed = printedFormat(pathArg);
  if (!printed || !integerOnlyFormat(printed->second) ||
      !ctx.getSourceManager().isBeforeInTranslationUnit(printed->first->getBeginLoc(),
                                                        pathArg->getBeginLoc()))
    return std::nullopt;
  return printed->second;
}

// open() flags as far as they are constant: `O_RDWR | create` (nginx picks
// O_CREAT or O_TRUNC at run time) still says it writes.
std::optional<long long> knownFlags(const clang::Expr *e, const clang::ASTContext &ctx) {
  if (auto v = integerValue(e, ctx))
    return v;
  const auto *op = llvm::dyn_cast<clang::BinaryOperator>(e->IgnoreParenImpCasts());
  if (!op || op->getOpcode() != clang::BO_Or)
    return std::nullopt;
  auto l = knownFlags(op->getLHS(), ctx), r = knownFlags(op->getRHS(), ctx);
  if (!l && !r)
    return std::nullopt;
  return l.value_or(0) | r.value_or(0);
}

// Whether a function body assigns to `var` (=, +=, std::string::operator=...).
bool assigns(const clang::Stmt *s, const clang::VarDecl *var) {
  if (!s)
    return false;
  auto isVar = [&](const clang::Expr *e) {
    const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e->IgnoreParenImpCasts());
    return ref && ref->getDecl() == var;
  };
  if (const auto *op = llvm::dyn_cast<clang::BinaryOperator>(s);
      op && op->isAssignmentOp() && isVar(op->getLHS()))
    return true;
  if (const auto *op = llvm::dyn_cast<clang::CXXOperatorCallExpr>(s);
      op && op->isAssignmentOp() && op->getNumArgs() > 0 && isVar(op->getArg(0)))
    return true;
  if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(s))
    if (const auto *m = member->getMethodDecl();
        m && m->getIdentifier() && (m->getName() == "append" || m->getName() == "assign"))
      if (isVar(member->getImplicitObjectArgument()))
        return true;
  for (const auto *child : s->children())
    if (assigns(child, var))
      return true;
  return false;
}

// The fixed start of a path built at run time, with '*' for the rest:
// std::string("/var/lib/app/uploads/") + name, a local string initialized so
// and never reassigned, or a buffer printed once from "/var/lib/app/%s.json".
// The directory is fixed even when the file name is not.
std::optional<std::string> pathPrefix(const clang::Expr *e, const clang::ASTContext &ctx,
                                      int depth = 0, bool head = false) {
  e = stripWrappers(e);
  if (!e || depth > 3)
    return std::nullopt;
  if (const auto *plus = llvm::dyn_cast<clang::CXXOperatorCallExpr>(e);
      plus && plus->getOperator() == clang::OO_Plus && plus->getNumArgs() == 2) {
    if (auto start = stringValue(plus->getArg(0)); start && !start->empty())
      return *start + "*";
    return pathPrefix(plus->getArg(0), ctx, depth + 1, true);
  }
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    const auto *var = llvm::dyn_cast<clang::VarDecl>(ref->getDecl());
    if (!var || !var->hasLocalStorage())
      return std::nullopt;
    if (var->getType()->isArrayType()) { // a buffer printed from a format
      auto printed = printedFormat(e);
      if (!printed)
        return std::nullopt;
      auto start = printed->second.substr(0, printed->second.find('%'));
      if (start.empty() || start == printed->second)
        return std::nullopt;
      return start + "*";
    }
    const auto *function = llvm::dyn_cast_or_null<clang::FunctionDecl>(var->getDeclContext());
    if (!var->hasInit() || !function || !function->hasBody() || assigns(function->getBody(), var))
      return std::nullopt;
    // std::string path = "data.json"; (never reassigned) or the head of a '+'.
    if (auto v = stringValue(var->getInit()); v && !v->empty())
      return head ? *v + "*" : *v;
    return pathPrefix(var->getInit(), ctx, depth + 1, head);
  }
  return std::nullopt;
}

} // namespace

// The path's value: a literal or constant, a buffer printed from a fixed
// format, or the fixed start of a path built at run time ("/srv/up/*").
std::optional<std::string> pathValue(const clang::Expr *pathArg, const clang::ASTContext &ctx) {
  if (auto v = stringValue(pathArg))
    return v;
  if (auto v = printfPath(pathArg, ctx))
    return v;
  return pathPrefix(pathArg, ctx);
}

OpenerMode openerMode(const clang::Expr *arg, const clang::ASTContext &ctx) {
  OpenerMode m;
  const auto *bare = arg->IgnoreParenImpCasts();
  if (const auto *c = llvm::dyn_cast<clang::CharacterLiteral>(bare)) {
    char v = static_cast<char>(std::tolower(static_cast<int>(c->getValue())));
    m.known = v == 'r' || v == 'w' || v == 'a';
    m.writes = m.creates = v == 'w' || v == 'a';
    return m;
  }
  if (auto mode = stringValue(arg)) {
    if (mode->empty() || mode->size() > 4 || !std::strchr("rwa", mode->front()) ||
        mode->find_first_not_of("rwabt+xe", 1) != std::string::npos)
      return m;
    m.known = true;
    m.writes = mode->front() != 'r' || mode->find('+') != std::string::npos;
    m.creates = mode->front() != 'r';
    return m;
  }
  if (!arg->getType()->isIntegerType() || arg->isValueDependent())
    return m;
  // Flags are written with their names; a number is a permission or a count.
  const auto &sm = ctx.getSourceManager();
  auto text = clang::Lexer::getSourceText(
      clang::CharSourceRange::getTokenRange(sm.getSpellingLoc(arg->getBeginLoc()),
                                            sm.getSpellingLoc(arg->getEndLoc())),
      sm, ctx.getLangOpts());
  bool named = text.contains("O_");
  if (!named && arg->getBeginLoc().isMacroID())
    named = clang::Lexer::getImmediateMacroName(arg->getBeginLoc(), sm, ctx.getLangOpts())
                .startswith("O_");
  auto flags = named ? knownFlags(arg, ctx) : std::nullopt;
  if (!flags)
    return m;
  m.known = true;
  m.writes =
      (*flags & kOpenAccessMode) != 0 || (*flags & (kOpenCreate | kOpenTruncate | kOpenAppend));
  m.creates = (*flags & kOpenCreate) != 0;
  return m;
}

void addFileCalls(NamedCalls &calls) {
  calls.add({"::fopen", "::fopen64", "::open", "::open64", "::openat", "::openat64", "::creat",
             "::creat64", "::rename", "::renameat", "::renameat2", "::std::rename", "::std::fopen"},
            callExpr(unless(isExpansionInSystemHeader())).bind("fileCall"));
}

StatementMatcher fileCtorMatcher() {
  return cxxConstructExpr(hasDeclaration(cxxConstructorDecl(
                              ofClass(nameIn({"::std::basic_ofstream", "::std::basic_fstream"})))),
                          unless(isExpansionInSystemHeader()))
      .bind("fileCtor");
}

StatementMatcher fileMemberMatcher() {
  return cxxMemberCallExpr(calls(cxxMethodDecl(
                               nameIn({"open"}),
                               ofClass(nameIn({"::std::basic_ofstream", "::std::basic_fstream"})))),
                           unless(isExpansionInSystemHeader()))
      .bind("fileMember");
}

std::optional<FileWrite> fileWriteOf(const clang::Expr *candidate, const clang::ASTContext &ctx) {
  if (const auto *ctor = llvm::dyn_cast<clang::CXXConstructExpr>(candidate)) {
    // Default, copy and move construction open nothing.
    if (ctor->getNumArgs() < 1 || ctor->getConstructor()->isCopyOrMoveConstructor())
      return std::nullopt;
    const auto *arg0 = ctor->getArg(0);
    if (llvm::isa<clang::CXXDefaultArgExpr>(arg0))
      return std::nullopt;
    auto api = className(ctor->getConstructor()->getParent());
    if (api == "std::fstream" && ctor->getNumArgs() >= 2 &&
        !llvm::isa<clang::CXXDefaultArgExpr>(ctor->getArg(1))) {
      auto mode = integerValue(ctor->getArg(1), ctx);
      if (mode && !modeWrites(*mode))
        return std::nullopt;
    }
    return FileWrite{api, arg0, pathValue(arg0, ctx)};
  }
  if (const auto *member = llvm::dyn_cast<clang::CXXMemberCallExpr>(candidate)) {
    if (member->getNumArgs() < 1)
      return std::nullopt;
    auto api = className(member->getMethodDecl()->getParent());
    if (api == "std::fstream" && member->getNumArgs() >= 2 &&
        !llvm::isa<clang::CXXDefaultArgExpr>(member->getArg(1))) {
      auto mode = integerValue(member->getArg(1), ctx);
      if (mode && !modeWrites(*mode))
        return std::nullopt;
    }
    return FileWrite{api + "::open", member->getArg(0), pathValue(member->getArg(0), ctx)};
  }
  const auto *call = llvm::dyn_cast<clang::CallExpr>(candidate);
  if (!call || !call->getDirectCallee())
    return std::nullopt;
  auto name = call->getDirectCallee()->getName().str();
  auto n = call->getNumArgs();
  if (name == "fopen" || name == "fopen64") {
    if (n < 2)
      return std::nullopt;
    auto mode = stringValue(call->getArg(1));
    if (!mode || !fopenModeWrites(*mode))
      return std::nullopt;
    return FileWrite{name, call->getArg(0), pathValue(call->getArg(0), ctx)};
  }
  if (name == "creat" || name == "creat64")
    return n >= 1 ? std::optional<FileWrite>(
                        FileWrite{name, call->getArg(0), pathValue(call->getArg(0), ctx)})
                  : std::nullopt;
  if (name == "open" || name == "open64" || name == "openat" || name == "openat64") {
    unsigned pathIndex = name.rfind("openat", 0) == 0 ? 1 : 0;
    if (n < pathIndex + 2)
      return std::nullopt;
    auto flags = knownFlags(call->getArg(pathIndex + 1), ctx);
    if (!flags || ((*flags & kOpenAccessMode) == 0 &&
                   !(*flags & (kOpenCreate | kOpenTruncate | kOpenAppend))))
      return std::nullopt;
    return FileWrite{name, call->getArg(pathIndex), pathValue(call->getArg(pathIndex), ctx)};
  }
  if (name == "rename" && n >= 2)
    return FileWrite{name, call->getArg(1), pathValue(call->getArg(1), ctx)};
  if ((name == "renameat" || name == "renameat2") && n >= 4)
    return FileWrite{name, call->getArg(3), pathValue(call->getArg(3), ctx)};
  return std::nullopt;
}

} // namespace twelve::checks
