#include "checks/processes/paths.h"

#include <gtest/gtest.h>

using namespace twelve::checks::paths;

TEST(Paths, LogPaths) {
  EXPECT_TRUE(isLogPath("app.log"));
  EXPECT_TRUE(isLogPath("/var/log/nginx/access.log"));
  EXPECT_TRUE(isLogPath("/var/log/messages"));
  EXPECT_TRUE(isLogPath("logs/requests.txt"));
  EXPECT_TRUE(isLogPath("./log/x"));
  EXPECT_FALSE(isLogPath("logs/nginx.pid")); // nginx's default: a PID file
  EXPECT_FALSE(isLogPath("/var/log/app/app.lock"));
  EXPECT_TRUE(isPidPath("logs/nginx.pid"));
  EXPECT_TRUE(isLogPath("server.log.1"));
  EXPECT_TRUE(isLogPath("APP.LOG"));
  EXPECT_FALSE(isLogPath("catalog.json"));
  EXPECT_FALSE(isLogPath("login.db"));
  EXPECT_FALSE(isLogPath("logs"));
  EXPECT_FALSE(isLogPath("/dev/log"));
  EXPECT_FALSE(isLogPath("blog/post.md"));
}

TEST(Paths, PidPaths) {
  EXPECT_TRUE(isPidPath("/var/run/redis.pid"));
  EXPECT_TRUE(isPidPath("app.pid"));
  EXPECT_TRUE(isPidPath("/run/shop/lock"));
  EXPECT_FALSE(isPidPath("/run/shop.sock"));
  EXPECT_FALSE(isPidPath("rapid.json"));
}

TEST(Paths, SystemAndTempPaths) {
  EXPECT_TRUE(isSystemPath("/dev/null"));
  EXPECT_TRUE(isSystemPath("/proc/self/oom_score_adj"));
  EXPECT_TRUE(isSystemPath("/sys/kernel/mm"));
  EXPECT_FALSE(isSystemPath("/device"));
  EXPECT_TRUE(isTempPath("/tmp/x"));
  EXPECT_TRUE(isTempPath("/var/tmp/x"));
  EXPECT_FALSE(isTempPath("tmp/x"));
}
