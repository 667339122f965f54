// The base of every static check: register AST matchers, report findings.
#pragma once

#include "checks/options.h"
#include "core/finding.h"
#include "core/rule.h"

#include <clang/ASTMatchers/ASTMatchFinder.h>

#include <optional>
#include <string>
#include <vector>

namespace twelve::checks {

/// What a check gets from the scan: its rule, where findings go, the options.
struct CheckContext {
  const Rule &rule;
  FindingSink &sink;
  const CheckOptions &options;
};

/// A call found by name alone, in a translation unit whose headers are missing
/// so that the AST could not resolve it (see analyzer/name_fallback).
struct NamedCall {
  std::string qualifiedName;  // as written: "spdlog::basic_logger_mt"
  clang::SourceLocation location;
  /// Each argument as written; for a string literal argument, its value.
  struct Argument {
    std::string text;
    std::optional<std::string> literal; // set when the argument is one string literal
    clang::SourceLocation location;
    /// When the argument is one name the file defines as a number (`#define
    /// PORT 8080`, `const int kPort = 8080;`): the number as written, and where.
    std::optional<std::string> constant;
    clang::SourceLocation constantLocation;
  };
  std::vector<Argument> arguments;
};

/// A string literal that the AST of a unit with missing headers does not hold:
/// Clang dropped the declaration around it (`mongocxx::uri{"mongodb://..."}`
/// when mongocxx's headers are not installed). Found by lexing the main file
/// (see analyzer/name_fallback).
struct LexedLiteral {
  std::string value; // adjacent literals joined
  clang::SourceLocation location;
  /// The name it initializes or is assigned to: `password = "x"`,
  /// `.password = "x"`, `QString password("x")`, `std::string password{"x"}`;
  /// the macro it defines. Empty when there is none.
  std::string name;
  /// The function whose argument list it is in, as written ("conn.setPassword"
  /// gives "setPassword"); empty outside any call.
  std::string callee;
  /// The literal just before it, after a comma: the key it is the value of
  /// (`conf->set("sasl.password", "x")`, `{"password", "x"}`).
  std::string key;
  bool streamed = false; // right after `<<`: a message
};

/// One static rule. Subclasses say what to look at in registerMatchers() and
/// report it in check(), as clang-tidy checks do.
class Check : public clang::ast_matchers::MatchFinder::MatchCallback {
public:
  explicit Check(const CheckContext &context) : context_(context) {}
  ~Check() override = default;

  virtual void registerMatchers(clang::ast_matchers::MatchFinder &finder) = 0;

  /// Library calls this check recognizes by name when headers are missing:
  /// fully qualified names as written in code ("spdlog::basic_logger_mt").
  virtual std::vector<std::string> fallbackNames() const { return {}; }
  /// Called for each call to one of fallbackNames() found by name.
  virtual void checkByName(const NamedCall &call, const clang::SourceManager &sm) {}
  /// Whether the check judges literals on their own, so that literals the AST
  /// lost are worth lexing (checkLexedLiteral).
  virtual bool checksLexedLiterals() const { return false; }
  /// Called for each literal of the main file that the AST does not hold.
  virtual void checkLexedLiteral(const LexedLiteral &literal, const clang::SourceManager &sm) {}

  const Rule &rule() const { return context_.rule; }

protected:
  virtual void check(const clang::ast_matchers::MatchFinder::MatchResult &result) = 0;

  /// Reports a finding at `loc`. A location inside a macro is reported where
  /// the code is written (the macro argument or definition) unless that is a
  /// system header, then where the macro is used. Findings in system headers
  /// are dropped.
  void report(clang::SourceLocation loc, const clang::SourceManager &sm, std::string message,
              std::optional<Severity> severity = std::nullopt);

  const CheckOptions &options() const { return context_.options; }

private:
  void run(const clang::ast_matchers::MatchFinder::MatchResult &result) final { check(result); }

  CheckContext context_;
};

} // namespace twelve::checks
