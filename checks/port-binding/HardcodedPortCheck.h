#pragma once

#include "checks/check.h"

#include <set>
#include <vector>

namespace twelve::checks {

/// Flags a literal port reaching a listening socket: sin_port of an address
/// passed to bind(), Boost.Asio listening endpoints and acceptors, cpp-httplib,
/// Crow, Drogon and Pistache server setup, civetweb's listening_ports option
/// and Mongoose's listening URLs (port-binding/hardcoded-port).
class HardcodedPortCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;
  void onEndOfTranslationUnit() override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  struct PortAssignment {
    const clang::ValueDecl *address;
    clang::SourceLocation location;
    long long port;
  };
  const clang::SourceManager *sm_ = nullptr;
  std::vector<PortAssignment> assignments_;
  std::set<const clang::ValueDecl *> bound_, connected_;
  std::set<const clang::Expr *> seen_;
  // Addresses handed to a function of this unit: (its parameter, the address).
  std::vector<std::pair<const clang::ValueDecl *, const clang::ValueDecl *>> passed_;
};

} // namespace twelve::checks
