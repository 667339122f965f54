#include "checks/config/HardcodedEndpointCheck.h"

#include "checks/ast_util.h"
#include "checks/config/literal_context.h"
#include "checks/config/secrets.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <algorithm>
#include <map>

#include <arpa/inet.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// Which argument carries the host, by the API's fully qualified name.
const std::map<std::string, unsigned> &hostArgument() {
  static const std::map<std::string, unsigned> m = {
      {"getaddrinfo", 0},
      {"gethostbyname", 0},
      {"gethostbyname2", 0},
      {"gethostbyname_r", 0},
      {"gethostbyname2_r", 0},
      {"inet_addr", 0},
      {"inet_aton", 0},
      {"inet_network", 0},
      {"inet_pton", 1},
      {"curl_easy_setopt", 2},
      {"boost::asio::ip::make_address", 0},
      {"boost::asio::ip::make_address_v4", 0},
      {"boost::asio::ip::make_address_v6", 0},
      {"boost::asio::ip::address::from_string", 0},
      {"boost::asio::ip::address_v4::from_string", 0},
      {"boost::asio::ip::address_v6::from_string", 0},
      {"boost::asio::ip::basic_resolver::resolve", 0},
      {"boost::asio::ip::basic_resolver::async_resolve", 0},
      {"boost::asio::ip::basic_resolver_query::basic_resolver_query", 0},
      {"httplib::Client::Client", 0},
      {"httplib::SSLClient::SSLClient", 0},
      {"cpr::Url::Url", 0},
      {"grpc::CreateChannel", 0},
      {"grpc::CreateCustomChannel", 0},
      // Backing services' client libraries: the host (or URI, or list of hosts).
      {"redisConnect", 0},
      {"redisConnectWithTimeout", 0},
      {"redisConnectNonBlock", 0},
      {"redisAsyncConnect", 0},
      {"sw::redis::Redis::Redis", 0},
      {"mysql_real_connect", 1},
      {"PQsetdbLogin", 0},
      {"memcached_server_add", 1},
      {"memcached_servers_parse", 0},
      {"cass_cluster_set_contact_points", 1},
      {"rd_kafka_brokers_add", 1},
      {"rd_kafka_conf_set", 2},
      {"amqp_socket_open", 1},
      {"mosquitto_connect", 1},
      {"mosquitto_connect_async", 1},
      {"mosquitto_connect_bind", 1},
      {"MQTTClient_create", 1},
      {"MQTTAsync_create", 1},
      {"zmq_connect", 1},
      {"zmq::detail::socket_base::connect", 0},
      {"zmq::socket_t::connect", 0},
  };
  return m;
}

// Whether an expression reads one of `decls` (DB_HOST, DB_HOST.c_str()).
bool refersToAny(const clang::Stmt *s, const std::set<const clang::Decl *> &decls) {
  if (!s || decls.empty())
    return false;
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(s))
    return decls.count(ref->getDecl()) > 0;
  for (const auto *child : s->children())
    if (refersToAny(child, decls))
      return true;
  return false;
}

// rd_kafka_conf_set(conf, name, value): only the brokers' names are hosts.
bool isKafkaBrokerSetting(const std::string &name) {
  return name == "bootstrap.servers" || name == "metadata.broker.list";
}

// Several hosts in one string ("a:11211,b:11211", "10.0.0.1,10.0.0.2"): the first.
std::string firstOfList(const std::string &value) {
  if (value.find("://") != std::string::npos)
    return value;
  auto comma = value.find_first_of(", ");
  return comma == std::string::npos ? value : value.substr(0, comma);
}

// ZeroMQ's and MQTT's transports that are not a network host.
bool isLocalTransport(const std::string &value) {
  for (const char *scheme : {"ipc://", "inproc://", "unix://", "file://", "ws+unix://"})
    if (value.rfind(scheme, 0) == 0)
      return true;
  return false;
}

