#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "port-binding/hardcoded-port";

const char *kAsio = R"h(
namespace boost { namespace asio {
class io_context {};
namespace ip {
class address {};
address make_address(const char *);
class tcp { public: static tcp v4(); static tcp v6(); };
class udp { public: static udp v4(); };
template <class P> class basic_endpoint {
public:
  basic_endpoint();
  basic_endpoint(const P &protocol, unsigned short port);
  basic_endpoint(const address &a, unsigned short port);
};
} // namespace ip
template <class P> class basic_socket_acceptor {
public:
  basic_socket_acceptor(io_context &, const ip::basic_endpoint<P> &, bool reuse = true);
  explicit basic_socket_acceptor(io_context &);
  void bind(const ip::basic_endpoint<P> &);
};
namespace ip { namespace detail {} }
}} // namespace boost::asio
namespace boost { namespace asio { namespace ip {
using tcp_endpoint = basic_endpoint<tcp>;
}}}
)h";

CodeOptions asio() {
  CodeOptions o;
  o.extraFiles["sys/boost/asio.hpp"] = kAsio;
  return o;
}

TEST(HardcodedPortCheck, SinPortOfABoundAddress) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
int serve() {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr = {};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(8080); // expect: port-binding/hardcoded-port
  bind(fd, (struct sockaddr *)&addr, sizeof addr);
  return listen(fd, 128);
}
)cpp"));
}

TEST(HardcodedPortCheck, Sin6PortAndAConstant) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#define SERVER_PORT 9000
void serve(int fd) {
  sockaddr_in6 a{};
  a.sin6_port = htons(SERVER_PORT); // expect: port-binding/hardcoded-port
  ::bind(fd, reinterpret_cast<sockaddr *>(&a), sizeof a);
}
)cpp"));
}

TEST(HardcodedPortCheck, ClientConnectIsNotAListeningPort) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
int dial(int fd) {
  struct sockaddr_in peer = {};
  peer.sin_port = htons(5432); // ok: outgoing connection
  return connect(fd, (struct sockaddr *)&peer, sizeof peer);
}
)cpp"));
}

TEST(HardcodedPortCheck, PortZeroAndPortFromTheEnvironmentAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdlib.h>
#include <sys/socket.h>
void serve(int fd, int argPort) {
  struct sockaddr_in a = {}, b = {}, c = {};
  a.sin_port = htons(0); // ok: ephemeral
  b.sin_port = htons(getenv("PORT") ? atoi(getenv("PORT")) : 8080); // ok: config/env-fallback
  c.sin_port = htons(argPort); // ok: from a parameter
  bind(fd, (struct sockaddr *)&a, sizeof a);
  bind(fd, (struct sockaddr *)&b, sizeof b);
  bind(fd, (struct sockaddr *)&c, sizeof c);
}
)cpp"));
}

TEST(HardcodedPortCheck, AsioListeningEndpointAndAcceptor) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/asio.hpp>
using boost::asio::ip::tcp;
using endpoint = boost::asio::ip::basic_endpoint<tcp>;
using acceptor = boost::asio::basic_socket_acceptor<tcp>;
void serve(boost::asio::io_context &io) {
  acceptor a(io, endpoint(tcp::v4(), 8080)); // expect: port-binding/hardcoded-port
  endpoint ep(tcp::v6(), 443); // expect: port-binding/hardcoded-port
  acceptor b(io, endpoint(boost::asio::ip::make_address("127.0.0.1"), 9090)); // expect: port-binding/hardcoded-port
}
)cpp", asio()));
}

TEST(HardcodedPortCheck, AsioClientEndpointIsFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/asio.hpp>
using boost::asio::ip::tcp;
using endpoint = boost::asio::ip::basic_endpoint<tcp>;
void dial(unsigned short port) {
  endpoint db(boost::asio::ip::make_address("10.0.0.5"), 5432); // ok: an outgoing connection
  endpoint any(tcp::v4(), 0); // ok: ephemeral
  endpoint cfg(tcp::v4(), port); // ok: from a parameter
}
)cpp", asio()));
}

