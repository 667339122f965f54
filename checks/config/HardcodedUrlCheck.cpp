#include "checks/config/HardcodedUrlCheck.h"

#include "checks/ast_util.h"
#include "checks/config/literal_context.h"
#include "checks/config/secrets.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

void HardcodedUrlCheck::registerMatchers(MatchFinder &finder) {
  finder.addMatcher(stringLiteral(unless(isExpansionInSystemHeader())).bind("literal"), this);
}

void HardcodedUrlCheck::check(const MatchFinder::MatchResult &result) {
  const auto *literal = result.Nodes.getNodeAs<clang::StringLiteral>("literal");
  auto &sm = *result.SourceManager;
  if (!literal || literal->getLength() < 8)
    return;
  auto value = utf8(literal);
  if (!secrets::parseServiceUrl(value))
    return;
  auto ctx = config::literalContext(literal, *result.Context);
  // A URL in a log or usage message, or compared against, is not configuration.
  if (ctx.isMessage || ctx.isComparison)
    return;
  judge(value, literal->getBeginLoc(), sm);
}

void HardcodedUrlCheck::checkLexedLiteral(const LexedLiteral &literal,
                                          const clang::SourceManager &sm) {
  if (literal.streamed || config::isMessageFunction(literal.callee))
    return;
  judge(literal.value, literal.location, sm);
}

void HardcodedUrlCheck::judge(const std::string &value, clang::SourceLocation at,
                              const clang::SourceManager &sm) {
  auto url = secrets::parseServiceUrl(value);
  if (!url)
    return;
  // example.com and friends are documentation; allowedHosts is the user's call.
  if (!url->host.empty() &&
      (secrets::isExampleHost(url->host) || secrets::hostAllowed(url->host, options().allowedHosts)))
    return;
  auto loc = sm.getFileLoc(at);
  auto p = sm.getPresumedLoc(loc);
  if (p.isValid() &&
      !seen_.insert(std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ":" +
                    std::to_string(p.getColumn()))
           .second)
    return;
  std::string what = url->scheme == "dsn" ? "connection string" : url->scheme + ":// URL";
  std::string where = url->host.empty() ? "" : " for '" + url->host + "'";
  if (url->hasPassword)
    report(at, sm,
           "hardcoded " + what + where +
               " with an embedded password; read the URL from the environment (e.g. "
               "DATABASE_URL)",
           Severity::Error);
  else
    report(at, sm,
           "hardcoded " + what + where +
               "; read the backing service's URL from the environment (e.g. DATABASE_URL)");
}

} // namespace twelve::checks
