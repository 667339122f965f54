#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "concurrency/daemonize";

TEST(DaemonizeCheck, DaemonCall) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <unistd.h>
int main() {
  if (daemon(0, 0) < 0) // expect: concurrency/daemonize
    return 1;
}
)cpp"));
}

TEST(DaemonizeCheck, ForkAndSetsid) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <stdlib.h>
#include <unistd.h>
void daemonize() {
  int fd;
  if (fork() != 0) exit(0);
  setsid(); // expect: concurrency/daemonize
  if ((fd = open("/dev/null", O_RDWR, 0)) != -1) {
    dup2(fd, STDIN_FILENO);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
  }
}
)cpp"));
}

TEST(DaemonizeCheck, DoubleFork) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <stdlib.h>
#include <unistd.h>
void detach() {
  if (fork() > 0) _exit(0);
  setsid(); // expect: concurrency/daemonize
  if (fork() > 0) _exit(0);
}
)cpp"));
}

TEST(DaemonizeCheck, StdioToDevNull) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
void quiet() {
  freopen("/dev/null", "r", stdin);
  freopen("/dev/null", "w", stdout); // expect: concurrency/daemonize
  freopen("/dev/null", "w", stderr);
}
void quiet2() {
  int null = open("/dev/null", O_WRONLY);
  dup2(null, 1); // expect: concurrency/daemonize
  dup2(null, 2);
}
)cpp"));
}

TEST(DaemonizeCheck, ForkAndExecOfAChildIsFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <unistd.h>
void spawn(char *const argv[]) {
  pid_t pid = fork();
  if (pid == 0) {
    setsid();                                 // ok: the child's own session, then exec
    int null = open("/dev/null", O_WRONLY);
    dup2(null, 1);                            // ok: the child's output
    execvp(argv[0], argv);
    _exit(127);
  }
}
void worker() {
  if (fork() == 0) { /* a worker process */ }
}
)cpp"));
}

// icecast's source_run_script: the child's stdio goes to /dev/null in a helper
// that the forking function calls before execl. A helper that execs counts too.
TEST(DaemonizeCheck, StdioOfAChildSetUpInAHelperIsFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
static void setup_script_environment() {
  int i = open("/dev/null", O_RDWR);
  dup2(i, 1);                        // ok: the script's stdio, exec follows in the caller
  dup2(i, 2);
}
void run_script(const char *command) {
  if (fork() == 0) {
    setup_script_environment();
    execl(command, command, (char *)0);
    _exit(1);
  }
}
static void exec_helper(const char *p) { execl(p, p, (char *)0); }
void run_other(const char *p) {
  freopen("/dev/null", "w", stdout); // ok: a callee execs
  exec_helper(p);
}
static void go_quiet() {
  freopen("/dev/null", "w", stdout); // expect: concurrency/daemonize
}
void start() { go_quiet(); }
)cpp"));
}

// znc's main(): it forks into the background in one branch and re-executes
// itself for a restart elsewhere; the exec does not make the fork a spawn.
TEST(DaemonizeCheck, AnExecElsewhereInTheFunctionDoesNotExcuseDetaching) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <unistd.h>
int main(int argc, char **argv) {
  bool foreground = argc > 1;
  if (!foreground) {
    int pid = fork();
    if (pid > 0)
      return 0;
    close(1);
    open("/dev/null", O_WRONLY);
    setsid(); // expect: concurrency/daemonize
  }
  bool restart = false;
  if (restart)
    execvp(argv[0], argv);
  return 0;
}
)cpp"));
}

TEST(DaemonizeCheck, SetsidAloneAndStdinOnlyAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <unistd.h>
void newSession() { setsid(); }               // ok: no fork here
void noInput() { freopen("/dev/null", "r", stdin); } // ok: only stdin
)cpp"));
}

TEST(DaemonizeCheck, UserFunctionNamedDaemonIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
namespace svc { int daemon(int, int); }
int main() { return svc::daemon(0, 0); } // ok: not the C library
)cpp"));
}

TEST(DaemonizeCheck, WorksInC) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <unistd.h>
int main(void) { return daemon(1, 0); } /* expect: concurrency/daemonize */
)c", c));
}

// nghttp2's util.cc without its generated config.h: <unistd.h> is included
// under #ifdef HAVE_UNISTD_H, daemon() is undeclared and C++ drops the call.
TEST(DaemonizeCheck, RecognizedByNameWhenTheUnitDoesNotCompile) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#ifdef HAVE_UNISTD_H
#include <unistd.h>
#endif
struct Options { int daemon(int, int); };
int daemonize(int nochdir, int noclose) {
  return daemon(nochdir, noclose); // expect: concurrency/daemonize
}
void other(Options &o) {
  o.daemon(0, 0); // ok: a member
}
)cpp", twelve::testing::reducedPrecision()));
}

} // namespace
