#include "checks/port-binding/HardcodedPortCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <cctype>
#include <optional>
#include <string>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

const char *kWhy = ": take the port from the environment ($PORT) so the platform can assign it";

std::string listensOn(long long port) {
  return "the server listens on the literal port " + std::to_string(port) + kWhy;
}

// The port a sin_port value carries: htons(8080) -> 8080; a constant without
// htons is taken as written.
std::optional<long long> portValue(const clang::Expr *e, const clang::ASTContext &ctx) {
  e = e->IgnoreParenImpCasts();
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(e))
    if (call->getNumArgs() == 1)
      return integerValue(call->getArg(0), ctx);
  return integerValue(e, ctx);
}

// A port argument: a constant, seen through Pistache's Port(9080) and casts.
std::optional<long long> portArgument(const clang::Expr *e, const clang::ASTContext &ctx) {
  e = e->IgnoreParenImpCasts();
  while (true) {
    if (const auto *t = llvm::dyn_cast<clang::MaterializeTemporaryExpr>(e))
      e = t->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *f = llvm::dyn_cast<clang::CXXFunctionalCastExpr>(e))
      e = f->getSubExpr()->IgnoreParenImpCasts();
    else if (const auto *c = llvm::dyn_cast<clang::CXXConstructExpr>(e); c && c->getNumArgs() == 1)
      e = c->getArg(0)->IgnoreParenImpCasts();
    else
      break;
  }
  if (e->getType()->isIntegerType())
    return integerValue(e, ctx);
  return std::nullopt;
}

// The variable or member an address expression names: addr, &addr, this->addr_.
const clang::ValueDecl *addressDecl(const clang::Expr *e) {
  e = e->IgnoreParenCasts();
  if (const auto *u = llvm::dyn_cast<clang::UnaryOperator>(e))
    e = u->getSubExpr()->IgnoreParenCasts();
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e))
    return ref->getDecl();
  if (const auto *m = llvm::dyn_cast<clang::MemberExpr>(e))
    return m->getMemberDecl();
  return nullptr;
}

std::optional<long long> literalInteger(const std::string &text) {
  if (text.empty() || text.size() > 6)
    return std::nullopt;
  for (char c : text)
    if (!std::isdigit(static_cast<unsigned char>(c)))
      return std::nullopt;
  return std::stoll(text);
}

// The list of an options array or vector: {"listening_ports", "8080", ...}.
const clang::InitListExpr *optionList(const clang::Expr *e) {
  e = stripWrappers(e);
  if (const auto *l = llvm::dyn_cast_or_null<clang::CXXStdInitializerListExpr>(e))
    e = stripWrappers(l->getSubExpr()); // std::vector<std::string>{...}
  return llvm::dyn_cast_or_null<clang::InitListExpr>(e);
}

// civetweb's name/value options as a variable holds them: its initializer
// list, or, for a std::vector<std::string> filled in its function, what is
// pushed into it in order (literals, or every element of an options array
// copied in a loop: `for (...) cpp_options.push_back(options[i]);`).
std::vector<const clang::Expr *> civetwebOptions(const clang::VarDecl *var,
                                                 clang::ASTContext &ctx) {
  std::vector<const clang::Expr *> out;
  if (const auto *list = optionList(var->getAnyInitializer())) {
    out.assign(list->inits().begin(), list->inits().end());
    return out;
  }
  const auto *function =
      llvm::dyn_cast_or_null<clang::FunctionDecl>(var->getParentFunctionOrMethod());
  if (!var->hasLocalStorage() || !function || !function->getBody())
    return out;
  auto pushes =
      match(findAll(cxxMemberCallExpr(on(declRefExpr(to(varDecl(equalsNode(var))))),
                                      calls(cxxMethodDecl(nameIn({"push_back", "emplace_back"}))),
                                      argumentCountIs(1))
                        .bind("push")),
            *function->getBody(), ctx);
  for (const auto &push : pushes) {
    const auto *arg = stripWrappers(push.getNodeAs<clang::CXXMemberCallExpr>("push")->getArg(0));
    if (const auto *element = llvm::dyn_cast_or_null<clang::ArraySubscriptExpr>(arg)) {
      const auto *array =
          llvm::dyn_cast<clang::DeclRefExpr>(element->getBase()->IgnoreParenImpCasts());
      const auto *source = array ? llvm::dyn_cast<clang::VarDecl>(array->getDecl()) : nullptr;
      if (const auto *list = source ? optionList(source->getAnyInitializer()) : nullptr)
        return {list->inits().begin(), list->inits().end()};
      return {}; // elements of something else: the order is not known
    }
    out.push_back(arg);
  }
  return out;
}

