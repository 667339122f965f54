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

// lighttpd's server.c: the variable chooses between two constants; that is
// branching on it, not a default standing in for its value.
TEST(EnvFallbackCheck, ChoosingBetweenConstantsIsNotAFallback) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdlib.h>
#include <string.h>
int family(void) {
  const char *addr = getenv("NCAT_LOCAL_ADDR");
  return addr && strchr(addr, ':') ? 10 : 2; // ok: both sides constants
}
int port(void) {
  const char *ncat = getenv("NCAT_EXEC");
  return ncat ? atoi(getenv("NCAT_LOCAL_PORT")) : 80; // expect: config/env-fallback
}
)c", CodeOptions{"input.c"}));
}

// TMPDIR -> /var/tmp, SHELL -> /bin/sh (lighttpd's configfile.c): conventions of
// the operating system, not the service's configuration.
TEST(EnvFallbackCheck, SystemVariablesWithTheirConventionalDefaultsAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdlib.h>
const char *tmp(void) {
  const char *tmpdir = getenv("TMPDIR");
  if (NULL == tmpdir) tmpdir = "/var/tmp"; // ok: TMPDIR
  return tmpdir;
}
const char *shell(void) {
  char *sh = getenv("SHELL");
  return sh ? sh : "/bin/sh"; // ok: SHELL
}
const char *cfg(void) { return getenv("XDG_CONFIG_HOME") ?: "/etc/xdg"; } // ok: XDG
const char *db(void) {
  const char *v = getenv("DB_HOST");
  if (!v) v = "db.internal"; // expect: config/env-fallback
  return v;
}
)c", CodeOptions{"input.c"}));
}

TEST(EnvFallbackCheck, ANameTheBuildDefinesIsNotAValueInTheCode) {
  // h2o: H2O_ROOT comes from the build's -D (the install prefix); without it
  // the preprocessor makes "H2O_ROOT" from the name. A string made from a
  // number, or a macro the code defines, is still the code's.
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdlib.h>
#define STR_(x) #x
#define STR(x) STR_(x)
#define DEFAULT_PORT 8080
const char *root(void) {
  const char *r = getenv("H2O_ROOT");
  if (r == NULL)
    r = STR(H2O_ROOT);
  return r;
}
const char *port(void) {
  const char *p = getenv("PORT");
  return p ? p : STR(DEFAULT_PORT); // expect: config/env-fallback
}
const char *name(void) {
  const char *n = getenv("NAME");
  return n ? n : "H2O_ROOT"; // expect: config/env-fallback
}
)c",
                             CodeOptions{"input.c"}));
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
