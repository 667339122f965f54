#include "checks/logs/FileSinkCheck.h"

#include "checks/ast_util.h"
#include "checks/config/secrets.h"
#include "checks/logs/log_paths.h"
#include "checks/processes/file_writes.h"
#include "checks/processes/paths.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <cctype>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

const char *kAdvice = "; write logs to stdout/stderr and let the platform route them";

// Factory functions that create a logger writing to a file.
const std::vector<std::string> kFileFactories = {
    "::spdlog::basic_logger_mt",        "::spdlog::basic_logger_st",
    "::spdlog::rotating_logger_mt",     "::spdlog::rotating_logger_st",
    "::spdlog::daily_logger_mt",        "::spdlog::daily_logger_st",
    "::spdlog::daily_logger_format_mt", "::spdlog::daily_logger_format_st",
    "::spdlog::hourly_logger_mt",       "::spdlog::hourly_logger_st",
    "::boost::log::add_file_log",
};

// Classes whose construction creates a file sink or appender (templates are
// matched through their specializations: basic_file_sink_mt is
// basic_file_sink<std::mutex>).
const std::vector<std::string> kFileSinkClasses = {
    "::spdlog::sinks::basic_file_sink",
    "::spdlog::sinks::rotating_file_sink",
    "::spdlog::sinks::daily_file_sink",
    "::spdlog::sinks::hourly_file_sink",
    "::boost::log::sinks::text_file_backend",
    "::boost::log::sinks::text_multifile_backend",
    "::log4cxx::FileAppender", // RollingFileAppender, DailyRollingFileAppender derive from it
    "::log4cxx::RollingFileAppender",
    "::log4cxx::DailyRollingFileAppender",
    "::log4cxx::rolling::RollingFileAppender",
    "::Poco::FileChannel",
    "::Poco::SimpleFileChannel",
    "::plog::RollingFileAppender",
};

const std::vector<std::string> kFileBackends = {"::boost::log::sinks::text_file_backend",
                                                "::boost::log::sinks::text_multifile_backend"};

std::string shortName(const std::string &qualified) {
  return qualified.rfind("::", 0) == 0 ? qualified.substr(2) : qualified;
}

// What a file-opening call writes: "the log file 'x.log'" or "a log file
// named by 'log_path'"; empty when the target is not recognizably a log.
std::string logTarget(const clang::Expr *pathArg, const clang::ASTContext &ctx) {
  if (auto path = pathValue(pathArg, ctx)) {
    if (isLogPath(*path))
      return "the log file '" + *path + "'";
    return {};
  }
  auto name = identifierOf(pathArg);
  if (!name.empty() && isLogIdentifier(name))
    return "a log file whose path comes from '" + name +
           "' (a configurable path is still a file the platform cannot see)";
  return {};
}

// Whether an fstream open mode expression mentions out, app or trunc.
bool mentionsWriteMode(const clang::Stmt *s) {
  if (!s)
    return false;
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s)) {
    auto *id = ref->getDecl()->getIdentifier();
    if (id && (id->getName() == "out" || id->getName() == "app" || id->getName() == "trunc"))
      return true;
  }
  if (const auto *ref = llvm::dyn_cast<clang::MemberExpr>(s)) {
    auto *id = ref->getMemberDecl()->getIdentifier();
    if (id && (id->getName() == "out" || id->getName() == "app" || id->getName() == "trunc"))
      return true;
  }
  for (const auto *child : s->children())
    if (mentionsWriteMode(child))
      return true;
  return false;
}

bool argumentIsFileBackend(const clang::Expr *arg) {
  auto type = arg->getType().getCanonicalType().getAsString();
  return type.find("text_file_backend") != std::string::npos ||
         type.find("text_multifile_backend") != std::string::npos;
}

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::tolower(c); });
  return s;
}

} // namespace

// The same classifier that processes/local-file-state uses to leave log files
// to this rule, so that every written path belongs to exactly one of them.
bool isLogPath(const std::string &path) { return paths::isLogPath(path); }

