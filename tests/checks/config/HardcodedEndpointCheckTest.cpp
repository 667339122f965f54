#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "config/hardcoded-endpoint";

const char *kCurl = R"(
typedef void CURL;
typedef enum { CURLOPT_URL = 10002, CURLOPT_PROXY = 10004, CURLOPT_TIMEOUT = 13 } CURLoption;
extern "C" int curl_easy_setopt(CURL *curl, CURLoption option, ...);
)";

const char *kAsio = R"(
#include <string>
namespace boost { namespace asio { namespace ip {
class address {
public:
  static address from_string(const char *s);
};
address make_address(const char *s);
class tcp {};
template <class P> class basic_resolver {
public:
  int resolve(const std::string &host, const std::string &service);
  template <class H> void async_resolve(const std::string &host, const std::string &service, H h) {}
};
}}}
)";

const char *kHttp = R"(
#include <string>
namespace httplib {
class Client { public: explicit Client(const std::string &host, int port = 80); };
class SSLClient { public: explicit SSLClient(const std::string &host, int port = 443); };
}
namespace cpr { class Url { public: Url(const char *u); }; void Get(const Url &); }
namespace grpc {
class ChannelCredentials;
class Channel;
Channel *CreateChannel(const std::string &target, const ChannelCredentials *creds);
}
)";

CodeOptions withLibs() {
  CodeOptions o;
  o.extraFiles["sys/curl/curl.h"] = kCurl;
  o.extraFiles["sys/boost/asio.hpp"] = kAsio;
  o.extraFiles["sys/httplib.h"] = kHttp;
  return o;
}

TEST(HardcodedEndpointCheck, ResolverAndAddressFunctions) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netdb.h>
void f(struct sockaddr_in *sa) {
  struct addrinfo *res;
  getaddrinfo("db.internal", "5432", nullptr, &res);    // expect: config/hardcoded-endpoint
  inet_pton(AF_INET, "10.0.0.5", &sa->sin_addr);       // expect: config/hardcoded-endpoint
  sa->sin_addr.s_addr = inet_addr("192.168.1.20");     // expect: config/hardcoded-endpoint
  inet_aton("10.1.2.3", &sa->sin_addr);                // expect: config/hardcoded-endpoint
  gethostbyname("payments.internal");                  // expect: config/hardcoded-endpoint
}
)cpp"));
}

TEST(HardcodedEndpointCheck, ThroughAConstant) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <netdb.h>
static const char kSearch[] = "search.internal";
void f() { gethostbyname(kSearch); } // expect: config/hardcoded-endpoint
// C's usual constants: the pointer is not const, the name says it is.
static const char *REDIS_DSN = "10.20.30.40";
const char *kCache = "cache.internal";
static const char *target = "10.1.1.1"; // a default: reassigned below
static const char *s_peer = "10.2.2.2";  // file-local and never reassigned: a constant
void g(const char *option) {
  gethostbyname(REDIS_DSN); // expect: config/hardcoded-endpoint
  gethostbyname(kCache);    // expect: config/hardcoded-endpoint
  gethostbyname(target);
  gethostbyname(s_peer);    // expect: config/hardcoded-endpoint
  if (option)
    target = option;
}
)cpp"));
}

// A name that says host holds a backing service's address: reported where it
// is written, once, however often it is used.
TEST(HardcodedEndpointCheck, HostsHeldByAHostName) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <netdb.h>
#include <string>
const std::string DB_HOST = "db.prod.internal";        // expect: config/hardcoded-endpoint
static const char *REDIS_SERVER = "10.20.30.40";       // expect: config/hardcoded-endpoint
struct Config {
  std::string host = "cache.internal";                 // expect: config/hardcoded-endpoint
  std::string brokers = "kafka-1.internal:9092,kafka-2.internal:9092"; // expect: config/hardcoded-endpoint
  std::string listen_address = "10.0.0.1";             // ok: listening
  std::string server_version = "1.2.3";                // ok: not a host name
  std::string server = "Apache/2.4";                   // ok: not a host
  std::string admin_address = "ops@company.com";       // ok: an e-mail address
  std::string db_host = "localhost";                   // ok: local development default
  std::string log_server = "syslog.conf";              // ok: a file name
  std::string upstream;
  Config() : upstream("api.partner.net") {}            // expect: config/hardcoded-endpoint
};
void connect(Config &c) {
  c.host = "10.9.8.7";                                 // expect: config/hardcoded-endpoint
  gethostbyname(DB_HOST.c_str());                      // ok: reported where defined
}
)cpp"));
}

