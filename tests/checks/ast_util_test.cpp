// The shared string-value helpers, exercised through a real check: a path
// reaches freopen() through each form the helpers must see through.
#include "tests/checks/check_test.h"

using twelve::testing::matchesMarkers;

namespace {

TEST(AstUtil, StringValuesThroughConstantsAndEncodings) {
  EXPECT_TRUE(matchesMarkers("logs/stdio-redirect", R"cpp(
#include <cstdio>
#include <string>
const char *const kPtr = "a.log";
constexpr char kArr[] = "b.log";
#define LOG_PATH "c.log"
void f() {
  freopen(kPtr, "a", stdout);            // expect: logs/stdio-redirect
  freopen(kArr, "a", stdout);            // expect: logs/stdio-redirect
  freopen(LOG_PATH, "a", stdout);        // expect: logs/stdio-redirect
  freopen("d" ".log", "a", stdout);      // expect: logs/stdio-redirect
  freopen(R"(e.log)", "a", stdout);      // expect: logs/stdio-redirect
  freopen(std::string("f.log").c_str(), "a", stdout); // expect: logs/stdio-redirect
}
)cpp"));
}

} // namespace