// The port of a listening address as civetweb's listening_ports or
// Mongoose's listen URL write it: "8080", "8443s", "127.0.0.1:8080r",
// "[::]:8080", "http://0.0.0.0:8000", "tcp://:1883"; the first of a
// comma-separated list. Nothing when no port is written.
std::optional<long long> listeningPort(llvm::StringRef text) {
  text = text.split(',').first.trim();
  if (auto scheme = text.find("://"); scheme != llvm::StringRef::npos)
    text = text.drop_front(scheme + 3);
  auto bracket = text.rfind(']');
  auto colon = text.rfind(':');
  if (colon != llvm::StringRef::npos && (bracket == llvm::StringRef::npos || colon > bracket))
    text = text.drop_front(colon + 1);
  else if (bracket != llvm::StringRef::npos || text.contains('.'))
    return std::nullopt; // an address without a port
  auto digits = text.take_while([](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
  auto rest = text.drop_front(digits.size());
  if (digits.empty() || digits.size() > 5 ||
      !(rest.empty() || rest == "s" || rest == "r" || rest.startswith("/")))
    return std::nullopt;
  long long port = std::stoll(digits.str());
  if (port > 65535)
    return std::nullopt;
  return port;
}

} // namespace

void HardcodedPortCheck::registerMatchers(MatchFinder &finder) {
  auto notSystem = unless(isExpansionInSystemHeader());
  // addr.sin_port = htons(8080); judged at the end of the unit, once it is
  // known whether the address is bound (a server) or connected (a client).
  finder.addMatcher(
      binaryOperator(hasOperatorName("="),
                     hasLHS(memberExpr(member(fieldDecl(nameIn({"sin_port", "sin6_port"}))),
                                       hasObjectExpression(expr().bind("object")))),
                     notSystem)
          .bind("sinPort"),
      this);
  NamedCalls named;
  named.add({"::bind"}, callExpr(hasArgument(1, expr().bind("addr")), notSystem).bind("bind"));
  // listenOn(addr) where listenOn binds its parameter: one level of helpers.
  finder.addMatcher(
      callExpr(calls(functionDecl(hasBody(stmt())).bind("helper")), notSystem).bind("helperCall"),
      this);
  named.add({"::connect", "::sendto"}, callExpr(notSystem).bind("connect"));
  // Boost.Asio and standalone Asio: endpoint(tcp::v4(), 8080) names no
  // address, so it is a listening endpoint; endpoint(address, port) is one
  // when handed to an acceptor.
  auto endpointClass =
      cxxRecordDecl(nameIn({"::boost::asio::ip::basic_endpoint", "::asio::ip::basic_endpoint"}));
  auto acceptorClass = cxxRecordDecl(
      nameIn({"::boost::asio::basic_socket_acceptor", "::asio::basic_socket_acceptor"}));
  finder.addMatcher(
      cxxConstructExpr(
          hasDeclaration(cxxConstructorDecl(ofClass(endpointClass))), argumentCountIs(2),
          anyOf(hasArgument(0, hasType(cxxRecordDecl(
                                   nameIn({"::boost::asio::ip::tcp", "::boost::asio::ip::udp",
                                           "::asio::ip::tcp", "::asio::ip::udp"})))),
                hasAncestor(
                    cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(acceptorClass))))),
                hasAncestor(cxxMemberCallExpr(
                    calls(cxxMethodDecl(nameIn({"bind"}), ofClass(acceptorClass)))))),
          notSystem)
          .bind("endpoint"),
      this);
  // cpp-httplib: svr.listen("0.0.0.0", 8080), svr.bind_to_port(host, 8080)
  finder.addMatcher(
      cxxMemberCallExpr(
          calls(cxxMethodDecl(nameIn({"listen", "bind_to_port"}),
                              ofClass(isSameOrDerivedFrom(nameIn({"::httplib::Server"}))))),
          hasArgument(1, expr().bind("port")), notSystem)
          .bind("server"),
      this);
  // Crow: app.port(18080)
  finder.addMatcher(
      cxxMemberCallExpr(calls(cxxMethodDecl(nameIn({"port"}), ofClass(matchesName("^::crow::")))),
                        argumentCountIs(1), hasArgument(0, expr().bind("port")), notSystem)
          .bind("server"),
      this);
  // Drogon: drogon::app().addListener("0.0.0.0", 80)
  finder.addMatcher(
      cxxMemberCallExpr(calls(cxxMethodDecl(nameIn({"addListener"}),
                                            ofClass(nameIn({"::drogon::HttpAppFramework"})))),
                        hasArgument(1, expr().bind("port")), notSystem)
          .bind("server"),
      this);
  // civetweb: mg_start(&callbacks, data, options) and CivetServer(options)
  // with options = {"listening_ports", "8080", ...}.
  auto options = ignoringParenCasts(declRefExpr(to(varDecl().bind("options"))));
  named.add({"::mg_start"},
            callExpr(argumentCountIs(3), hasArgument(2, options), notSystem).bind("civetweb"));
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(nameIn({"::CivetServer"})))),
                       hasArgument(0, options), notSystem)
          .bind("civetweb"),
      this);
  // Mongoose: mg_http_listen(&mgr, "http://0.0.0.0:8000", fn, data), or
  // with the URL in `static const char *s_listen_on`, and Mongoose 6's
  // mg_bind(&mgr, "8000", handler).
  named.add({"::mg_http_listen", "::mg_listen", "::mg_mqtt_listen", "::mg_bind", "::mg_bind_opt"},
            callExpr(hasArgument(1, expr().bind("url")), notSystem).bind("server"));
  named.registerWith(finder, this);
  // Pistache: Pistache::Address(Ipv4::any(), Port(9080))
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(nameIn({"::Pistache::Address"})))),
                       argumentCountIs(2), hasArgument(1, expr().bind("port")), notSystem)
          .bind("server"),
      this);
}