TEST(HardcodedEndpointCheck, BindAddressesAreListeningNotEndpoints) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netdb.h>
void f(struct sockaddr_in *sa, struct sockaddr_in6 *sa6) {
  inet_pton(AF_INET, "0.0.0.0", &sa->sin_addr);
  inet_pton(AF_INET6, "::", &sa6->sin6_addr);
  struct addrinfo *res;
  getaddrinfo(nullptr, "8080", nullptr, &res);
}
)cpp"));
}

// dnsmasq's dhcp6-protocol.h and radv-protocol.h: multicast groups defined
// by the protocols (All_DHCP_Servers, all-routers), mDNS, broadcast.
TEST(HardcodedEndpointCheck, MulticastAndBroadcastGroupsAreTheProtocols) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#define ALL_SERVERS "FF05::1:3"
#define ALL_ROUTERS "ff02::2"
void f(struct sockaddr_in *sa, struct sockaddr_in6 *sa6) {
  inet_pton(AF_INET6, ALL_SERVERS, &sa6->sin6_addr);
  inet_pton(AF_INET6, ALL_ROUTERS, &sa6->sin6_addr);
  inet_pton(AF_INET, "224.0.0.251", &sa->sin_addr);
  sa->sin_addr.s_addr = inet_addr("255.255.255.255");
  inet_pton(AF_INET6, "fd00::15", &sa6->sin6_addr); // expect: config/hardcoded-endpoint
  inet_pton(AF_INET, "10.1.2.3", &sa->sin_addr);    // expect: config/hardcoded-endpoint
}
)cpp"));
}

TEST(HardcodedEndpointCheck, HostsFromTheEnvironmentAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <netdb.h>
void f() {
  const char *host = getenv("DB_HOST");
  struct addrinfo *res;
  getaddrinfo(host, "5432", nullptr, &res);
}
)cpp"));
}

// Loopback is reported where it is a backing service: resolved or connected to
// (a sidecar). Only parsed (a local admin port's bind address, a fallback
// address, a comparison: i2pd's from_string("::1")), it is not.
TEST(HardcodedEndpointCheck, LoopbackIsReportedWhereItIsConnectedTo) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <arpa/inet.h>
#include <netdb.h>
#include <sys/socket.h>
int sidecar() {
  sockaddr_in sa{};
  sa.sin_family = AF_INET;
  inet_pton(AF_INET, "127.0.0.1", &sa.sin_addr); // expect: config/hardcoded-endpoint
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  return connect(fd, reinterpret_cast<sockaddr *>(&sa), sizeof sa);
}
int adminListener(sockaddr_in *sa) {
  return inet_pton(AF_INET, "127.0.0.1", &sa->sin_addr); // ok: parsed only
}
in_addr_t fallback() { return inet_addr("127.0.0.1"); } // ok: parsed only
bool isLocal(in_addr_t a) { return a == inet_addr("127.0.0.1"); } // ok: a comparison
in_addr_t internal() { return inet_addr("10.0.0.9"); } // expect: config/hardcoded-endpoint
void cache(addrinfo **res) { getaddrinfo("localhost", "6379", nullptr, res); } // expect: config/hardcoded-endpoint
)cpp"));
}

TEST(HardcodedEndpointCheck, CurlUrl) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <curl/curl.h>
void f(CURL *c, const char *url) {
  curl_easy_setopt(c, CURLOPT_URL, "https://api.stripe.com/v1/charges"); // expect: config/hardcoded-endpoint
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 10L);
  curl_easy_setopt(c, CURLOPT_URL, "https://api.example.com/v1"); // ok: documentation host
}
)cpp", withLibs()));
}

