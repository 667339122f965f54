#include "checks/config/literal_context.h"

#include "checks/config/secrets.h"

#include <clang/AST/ExprCXX.h>
#include <clang/AST/ParentMapContext.h>
#include <clang/Lex/Lexer.h>

#include <algorithm>
#include <cctype>

namespace twelve::checks::config {

namespace {

std::string lower(std::string s) {
  for (auto &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string nameOf(const clang::Expr *e) {
  if (!e)
    return {};
  e = e->IgnoreParenImpCasts();
  if (const auto *r = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return r->getDecl()->getNameAsString();
  if (const auto *m = llvm::dyn_cast<clang::MemberExpr>(e))
    return m->getMemberDecl()->getNameAsString();
  if (const auto *a = llvm::dyn_cast<clang::ArraySubscriptExpr>(e))
    return nameOf(a->getBase());
  return {};
}

const clang::Expr *onlyChild(const clang::DynTypedNode &n) { return n.get<clang::Expr>(); }

} // namespace

bool isMessageFunction(const std::string &q) {
  auto name = lower(q.substr(q.rfind(':') == std::string::npos ? 0 : q.rfind(':') + 1));
  static const std::vector<std::string> exact = {
      "printf",  "fprintf", "sprintf", "snprintf", "vprintf", "vfprintf", "vsnprintf",
      "puts",    "fputs",   "perror",  "syslog",   "vsyslog", "err",      "errx",
      "warn",    "warnx",   "error",   "error_at_line", "assert", "__assert_fail",
      "format",  "print",   "println", "what",     "runtime_error", "logic_error",
      "invalid_argument", "out_of_range", "system_error", "exception", "trace", "debug",
      "info",    "warning", "critical", "fatal",   "notice",  "emerg",   "alert", "g_message",
      "g_warning", "g_debug", "g_error", "g_critical", "g_print", "g_printerr", "ngx_log_error",
      "ngx_log_debug", "elog", "ereport", "errmsg", "errdetail", "errhint"};
  if (std::find(exact.begin(), exact.end(), name) != exact.end())
    return true;
  // By word, so that login() and catalog_add() are not loggers.
  static const std::vector<std::string> words = {
      "log",   "logger", "logf",  "logv",   "logging", "syslog", "vlog",  "dlog",  "print",
      "printf", "debug", "warn",  "warning", "trace",  "die",    "panic", "message", "msg",
      "usage", "help",   "notify", "fail",  "error",  "err",    "abort", "fatal",  "verbose"};
  for (const auto &w : secrets::identifierWords(q.substr(q.rfind(':') == std::string::npos ? 0 : q.rfind(':') + 1)))
    if (std::find(words.begin(), words.end(), w) != words.end())
      return true;
  return q.find("spdlog::") != std::string::npos || q.find("google::") != std::string::npos;
}

std::optional<std::pair<const clang::StringLiteral *, const clang::StringLiteral *>>
keyAndValue(const clang::CallExpr *call) {
  std::vector<std::pair<unsigned, const clang::StringLiteral *>> literals;
  for (unsigned i = 0; i < call->getNumArgs(); ++i)
    if (const auto *l = llvm::dyn_cast<clang::StringLiteral>(
            call->getArg(i)->IgnoreUnlessSpelledInSource()->IgnoreParenImpCasts()))
      literals.emplace_back(i, l);
  if (literals.size() != 2 || literals[1].first != literals[0].first + 1)
    return std::nullopt;
  return std::make_pair(literals[0].second, literals[1].second);
}

bool isCredentialOption(llvm::StringRef name) {
  static const char *const kOptions[] = {"CURLOPT_PASSWORD",       "CURLOPT_USERPWD",
                                         "CURLOPT_PROXYPASSWORD",  "CURLOPT_PROXYUSERPWD",
                                         "CURLOPT_KEYPASSWD",      "CURLOPT_TLSAUTH_PASSWORD",
                                         "CURLOPT_XOAUTH2_BEARER", "CURLOPT_PROXY_TLSAUTH_PASSWORD",
                                         "CURLOPT_PROXY_KEYPASSWD"};
  return std::any_of(std::begin(kOptions), std::end(kOptions),
                     [&](const char *o) { return name == o; });
}

LiteralContext literalContext(const clang::StringLiteral *literal, clang::ASTContext &ctx) {
  LiteralContext out;
  auto &sm = ctx.getSourceManager();
  // The macro a literal is written in: #define DB_PASSWORD "..."
  auto loc = literal->getBeginLoc();
  if (loc.isMacroID()) {
    auto spelling = sm.getSpellingLoc(loc);
    (void)spelling;
    // The definition is the literal's context, not each place the macro is
    // used: #define DB_DSN "..." stays a setting when printed.
    if (sm.isMacroBodyExpansion(loc)) {
      auto name = clang::Lexer::getImmediateMacroName(loc, sm, ctx.getLangOpts());
      if (!name.empty()) {
        out.names.push_back(name.str());
        return out;
      }
    }
  }
  const clang::Expr *child = literal;
  for (int depth = 0; depth < 12; ++depth) {
    auto parents = ctx.getParents(*child);
    if (parents.empty())
      return out;
    const auto &p = parents[0];
    if (const auto *var = p.get<clang::VarDecl>()) {
      out.names.push_back(var->getNameAsString());
      return out;
    }
    if (const auto *field = p.get<clang::FieldDecl>()) {
      out.names.push_back(field->getNameAsString());
      return out;
    }
    if (const auto *init = p.get<clang::CXXCtorInitializer>()) {
      if (init->getMember())
        out.names.push_back(init->getMember()->getNameAsString());
      return out;
    }
    if (const auto *op = p.get<clang::CXXOperatorCallExpr>()) {
      auto kind = op->getOperator();
      if (kind == clang::OO_Equal && op->getNumArgs() == 2 && op->getArg(1) == child) {
        const auto *lhs = op->getArg(0)->IgnoreParenImpCasts();
        if (const auto *sub = llvm::dyn_cast<clang::CXXOperatorCallExpr>(lhs))
          if (sub->getOperator() == clang::OO_Subscript && sub->getNumArgs() == 2)
            if (const auto *key = llvm::dyn_cast<clang::StringLiteral>(
                    sub->getArg(1)->IgnoreParenImpCasts()->IgnoreUnlessSpelledInSource()))
              out.names.push_back(key->getString().str());
        out.names.push_back(nameOf(lhs));
        return out;
      }
      if (kind == clang::OO_EqualEqual || kind == clang::OO_ExclaimEqual) {
        out.isComparison = true;
        return out;
      }
      if (kind == clang::OO_LessLess) {
        out.isMessage = true; // std::cout << "..."
        return out;
      }
      if (kind == clang::OO_Subscript) {
        return out; // a map key, not a value
      }
    }
    if (const auto *bin = p.get<clang::BinaryOperator>()) {
      if (bin->isAssignmentOp() && bin->getRHS()->IgnoreParenImpCasts() == child->IgnoreParenImpCasts())
        out.names.push_back(nameOf(bin->getLHS()));
      if (bin->isComparisonOp())
        out.isComparison = true;
      if (bin->isAssignmentOp() || bin->isComparisonOp())
        return out;
      child = bin;
      continue;
    }
    if (const auto *call = p.get<clang::CallExpr>()) {
      const auto *fn = call->getDirectCallee();
      if (fn) {
        out.callee = fn->getQualifiedNameAsString();
        if (isMessageFunction(out.callee))
          out.isMessage = true;
        auto n = lower(fn->getNameAsString());
        unsigned offset = llvm::isa<clang::CXXOperatorCallExpr>(call) &&
                                  llvm::isa<clang::CXXMethodDecl>(fn)
                              ? 1
                              : 0;
        // The key written just before the value: conf->set("sasl.password",
        // "..."), setenv("DB_PASSWORD", "...", 1), props.put("password", "...").
        // A key not written like a setting's name ("AUTH %s") is a command.
        bool valueOfKey = false;
        if (auto kv = keyAndValue(call);
            kv && kv->second == literal && secrets::isKeyName(kv->first->getString())) {
          out.key = kv->first->getString().str();
          valueOfKey = true;
        }
        // curl_easy_setopt(h, CURLOPT_USERPWD, "user:password")
        for (unsigned i = offset + 1; i < call->getNumArgs(); ++i)
          if (call->getArg(i) == child)
            if (const auto *ref =
                    llvm::dyn_cast<clang::DeclRefExpr>(call->getArg(i - 1)->IgnoreParenImpCasts()))
              if (isCredentialOption(ref->getDecl()->getName()))
                out.key = ref->getDecl()->getName().str();
        if (!valueOfKey &&
            (n == "strcmp" || n == "strcasecmp" || n == "strncmp" || n == "strncasecmp" ||
             n == "compare" || n == "equals" || n == "starts_with" || n == "ends_with" ||
             n == "find" || n == "rfind" || n == "strstr" || n == "strcasestr" || n == "getenv" ||
             n == "secure_getenv" || n == "setenv" || n == "putenv" || n == "at" || n == "count" ||
             n == "contains" || n == "get" || n == "has" || n == "erase" || n == "find_first_of"))
          out.isComparison = true; // looking something up by its name
        for (unsigned i = 0; i < call->getNumArgs(); ++i)
          if (call->getArg(i) == child && i >= offset && i - offset < fn->getNumParams()) {
            out.parameter = fn->getParamDecl(i - offset)->getNameAsString();
          }
        // A setter names what it receives: set_password("..."), withApiKey("...").
        // With several named parameters each argument is what its parameter
        // says: set_basic_auth(username, password) gets a user name first.
        auto words = secrets::identifierWords(fn->getNameAsString());
        bool ownName = fn->getNumParams() <= 1 || out.parameter.empty();
        if (ownName && words.size() > 1 &&
            (words[0] == "set" || words[0] == "with" || words[0] == "use"))
          out.names.push_back(fn->getNameAsString());
      }
      return out;
    }
    if (const auto *construct = p.get<clang::CXXConstructExpr>()) {
      unsigned explicitArgs = 0;
      for (const auto *a : construct->arguments())
        if (!llvm::isa<clang::CXXDefaultArgExpr>(a))
          ++explicitArgs;
      // std::string("...") with its defaulted allocator: look through.
      if (explicitArgs == 1 && construct->getArg(0) == child) {
        child = construct;
        continue;
      }
      if (const auto *ctor = construct->getConstructor()) {
        for (unsigned i = 0; i < construct->getNumArgs(); ++i)
          if (construct->getArg(i) == child && i < ctor->getNumParams())
            out.parameter = ctor->getParamDecl(i)->getNameAsString();
        out.callee = ctor->getParent()->getQualifiedNameAsString();
        if (isMessageFunction(out.callee))
          out.isMessage = true;
      }
      return out;
    }
    if (const auto *list = p.get<clang::InitListExpr>()) {
      // {"password", "..."}: a key and its value (a map's pair).
      if (list->getNumInits() == 2 && list->getInit(1) == child)
        if (const auto *key = llvm::dyn_cast<clang::StringLiteral>(
                list->getInit(0)->IgnoreParenImpCasts()->IgnoreUnlessSpelledInSource()))
          if (secrets::isKeyName(key->getString()))
            out.key = key->getString().str();
      const auto *record = list->getType()->getAsRecordDecl();
      if (record && list->getNumInits() > 0) {
        unsigned i = 0;
        for (const auto *field : record->fields()) {
          if (i < list->getNumInits() && list->getInit(i) == child) {
            out.names.push_back(field->getNameAsString());
            return out;
          }
          ++i;
        }
        return out;
      }
      if (list->getNumInits() == 1) {
        child = list;
        continue;
      }
      return out; // an array: a table of constants
    }
    if (const auto *designated = p.get<clang::DesignatedInitExpr>()) {
      for (unsigned i = 0; i < designated->size(); ++i)
        if (designated->getDesignator(i)->isFieldDesignator())
          if (const auto *f = designated->getDesignator(i)->getField())
            out.names.push_back(f->getNameAsString());
          else if (designated->getDesignator(i)->getFieldName())
            out.names.push_back(designated->getDesignator(i)->getFieldName()->getName().str());
      return out;
    }
    if (const auto *cond = p.get<clang::ConditionalOperator>()) {
      if (cond->getCond() == child)
        return out;
      child = cond;
      continue;
    }
    if (const auto *e = onlyChild(p)) {
      if (llvm::isa<clang::ImplicitCastExpr, clang::ParenExpr, clang::MaterializeTemporaryExpr,
                    clang::CXXBindTemporaryExpr, clang::ExprWithCleanups,
                    clang::CXXFunctionalCastExpr, clang::CStyleCastExpr, clang::CXXStaticCastExpr,
                    clang::CXXConstCastExpr, clang::BinaryConditionalOperator,
                    clang::OpaqueValueExpr>(e)) {
        child = e;
        continue;
      }
    }
    if (const auto *ret = p.get<clang::ReturnStmt>()) {
      (void)ret;
      // return "..." from a function named get_password()
      auto fparents = ctx.getParents(*ret);
      for (int d = 0; d < 30 && !fparents.empty(); ++d) {
        if (const auto *fn = fparents[0].get<clang::FunctionDecl>()) {
          out.names.push_back(fn->getNameAsString());
          break;
        }
        if (const auto *s = fparents[0].get<clang::Stmt>())
          fparents = ctx.getParents(*s);
        else
          break;
      }
      return out;
    }
    return out;
  }
  return out;
}

} // namespace twelve::checks::config
