#include "checks/config/HardcodedCredentialCheck.h"

#include "checks/ast_util.h"
#include "checks/config/literal_context.h"
#include "checks/config/secrets.h"

#include <clang/AST/ASTContext.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <cctype>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

std::vector<std::string> lowered(std::vector<std::string> v) {
  for (auto &s : v)
    for (auto &c : s)
      c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return v;
}

std::string locationKey(clang::SourceLocation loc, const clang::SourceManager &sm) {
  auto p = sm.getPresumedLoc(sm.getFileLoc(loc));
  auto s = sm.getPresumedLoc(sm.getSpellingLoc(loc));
  std::string key = p.isValid() ? std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) +
                                      ":" + std::to_string(p.getColumn())
                                : "?";
  if (s.isValid())
    key += "@" + std::to_string(s.getLine()) + ":" + std::to_string(s.getColumn());
  return key;
}

} // namespace

// A keyword bound to a bare "token" is a parser's or a protocol's token, not a
// secret: expect_token("identifier"); Redis's command table {"count", ..., "COUNT", ...} fills the field
// `token`; a real token is not a word of one case.
bool HardcodedCredentialCheck::grammarToken(llvm::StringRef name, const std::string &value) const {
  return secrets::isKeyword(value) && secrets::isAmbiguousCredentialName(name, keywords_);
}

// A secret the value shows by itself, wherever it appears (even in a log
// message): a known token format, or a credential in key=value form.
std::optional<std::string> HardcodedCredentialCheck::secretInValue(const std::string &value) const {
  auto kind = secrets::knownTokenFormat(value);
  if (!kind)
    kind = secrets::inlineCredential(value, keywords_);
  if (!kind)
    return std::nullopt;
  bool vowel = std::string("AEIOUaeiou").find(kind->front()) != std::string::npos;
  return std::string("hardcoded credential: the literal contains ") + (vowel ? "an " : "a ") +
         *kind + "; read it from the environment or a secret store at run time";
}

// A value written next to the key it is for: conf->set("sasl.password",
// "..."), {"password", "..."}, CURLOPT_USERPWD. Weaker than a name bound to
// it, so a plain word is not taken for a secret (znc's t_s("Password",
// "listservers"): a message and its translation context).
bool HardcodedCredentialCheck::valueOfCredentialKey(const std::string &key,
                                                    const std::string &value) const {
  if (key.empty() || secrets::isKeyword(value) || secrets::spellsName(key, value))
    return false;
  return key.rfind("CURLOPT_", 0) == 0 || secrets::isCredentialName(key, keywords_);
}

HardcodedCredentialCheck::HardcodedCredentialCheck(const CheckContext &context)
    : Check(context), keywords_(lowered(context.options.credentialKeywords)) {}

void HardcodedCredentialCheck::registerMatchers(MatchFinder &finder) {
  finder.addMatcher(stringLiteral(unless(isExpansionInSystemHeader())).bind("literal"), this);
  // Member initializers (`: password_("...")`): the parent map does not lead
  // from the literal to the CXXCtorInitializer, so match them directly.
  finder.addMatcher(
      cxxConstructorDecl(unless(isExpansionInSystemHeader()),
                         forEachConstructorInitializer(cxxCtorInitializer(
                             forField(fieldDecl().bind("field")),
                             withInitializer(expr(anyOf(
                                 stringLiteral().bind("ctorLiteral"),
                                 hasDescendant(stringLiteral().bind("ctorLiteral")))))))),
      this);
}

void HardcodedCredentialCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  if (const auto *lit = result.Nodes.getNodeAs<clang::StringLiteral>("ctorLiteral")) {
    const auto *field = result.Nodes.getNodeAs<clang::FieldDecl>("field");
    auto v = utf8(lit);
    auto k = locationKey(lit->getBeginLoc(), sm);
    if (field && !seen_.count(k) && secrets::isCredentialName(field->getName(), keywords_) &&
        !secrets::isPlaceholderOrNotASecret(v) && !grammarToken(field->getName(), v)) {
      seen_.insert(k);
      report(lit->getBeginLoc(), sm,
             "hardcoded credential assigned to '" + field->getNameAsString() +
                 "'; read it from the environment or a secret store at run time");
    }
    return;
  }
  const auto *literal = result.Nodes.getNodeAs<clang::StringLiteral>("literal");
  if (!literal || literal->getLength() == 0)
    return;
  auto value = utf8(literal);
  // One report per literal, however many instantiations or expansions show it.
  auto found = [&](std::string message) {
    if (seen_.insert(locationKey(literal->getBeginLoc(), sm)).second)
      report(literal->getBeginLoc(), sm, std::move(message));
  };

  if (auto message = secretInValue(value))
    return found(*message);

  // Checked before the context, which walks the parents and costs more.
  bool hasAlnum = std::any_of(value.begin(), value.end(),
                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (!hasAlnum || secrets::isPlaceholderOrNotASecret(value))
    return;
  auto ctx = config::literalContext(literal, *result.Context);
  // strcmp(key, "password"), log("bad token"), fields["api_key"]: the word, not a secret.
  if (ctx.isComparison || ctx.isMessage)
    return;
  auto named = [&](const std::string &name) {
    return !name.empty() && !grammarToken(name, value) && !secrets::spellsName(name, value);
  };
  for (const auto &name : ctx.names)
    if (named(name) && secrets::isCredentialName(name, keywords_))
      return found("hardcoded credential assigned to '" + name +
                   "'; read it from the environment or a secret store at run time");
  if (valueOfCredentialKey(ctx.key, value))
    return found("hardcoded credential given as the value of '" + ctx.key +
                 "'; read it from the environment or a secret store at run time");
  if (named(ctx.parameter) && secrets::isCredentialName(ctx.parameter, keywords_))
    return found("hardcoded credential passed as '" + ctx.parameter +
                 "'; read it from the environment or a secret store at run time");
  auto names = ctx.names;
  names.push_back(ctx.parameter);
  for (const auto &name : names)
    if (named(name) && secrets::isWeakCredentialName(name) && secrets::looksRandom(value))
      return found("hardcoded high-entropy key in '" + name +
                   "'; read it from the environment or a secret store at run time");
}

