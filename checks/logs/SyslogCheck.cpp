#include "checks/logs/SyslogCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

const char *kAdvice = "; write logs to stdout/stderr and let the platform route them";

const std::vector<std::string> kSyslogFactories = {"::spdlog::syslog_logger_mt",
                                                   "::spdlog::syslog_logger_st"};

const std::vector<std::string> kSyslogClasses = {
    "::spdlog::sinks::syslog_sink",   "::boost::log::sinks::syslog_backend",
    "::log4cxx::net::SyslogAppender", "::Poco::SyslogChannel",
    "::Poco::RemoteSyslogChannel",
};

} // namespace

void SyslogCheck::registerMatchers(MatchFinder &finder) {
  auto user = unless(isExpansionInSystemHeader());
  NamedCalls named;
  named.add({"::openlog"}, callExpr(user).bind("openlog"));
  named.add({"::syslog", "::vsyslog"}, callExpr(user).bind("syslog"));
  named.add(kSyslogFactories, callExpr(calls(functionDecl().bind("fn")), user).bind("factory"));
  named.registerWith(finder, this);
  auto sinkClass = cxxRecordDecl(isSameOrDerivedFrom(nameIn(kSyslogClasses)));
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(sinkClass.bind("class")))), user)
          .bind("construct"),
      this);
  finder.addMatcher(callExpr(createsObjectOf(sinkClass.bind("class")), user).bind("make"), this);
}

void SyslogCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  sm_ = &sm;
  const auto &nodes = result.Nodes;
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("openlog")) {
    sawOpenlog_ = true;
    report(call->getBeginLoc(), sm,
           "openlog() sends log events to the local syslog daemon instead of the process's "
           "output stream" +
               std::string(kAdvice));
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("syslog")) {
    auto loc = sm.getFileLoc(call->getBeginLoc());
    auto file = sm.getFileID(loc);
    auto it = firstSyslog_.find(file);
    if (it == firstSyslog_.end() || sm.isBeforeInTranslationUnit(loc, it->second))
      firstSyslog_[file] = loc;
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("factory")) {
    const auto *fn = nodes.getNodeAs<clang::FunctionDecl>("fn");
    report(call->getBeginLoc(), sm,
           "spdlog::" + fn->getName().str() + "() sends log events to syslog" + kAdvice);
    return;
  }
  const auto *cls = nodes.getNodeAs<clang::CXXRecordDecl>("class");
  if (const auto *construct = nodes.getNodeAs<clang::CXXConstructExpr>("construct")) {
    if (construct->getConstructionKind() != clang::CXXConstructExpr::CK_Complete ||
        construct->getConstructor()->isCopyOrMoveConstructor())
      return;
    report(construct->getBeginLoc(), sm,
           cls->getQualifiedNameAsString() + " sends log events to syslog" + kAdvice);
    return;
  }
  if (const auto *call = nodes.getNodeAs<clang::CallExpr>("make"))
    report(call->getBeginLoc(), sm,
           cls->getQualifiedNameAsString() + " sends log events to syslog" + kAdvice);
}

void SyslogCheck::onEndOfTranslationUnit() {
  // One finding per logging setup: openlog() is the setup. Without it (syslog
  // opens the connection itself), the first syslog() call of each file stands
  // for all of them.
  if (!sawOpenlog_ && sm_)
    for (const auto &[file, loc] : firstSyslog_)
      report(loc, *sm_,
             "syslog() sends log events to the local syslog daemon instead of the process's "
             "output stream (reported once per file)" +
                 std::string(kAdvice));
  firstSyslog_.clear();
  sawOpenlog_ = false;
}

std::vector<std::string> SyslogCheck::fallbackNames() const {
  return {"spdlog::syslog_logger_mt",      "spdlog::syslog_logger_st",
          "spdlog::sinks::syslog_sink_mt", "spdlog::sinks::syslog_sink_st",
          "spdlog::sinks::syslog_sink",    "boost::log::sinks::syslog_backend",
          "log4cxx::net::SyslogAppender",  "Poco::SyslogChannel",
          "Poco::RemoteSyslogChannel"};
}

void SyslogCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  report(call.location, sm, call.qualifiedName + " sends log events to syslog" + kAdvice);
}

} // namespace twelve::checks
