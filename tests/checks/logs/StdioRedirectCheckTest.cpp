#include "tests/checks/check_test.h"

using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "logs/stdio-redirect";

TEST(StdioRedirectCheck, FreopenOfAFileOntoStdoutOrStderr) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void setup() {
  freopen("/var/log/app.log", "a", stdout); // expect: logs/stdio-redirect
  std::freopen("errors.txt", "w", stderr);  // expect: logs/stdio-redirect
}
)cpp"));
}

TEST(StdioRedirectCheck, FreopenThroughAConstant) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
static const char kLog[] = "service.log";
void setup() { freopen(kLog, "a", stderr); } // expect: logs/stdio-redirect
)cpp"));
}

TEST(StdioRedirectCheck, StdoutToAConfiguredOutputFileIsAnExportNotALog) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <string>
struct Options { std::string output; const char *log_file; };
void setup(const Options &opts, const char *err_path) {
  freopen(opts.output.c_str(), "w", stdout); // ok: the tool's -o output
  freopen(opts.log_file, "a", stdout);       // expect: logs/stdio-redirect
  freopen(err_path, "a", stderr);            // expect: logs/stdio-redirect
}
)cpp"));
}

TEST(StdioRedirectCheck, DevicesAndOtherStreamsAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void setup(FILE *f) {
  freopen("/dev/null", "r", stdin);     // ok: detaching is concurrency/daemonize
  freopen("/dev/stdout", "w", stdout);  // ok: still the stream
  freopen(nullptr, "wb", stdout);       // ok: mode change only
  freopen("data.bin", "w", f);          // ok: not stdout/stderr
}
)cpp"));
}

TEST(StdioRedirectCheck, Dup2OfAnOpenedFile) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <unistd.h>
void setup() {
  int fd = open("/var/log/svc.log", O_WRONLY | O_CREAT | O_APPEND, 0644);
  dup2(fd, STDOUT_FILENO); // expect: logs/stdio-redirect
  dup2(open("err.log", O_WRONLY), 2); // expect: logs/stdio-redirect
}
)cpp"));
}

TEST(StdioRedirectCheck, Dup2OfAPipeBeforeExecIsFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <unistd.h>
void child(int pipefd[2]) {
  dup2(pipefd[1], STDOUT_FILENO); // ok: a supervisor capturing output
  int null = open("/dev/null", 0);
  dup2(null, 1);                  // ok: /dev/null is concurrency/daemonize
}
)cpp", {"input.cpp", {}, {}}));
}

TEST(StdioRedirectCheck, UserFunctionNamedFreopenIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
namespace mylib { FILE *freopen(const char *, const char *, FILE *); }
void setup() { mylib::freopen("x.log", "a", stdout); } // ok: not the C library
)cpp"));
}

TEST(StdioRedirectCheck, WorksInC) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
void setup(void) { freopen("app.log", "a", stdout); } // expect: logs/stdio-redirect
)c", c));
}

} // namespace
