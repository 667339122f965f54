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
  FILE *fp = fopen(pidfile, "w"); // expect: concurrency/pid-file
  fprintf(fp, "%d\n", (int)getpid());
}
void b(const std::string &path) {
  std::ofstream out(path);
  out << "pid " << std::to_string(getpid()); // expect: concurrency/pid-file
}
)cpp"));
}

// The path comes from the configuration, its name says what it is: lighttpd's
// server.pid-file through its own open wrapper, a std::string member, a struct
// field. Reading one (to signal a running daemon) is not writing one.
TEST(PidFileCheck, AConfiguredPathNamedPidFile) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fcntl.h>
#include <fstream>
#include <string>
struct buffer { char *ptr; };
struct config { buffer *pid_file; std::string pidPath; const char *log_file; };
struct server { config srvconf; long pid; };
int fdevent_open_cloexec(const char *name, int symlinks, int flags, int mode);
int fdevent_open_dirname(const char *name, int symlinks);
void write_all(int fd, const char *s);
void start(server *srv) {
  const char *pidfile = srv->srvconf.pid_file->ptr;
  int fd = fdevent_open_cloexec(pidfile, 0, O_WRONLY | O_CREAT | O_TRUNC, 0644); // expect: concurrency/pid-file
  fdevent_open_dirname(pidfile, 0);                                              // ok: no O_CREAT
  write_all(fd, "1234\n");
}
void save(const config &c) {
  std::ofstream out(c.pidPath.c_str()); // expect: concurrency/pid-file
}
void others(const config &c) {
  FILE *p = fopen(c.log_file, "a");                      // ok: not a PID file
  FILE *r = fopen(c.pidPath.c_str(), "r");               // ok: reading it
  int fd = open(c.pid_file->ptr, O_WRONLY | O_CREAT, 0644); // expect: concurrency/pid-file
}
)cpp"));
}

// dnsmasq: the PID printed alone into a buffer, a file created with O_CREAT
// at a configured path, the buffer written with write().
TEST(PidFileCheck, PidFormattedAloneAndAFileCreatedInTheSameFunction) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
struct daemon_cfg { char *runfile; char *logfile; char namebuff[64]; };
void start(struct daemon_cfg *d) {
  open("/dev/null", O_RDWR);
  int log = open(d->logfile, O_WRONLY | O_CREAT | O_APPEND, 0644);
  sprintf(d->namebuff, "%d\n", (int) getpid());
  int fd = open(d->runfile, O_WRONLY | O_CREAT | O_TRUNC | O_EXCL, 0644); /* expect: concurrency/pid-file */
  write(fd, d->namebuff, strlen(d->namebuff));
}
void later(const char *path) {
  int fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644); /* expect: concurrency/pid-file */
  char buf[16];
  snprintf(buf, sizeof buf, "%ld\n", (long) getpid());
  write(fd, buf, strlen(buf));
}
void greet(const char *out) {
  char line[64];
  snprintf(line, sizeof line, "worker %d started\n", (int) getpid()); /* ok: a log line */
  int fd = open(out, O_WRONLY | O_CREAT | O_APPEND, 0644);
  write(fd, line, strlen(line));
}
void label(char *buf) { sprintf(buf, "%d", (int) getpid()); } /* ok: no file here */
)c", c));
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

// nginx's ngx_create_pidfile(ngx_str_t *name, ...): open() through a macro,
// with O_CREAT or O_TRUNC chosen at run time; the function's name says what
// the file is. Reported where the macro is used.
TEST(PidFileCheck, AFunctionNamedForThePidFile) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <fcntl.h>
#include <stdio.h>
#define open_file(name, mode, create, access) open((const char *)(name), (mode) | (create), (access))
int create_pidfile(const char *name, int test) {
  int create = test ? O_CREAT : O_TRUNC;
  return open_file(name, O_RDWR, create, 0644); // expect: concurrency/pid-file
}
void WritePidFile(const char *path) {
  FILE *f = fopen(path, "w"); // expect: concurrency/pid-file
  if (f) fclose(f);
}
int check_pidfile(const char *name) {
  return open(name, O_RDONLY); // ok: reads it
}
void write_state(const char *path) {
  FILE *f = fopen(path, "w"); // ok: nothing says PID
  if (f) fclose(f);
}
)c", c));
}

// chrony's UTI_OpenFile(basedir, name, suffix, mode, perm): the mode is a
// character; a permission such as 0777 is not open() flags.
TEST(PidFileCheck, OpenerModesAsCharactersAndPermissions) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
#include <sys/types.h>
FILE *UTI_OpenFile(const char *basedir, const char *name, const char *suffix, char mode,
                   mode_t perm);
int open_file(const char *name, int perm);
static const char *pidfile = "/run/chronyd.pid";
void check(void) { FILE *in = UTI_OpenFile(NULL, pidfile, NULL, 'r', 0); (void)in; } // ok: reads
void save(void) { FILE *out = UTI_OpenFile(NULL, pidfile, NULL, 'W', 0644); (void)out; } // expect: concurrency/pid-file
void other(void) { open_file(pidfile, 0777); } // ok: 0777 is a permission, not O_CREAT
)c", c));
}

} // namespace