bool isLogIdentifier(const std::string &name) {
  // Split at underscores and lower-to-upper case changes: logFile -> log file.
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < name.size(); ++i) {
    char c = name[i];
    bool boundary = c == '_' || c == '-' ||
                    (i > 0 && std::isupper(static_cast<unsigned char>(c)) &&
                     std::islower(static_cast<unsigned char>(name[i - 1])));
    if (boundary && !word.empty()) {
      words.push_back(lower(word));
      word.clear();
    }
    if (c != '_' && c != '-')
      word += c;
  }
  if (!word.empty())
    words.push_back(lower(word));
  static const char *kWords[] = {"log",     "logs",      "logfile",  "logfilename",
                                 "logpath", "logdir",    "logname",  "errorlog",
                                 "errlog",  "accesslog", "logfiles", "logfilepath"};
  for (const auto &w : words)
    for (const char *k : kWords)
      if (w == k)
        return true;
  return false;
}

namespace {

// Text, as a path is: char pointers and arrays, std::string, string_view,
// std::filesystem::path and the like (not log_id, an int).
bool isTextType(clang::QualType t) {
  t = t.getNonReferenceType().getCanonicalType();
  if (t->isPointerType() || t->isArrayType()) {
    auto pointee =
        t->isPointerType() ? t->getPointeeType() : t->getAsArrayTypeUnsafe()->getElementType();
    return pointee->isAnyCharacterType();
  }
  if (const auto *record = t->getAsCXXRecordDecl()) {
    auto name = record->getName().lower();
    return name.find("string") != std::string::npos || name.find("path") != std::string::npos;
  }
  return false;
}

// An argument that names a log file: a log path literal or constant, or a
// log-named variable. Run on every argument of every call: the cheap tests
// only (no walk of the function for buffers and concatenations).
AST_MATCHER(clang::Expr, namesLogFile) {
  if (!isTextType(Node.getType()))
    return false;
  if (auto path = stringValue(&Node))
    return isLogPath(*path);
  auto name = identifierOf(&Node);
  return !name.empty() && isLogIdentifier(name);
}

// Whether a project function, by its name and arguments, opens a file for
// writing: an fopen-like name with a write mode ("a", "w+"), an open-like
// name with O_CREAT/O_APPEND/O_TRUNC/O_WRONLY/O_RDWR, or a name that says it
// creates a file (tinyproxy's create_file_safely(log_file_name, FALSE)).
bool opensForWriting(const clang::CallExpr *call, const clang::FunctionDecl *fn,
                     const clang::ASTContext &ctx) {
  if (!fn->getIdentifier())
    return false; // operators, constructors
  auto words = secrets::identifierWords(fn->getName().str());
  auto has = [&](std::initializer_list<const char *> any) {
    return std::any_of(words.begin(), words.end(), [&](const std::string &w) {
      return std::any_of(any.begin(), any.end(), [&](const char *a) { return w == a; });
    });
  };
  if (has({"dir", "dirs", "directory", "folder", "path", "name", "close", "rotate", "read", "entry",
           "entries", "record", "message", "msg", "line"}))
    return false; // create_log_dir(log_dir), close_log(log_fd), create_log_entry(...)
  bool creates = has({"creat", "create"}) && has({"file", "fd"});
  bool opens = has({"open", "fopen", "creat", "create"});
  if (!opens)
    return false;
  if (creates)
    return true;
  for (const auto *arg : call->arguments())
    if (openerMode(arg, ctx).writes)
      return true;
  return false;
}

// What a writing fopen()/open() opens when its path does not say: a log file
// when the handle is stored in a log-named variable (icecast's
// `loglist[id].logfile = fopen(loglist[id].filename, "a")`), or when the path
// is a parameter of a function named for opening a log (`log_open(const char
// *filename)`). Empty otherwise, and for a literal path that is not a log's.
std::string logTargetByUse(const clang::CallExpr *call, const clang::Expr *pathArg,
                           clang::ASTContext &ctx) {
  if (auto target = logTarget(pathArg, ctx); !target.empty())
    return target;
  if (pathValue(pathArg, ctx))
    return {};
  // Where the handle goes.
  clang::DynTypedNodeList parents = ctx.getParents(*call);
  while (!parents.empty()) {
    if (const auto *e = parents[0].get<clang::Expr>();
        e && (llvm::isa<clang::ImplicitCastExpr>(e) || llvm::isa<clang::ParenExpr>(e) ||
              llvm::isa<clang::CStyleCastExpr>(e))) {
      parents = ctx.getParents(*e);
      continue;
    }
    std::string name;
    if (const auto *op = parents[0].get<clang::BinaryOperator>(); op && op->isAssignmentOp())
      name = identifierOf(op->getLHS());
    else if (const auto *var = parents[0].get<clang::VarDecl>())
      name = var->getName().str();
    if (!name.empty() && isLogIdentifier(name))
      return "a log file (the handle is kept in '" + name + "')";
    break;
  }
  // Whose parameter the path is.
  const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(pathArg->IgnoreParenImpCasts());
  const auto *param = ref ? llvm::dyn_cast<clang::ParmVarDecl>(ref->getDecl()) : nullptr;
  const auto *fn = llvm::dyn_cast_or_null<clang::FunctionDecl>(enclosingFunction(call, ctx));
  if (!param || !fn || !fn->getIdentifier())
    return {};
  auto words = secrets::identifierWords(fn->getName().str());
  auto has = [&](std::initializer_list<const char *> any) {
    return std::any_of(words.begin(), words.end(), [&](const std::string &w) {
      return std::any_of(any.begin(), any.end(), [&](const char *a) { return w == a; });
    });
  };
  if (has({"log", "logfile"}) && has({"open", "reopen", "init", "create", "setup", "start"}))
    return "a log file (the path '" + param->getName().str() + "' given to " + fn->getName().str() +
           "())";
  return {};
}

} // namespace