// A literal Clang dropped with its declaration: the same judgement from what
// the text shows, the name it is written after (`password = "..."`,
// `QString password("...")`), a setter it is passed to (`setPassword("...")`)
// or the macro it defines.
void HardcodedCredentialCheck::checkLexedLiteral(const LexedLiteral &literal,
                                                 const clang::SourceManager &sm) {
  const auto &value = literal.value;
  if (value.empty())
    return;
  auto found = [&](std::string message) {
    if (seen_.insert(locationKey(literal.location, sm)).second)
      report(literal.location, sm, std::move(message));
  };
  if (auto message = secretInValue(value))
    return found(*message);
  if (literal.streamed || config::isMessageFunction(literal.callee))
    return;
  bool hasAlnum = std::any_of(value.begin(), value.end(),
                              [](char c) { return std::isalnum(static_cast<unsigned char>(c)); });
  if (!hasAlnum || secrets::isPlaceholderOrNotASecret(value))
    return;
  auto named = [&](const std::string &name) {
    return !name.empty() && !grammarToken(name, value) && !secrets::spellsName(name, value);
  };
  if (named(literal.name) && secrets::isCredentialName(literal.name, keywords_))
    return found("hardcoded credential assigned to '" + literal.name +
                 "'; read it from the environment or a secret store at run time");
  if (secrets::isKeyName(literal.key) && valueOfCredentialKey(literal.key, value))
    return found("hardcoded credential given as the value of '" + literal.key +
                 "'; read it from the environment or a secret store at run time");
  // set_password("..."), setApiKey("..."): the setter's one argument.
  const auto &callee = literal.callee;
  if (callee.size() > 3 && (callee.rfind("set", 0) == 0 || callee.rfind("Set", 0) == 0)) {
    auto field = callee.substr(callee[3] == '_' ? 4 : 3);
    if (named(field) && secrets::isCredentialName(field, keywords_))
      return found("hardcoded credential passed to '" + callee +
                   "'; read it from the environment or a secret store at run time");
  }
}

namespace {

// Where well-known client libraries take a password, for calls recognized by
// name when their headers are missing (with the headers, the parameter's name
// says it: mysql.h's `passwd`, libpq-fe.h's `pwd`).
struct PasswordArgument {
  const char *function;
  size_t index;
};
const PasswordArgument kPasswordArguments[] = {
    {"mysql_real_connect", 3},        {"PQsetdbLogin", 6},
    {"mosquitto_username_pw_set", 2}, {"username_pw_set", 1},
    {"ldap_simple_bind_s", 2},        {"ldap_simple_bind", 2},
    {"ssh_userauth_password", 2},     {"libssh2_userauth_password", 2},
    {"curl_easy_setopt", 2}};

} // namespace

std::vector<std::string> HardcodedCredentialCheck::fallbackNames() const {
  std::vector<std::string> names;
  for (const auto &p : kPasswordArguments)
    names.push_back(p.function);
  return names;
}

void HardcodedCredentialCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  for (const auto &p : kPasswordArguments) {
    if (call.qualifiedName != p.function || call.arguments.size() <= p.index)
      continue;
    // curl_easy_setopt(h, CURLOPT_PASSWORD, "..."): only its credential options.
    if (call.qualifiedName == "curl_easy_setopt" &&
        !config::isCredentialOption(call.arguments[1].text))
      return;
    const auto &arg = call.arguments[p.index];
    if (!arg.literal || arg.literal->empty() || secrets::isPlaceholderOrNotASecret(*arg.literal))
      return;
    if (seen_.insert(locationKey(arg.location, sm)).second)
      report(arg.location, sm,
             "hardcoded credential passed as the password of " + call.qualifiedName +
                 "(); read it from the environment or a secret store at run time");
    return;
  }
}

} // namespace twelve::checks