// curl options whose value is a URL or a host.
bool isCurlUrlOption(const clang::Expr *e, const clang::ASTContext &ctx) {
  e = e->IgnoreParenImpCasts();
  if (const auto *ref = llvm::dyn_cast<clang::DeclRefExpr>(e)) {
    auto name = ref->getDecl()->getName();
    return name == "CURLOPT_URL" || name == "CURLOPT_PROXY";
  }
  auto v = integerValue(e, ctx);
  return v && (*v == 10002 || *v == 10004);
}

// Functions that only turn text into an address: what the address is for
// (connecting, binding, comparing) is decided elsewhere.
bool parsesAnAddress(const std::string &api) {
  return api == "inet_addr" || api == "inet_aton" || api == "inet_network" || api == "inet_pton" ||
         api.find("make_address") != std::string::npos ||
         api.find("from_string") != std::string::npos;
}

// Whether a function body calls connect() or async_connect() (sockets, Asio).
bool callsConnect(const clang::Stmt *s) {
  if (!s)
    return false;
  if (const auto *call = llvm::dyn_cast<clang::CallExpr>(s))
    if (const auto *fn = call->getDirectCallee())
      if (fn->getIdentifier() && (fn->getName() == "connect" || fn->getName() == "async_connect"))
        return true;
  for (const auto *child : s->children())
    if (callsConnect(child))
      return true;
  return false;
}

std::string key(clang::SourceLocation loc, const clang::SourceManager &sm) {
  auto p = sm.getPresumedLoc(sm.getFileLoc(loc));
  return p.isValid() ? std::string(p.getFilename()) + ":" + std::to_string(p.getLine()) + ":" +
                           std::to_string(p.getColumn())
                     : std::string();
}

} // namespace

void HardcodedEndpointCheck::registerMatchers(MatchFinder &finder) {
  std::vector<std::string> functions, constructors;
  for (const auto &[name, index] : hostArgument()) {
    (void)index;
    auto last = name.substr(name.rfind(':') == std::string::npos ? 0 : name.rfind(':') + 1);
    auto owner = name.size() > last.size() + 2 ? name.substr(0, name.size() - last.size() - 2) : "";
    bool ctor =
        !owner.empty() &&
        owner.substr(owner.rfind(':') == std::string::npos ? 0 : owner.rfind(':') + 1) == last;
    (ctor ? constructors : functions).push_back("::" + (ctor ? owner : name));
  }
  // Members of class templates (basic_resolver<tcp>::resolve) do not match a
  // qualified hasName: match them by their name and their template's name;
  // check() then requires the exact "owner::member" pair.
  std::vector<std::string> members, owners;
  for (const auto &f : functions) {
    auto split = f.rfind("::");
    if (split == 0 || split == std::string::npos)
      continue;
    members.push_back(f.substr(split + 2));
    owners.push_back(f.substr(0, split));
  }
  auto templateMember =
      cxxMethodDecl(nameIn(members), ofClass(classTemplateSpecializationDecl(hasSpecializedTemplate(
                                         classTemplateDecl(nameIn(owners))))));
  finder.addMatcher(
      callExpr(calls(functionDecl(anyOf(nameIn(functions), templateMember)).bind("fn")),
               unless(isExpansionInSystemHeader()))
          .bind("call"),
      this);
  finder.addMatcher(
      cxxConstructExpr(
          hasDeclaration(
              cxxConstructorDecl(ofClass(cxxRecordDecl(nameIn(constructors)))).bind("fn")),
          unless(isExpansionInSystemHeader()))
          .bind("construct"),
      this);
  // A host literal held by a name that says host: `const char *DB_HOST =
  // "db.internal"`, `struct Config { std::string host = "cache.internal"; }`,
  // `opts.host = "10.0.0.7"`, `Config() : broker("kafka.internal:9092")`.
  auto literal = expr(ignoringParenImpCasts(anyOf(
                          stringLiteral(), cxxConstructExpr(), initListExpr(), exprWithCleanups(),
                          materializeTemporaryExpr(), cxxBindTemporaryExpr())))
                     .bind("value");
  auto user = unless(isExpansionInSystemHeader());
  finder.addMatcher(varDecl(hasInitializer(literal), user).bind("named"), this);
  finder.addMatcher(fieldDecl(hasInClassInitializer(literal), user).bind("named"), this);
  finder.addMatcher(binaryOperator(isAssignmentOperator(), hasRHS(literal), user).bind("assign"),
                    this);
  finder.addMatcher(
      cxxOperatorCallExpr(hasOverloadedOperatorName("="), hasArgument(1, literal), user)
          .bind("assign"),
      this);
  finder.addMatcher(cxxCtorInitializer(forField(fieldDecl().bind("named")),
                                       withInitializer(literal), isWritten()),
                    this);
  // A host given as the value of a key that says host, the call's only two
  // string literals: conf->set("bootstrap.servers", "kafka-1.internal:9092",
  // err), settings.emplace("redis.host", "cache.internal").
  finder.addMatcher(
      callExpr(hasAnyArgument(expr(anyOf(stringLiteral(), hasDescendant(stringLiteral())))), user)
          .bind("keyed"),
      this);
}