void HardcodedPortCheck::check(const MatchFinder::MatchResult &result) {
  sm_ = result.SourceManager;
  auto &ctx = *result.Context;
  if (const auto *assign = result.Nodes.getNodeAs<clang::BinaryOperator>("sinPort")) {
    auto port = portValue(assign->getRHS(), ctx);
    const auto *address = addressDecl(result.Nodes.getNodeAs<clang::Expr>("object"));
    if (port && *port != 0 && address)
      assignments_.push_back({address, assign->getRHS()->getBeginLoc(), *port});
    return;
  }
  if (const auto *addr = result.Nodes.getNodeAs<clang::Expr>("addr")) {
    if (const auto *d = addressDecl(addr))
      bound_.insert(d);
    return;
  }
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("helperCall")) {
    const clang::FunctionDecl *helper = nullptr;
    // The definition's parameters are the ones its body binds.
    if (!result.Nodes.getNodeAs<clang::FunctionDecl>("helper")->hasBody(helper) || !helper)
      return;
    for (unsigned i = 0; i < call->getNumArgs() && i < helper->getNumParams(); ++i)
      if (const auto *d = addressDecl(call->getArg(i)))
        passed_.push_back({helper->getParamDecl(i), d});
    return;
  }
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("connect")) {
    if (call->getNumArgs() >= 2)
      if (const auto *d = addressDecl(call->getArg(call->getNumArgs() == 3 ? 1 : 4)))
        connected_.insert(d);
    return;
  }
  if (result.Nodes.getNodeAs<clang::Expr>("civetweb")) {
    const auto *var = result.Nodes.getNodeAs<clang::VarDecl>("options");
    auto options = var ? civetwebOptions(var, ctx) : std::vector<const clang::Expr *>{};
    // Name, value, name, value...: a listening_ports value written as a literal.
    for (size_t i = 0; i + 1 < options.size(); i += 2) {
      const auto *name = asStringLiteral(options[i]);
      const auto *value = asStringLiteral(options[i + 1]);
      if (!name || !value || name->getCharByteWidth() != 1 || value->getCharByteWidth() != 1 ||
          name->getString() != "listening_ports")
        continue;
      auto port = listeningPort(value->getString());
      if (port && *port != 0 && seen_.insert(value).second)
        report(value->getBeginLoc(), *result.SourceManager, listensOn(*port));
    }
    return;
  }
  if (const auto *arg = result.Nodes.getNodeAs<clang::Expr>("url")) {
    // Reported where the URL is written: the call, or the variable's initializer.
    const auto *url = constantString(arg);
    auto port =
        url && url->getCharByteWidth() == 1 ? listeningPort(url->getString()) : std::nullopt;
    if (port && *port != 0 && seen_.insert(url).second)
      report(url->getBeginLoc(), *result.SourceManager, listensOn(*port));
    return;
  }
  const clang::Expr *portExpr = nullptr;
  const clang::Expr *site = nullptr;
  if (const auto *ep = result.Nodes.getNodeAs<clang::CXXConstructExpr>("endpoint")) {
    portExpr = ep->getArg(1);
    site = ep;
  } else {
    portExpr = result.Nodes.getNodeAs<clang::Expr>("port");
    site = result.Nodes.getNodeAs<clang::Expr>("server");
  }
  if (!portExpr || !site || !seen_.insert(portExpr).second)
    return;
  auto port = portArgument(portExpr, ctx);
  if (!port || *port == 0) // port 0: the kernel picks an ephemeral port
    return;
  report(portExpr->getBeginLoc(), *result.SourceManager, listensOn(*port));
}