TEST(HardcodedEndpointCheck, BoostAsio) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/asio.hpp>
namespace ip = boost::asio::ip;
void f(ip::basic_resolver<ip::tcp> &r) {
  auto a = ip::make_address("10.0.0.7");            // expect: config/hardcoded-endpoint
  auto b = ip::address::from_string("10.0.0.8");    // expect: config/hardcoded-endpoint
  auto any = ip::make_address("0.0.0.0");           // ok: bind address
}
)cpp", withLibs()));
}

// Members of a class template: a qualified name does not match them.
TEST(HardcodedEndpointCheck, BoostAsioResolver) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/asio.hpp>
namespace ip = boost::asio::ip;
void f(ip::basic_resolver<ip::tcp> &r) {
  r.resolve("inventory.internal", "443");           // expect: config/hardcoded-endpoint
  r.async_resolve("cache.internal", "6379", [](int) {}); // expect: config/hardcoded-endpoint
}
)cpp", withLibs()));
}

TEST(HardcodedEndpointCheck, HttplibCprGrpc) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <httplib.h>
void f() {
  httplib::Client cli("users.internal", 8080);                 // expect: config/hardcoded-endpoint
  httplib::SSLClient ssl("api.github.com");                    // expect: config/hardcoded-endpoint
  cpr::Get(cpr::Url{"http://inventory.internal/items"});       // expect: config/hardcoded-endpoint
  auto ch = grpc::CreateChannel("payments.internal:50051", nullptr); // expect: config/hardcoded-endpoint
}
)cpp", withLibs()));
}

// The client libraries of backing services, as their headers declare them.
const char *kClients = R"(
#pragma once
struct redisContext; typedef struct st_mysql MYSQL; typedef struct pg_conn PGconn;
typedef struct memcached_st memcached_st; typedef struct CassCluster_ CassCluster;
typedef struct rd_kafka_conf_s rd_kafka_conf_t; typedef struct mosquitto mosquitto_t;
#ifdef __cplusplus
extern "C" {
#endif
struct redisContext *redisConnect(const char *ip, int port);
MYSQL *mysql_real_connect(MYSQL *m, const char *host, const char *user, const char *passwd,
                          const char *db, unsigned int port, const char *unix_socket,
                          unsigned long flags);
PGconn *PQsetdbLogin(const char *host, const char *port, const char *options, const char *tty,
                     const char *db, const char *user, const char *pwd);
int memcached_server_add(memcached_st *m, const char *host, unsigned short port);
int cass_cluster_set_contact_points(CassCluster *c, const char *points);
int rd_kafka_conf_set(rd_kafka_conf_t *conf, const char *name, const char *value, char *err,
                      unsigned long size);
int mosquitto_connect(mosquitto_t *m, const char *host, int port, int keepalive);
int zmq_connect(void *s, const char *addr);
int zmq_bind(void *s, const char *addr);
#ifdef __cplusplus
}
#endif
)";

TEST(HardcodedEndpointCheck, BackingServiceClients) {
  CodeOptions o;
  o.fileName = "input.c";
  o.extraFiles["sys/clients.h"] = kClients;
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <clients.h>
void setup(MYSQL *m, memcached_st *mc, CassCluster *cc, rd_kafka_conf_t *conf, mosquitto_t *mq,
           void *sock, const char *host) {
  redisConnect("cache.internal", 6379);                         // expect: config/hardcoded-endpoint
  mysql_real_connect(m, "db.internal", 0, 0, "orders", 3306, 0, 0); // expect: config/hardcoded-endpoint
  PQsetdbLogin("pg.internal", "5432", 0, 0, "app", 0, 0);       // expect: config/hardcoded-endpoint
  memcached_server_add(mc, "10.0.0.21", 11211);                 // expect: config/hardcoded-endpoint
  cass_cluster_set_contact_points(cc, "10.1.2.3,10.1.2.4");     // expect: config/hardcoded-endpoint
  rd_kafka_conf_set(conf, "bootstrap.servers", "kafka.internal:9092", 0, 0); // expect: config/hardcoded-endpoint
  rd_kafka_conf_set(conf, "client.id", "orders-service", 0, 0); // ok: not a broker list
  mosquitto_connect(mq, "broker.internal", 1883, 60);           // expect: config/hardcoded-endpoint
  zmq_connect(sock, "tcp://queue.internal:5555");               // expect: config/hardcoded-endpoint
  zmq_connect(sock, "inproc://workers");                        // ok: in-process transport
  zmq_connect(sock, "ipc:///tmp/feed");                         // ok: a local socket
  zmq_bind(sock, "tcp://*:5555");                               // ok: listening
  redisConnect(host, 6379);                                     // ok: from configuration
}
)c", o));
}

