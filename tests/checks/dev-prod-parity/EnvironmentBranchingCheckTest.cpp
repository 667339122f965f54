#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "dev-prod-parity/environment-branching";

TEST(EnvironmentBranchingCheck, StdStringEqualityInIf) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <string>
void setup() {
  if (std::string(getenv("APP_ENV")) == "production") { // expect: dev-prod-parity/environment-branching
  }
}
)cpp"));
}

TEST(EnvironmentBranchingCheck, StrcmpInC) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdlib.h>
#include <string.h>
int verbose(void) {
  const char *env = getenv("ENV");
  if (env && strcmp(env, "staging") == 0) // expect: dev-prod-parity/environment-branching
    return 1;
  while (!strcasecmp(env, "development")) // expect: dev-prod-parity/environment-branching
    break;
  return 0;
}
)c", CodeOptions{"input.c"}));
}

TEST(EnvironmentBranchingCheck, TernaryCompareAndBool) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
struct Cfg { std::string environment; };
int pool(const Cfg &c) {
  bool prod = c.environment == "prod";                  // expect: dev-prod-parity/environment-branching
  int n = c.environment.compare("sandbox") == 0 ? 1 : 4; // expect: dev-prod-parity/environment-branching
  return prod ? 32 : n;
}
bool isProduction(const std::string &env) { return env == "production"; } // expect: dev-prod-parity/environment-branching
)cpp"));
}

TEST(EnvironmentBranchingCheck, WeakNamesNeedAnEnvironmentValue) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <cstring>
#include <string>
int main(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "test") == 0) // ok: a subcommand
    return 1;
  std::string dev = argv[0];
  if (dev == "dev")                             // ok: not an environment value
    return 2;
  if (std::string(getenv("STAGE")) == "dev")    // expect: dev-prod-parity/environment-branching
    return 3;
  const char *app_env = getenv("APP_ENV");
  if (strcmp(app_env, "test") == 0)             // expect: dev-prod-parity/environment-branching
    return 4;
  return 0;
}
)cpp"));
}

TEST(EnvironmentBranchingCheck, MentionsAreNotBranches) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <map>
#include <string>
const std::map<std::string, std::string> kDisplay = {{"production", "Production"}, {"staging", "Staging"}};
void f() {
  printf("running in production mode\n");
  puts("--env: one of development, staging, production");
}
)cpp"));
}

TEST(EnvironmentBranchingCheck, ComparisonNotDecidingABranch) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
void record(bool);
void f(const std::string &env) { record(env == "production"); }
)cpp"));
}

} // namespace
