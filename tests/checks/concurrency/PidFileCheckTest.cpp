#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "concurrency/pid-file";

TEST(PidFileCheck, FopenOfAPidFileReportedOnce) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <unistd.h>
void writePid() {
  FILE *f = fopen("/var/run/shop.pid", "w"); // expect: concurrency/pid-file
  if (f) {
    fprintf(f, "%d\n", (int)getpid());
    fclose(f);
  }
}
)cpp"));
}

TEST(PidFileCheck, OfstreamAndOpenUnderRun) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <fstream>
#include <unistd.h>
void a() { std::ofstream out("/run/shop/server.pid"); out << getpid() << "\n"; } // expect: concurrency/pid-file
void b() { int fd = open("app.pid", O_WRONLY | O_CREAT | O_TRUNC, 0644); } // expect: concurrency/pid-file
)cpp"));
}

TEST(PidFileCheck, GetpidWrittenToAConfiguredPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fstream>
#include <string>
#include <unistd.h>
void a(const char *pidfile) {
  FILE *fp = fopen(pidfile, "w");
  fprintf(fp, "%d\n", (int)getpid()); // expect: concurrency/pid-file
}
void b(const std::string &path) {
  std::ofstream out(path);
  out << "pid " << std::to_string(getpid()); // expect: concurrency/pid-file
}
)cpp"));
}

TEST(PidFileCheck, PrintingThePidIsLogging) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <iostream>
#include <unistd.h>
void hello() {
  fprintf(stderr, "started as %d\n", (int)getpid()); // ok: a log line
  printf("pid %d\n", (int)getpid());                // ok: a log line
  std::cout << "pid " << getpid() << std::endl;      // ok: a log line
  FILE *f = fopen("/var/run/shop.pid", "r");         // ok: reading
}
)cpp"));
}

// Redis's serverLogRaw: the PID is the first field of each line of the log
// file, which is logs/file-sink's finding, not a PID file.
TEST(PidFileCheck, PidAsAFieldOfALogRecordIsNotAPidFile) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
#include <unistd.h>
void logRaw(const char *logfile, int level, const char *msg) {
  const char *c = ".-*#";
  char buf[64] = "01 Jan 2024";
  FILE *fp = fopen(logfile, "a");
  fprintf(fp, "%d:%c %s %c %s\n", (int)getpid(), 'M', buf, c[level], msg);
  fprintf(fp, "%d%%\n", (int)getpid()); /* expect: concurrency/pid-file */
  fclose(fp);
}
)c", c));
}

TEST(PidFileCheck, WorksInC) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
#include <unistd.h>
void w(void) { FILE *f = fopen("server.pid", "w"); fprintf(f, "%d", getpid()); } /* expect: concurrency/pid-file */
)c", c));
}

} // namespace