// Names whose last word says they hold a host: db_host, REDIS_SERVER, brokerAddress.
// A listening, local or client-side address is not a backing service's.
bool isHostName(const std::string &identifier) {
  auto words = secrets::identifierWords(identifier);
  if (words.empty())
    return false;
  static const std::vector<std::string> last = {
      "host",     "hostname",  "hosts",  "server",  "servers",  "addr",     "address",
      "endpoint", "endpoints", "broker", "brokers", "upstream", "upstreams"};
  static const std::vector<std::string> notBacking = {
      "listen",   "listening", "bind", "local", "self", "own",  "my",    "public", "advertised",
      "external", "client",    "mac",  "email", "mail", "from", "reply", "sender"};
  if (std::find(last.begin(), last.end(), words.back()) == last.end())
    return false;
  return std::none_of(words.begin(), words.end(), [](const std::string &w) {
    return std::find(notBacking.begin(), notBacking.end(), w) != notBacking.end();
  });
}

// An IP address or a DNS name of two labels or more (not a file name, a version).
bool looksLikeHost(const std::string &value) {
  if (value.find("://") != std::string::npos || value.find('/') != std::string::npos ||
      value.find('@') != std::string::npos)
    return false; // URLs are config/hardcoded-url's; an e-mail address is nobody's host
  auto host = secrets::endpointHost(firstOfList(value));
  if (!host || host->empty())
    return false;
  unsigned char buf[16];
  if (::inet_pton(AF_INET, host->c_str(), buf) == 1 ||
      ::inet_pton(AF_INET6, host->c_str(), buf) == 1)
    return true;
  auto dot = host->rfind('.');
  if (dot == std::string::npos || dot + 1 >= host->size())
    return false;
  auto tld = host->substr(dot + 1);
  if (!std::all_of(tld.begin(), tld.end(),
                   [](char c) { return std::isalpha(static_cast<unsigned char>(c)); }))
    return false;
  static const std::vector<std::string> files = {
      "html", "htm", "json", "xml", "txt",    "conf", "cfg", "ini", "log",  "pid",
      "sock", "so",  "dll",  "exe", "js",     "css",  "png", "jpg", "yaml", "yml",
      "pem",  "crt", "key",  "db",  "sqlite", "c",    "h",   "cc",  "cpp",  "hpp",
      "py",   "sh",  "md",   "csv", "gz",     "tar",  "zip", "bin", "dat"};
  return std::find(files.begin(), files.end(), tld) == files.end();
}

void HardcodedEndpointCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("keyed")) {
    if (auto kv = config::keyAndValue(call))
      judgeKeyedHost(kv->first->getString().str(), utf8(kv->second), kv->second->getBeginLoc(), sm);
    return;
  }
  if (const auto *value = result.Nodes.getNodeAs<clang::Expr>("value")) {
    std::string name;
    const clang::ValueDecl *decl = nullptr;
    if (const auto *named = result.Nodes.getNodeAs<clang::DeclaratorDecl>("named")) {
      name = named->getName().str();
      decl = named;
    } else if (const auto *op = result.Nodes.getNodeAs<clang::BinaryOperator>("assign")) {
      name = identifierOf(op->getLHS());
    } else if (const auto *op = result.Nodes.getNodeAs<clang::CXXOperatorCallExpr>("assign")) {
      name = identifierOf(op->getArg(0));
    }
    const auto *lit = asStringLiteral(value);
    if (name.empty() || !lit || !isHostName(name))
      return;
    auto text = utf8(lit);
    if (!looksLikeHost(text))
      return;
    auto host = secrets::endpointHost(firstOfList(text));
    if (secrets::isLoopbackHost(*host))
      return; // a default for local development, not a backing service's address
    if (decl)
      namedHosts_.insert(decl);
    reportHost(text, "'" + name + "'", lit->getBeginLoc(), sm);
    return;
  }
  const auto *fn = result.Nodes.getNodeAs<clang::FunctionDecl>("fn");
  if (!fn)
    return;
  auto name = fn->getQualifiedNameAsString();
  // Template members print as "basic_resolver<tcp>::resolve"; drop arguments.
  std::string plain;
  int depth = 0;
  for (char c : name) {
    if (c == '<')
      ++depth;
    else if (c == '>')
      --depth;
    else if (depth == 0)
      plain += c;
  }
  auto it = hostArgument().find(plain);
  if (it == hostArgument().end())
    return;
  const clang::Expr *arg = nullptr;
  clang::SourceLocation loc;
  if (const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("call")) {
    if (it->second >= call->getNumArgs())
      return;
    if (plain == "curl_easy_setopt" && !isCurlUrlOption(call->getArg(1), *result.Context))
      return;
    if (plain == "rd_kafka_conf_set") {
      auto name = stringValue(call->getArg(1));
      if (!name || !isKafkaBrokerSetting(*name))
        return;
    }
    arg = call->getArg(it->second);
    loc = call->getBeginLoc();
  } else if (const auto *construct = result.Nodes.getNodeAs<clang::CXXConstructExpr>("construct")) {
    if (it->second >= construct->getNumArgs())
      return;
    arg = construct->getArg(it->second);
    loc = construct->getBeginLoc();
  }
  if (!arg)
    return;
  auto value = stringValue(arg);
  if (!value)
    return;
  if (refersToAny(arg, namedHosts_))
    return; // reported where the constant is defined
  if (const auto *literal = asStringLiteral(arg))
    loc = literal->getBeginLoc();
  // A loopback address that is only parsed (a bind address for a local admin
  // port, a fallback, a comparison) is not a backing service; one that the
  // same function connects to is (a sidecar).
  if (parsesAnAddress(plain)) {
    auto host = secrets::endpointHost(*value);
    if (host && secrets::isLoopbackHost(*host)) {
      const auto *fnDecl =
          llvm::dyn_cast_or_null<clang::FunctionDecl>(enclosingFunction(arg, *result.Context));
      if (!fnDecl || !callsConnect(fnDecl->getBody()))
        return;
    }
  }
  reportHost(*value, plain, loc, sm);
}

std::vector<std::string> HardcodedEndpointCheck::fallbackNames() const {
  return {"curl_easy_setopt",
          "redisConnect",
          "redisConnectWithTimeout",
          "redisAsyncConnect",
          "mysql_real_connect",
          "PQsetdbLogin",
          "memcached_server_add",
          "cass_cluster_set_contact_points",
          "rd_kafka_brokers_add",
          "rd_kafka_conf_set",
          "amqp_socket_open",
          "mosquitto_connect",
          "MQTTClient_create",
          "zmq_connect",
          "boost::asio::ip::make_address",
          "boost::asio::ip::make_address_v4",
          "boost::asio::ip::make_address_v6",
          "boost::asio::ip::address::from_string",
          "boost::asio::ip::address_v4::from_string",
          "asio::ip::make_address",
          "ip::make_address",
          "ip::address::from_string",
          "httplib::Client",
          "httplib::SSLClient",
          "cpr::Url",
          "grpc::CreateChannel",
          "grpc::CreateCustomChannel",
          "connect",
          "connect_async",
          "async_connect"};
}

