#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "config/env-fallback";

TEST(EnvFallbackCheck, TernaryWithGetenvTwice) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
const char *host() {
  return getenv("DB_HOST") ? getenv("DB_HOST") : "db.internal"; // expect: config/env-fallback
}
)cpp"));
}

TEST(EnvFallbackCheck, TernaryOnAVariable) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <string>
std::string region() {
  const char *v = std::getenv("REGION");
  return v ? v : "eu-west-1"; // expect: config/env-fallback
}
)cpp"));
}

TEST(EnvFallbackCheck, ElvisOperator) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <string>
std::string queue() { return std::string(getenv("QUEUE") ?: "orders"); } // expect: config/env-fallback
)cpp"));
}

TEST(EnvFallbackCheck, IfNotSetAssign) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdlib.h>
const char *broker(void) {
  const char *v = getenv("BROKER");
  if (!v)
    v = "amqp-broker"; // expect: config/env-fallback
  return v;
}
)c", CodeOptions{"input.c"}));
}

TEST(EnvFallbackCheck, NumericFallback) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
int workers() { return getenv("WORKERS") ? atoi(getenv("WORKERS")) : 8; } // expect: config/env-fallback
)cpp"));
}

TEST(EnvFallbackCheck, GetenvWithoutFallback) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
const char *host() { return getenv("DB_HOST"); }
)cpp"));
}

TEST(EnvFallbackCheck, TrivialFallbacks) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
const char *a() { return getenv("A") ? getenv("A") : ""; }
const char *b() { return getenv("B") ? getenv("B") : "0"; }
const char *c() { return getenv("C") ?: "false"; }
const char *d() { return getenv("D") ? getenv("D") : nullptr; }
int e() { return getenv("E") ? atoi(getenv("E")) : 0; }
)cpp"));
}

TEST(EnvFallbackCheck, FallbacksThatFailLoudly) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <stdexcept>
const char *a() { return getenv("A") ? getenv("A") : throw std::runtime_error("A unset"); }
const char *b() {
  const char *v = getenv("B");
  if (!v) { abort(); }
  return v;
}
)cpp"));
}

} // namespace

namespace {

// config-functions in .twelve.yaml: the project's reader counts as getenv.
TEST(EnvFallbackCheck, ConfiguredConfigFunctionsAreSources) {
  twelve::testing::CodeOptions options;
  options.checkOptions.configFunctions = {"settings::get"};
  EXPECT_TRUE(twelve::testing::matchesMarkers("config/env-fallback", R"cpp(
namespace settings { const char *get(const char *key, const char *fallback = nullptr); }
namespace other { const char *get(const char *key, const char *fallback = nullptr); }
const char *host() { return settings::get("db.host", "db.internal"); } // expect: config/env-fallback
const char *user() { return settings::get("db.user"); }
const char *zone() { return settings::get("zone", ""); }
const char *name() {
  const char *v = settings::get("service.name");
  return v ? v : "orders"; // expect: config/env-fallback
}
const char *elsewhere() { return other::get("x", "y"); }
)cpp", options));
}

} // namespace