TEST(HardcodedPortCheck, HttplibCrowDrogonPistache) {
  CodeOptions o;
  o.extraFiles["sys/httplib.h"] = R"h(
namespace httplib { class Server { public: bool listen(const char *host, int port, int flags = 0); bool bind_to_port(const char *, int, int = 0); };
class SSLServer : public Server {}; }
)h";
  o.extraFiles["sys/crow.h"] = R"h(
namespace crow { template <class... M> class Crow { public: Crow &port(unsigned short); void run(); }; using SimpleApp = Crow<>; }
)h";
  o.extraFiles["sys/drogon/drogon.h"] = R"h(
namespace drogon { class HttpAppFramework { public: HttpAppFramework &addListener(const char *ip, unsigned short port, bool https = false); void run(); };
HttpAppFramework &app(); }
)h";
  o.extraFiles["sys/pistache/endpoint.h"] = R"h(
namespace Pistache { class Port { public: Port(unsigned short p = 0); };
class IP {}; struct Ipv4 { static IP any(); };
class Address { public: Address(IP ip, Port port); Address(const char *); }; }
)h";
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <httplib.h>
#include <crow.h>
#include <drogon/drogon.h>
#include <pistache/endpoint.h>
#include <cstdlib>
int main() {
  httplib::Server svr;
  svr.listen("0.0.0.0", 8080); // expect: port-binding/hardcoded-port
  httplib::SSLServer tls;
  tls.listen("0.0.0.0", 8443); // expect: port-binding/hardcoded-port
  crow::SimpleApp app;
  app.port(18080).run(); // expect: port-binding/hardcoded-port
  drogon::app().addListener("0.0.0.0", 80).run(); // expect: port-binding/hardcoded-port
  Pistache::Address addr(Pistache::Ipv4::any(), Pistache::Port(9080)); // expect: port-binding/hardcoded-port
  Pistache::Address fromEnv(Pistache::Ipv4::any(), Pistache::Port(std::atoi(std::getenv("PORT")))); // ok: from the environment
  svr.listen("0.0.0.0", std::atoi(std::getenv("PORT"))); // ok: from the environment
}
)cpp", o));
}

TEST(HardcodedPortCheck, UserFunctionNamedListenIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <sys/socket.h>
struct Queue { void listen(const char *topic, int partitions); };
void run(Queue &q, int fd) {
  q.listen("orders", 8); // ok: not a server
  listen(fd, 128);       // ok: a backlog, not a port
}
)cpp"));
}

TEST(HardcodedPortCheck, RecognizedByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <httplib_missing.h>
#include <boost/asio_missing.hpp>
#include <sys/socket.h>
int main(int fd) {
  httplib::Server svr;
  svr.listen("0.0.0.0", 8080); // expect: port-binding/hardcoded-port
  auto ep = boost::asio::ip::tcp::endpoint(boost::asio::ip::tcp::v4(), 7000); // expect: port-binding/hardcoded-port
  boost::asio::ip::tcp::endpoint ep2(boost::asio::ip::tcp::v4(), 7001); // expect: port-binding/hardcoded-port
  listen(fd, 128); // ok: POSIX listen, a backlog
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

TEST(HardcodedPortCheck, ConstantsOfTheFileWhenHeadersAreMissing) {
  // The number is reported where it is written, as with the headers.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <httplib_missing.h>
#define PORT 8080 // expect: port-binding/hardcoded-port
const int kAdminPort = 9090; // expect: port-binding/hardcoded-port
static constexpr unsigned short kMetrics{9100}; // expect: port-binding/hardcoded-port
int fallback = 7000;
int main() {
  httplib::Server svr;
  svr.listen("0.0.0.0", PORT);
  svr.listen("0.0.0.0", kAdminPort);
  svr.listen("0.0.0.0", kMetrics);
  svr.listen("0.0.0.0", fallback); // ok: not a constant
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

TEST(HardcodedPortCheck, PistacheAfterUsingNamespaceWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <pistache/endpoint_missing.h>
using namespace Pistache;
int main() {
  Address addr(Ipv4::any(), Port(9080)); // expect: port-binding/hardcoded-port
  Http::Endpoint server(addr);
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

TEST(HardcodedPortCheck, CrowRecognizedByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include "crow_missing.h"
int main() {
  crow::SimpleApp app;
  CROW_ROUTE(app, "/")([]() { return "Hello"; });
  app.port(18080).multithreaded().run(); // expect: port-binding/hardcoded-port
}
)cpp",
                             twelve::testing::reducedPrecision()));
  // Without Crow in the file, a method named port is anybody's.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include "uri_missing.h"
void f(Uri &u) { u.port(443); }
)cpp",
                             twelve::testing::reducedPrecision()));
}

} // namespace