namespace {
bool isPortNumber(const std::string &text) {
  return !text.empty() && text.size() <= 5 && std::all_of(text.begin(), text.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}
} // namespace

void HardcodedEndpointCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  // A client library's connect(host, port): mosquittopp's
  // client.connect("broker.internal", 1883, 60), cpp_redis's
  // client.connect("cache.internal", 6379). POSIX connect(fd, addr, len) and
  // Asio's socket.connect(endpoint) take no host text.
  if (call.qualifiedName == "connect" || call.qualifiedName == "connect_async" ||
      call.qualifiedName == "async_connect") {
    if (call.arguments.size() < 2 || !call.arguments[0].literal ||
        !looksLikeHost(*call.arguments[0].literal) ||
        !(isPortNumber(call.arguments[1].text) || call.arguments[1].constant))
      return;
    reportHost(*call.arguments[0].literal, call.qualifiedName, call.arguments[0].location, sm);
    return;
  }
  unsigned index = 0;
  if (call.qualifiedName == "curl_easy_setopt") {
    if (call.arguments.size() < 3 ||
        (call.arguments[1].text != "CURLOPT_URL" && call.arguments[1].text != "CURLOPT_PROXY"))
      return;
    index = 2;
  } else if (auto it = hostArgument().find(call.qualifiedName); it != hostArgument().end()) {
    index = it->second;
  }
  if (call.qualifiedName == "rd_kafka_conf_set" &&
      (call.arguments.size() < 3 || !call.arguments[1].literal ||
       !isKafkaBrokerSetting(*call.arguments[1].literal)))
    return;
  if (index >= call.arguments.size() || !call.arguments[index].literal)
    return;
  // Without the AST, what a parsed loopback address is for is unknown.
  auto host = secrets::endpointHost(*call.arguments[index].literal);
  if (parsesAnAddress(call.qualifiedName) && host && secrets::isLoopbackHost(*host))
    return;
  reportHost(*call.arguments[index].literal, call.qualifiedName, call.arguments[index].location,
             sm);
}

void HardcodedEndpointCheck::judgeKeyedHost(const std::string &key, const std::string &value,
                                            clang::SourceLocation loc,
                                            const clang::SourceManager &sm) {
  if (!secrets::isKeyName(key) || !isHostName(key) || !looksLikeHost(value))
    return;
  auto host = secrets::endpointHost(firstOfList(value));
  if (!host || secrets::isLoopbackHost(*host))
    return; // a default for local development, as for a named host
  reportHost(value, "'" + key + "'", loc, sm);
}

void HardcodedEndpointCheck::checkLexedLiteral(const LexedLiteral &literal,
                                               const clang::SourceManager &sm) {
  judgeKeyedHost(literal.key, literal.value, literal.location, sm);
}

void HardcodedEndpointCheck::reportHost(const std::string &value, const std::string &api,
                                        clang::SourceLocation loc, const clang::SourceManager &sm) {
  if (isLocalTransport(value))
    return;
  auto host = secrets::endpointHost(firstOfList(value));
  // 0.0.0.0 and :: mean "listen everywhere" (port-binding's business);
  // multicast and broadcast groups are the protocol's, not a service's host.
  if (!host || secrets::isBindAllAddress(*host) || secrets::isProtocolGroupAddress(*host) ||
      secrets::isExampleHost(*host) || secrets::hostAllowed(*host, options().allowedHosts))
    return;
  auto k = key(loc, sm);
  if (!k.empty() && !seen_.insert(k).second)
    return;
  bool held = !api.empty() && api.front() == '\'';
  report(loc, sm,
         "hardcoded endpoint '" + *host + (held ? "' in " + api : "' passed to " + api + "()") +
             "; read the host from the environment");
}

} // namespace twelve::checks