void FileSinkCheck::registerMatchers(MatchFinder &finder) {
  auto user = unless(isExpansionInSystemHeader());
  // A project's own opener given a log file: mosquitto__fopen(config->log_file,
  // "at"), create_file_safely(log_file_name, FALSE) (tinyproxy).
  finder.addMatcher(callExpr(hasAnyArgument(ignoringParenImpCasts(namesLogFile())),
                             calls(functionDecl(unless(isExpansionInSystemHeader())).bind("fn")),
                             user)
                        .bind("projectOpener"),
                    this);
  NamedCalls named;
  auto fn = calls(functionDecl().bind("fn"));
  named.add(kFileFactories, callExpr(fn, user).bind("factory"));
  // The project's own log-file openers, named in the configuration.
  if (!options().logFileFunctions.empty())
    named.add(options().logFileFunctions, callExpr(fn, user).bind("projectSink"));
  // SetLogDestination(severity, "") turns file logging off for that severity.
  named.add({"::google::SetLogDestination"}, callExpr(argumentCountIs(2), user).bind("setdest"));
  // plog::init(severity, fileName, ...) writes a file; plog::init(severity,
  // &appender) uses the given appender.
  named.add({"::plog::init"}, callExpr(calls(functionDecl(hasAnyParameter(
                                           hasType(pointerType(pointee(isAnyCharacter())))))),
                                       user)
                                  .bind("ploginit"));

  // Sink and appender classes, their subclasses, and Boost.Log frontends
  // over a file backend.
  auto backend = cxxRecordDecl(nameIn(kFileBackends));
  auto sinkClass = cxxRecordDecl(anyOf(
      isSameOrDerivedFrom(nameIn(kFileSinkClasses)),
      classTemplateSpecializationDecl(
          nameIn({"::boost::log::sinks::synchronous_sink", "::boost::log::sinks::asynchronous_sink",
                  "::boost::log::sinks::unlocked_sink"}),
          hasTemplateArgument(
              0, refersToType(hasUnqualifiedDesugaredType(recordType(hasDeclaration(backend))))))));
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(sinkClass.bind("class")))), user)
          .bind("construct"),
      this);
  finder.addMatcher(callExpr(createsObjectOf(sinkClass.bind("class")), user).bind("make"), this);

  // glog: FLAGS_log_dir = "..." and FLAGS_logtostderr = false.
  auto flag = declRefExpr(to(varDecl(nameIn({"::fLS::FLAGS_log_dir", "::FLAGS_log_dir",
                                             "::google::FLAGS_log_dir", "::fLB::FLAGS_logtostderr",
                                             "::FLAGS_logtostderr", "::google::FLAGS_logtostderr"}))
                                 .bind("flagvar")));
  finder.addMatcher(binaryOperator(hasOperatorName("="), hasLHS(ignoringParenImpCasts(flag)),
                                   hasRHS(expr().bind("rhs")), user)
                        .bind("flag"),
                    this);
  finder.addMatcher(cxxOperatorCallExpr(hasOverloadedOperatorName("="),
                                        hasArgument(0, ignoringParenImpCasts(flag)),
                                        hasArgument(1, expr().bind("rhs")), user)
                        .bind("flag"),
                    this);

  // Plain writes to a log path.
  named.add({"::fopen", "::fopen64"}, callExpr(argumentCountIs(2), user).bind("fopen"));
  named.add({"::open", "::open64", "::creat", "::creat64", "::openat", "::openat64"},
            callExpr(fn, user).bind("open"));
  named.registerWith(finder, this);
  auto stream =
      classTemplateSpecializationDecl(nameIn({"::std::basic_ofstream", "::std::basic_fstream"}));
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(stream.bind("stream")))),
                       hasArgument(0, expr().bind("path")), user)
          .bind("stream-open"),
      this);
  finder.addMatcher(
      cxxMemberCallExpr(calls(cxxMethodDecl(nameIn({"open"}), ofClass(stream.bind("stream")))),
                        hasArgument(0, expr().bind("path")), user)
          .bind("stream-open"),
      this);
}

void FileSinkCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  const auto &nodes = result.Nodes;

  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("factory")) {
    const auto *fn = nodes.getNodeAs<clang::FunctionDecl>("fn");
    auto name = fn->getQualifiedNameAsString();
    std::string where;
    // spdlog's factories take (logger_name, filename, ...).
    if (name.rfind("spdlog::", 0) == 0 && call->getNumArgs() >= 2)
      if (auto path = stringValue(call->getArg(1)))
        where = " '" + *path + "'";
    bool boost = name.find("add_file_log") != std::string::npos;
    report(call->getBeginLoc(), sm,
           (boost ? std::string("boost::log::add_file_log()")
                  : "spdlog::" + fn->getName().str() + "()") +
               " logs to the file" + where + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("projectSink")) {
    const auto *fn = nodes.getNodeAs<clang::FunctionDecl>("fn");
    std::string where;
    for (const auto *arg : call->arguments())
      if (auto path = stringValue(arg); path && isLogPath(*path))
        where = " '" + *path + "'";
    report(call->getBeginLoc(), sm,
           fn->getQualifiedNameAsString() + "() opens a log file" + where +
               " (a log-file function in the configuration)" + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("projectOpener")) {
    const auto *fn = nodes.getNodeAs<clang::FunctionDecl>("fn");
    const auto &configured = options().logFileFunctions;
    if (std::find(configured.begin(), configured.end(), fn->getQualifiedNameAsString()) !=
            configured.end() ||
        std::find(configured.begin(), configured.end(), "::" + fn->getQualifiedNameAsString()) !=
            configured.end() ||
        !opensForWriting(call, fn, *result.Context))
      return;
    std::string target;
    for (const auto *arg : call->arguments())
      if (target.empty())
        target = logTarget(arg->IgnoreParenImpCasts(), *result.Context);
    report(call->getBeginLoc(), sm, fn->getName().str() + "() opens " + target + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("setdest")) {
    auto path = stringValue(call->getArg(1));
    if (path && path->empty())
      return;
    report(call->getBeginLoc(), sm,
           "google::SetLogDestination() sends glog output to the file" +
               (path ? " '" + *path + "'" : std::string()) + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("ploginit")) {
    std::string where;
    for (const auto *arg : call->arguments())
      if (auto path = stringValue(arg))
        where = " '" + *path + "'";
    report(call->getBeginLoc(), sm, "plog::init() logs to the file" + where + kAdvice);
    return;
  }
  if (const auto *e = nodes.getNodeAs<clang::Expr>("construct")) {
    const auto *construct = llvm::cast<clang::CXXConstructExpr>(e);
    // A subclass's constructor calls its base's: the subclass is reported
    // where it is constructed. Copies and moves create no new sink.
    if (construct->getConstructionKind() != clang::CXXConstructExpr::CK_Complete ||
        construct->getConstructor()->isCopyOrMoveConstructor())
      return;
    for (const auto *arg : construct->arguments())
      if (argumentIsFileBackend(arg))
        return; // the backend's construction is reported
    const auto *cls = nodes.getNodeAs<clang::CXXRecordDecl>("class");
    report(construct->getBeginLoc(), sm,
           cls->getQualifiedNameAsString() + " writes log events to a file" + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("make")) {
    for (const auto *arg : call->arguments())
      if (argumentIsFileBackend(arg))
        return;
    const auto *cls = nodes.getNodeAs<clang::CXXRecordDecl>("class");
    report(call->getBeginLoc(), sm,
           cls->getQualifiedNameAsString() + " writes log events to a file" + kAdvice);
    return;
  }
  if (const auto *assign = nodes.getNodeAs<clang::Expr>("flag")) {
    const auto *var = nodes.getNodeAs<clang::VarDecl>("flagvar");
    const auto *rhs = nodes.getNodeAs<clang::Expr>("rhs");
    if (var->getName() == "FLAGS_logtostderr") {
      auto value = integerValue(rhs, *result.Context);
      if (!value || *value != 0)
        return;
      report(assign->getBeginLoc(), sm,
             "FLAGS_logtostderr = false makes glog write log files" + std::string(kAdvice));
      return;
    }
    auto dir = stringValue(rhs);
    if (dir && dir->empty())
      return;
    report(assign->getBeginLoc(), sm,
           "FLAGS_log_dir makes glog write log files" +
               (dir ? " in '" + *dir + "'" : std::string()) + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("fopen")) {
    auto mode = stringValue(call->getArg(1));
    if (!mode || mode->empty() || (mode->front() == 'r' && mode->find('+') == std::string::npos))
      return;
    auto target = logTargetByUse(call, call->getArg(0), *result.Context);
    if (target.empty())
      return;
    report(call->getBeginLoc(), sm, "fopen() writes " + target + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("open")) {
    const auto *fn = nodes.getNodeAs<clang::FunctionDecl>("fn");
    auto name = fn->getName();
    bool at = name.startswith("openat");
    unsigned pathIndex = at ? 1 : 0;
    if (call->getNumArgs() <= pathIndex)
      return;
    if (!name.startswith("creat")) {
      if (call->getNumArgs() <= pathIndex + 1)
        return;
      auto flags = integerValue(call->getArg(pathIndex + 1), *result.Context);
      if (!flags || (*flags & 3) == 0) // O_RDONLY
        return;
    }
    auto target = logTargetByUse(call, call->getArg(pathIndex), *result.Context);
    if (target.empty())
      return;
    report(call->getBeginLoc(), sm, name.str() + "() writes " + target + kAdvice);
    return;
  }
  if (const auto *e = nodes.getNodeAs<clang::Expr>("stream-open")) {
    const auto *stream = nodes.getNodeAs<clang::ClassTemplateSpecializationDecl>("stream");
    const auto *path = nodes.getNodeAs<clang::Expr>("path");
    // A copy or move of a stream opens nothing.
    if (path->getType()->getAsCXXRecordDecl() &&
        path->getType()->getAsCXXRecordDecl()->getName().contains("fstream"))
      return;
    const clang::Expr *modeArg = nullptr;
    if (const auto *c = llvm::dyn_cast<clang::CXXConstructExpr>(e))
      modeArg = c->getNumArgs() >= 2 ? c->getArg(1) : nullptr;
    else if (const auto *m = llvm::dyn_cast<clang::CXXMemberCallExpr>(e))
      modeArg = m->getNumArgs() >= 2 ? m->getArg(1) : nullptr;
    // std::fstream opens in|out by default; given a mode, it writes only
    // with out, app or trunc.
    if (stream->getName() == "basic_fstream" && modeArg &&
        !llvm::isa<clang::CXXDefaultArgExpr>(modeArg) && !mentionsWriteMode(modeArg))
      return;
    auto target = logTarget(path, *result.Context);
    if (target.empty())
      return;
    std::string what = stream->getName() == "basic_fstream" ? "std::fstream" : "std::ofstream";
    report(e->getBeginLoc(), sm, what + " writes " + target + kAdvice);
    return;
  }
}

std::vector<std::string> FileSinkCheck::fallbackNames() const {
  std::vector<std::string> names;
  for (const auto &n : kFileFactories)
    names.push_back(shortName(n));
  for (const char *n : {"spdlog::sinks::basic_file_sink_mt",
                        "spdlog::sinks::basic_file_sink_st",
                        "spdlog::sinks::basic_file_sink",
                        "spdlog::sinks::rotating_file_sink_mt",
                        "spdlog::sinks::rotating_file_sink_st",
                        "spdlog::sinks::rotating_file_sink",
                        "spdlog::sinks::daily_file_sink_mt",
                        "spdlog::sinks::daily_file_sink_st",
                        "spdlog::sinks::daily_file_sink",
                        "spdlog::sinks::hourly_file_sink_mt",
                        "spdlog::sinks::hourly_file_sink_st",
                        "spdlog::sinks::hourly_file_sink",
                        "boost::log::sinks::text_file_backend",
                        "boost::log::sinks::text_multifile_backend",
                        "log4cxx::FileAppender",
                        "log4cxx::RollingFileAppender",
                        "log4cxx::DailyRollingFileAppender",
                        "log4cxx::rolling::RollingFileAppender",
                        "Poco::FileChannel",
                        "Poco::SimpleFileChannel",
                        "plog::RollingFileAppender",
                        "google::SetLogDestination",
                        "plog::init"})
    names.push_back(n);
  return names;
}

void FileSinkCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  const auto &name = call.qualifiedName;
  std::string where;
  for (const auto &arg : call.arguments)
    if (arg.literal && (isLogPath(*arg.literal) || where.empty()))
      where = " '" + *arg.literal + "'";
  if (name == "google::SetLogDestination") {
    if (call.arguments.size() < 2)
      return;
    const auto &path = call.arguments[1];
    if (path.literal ? path.literal->empty() : path.text == "\"\"")
      return;
    where = path.literal ? " '" + *path.literal + "'" : std::string();
    report(call.location, sm,
           "google::SetLogDestination() sends glog output to the file" + where + kAdvice);
    return;
  }
  if (name == "plog::init") {
    // plog::init(severity, &appender) uses a given appender; a file name is a
    // string, or a third and fourth argument (size, count).
    if (call.arguments.size() < 2)
      return;
    const auto &second = call.arguments[1];
    bool file = second.literal.has_value() || call.arguments.size() >= 3 ||
                (second.text.find('&') == std::string::npos && isLogIdentifier(second.text));
    if (!file)
      return;
    report(call.location, sm, "plog::init() logs to the file" + where + kAdvice);
    return;
  }
  bool factory = std::any_of(kFileFactories.begin(), kFileFactories.end(),
                             [&](const std::string &f) { return shortName(f) == name; });
  if (factory) {
    report(call.location, sm, name + "() logs to the file" + where + kAdvice);
    return;
  }
  report(call.location, sm, name + " writes log events to a file" + where + kAdvice);
}

} // namespace twelve::checks
