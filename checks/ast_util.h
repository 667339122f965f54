// Helpers that several checks share: reading string values out of expressions,
// finding the function a statement is in.
#pragma once

#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchFinder.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <optional>
#include <string>
#include <vector>

namespace twelve::checks {

/// An expression without what wraps a value: parentheses, implicit casts,
/// temporaries, constructions from one argument (std::string("x")), casts,
/// one-element braces and .c_str()/.data()/.string()/.native().
const clang::Expr *stripWrappers(const clang::Expr *e);

/// The string literal an expression is, once parentheses, implicit casts,
/// temporaries and std::string construction from a literal are looked through;
/// nullptr otherwise.
const clang::StringLiteral *asStringLiteral(const clang::Expr *e);

/// The literal a string expression's value is known to be: the literal
/// itself, a std::string built from one, a const variable initialized with
/// one, a file-scope `const char *` named as a constant (REDIS_HOST,
/// kRedisHost), or a `static const char *` (file-local, or a function's
/// static) that no code of the unit assigns, increments or takes the address
/// of (s_listen_on). nullptr when the value is not known at compile time.
const clang::StringLiteral *constantString(const clang::Expr *e);

/// constantString's literal as UTF-8 (any encoding); nullopt without one.
std::optional<std::string> stringValue(const clang::Expr *e);

/// The literal's bytes as UTF-8 (wide, UTF-16 and UTF-32 literals converted).
std::string utf8(const clang::StringLiteral *literal);

/// The integer value of a constant expression, if it has one.
std::optional<long long> integerValue(const clang::Expr *e, const clang::ASTContext &ctx);

/// The variable or member an expression reads its value from (`log_path`,
/// `cfg.logfile`, `opts->log_file.c_str()`), through the wrappers stringValue
/// looks through; empty when there is none.
std::string identifierOf(const clang::Expr *e);

/// The innermost function (or method, or lambda body) holding a statement;
/// nullptr at namespace scope.
const clang::Decl *enclosingFunction(const clang::Stmt *s, clang::ASTContext &ctx);

/// callee(Matcher<Decl>) for a call: its callee declaration matches `inner`.
/// Clang 14's callee() builds callExpr(hasDeclaration(inner)) anew for every
/// call it looks at, which cost more than the rest of the check's matching.
AST_MATCHER_P(clang::CallExpr, calls, clang::ast_matchers::internal::Matcher<clang::Decl>, inner) {
  const clang::Decl *callee = Node.getCalleeDecl();
  return callee && inner.matches(*callee, Finder, Builder);
}

/// hasAnyName(names) that first compares the declaration's own name with the
/// names' last components: the call matchers run on every call of a unit, and
/// building each callee's qualified name for each of them was their biggest
/// cost. Matches exactly what hasAnyName matches.
clang::ast_matchers::internal::Matcher<clang::NamedDecl> nameIn(std::vector<std::string> names);

/// A call of std::make_shared, std::make_unique, std::allocate_shared or
/// Boost's make_shared/allocate_shared that creates an object of a class `cls` matches.
clang::ast_matchers::internal::Matcher<clang::CallExpr>
createsObjectOf(const clang::ast_matchers::DeclarationMatcher &cls);

/// A check's matchers for calls of named functions, registered as one matcher.
/// The call matchers run on every call of a unit, most calls are of none of
/// the functions they name, and each matcher run costs a few virtual calls per
/// level: a call whose callee's own name is in none of the lists now costs one
/// set lookup instead of one run per pattern. Every pattern that matches a
/// call reports it, with its own bindings, as if registered alone (eachOf).
class NamedCalls {
public:
  /// Calls of a function named in `names` (fully qualified, as for nameIn)
  /// that also match `pattern`.
  void add(const std::vector<std::string> &names,
           const clang::ast_matchers::StatementMatcher &pattern);
  /// Adds the one matcher to `finder` (nothing when no pattern was added).
  void registerWith(clang::ast_matchers::MatchFinder &finder,
                    clang::ast_matchers::MatchFinder::MatchCallback *callback) const;

private:
  std::vector<std::string> names_; // of every pattern: the gate's
  std::vector<clang::ast_matchers::internal::DynTypedMatcher> patterns_;
};

} // namespace twelve::checks
