#pragma once

#include "checks/check.h"

#include <optional>
#include <set>
#include <string>

namespace twelve::checks {

/// Flags passwords, tokens, API keys and private keys written in string
/// literals: by the name they are bound to, by known token formats, by
/// "password=..." and "Authorization: Bearer ..." inside a literal, and by
/// entropy under key-like names (config/hardcoded-credential).
class HardcodedCredentialCheck : public Check {
public:
  explicit HardcodedCredentialCheck(const CheckContext &context);
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  bool checksLexedLiterals() const override { return true; }
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;
  void checkLexedLiteral(const LexedLiteral &literal, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  bool grammarToken(llvm::StringRef name, const std::string &value) const;
  std::optional<std::string> secretInValue(const std::string &value) const;
  bool valueOfCredentialKey(const std::string &key, const std::string &value) const;

  const std::vector<std::string> keywords_;
  std::set<std::string> seen_;
};

} // namespace twelve::checks