void HardcodedPortCheck::onEndOfTranslationUnit() {
  for (int round = 0; round < 3; ++round)
    for (const auto &[param, address] : passed_) {
      if (bound_.count(param))
        bound_.insert(address);
      if (connected_.count(param))
        connected_.insert(address);
    }
  for (const auto &a : assignments_)
    if (bound_.count(a.address) && !connected_.count(a.address))
      report(a.location, *sm_,
             "the socket is bound to the literal port " + std::to_string(a.port) + kWhy);
  assignments_.clear();
  bound_.clear();
  connected_.clear();
  seen_.clear();
  passed_.clear();
}

std::vector<std::string> HardcodedPortCheck::fallbackNames() const {
  return {"listen",
          "addListener",
          "tcp::endpoint",
          "ip::tcp::endpoint",
          "asio::ip::tcp::endpoint",
          "boost::asio::ip::tcp::endpoint",
          "Pistache::Address",
          "port"};
}

namespace {

// A port argument found by name: a number, or a numeric constant of the file
// (`#define PORT 8080`, `const int kPort = 8080;`), which is reported at the
// number, as the AST reports a constant; `at` is where.
std::optional<long long> portArgument(const NamedCall::Argument &arg, clang::SourceLocation &at) {
  at = arg.location;
  if (auto port = literalInteger(arg.text))
    return port;
  if (!arg.constant)
    return std::nullopt;
  at = arg.constantLocation;
  return literalInteger(*arg.constant);
}

} // namespace

void HardcodedPortCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  if (call.qualifiedName == "port") {
    // Crow's app.port(18080): a method named port is only Crow's in a file
    // that uses Crow.
    bool invalid = false;
    auto text = sm.getBufferData(sm.getFileID(sm.getFileLoc(call.location)), &invalid);
    if (call.arguments.size() != 1 || invalid ||
        (!text.contains("crow::") && !text.contains("CROW_ROUTE")))
      return;
    clang::SourceLocation at;
    if (auto port = portArgument(call.arguments[0], at); port && *port != 0)
      report(at, sm, listensOn(*port));
    return;
  }
  if (call.arguments.size() != 2)
    return;
  const auto &first = call.arguments[0];
  const auto &second = call.arguments[1];
  clang::SourceLocation at;
  auto port = portArgument(second, at);
  if (call.qualifiedName == "listen" || call.qualifiedName == "addListener") {
    // httplib's svr.listen("0.0.0.0", 8080), Drogon's addListener(host, port):
    // a host string first, unlike POSIX listen(fd, backlog).
    if (!first.literal)
      return;
  } else if (call.qualifiedName == "Pistache::Address") {
    if (!port) {
      // Port(9080)
      auto open = second.text.find("( ");
      auto close = second.text.rfind(" )");
      if (second.text.rfind("Port", 0) == 0 && open != std::string::npos &&
          close != std::string::npos && close > open)
        port = literalInteger(second.text.substr(open + 2, close - open - 2));
    }
  } else if (first.text.find("v4") == std::string::npos &&
             first.text.find("v6") == std::string::npos) {
    return; // endpoint(address, port): a client's, unless handed to an acceptor
  }
  if (!port || *port == 0)
    return;
  report(at, sm, listensOn(*port));
}

} // namespace twelve::checks
