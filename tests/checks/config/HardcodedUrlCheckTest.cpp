#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "config/hardcoded-url";

TEST(HardcodedUrlCheck, DatabaseCacheAndQueueUrls) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
void connect(const char *);
void f() {
  connect("postgresql://db.internal:5432/orders");   // expect: config/hardcoded-url
  connect("mysql://mysql-primary/app");              // expect: config/hardcoded-url
  std::string m = "mongodb+srv://cluster0.mongo.net/app"; // expect: config/hardcoded-url
  connect("redis://cache:6379/0");                   // expect: config/hardcoded-url
  connect("rediss://cache.prod:6380");               // expect: config/hardcoded-url
  connect("amqp://rabbit:5672/%2f");                 // expect: config/hardcoded-url
  connect("kafka://broker-1:9092");                  // expect: config/hardcoded-url
  connect("nats://nats:4222");                       // expect: config/hardcoded-url
}
)cpp"));
}

TEST(HardcodedUrlCheck, KeyValueDsns) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *a = "host=db.internal port=5432 dbname=orders user=svc"; // expect: config/hardcoded-url
const char *b = "Server=sql1;Database=Orders;Trusted_Connection=True;"; // expect: config/hardcoded-url
)cpp"));
}

TEST(HardcodedUrlCheck, MacroDefinition) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#define REDIS_URL "redis://cache:6379" // expect: config/hardcoded-url
void connect(const char *);
void f() { connect(REDIS_URL); }
)cpp"));
}

TEST(HardcodedUrlCheck, CredentialsInTheUrlAreReported) {
  auto result = twelve::testing::runCheck(kRule, R"cpp(
const char *u = "postgres://app:s3cret@db:5432/orders";
)cpp");
  ASSERT_EQ(result.findings.size(), 1u);
  EXPECT_EQ(result.findings[0].severity, twelve::Severity::Error);
}

TEST(HardcodedUrlCheck, LocalhostIsStillHardcodedConfig) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *u = "redis://localhost:6379"; // expect: config/hardcoded-url
)cpp"));
}

TEST(HardcodedUrlCheck, UrlsInCommentsAndLogMessages) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <iostream>
// Connects to postgres://db.internal:5432/orders by default.
void f() {
  printf("connecting to postgres://db.internal/orders\n");
  std::cerr << "redis://cache:6379 unreachable" << std::endl;
  fprintf(stderr, "usage: svc --db postgres://HOST/DB\n");
}
)cpp"));
}

TEST(HardcodedUrlCheck, FormatStringsAndTemplates) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void f(char *buf, const char *h, const char *d) {
  snprintf(buf, 256, "postgres://%s/%s", h, d);
  const char *t = "redis://${REDIS_HOST}:6379";
}
)cpp"));
}

TEST(HardcodedUrlCheck, HttpLinksRoutesAndMimeTypes) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *doc = "https://www.postgresql.org/docs/current/libpq-connect.html";
const char *route = "/api/v1/users";
const char *mime = "application/json";
)cpp"));
}

TEST(HardcodedUrlCheck, ExampleHostsAndConstantTables) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstring>
const char *sample = "postgres://user@db.example.com/app";
static const char *kSchemes[] = {"postgres://", "postgresql://", "redis://"};
bool is_pg(const char *u) { return strncmp(u, "postgres://", 11) == 0; }
)cpp"));
}

TEST(HardcodedUrlCheck, LiteralsOfDeclarationsClangDroppedAreReadFromTheText) {
  // mongocxx's headers are not installed: Clang drops make() and its literal;
  // the text still shows it. A macro counts where it is used; an unused one,
  // an inactive branch and a message do not.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <mongocxx/client_missing.hpp>
#define AMQP_URL "amqp://svc:Pr0dPw@rabbit.internal:5672/" // expect: config/hardcoded-url
#define UNUSED_URL "redis://cache.internal:6379"
mongocxx::client make() {
  return mongocxx::client{mongocxx::uri{"mongodb://admin:hunter22@mongo0:27017/"}}; // expect: config/hardcoded-url
}
AmqpClient::Channel::Ptr channel() { return AmqpClient::Channel::CreateFromUri(AMQP_URL); }
#if 0
mongocxx::uri old{"mongodb://mongo-old.internal:27017/"};
#endif
void warn(Logger &log) {
  log.warn("cannot reach postgres://db.internal/orders");
  std::cerr << "redis://cache.internal:6379";
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

} // namespace