TEST(HardcodedEndpointCheck, UserFunctionsWithTheSameNameAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
namespace mylib { int inet_addr(const char *); int resolve(const char *); }
void f() { mylib::inet_addr("10.0.0.1"); mylib::resolve("x.internal"); }
)cpp"));
}

TEST(HardcodedEndpointCheck, FoundByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <curl/curl_missing.h>
#include <grpcpp/grpcpp_missing.h>
void f(CURL *c) {
  curl_easy_setopt(c, CURLOPT_URL, "https://billing.internal/charge"); // expect: config/hardcoded-endpoint
  auto ch = grpc::CreateChannel("payments.internal:50051", creds); // expect: config/hardcoded-endpoint
  redisConnect("cache.internal", 6379);                     // expect: config/hardcoded-endpoint
  httplib::Client cli("billing.internal", 80);              // expect: config/hardcoded-endpoint
  mqtt.connect("broker.internal", 1883, 60);                // expect: config/hardcoded-endpoint
  sock.connect(endpoint);                                   // ok: no host text
  mqtt.connect("reconnect now", 1);                         // ok: not a host
  rd_kafka_conf_set(conf, "client.id", "orders", nullptr, 0); // ok: not the brokers
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

} // namespace

namespace {

// options.allowed-hosts: a sidecar or in-cluster name the project accepts.
TEST(HardcodedEndpointCheck, AllowedHostsFromTheConfiguration) {
  twelve::testing::CodeOptions options;
  options.checkOptions.allowedHosts = {"127.0.0.1", "*.svc.cluster.local"};
  EXPECT_TRUE(twelve::testing::matchesMarkers("config/hardcoded-endpoint", R"cpp(
#include <arpa/inet.h>
#include <netdb.h>
void f(struct sockaddr_in *sa, struct addrinfo **res) {
  inet_pton(AF_INET, "127.0.0.1", &sa->sin_addr);
  getaddrinfo("orders.prod.svc.cluster.local", "443", nullptr, res);
  getaddrinfo("db.internal.acme.io", "5432", nullptr, res); // expect: config/hardcoded-endpoint
}
)cpp", options));
}

TEST(HardcodedEndpointCheck, HostGivenAsTheValueOfAHostKey) {
  // RdKafka::Conf::set, a settings map: the key says what the value is.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
struct Conf { int set(const std::string &name, const std::string &value, std::string &err); };
void setup(Conf &conf, std::map<std::string, std::string> &settings) {
  std::string err;
  conf.set("bootstrap.servers", "kafka-1.internal:9092", err); // expect: config/hardcoded-endpoint
  settings.emplace("redis.host", "cache.internal");             // expect: config/hardcoded-endpoint
  settings.emplace("redis.host", "localhost");                  // ok: local development
  settings.emplace("log.file", "svc.internal.log");             // ok: not a host key
  settings.emplace("listen.address", "10.0.0.5");               // ok: a listening address
}
)cpp"));
  // Without the library's headers, from the text.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <librdkafka/rdkafkacpp_missing.h>
void setup(RdKafka::Conf *conf, std::string &err) {
  conf->set("bootstrap.servers", "kafka-1.internal:9092", err); // expect: config/hardcoded-endpoint
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

} // namespace