namespace {

TEST(HardcodedPortCheck, AddressBoundByAHelper) {
  EXPECT_TRUE(matchesMarkers("port-binding/hardcoded-port", R"cpp(
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
static int listenOn(const sockaddr_in &addr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr);
  return listen(fd, 128);
}
static int dial(const sockaddr_in &peer) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  return connect(fd, reinterpret_cast<const sockaddr *>(&peer), sizeof peer);
}
int main() {
  sockaddr_in addr{}, peer{};
  addr.sin_port = htons(18089); // expect: port-binding/hardcoded-port
  listenOn(addr);
  peer.sin_port = htons(6379); // ok: an outgoing connection
  dial(peer);
}
)cpp"));
}

} // namespace

namespace {

const char *kCivetweb = R"h(
struct mg_context;
struct mg_callbacks { int (*begin_request)(void *); };
struct mg_context *mg_start(const struct mg_callbacks *callbacks, void *user_data,
                            const char **configuration_options);
void mg_stop(struct mg_context *);
)h";

const char *kCivetServer = R"h(
#include <string>
#include <vector>
struct CivetCallbacks;
class CivetServer {
public:
  CivetServer(const char **options, const CivetCallbacks *callbacks = 0, const void *user = 0);
  CivetServer(const std::vector<std::string> &options, const CivetCallbacks *callbacks = 0,
              const void *user = 0);
};
)h";

const char *kMongoose = R"h(
struct mg_mgr {};
struct mg_connection;
typedef void (*mg_event_handler_t)(struct mg_connection *, int ev, void *ev_data, void *fn_data);
struct mg_connection *mg_http_listen(struct mg_mgr *, const char *url, mg_event_handler_t fn, void *fn_data);
struct mg_connection *mg_http_connect(struct mg_mgr *, const char *url, mg_event_handler_t fn, void *fn_data);
struct mg_connection *mg_listen(struct mg_mgr *, const char *url, mg_event_handler_t fn, void *fn_data);
)h";

// civetweb's options are name/value pairs: the listening_ports value is the port.
TEST(HardcodedPortCheck, CivetwebListeningPortsOption) {
  CodeOptions o;
  o.extraFiles["sys/civetweb.h"] = kCivetweb;
  o.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <civetweb.h>
#include <stdlib.h>
static const char *options[] = {
    "document_root", ".",
    "listening_ports", "8080,8443s", // expect: port-binding/hardcoded-port
    "num_threads", "8",
    0};
struct mg_context *start(void) {
  struct mg_callbacks callbacks = {0};
  return mg_start(&callbacks, 0, options);
}
struct mg_context *fromEnvironment(void) {
  const char *opts[] = {"listening_ports", getenv("PORT"), "num_threads", "8", 0}; // ok: from the environment
  return mg_start(0, 0, opts);
}
struct mg_context *ephemeral(void) {
  const char *opts[] = {"listening_ports", "0", 0}; // ok: the kernel picks the port
  return mg_start(0, 0, opts);
}
struct mg_context *valueNotAPort(void) {
  const char *opts[] = {"access_log_file", "8080", "listening_ports", "127.0.0.1", 0}; // ok: no port
  return mg_start(0, 0, opts);
}
)c", o));
}

TEST(HardcodedPortCheck, CivetServerOptionsArrayAndVector) {
  CodeOptions o;
  o.extraFiles["sys/CivetServer.h"] = kCivetServer;
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <CivetServer.h>
#include <cstdlib>
int main() {
  const char *options[] = {"listening_ports", "127.0.0.1:8081", nullptr}; // expect: port-binding/hardcoded-port
  CivetServer server(options);
  std::vector<std::string> more = {"document_root", ".", "listening_ports", "[::]:9090r"}; // expect: port-binding/hardcoded-port
  CivetServer other(more);
  std::vector<std::string> env = {"listening_ports", std::getenv("PORT")}; // ok: from the environment
  CivetServer third(env);
  std::vector<std::string> unused = {"listening_ports", "7070"}; // ok: never given to a server
  return 0;
}
)cpp", o));
}

