#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "processes/local-file-state";

TEST(LocalFileStateCheck, FopenForWritingOrAppending) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void save() {
  FILE *a = fopen("data/orders.json", "w");  // expect: processes/local-file-state
  FILE *b = std::fopen("counters.dat", "ab"); // expect: processes/local-file-state
  FILE *c = fopen("state.bin", "r+");         // expect: processes/local-file-state
  FILE *d = fopen("config.json", "r");        // ok: read-only
  FILE *e = fopen("/etc/app.conf", "rb");     // ok: read-only
}
)cpp"));
}

TEST(LocalFileStateCheck, ThroughAConstant) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
static const char kStore[] = "/var/lib/shop/cart.db";
void save() { fopen(kStore, "w"); } // expect: processes/local-file-state
)cpp"));
}

TEST(LocalFileStateCheck, OfstreamAndFstream) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fstream>
#include <string>
void save() {
  std::ofstream out("users.csv");                                   // expect: processes/local-file-state
  std::ofstream app("events.jsonl", std::ios::app);                 // expect: processes/local-file-state
  std::fstream rw("index.bin", std::ios::in | std::ios::out);       // expect: processes/local-file-state
  std::fstream ro("index.bin", std::ios::in);                       // ok: read-only
  std::ifstream in("users.csv");                                    // ok: read-only
  std::ofstream later;
  later.open("snapshot.json");                                      // expect: processes/local-file-state
  const std::string path = "uploads/latest.png";
  std::ofstream img(path, std::ios::binary);                        // expect: processes/local-file-state
}
)cpp"));
}

TEST(LocalFileStateCheck, OpenWithWriteFlagsAndCreat) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
#include <unistd.h>
void save() {
  int a = open("queue.dat", O_WRONLY | O_CREAT | O_APPEND, 0644); // expect: processes/local-file-state
  int b = openat(AT_FDCWD, "seq.txt", O_RDWR);                  // expect: processes/local-file-state
  int c = creat("upload.bin", 0600);                             // expect: processes/local-file-state
  int d = open("static/index.html", O_RDONLY);                  // ok: read-only
}
)cpp"));
}

TEST(LocalFileStateCheck, RenameIntoAFixedPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void commit(const char *tmp) {
  std::rename(tmp, "state.json"); // expect: processes/local-file-state
}
)cpp"));
}

TEST(LocalFileStateCheck, StreamsDevicesTempAndScratchFilesAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
void f() {
  fopen("/dev/null", "w");                     // ok: a device
  fopen("/proc/self/oom_score_adj", "w");      // ok: a kernel interface
  open("/sys/class/leds/x/brightness", O_WRONLY); // ok: a kernel interface
  fopen("/tmp/render.png", "w");               // ok: scratch in a temporary directory
  char name[] = "/tmp/upload-XXXXXX";
  mkstemp(name);                               // ok: scratch file
  tmpfile();                                   // ok: scratch file
}
)cpp"));
}

TEST(LocalFileStateCheck, PathsFromArgvOrParametersAreAnExplicitExport) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fstream>
#include <string>
void exportTo(const std::string &output) { std::ofstream out(output); } // ok: chosen by the caller
int main(int argc, char **argv) {
  FILE *f = fopen(argv[1], "w"); // ok: the user's --output
  exportTo(argv[2]);
}
)cpp"));
}

TEST(LocalFileStateCheck, LogAndPidFilesBelongToOtherRules) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fstream>
void f() {
  fopen("/var/log/shop/access.log", "a"); // ok: logs/file-sink
  std::ofstream a("logs/requests.txt");   // ok: logs/file-sink
  std::ofstream b("server.log.1");         // ok: logs/file-sink
  fopen("/run/shop.pid", "w");             // ok: concurrency/pid-file
}
)cpp"));
}

// A fixed directory with a file name chosen at run time is still the local
// disk: uploads, per-user files, "<dir>/<id>.json".
TEST(LocalFileStateCheck, PathsBuiltFromAFixedDirectory) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <fstream>
#include <string>
void upload(const std::string &name, const char *id, const std::string &dir, const std::string &other) {
  FILE *f = std::fopen((std::string("/var/lib/app/uploads/") + name).c_str(), "wb"); // expect: processes/local-file-state
  std::ofstream a(std::string("/srv/data/") + id + ".json");  // expect: processes/local-file-state
  char buf[256];
  std::snprintf(buf, sizeof buf, "/var/lib/app/%s.json", id);
  FILE *g = std::fopen(buf, "w");                             // expect: processes/local-file-state
  std::string path = "data.json";
  std::ofstream b(path);                                      // expect: processes/local-file-state
  std::string scratch = "/tmp/" + name;
  std::ofstream c(scratch);                                   // ok: a temporary folder
  std::ofstream d(dir + "/" + name);                          // ok: the directory is configured
  std::string moved = "/var/lib/x/" + name;
  moved = other;
  std::ofstream e(moved);                                     // ok: reassigned
  char buf2[256];
  std::snprintf(buf2, sizeof buf2, "%s/%s", dir.c_str(), id);
  FILE *h = std::fopen(buf2, "w");                            // ok: the directory is configured
}
)cpp"));
}

// A call that a function-like macro makes is reported where the macro is used;
// open() flags count as far as they are constant (O_RDWR | a run-time choice).
TEST(LocalFileStateCheck, MacroWrappersAndPartlyConstantFlags) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <fcntl.h>
#include <stdio.h>
#define SAVE_TO(path) fopen(path, "w")
int save(int extra) {
  FILE *f = SAVE_TO("state.json");             // expect: processes/local-file-state
  return open("cart.db", O_RDWR | extra, 0600); // expect: processes/local-file-state
}
int load(int extra) { return open("cart.db", O_RDONLY | extra); }
)c", c));
}

TEST(LocalFileStateCheck, UserFunctionNamedFopenIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
namespace vfs { int fopen(const char *, const char *); }
void f() { vfs::fopen("state.json", "w"); } // ok: not the C library
)cpp"));
}

// Redis's rdbSave: snprintf(tmpfile, 256, "temp-%d.rdb", getpid()), then
// fopen(tmpfile, "w"): the path is fixed up to the PID.
TEST(LocalFileStateCheck, BufferPrintedFromAFixedFormat) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
#include <string.h>
#include <unistd.h>
void save(const char *dir, const char *name, int n) {
  char tmpfile[256], user[256], proc[64], twice[64];
  snprintf(tmpfile, 256, "temp-%d.rdb", (int)getpid());
  FILE *fp = fopen(tmpfile, "w"); /* expect: processes/local-file-state */
  snprintf(user, sizeof user, "%s/%s.%d", dir, name, n);
  FILE *u = fopen(user, "w");     /* ok: the folder comes from the caller */
  snprintf(proc, sizeof proc, "/proc/%d/oom_score_adj", n);
  FILE *p = fopen(proc, "w");     /* ok: a kernel interface */
  sprintf(twice, "part-%d", n);
  strcat(twice, name);
  FILE *t = fopen(twice, "w");    /* ok: not fixed */
}
)c", c));
}

TEST(LocalFileStateCheck, WorksInC) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
void save(void) { FILE *f = fopen("sessions.dat", "wb"); } /* expect: processes/local-file-state */
)c", c));
}

} // namespace
