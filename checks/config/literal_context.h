// Where a string literal ends up: the names it is bound to (variable, field,
// parameter, called function, macro) and whether it is a log or print message.
#pragma once

#include <clang/AST/ASTContext.h>
#include <clang/AST/Expr.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace twelve::checks::config {

/// The names that give a literal its meaning: the variable or field it
/// initializes or is assigned to, the parameter and the function it is passed
/// to, the string key of `m["key"] = literal`, the macro it is defined in.
struct LiteralContext {
  std::vector<std::string> names;     // variable, field, parameter, subscript key, macro
  std::string parameter;              // the parameter it is passed as; weaker than a variable
  std::string callee;                 // the function it is passed to, qualified; may be empty
  std::string key;                    // the setting it is the value of: set("sasl.password", it)
  bool isMessage = false;             // argument of a print/log/exception/assert
  bool isComparison = false;          // an operand of ==, !=, strcmp...
};

LiteralContext literalContext(const clang::StringLiteral *literal, clang::ASTContext &ctx);

/// A call's key and its value: its only two string-literal arguments, side by
/// side (`conf->set("sasl.password", "...", err)`, `setenv("DB_PASSWORD",
/// "...", 1)`). A row of values (`mysql_real_connect(c, host, "user", "pw",
/// "db", ...)`) has more; nullopt then.
std::optional<std::pair<const clang::StringLiteral *, const clang::StringLiteral *>>
keyAndValue(const clang::CallExpr *call);

/// Whether a library option names a credential: curl's CURLOPT_PASSWORD,
/// CURLOPT_USERPWD ("user:password"), CURLOPT_KEYPASSWD...
bool isCredentialOption(llvm::StringRef name);

/// Whether a call's callee prints, logs, formats or throws a message.
bool isMessageFunction(const std::string &qualifiedName);

} // namespace twelve::checks::config
