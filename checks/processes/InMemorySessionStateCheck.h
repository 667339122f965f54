#pragma once

#include "checks/check.h"

#include <set>

namespace twelve::checks {

/// Flags mutable global or static containers of sessions, users, carts or
/// tokens that a function modifies, and such members of a class that serves
/// the whole process (SessionManager): per-user state kept in process memory
/// (processes/in-memory-session-state).
class InMemorySessionStateCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  void onEndOfTranslationUnit() override { reported_.clear(); }

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  std::set<const clang::Decl *> reported_;
};

/// True when a class's name says one object of it serves the whole process
/// (SessionManager, AuthService, UserStore, HttpServer): its last word is
/// server, service, manager, store, registry, repository, controller, app,
/// application, tracker, gateway or router.
bool namesLongLivedClass(const std::string &name);

/// True when an identifier or type name, split into words at '_', digits and
/// camel case, names per-user state (session, user, cart, token...): its head
/// word, once words for holding or indexing (map, table, by, id, data) are
/// dropped, or the word just before the head (user_profiles), is one.
bool namesSessionState(const std::string &identifier);

} // namespace twelve::checks