// civetweb's embedded_cpp example: the options array copied into the vector
// the server takes, or the vector filled one option at a time.
TEST(HardcodedPortCheck, CivetServerOptionsPushedIntoAVector) {
  CodeOptions o;
  o.extraFiles["sys/CivetServer.h"] = kCivetServer;
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <CivetServer.h>
#include <cstdlib>
#define PORT "8081" // expect: port-binding/hardcoded-port
void copied() {
  const char *options[] = {"document_root", ".", "listening_ports", PORT, nullptr};
  std::vector<std::string> cpp_options;
  for (unsigned i = 0; i < sizeof(options) / sizeof(options[0]) - 1; i++)
    cpp_options.push_back(options[i]);
  CivetServer server(cpp_options);
}
void oneByOne() {
  std::vector<std::string> opts;
  opts.push_back("listening_ports");
  opts.push_back("8082"); // expect: port-binding/hardcoded-port
  opts.push_back("num_threads");
  opts.push_back("4");
  CivetServer server(opts);
}
void fromTheEnvironment() {
  std::vector<std::string> opts;
  opts.push_back("listening_ports");
  opts.push_back(std::getenv("PORT")); // ok: from the environment
  opts.push_back("num_threads");
  opts.push_back("8083"); // ok: not a port option
  CivetServer server(opts);
}
void notGivenToAServer() {
  std::vector<std::string> opts;
  opts.push_back("listening_ports");
  opts.push_back("8084"); // ok: never given to a server
}
)cpp", o));
}

TEST(HardcodedPortCheck, MongooseListenUrl) {
  CodeOptions o;
  o.extraFiles["sys/mongoose.h"] = kMongoose;
  o.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <mongoose.h>
#include <stdlib.h>
static void fn(struct mg_connection *c, int ev, void *ev_data, void *fn_data) {}
int main(void) {
  struct mg_mgr mgr;
  mg_http_listen(&mgr, "http://0.0.0.0:8000", fn, 0); // expect: port-binding/hardcoded-port
  mg_listen(&mgr, "tcp://:1883", fn, 0); // expect: port-binding/hardcoded-port
  mg_http_listen(&mgr, getenv("LISTEN_URL"), fn, 0); // ok: from the environment
  mg_http_listen(&mgr, "http://0.0.0.0:0", fn, 0); // ok: an ephemeral port
  mg_http_listen(&mgr, "http://0.0.0.0", fn, 0); // ok: no port written (the scheme's default)
  mg_http_connect(&mgr, "http://example.com:8080", fn, 0); // ok: a client
  return 0;
}
)c", o));
}

// Mongoose's examples keep the URL in a file-local static: reported where it
// is written when no code of the unit changes it; a flag that can replace it
// makes it a default, not a constant.
TEST(HardcodedPortCheck, MongooseListenUrlInStatic) {
  CodeOptions o;
  o.extraFiles["sys/mongoose.h"] = kMongoose;
  o.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <mongoose.h>
#include <string.h>
static const char *s_listen_on = "ws://localhost:8000"; // expect: port-binding/hardcoded-port
static const char *s_listening_address = "http://0.0.0.0:8001"; // ok: -l replaces it
static const char *s_parsed = "http://0.0.0.0:8002"; // ok: its address is handed out
static const char *s_web_root = ".";
void parse(const char **where);
static void fn(struct mg_connection *c, int ev, void *ev_data, void *fn_data) {}
int main(int argc, char *argv[]) {
  struct mg_mgr mgr;
  for (int i = 1; i < argc; i++)
    if (strcmp(argv[i], "-l") == 0 && i + 1 < argc)
      s_listening_address = argv[++i];
  parse(&s_parsed);
  mg_http_listen(&mgr, s_listen_on, fn, 0);
  mg_http_listen(&mgr, s_listen_on, fn, 0); // (one finding for the one URL)
  mg_http_listen(&mgr, s_listening_address, fn, 0);
  mg_http_listen(&mgr, s_parsed, fn, 0);
  return 0;
}
)c", o));
}

} // namespace
