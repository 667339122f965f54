#pragma once

#include "checks/check.h"

#include <set>

namespace twelve::checks {

/// Flags literal host names and IP addresses handed to network APIs (the C
/// resolver functions, curl, Boost.Asio, cpp-httplib, cpr, gRPC, backing
/// services' clients) or held by a name that says host (config/hardcoded-endpoint).
class HardcodedEndpointCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;
  bool checksLexedLiterals() const override { return true; }
  void checkLexedLiteral(const LexedLiteral &literal, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  /// A host given as the value of a key that says host ("bootstrap.servers").
  void judgeKeyedHost(const std::string &key, const std::string &value, clang::SourceLocation loc,
                      const clang::SourceManager &sm);
  void reportHost(const std::string &value, const std::string &api, clang::SourceLocation loc,
                  const clang::SourceManager &sm);
  std::set<std::string> seen_;
  std::set<const clang::Decl *> namedHosts_; // reported where defined
};

} // namespace twelve::checks
