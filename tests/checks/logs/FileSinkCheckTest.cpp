#include "checks/logs/log_paths.h"
#include "tests/checks/check_test.h"
#include "tests/checks/logs/stand_ins.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;
namespace stand_ins = twelve::testing::logs;

namespace {

const char *kRule = "logs/file-sink";

CodeOptions with(const char *header, const char *text) {
  CodeOptions o;
  o.extraFiles[header] = text;
  return o;
}

TEST(FileSinkCheck, SpdlogFileLoggerFactories) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <spdlog/spdlog.h>
void setup() {
  auto a = spdlog::basic_logger_mt("app", "logs/app.txt"); // expect: logs/file-sink
  auto b = spdlog::rotating_logger_mt("app", "app.log", 1 << 20, 3); // expect: logs/file-sink
  auto c = spdlog::daily_logger_mt<spdlog::async_factory>("d", "daily.log"); // expect: logs/file-sink
  auto d = spdlog::hourly_logger_mt("h", "h.txt"); // expect: logs/file-sink
}
)cpp", with("sys/spdlog/spdlog.h", stand_ins::kSpdlog)));
}

TEST(FileSinkCheck, SpdlogFileSinkClasses) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <spdlog/spdlog.h>
#include <mutex>
void setup() {
  auto a = std::make_shared<spdlog::sinks::basic_file_sink_mt>("app.log"); // expect: logs/file-sink
  spdlog::sinks::rotating_file_sink_mt b("r.log", 1024, 2); // expect: logs/file-sink
  auto *c = new spdlog::sinks::daily_file_sink_mt("d.log", 0, 0); // expect: logs/file-sink
  spdlog::sinks::basic_file_sink<std::mutex> d{"x"}; // expect: logs/file-sink
}
)cpp", with("sys/spdlog/spdlog.h", stand_ins::kSpdlog)));
}

TEST(FileSinkCheck, SpdlogConsoleNullAndSyslogSinksAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <spdlog/spdlog.h>
void setup() {
  auto a = spdlog::stdout_color_mt("console");                      // ok: stdout
  auto b = std::make_shared<spdlog::sinks::stdout_color_sink_mt>(); // ok: stdout
  auto c = std::make_shared<spdlog::sinks::null_sink_mt>();         // ok: discards
  auto d = spdlog::syslog_logger_mt("sys");                         // ok: logs/syslog
  auto e = a;                                                       // ok: a copy
}
)cpp", with("sys/spdlog/spdlog.h", stand_ins::kSpdlog)));
}

TEST(FileSinkCheck, UserFunctionNamedLikeAFactoryIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
namespace mylog {
int basic_logger_mt(const std::string &name, const std::string &file) { return 0; }
class FileChannel { public: explicit FileChannel(const std::string &) {} };
}
void setup() {
  mylog::basic_logger_mt("app", "app.log"); // ok: not spdlog
  mylog::FileChannel channel("app.log");    // ok: not Poco
}
)cpp"));
}

TEST(FileSinkCheck, SubclassOfAFileSinkIsReportedOnceWhereConstructed) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <spdlog/spdlog.h>
class AuditSink : public spdlog::sinks::basic_file_sink_mt {
public:
  AuditSink() : spdlog::sinks::basic_file_sink_mt("audit.log") {}
};
void setup() {
  auto sink = std::make_shared<AuditSink>(); // expect: logs/file-sink
}
)cpp", with("sys/spdlog/spdlog.h", stand_ins::kSpdlog)));
}

TEST(FileSinkCheck, GlogDestinationsAndFlags) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <glog/logging.h>
int main(int argc, char **argv) {
  google::InitGoogleLogging(argv[0]);                        // ok: GLOG_logtostderr configures it
  google::SetLogDestination(google::INFO, "/var/log/svc/");  // expect: logs/file-sink
  google::SetLogDestination(google::WARNING, "");            // ok: turns the file off
  FLAGS_log_dir = "/var/log/svc";                            // expect: logs/file-sink
  FLAGS_log_dir = "";                                        // ok: default
  FLAGS_logtostderr = false;                                 // expect: logs/file-sink
  FLAGS_logtostderr = true;                                  // ok: the fix
  FLAGS_alsologtostderr = true;                              // ok
  google::SetLogFilenameExtension(".log");                   // ok: names only
}
)cpp", with("sys/glog/logging.h", stand_ins::kGlog)));
}

TEST(FileSinkCheck, GlogDestinationFromConfiguration) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <glog/logging.h>
#include <string>
void setup(const std::string &dir) {
  google::SetLogDestination(google::INFO, dir.c_str()); // expect: logs/file-sink
  FLAGS_log_dir = dir;                                  // expect: logs/file-sink
}
)cpp", with("sys/glog/logging.h", stand_ins::kGlog)));
}

TEST(FileSinkCheck, BoostLogFileSinks) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/log.h>
namespace logging = boost::log;
namespace sinks = boost::log::sinks;
namespace keywords = boost::log::keywords;
void setup() {
  logging::add_file_log(keywords::file_name = "svc_%N.log"); // expect: logs/file-sink
  auto backend = boost::make_shared<sinks::text_file_backend>("a.log"); // expect: logs/file-sink
  auto sink = boost::make_shared<sinks::synchronous_sink<sinks::text_file_backend>>(backend); // ok: backend reported
  using file_sink = sinks::synchronous_sink<sinks::text_file_backend>;
  auto other = boost::make_shared<file_sink>(keywords::file_name = "b.log"); // expect: logs/file-sink
  logging::add_console_log(); // ok: stdout
  auto console = boost::make_shared<sinks::synchronous_sink<sinks::text_ostream_backend>>(); // ok
}
)cpp", with("sys/boost/log.h", stand_ins::kBoostLog)));
}

TEST(FileSinkCheck, Log4cxxFileAppenders) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <log4cxx/all.h>
using namespace log4cxx;
void setup() {
  auto *layout = new PatternLayout("%m%n");
  Logger::getRootLogger()->addAppender(new FileAppender(layout, "svc.log")); // expect: logs/file-sink
  Logger::getRootLogger()->addAppender(new RollingFileAppender(layout, "r.log")); // expect: logs/file-sink
  DailyRollingFileAppender daily(layout, "d.log", "'.'yyyy-MM-dd"); // expect: logs/file-sink
  Logger::getRootLogger()->addAppender(new ConsoleAppender(layout)); // ok: stdout
}
)cpp", with("sys/log4cxx/all.h", stand_ins::kLog4cxx)));
}

TEST(FileSinkCheck, PocoFileChannels) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <Poco/all.h>
void setup() {
  Poco::AutoPtr<Poco::FileChannel> file(new Poco::FileChannel); // expect: logs/file-sink
  file->setProperty("path", "svc.log");                         // ok: reported at construction
  auto *simple = new Poco::SimpleFileChannel("s.log");          // expect: logs/file-sink
  Poco::AutoPtr<Poco::ConsoleChannel> console(new Poco::ConsoleChannel); // ok: stdout
}
)cpp", with("sys/Poco/all.h", stand_ins::kPoco)));
}

TEST(FileSinkCheck, PlogFileNameAndRollingAppender) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <plog/Log.h>
void setup() {
  plog::init(plog::debug, "svc.log"); // expect: logs/file-sink
  plog::init<plog::TxtFormatter>(plog::info, "svc.txt", 1000000, 5); // expect: logs/file-sink
  static plog::RollingFileAppender<plog::TxtFormatter> rolling("r.log"); // expect: logs/file-sink
  static plog::ConsoleAppender<plog::TxtFormatter> console;
  plog::init(plog::debug, &console); // ok: console appender
}
)cpp", with("sys/plog/Log.h", stand_ins::kPlog)));
}

TEST(FileSinkCheck, FopenOfALogPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
void setup() {
  FILE *a = fopen("server.log", "a");            // expect: logs/file-sink
  FILE *b = std::fopen("/var/log/svc/out", "w"); // expect: logs/file-sink
  FILE *c = fopen("logs/access.txt", "a+");      // expect: logs/file-sink
  FILE *d = fopen("app.log.1", "w");             // expect: logs/file-sink
  FILE *e = fopen("server.log", "r");            // ok: reading
  FILE *f = fopen("catalog.json", "w");          // ok: not a log
  FILE *g = fopen("blog/post.html", "w");        // ok: not a log
  FILE *h = fopen("/dev/stderr", "w");           // ok: a stream
}
)cpp"));
}

TEST(FileSinkCheck, FopenOfAConfiguredLogPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <string>
struct Config { std::string log_file; const char *login_page; const char *logPath; };
void setup(const Config &cfg, const char *logfile) {
  FILE *a = fopen(cfg.log_file.c_str(), "a"); // expect: logs/file-sink
  FILE *b = fopen(logfile, "w");              // expect: logs/file-sink
  FILE *c = fopen(cfg.logPath, "a");          // expect: logs/file-sink
  FILE *d = fopen(cfg.login_page, "w");       // ok: login is not log
}
)cpp"));
}

TEST(FileSinkCheck, OfstreamAndFstreamOfALogPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fstream>
void setup() {
  std::ofstream a("service.log", std::ios::app); // expect: logs/file-sink
  std::ofstream b;
  b.open("log/trace.txt");                       // expect: logs/file-sink
  std::fstream c("debug.log");                   // expect: logs/file-sink
  std::fstream d("debug.log", std::ios::in);     // ok: reading
  std::ifstream e("service.log");                // ok: reading
  std::ofstream f("report.csv");                 // ok: not a log
  std::fstream g("x.log", std::ios::in | std::ios::out); // expect: logs/file-sink
}
)cpp"));
}

TEST(FileSinkCheck, PosixOpenOfALogPath) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <fcntl.h>
void setup() {
  int a = open("/var/log/svc.log", O_WRONLY | O_CREAT | O_APPEND, 0644); // expect: logs/file-sink
  int b = creat("audit.log", 0600);                                      // expect: logs/file-sink
  int c = open("svc.log", O_RDONLY);                                     // ok: reading
  int d = openat(AT_FDCWD, "logs/x", O_RDWR);                            // expect: logs/file-sink
}
)cpp"));
}

TEST(FileSinkCheck, WorksInC) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
static FILE *log_fp;
void setup(void) { log_fp = fopen("/var/log/daemon.log", "a"); } // expect: logs/file-sink
)c", c));
}

TEST(FileSinkCheck, RecognizedByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <Poco/FileChannel.h>
#include <glog/logging.h>
#include <spdlog/sinks/no_such_header.h>
#include <log4cxx/fileappender.h>
#include <boost/log/utility/setup/file.hpp>
#include <plog/Log.h>
void setup() {
  Poco::FileChannel *a = new Poco::FileChannel("svc.log"); // expect: logs/file-sink
  google::SetLogDestination(google::INFO, "/var/log/x/"); // expect: logs/file-sink
  google::SetLogDestination(google::WARNING, "");         // ok: turns the file off
  auto b = std::make_shared<spdlog::sinks::basic_file_sink_mt>("b.log"); // expect: logs/file-sink
  auto c = spdlog::basic_logger_mt<spdlog::async_factory>("c", "c.log"); // expect: logs/file-sink
  auto d = spdlog::stdout_color_mt("console");            // ok: stdout
  log4cxx::FileAppender *e = new log4cxx::FileAppender(layout, "e.log"); // expect: logs/file-sink
  boost::log::add_file_log("f.log");                      // expect: logs/file-sink
  plog::init(plog::debug, "g.log");                       // expect: logs/file-sink
  plog::init(plog::debug, &consoleAppender);              // ok: console
  mylib::basic_logger_mt("x", "x.log");                   // ok: not spdlog
  spdlog::sinks::basic_file_sink_mt sink("h.log");        // expect: logs/file-sink
  Poco::FileChannel channel{"i.log"};                     // expect: logs/file-sink
  spdlog::sinks::stdout_sink_mt console;                  // ok: stdout
}
using Poco::FileChannel;
void rotation() {
  Poco::AutoPtr<Poco::Channel> c(new FileChannel("rotated.log")); // expect: logs/file-sink
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

TEST(FileSinkCheck, LogPathClassifier) {
  using twelve::checks::isLogPath;
  EXPECT_TRUE(isLogPath("app.log"));
  EXPECT_TRUE(isLogPath("/var/log/nginx/access"));
  EXPECT_TRUE(isLogPath("logs/2024.txt"));
  EXPECT_TRUE(isLogPath("app.log.3"));
  EXPECT_FALSE(isLogPath("catalog"));
  EXPECT_FALSE(isLogPath("app.logic"));
  EXPECT_FALSE(isLogPath("/dev/log"));
  EXPECT_FALSE(isLogPath("logs")); // a directory name alone
  EXPECT_FALSE(isLogPath("changelog.md"));

  using twelve::checks::isLogIdentifier;
  EXPECT_TRUE(isLogIdentifier("logfile"));
  EXPECT_TRUE(isLogIdentifier("log_path"));
  EXPECT_TRUE(isLogIdentifier("errorLogFile"));
  EXPECT_TRUE(isLogIdentifier("LOG_FILE"));
  EXPECT_FALSE(isLogIdentifier("login"));
  EXPECT_FALSE(isLogIdentifier("catalog_path"));
  EXPECT_FALSE(isLogIdentifier("dialog"));
  EXPECT_FALSE(isLogIdentifier("blogPost"));
}

} // namespace

namespace {

// log-file-functions in .twelve.yaml: the project's own opener is a file sink.
TEST(FileSinkCheck, ConfiguredProjectFunctionsAreSinks) {
  twelve::testing::CodeOptions options;
  options.checkOptions.logFileFunctions = {"mylog::open_file"};
  EXPECT_TRUE(twelve::testing::matchesMarkers("logs/file-sink", R"cpp(
namespace mylog { void open_file(const char *path); void open_console(); }
namespace other { void open_file(const char *path); }
void setup() {
  mylog::open_file("/var/log/orders.log"); // expect: logs/file-sink
  mylog::open_console();
  other::open_file("data.bin");
}
)cpp", options));
  // Not configured: the same call is nobody's business.
  EXPECT_TRUE(twelve::testing::matchesMarkers("logs/file-sink", R"cpp(
namespace mylog { void open_file(const char *path); }
void setup() { mylog::open_file("/var/log/orders.log"); }
)cpp"));
}

// Wrappers defined in another translation unit, recognized by their name and
// arguments: mosquitto's mosquitto__fopen(config->log_file, "at") and
// tinyproxy's create_file_safely(log_file_name, FALSE).
TEST(FileSinkCheck, ProjectOpenersGivenALogFile) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(twelve::testing::matchesMarkers("logs/file-sink", R"c(
#include <fcntl.h>
#include <stdio.h>
struct config { char *log_file; char *data_file; };
FILE *mosquitto__fopen(const char *path, const char *mode, int restrict_read);
int create_file_safely(const char *filename, unsigned int truncate_file);
int open_cloexec(const char *path, int flags, int mode);
int create_log_dir(const char *log_dir);
int create_log_entry(const char *log_file, const char *mode);
int open_log_id(int log_id, const char *mode);
int log_id;
FILE *open_log_for_reading(const char *log_file);
void close_log(const char *log_file);
int log_file_fd;
void setup(struct config *config, const char *log_file_name, const char *logfile) {
  FILE *f = mosquitto__fopen(config->log_file, "at", 0); // expect: logs/file-sink
  log_file_fd = create_file_safely(log_file_name, 0);   // expect: logs/file-sink
  open_cloexec(logfile, O_WRONLY | O_APPEND | O_CREAT, 0644); // expect: logs/file-sink
  FILE *r = mosquitto__fopen(config->log_file, "rt", 0); // ok: read
  FILE *d = mosquitto__fopen(config->data_file, "w", 0); // ok: not a log (local-file-state's)
  create_log_dir(log_file_name);        // ok: a folder
  create_log_entry(log_file_name, "a");  // ok: an entry, not a file (icecast)
  open_log_id(log_id, "a");              // ok: an id is not a path
  open_cloexec(logfile, O_RDONLY, 0);   // ok: read
  open_log_for_reading(log_file_name);  // ok: no write mode
  close_log(log_file_name);
}
)c", c));
}

// icecast's log.c: the path is a plain "filename", but the handle is kept in
// a log-named member, or the function is the log's opener.
TEST(FileSinkCheck, LogFilesKnownByWhereTheHandleGoesOrWhoOpensThem) {
  twelve::testing::CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(twelve::testing::matchesMarkers("logs/file-sink", R"c(
#include <fcntl.h>
#include <stdio.h>
struct log_entry { FILE *logfile; char *filename; };
struct log_entry loglist[4];
int log_fd;
void reopen(int id) {
  loglist[id].logfile = fopen(loglist[id].filename, "a"); // expect: logs/file-sink
  log_fd = open(loglist[id].filename, O_WRONLY | O_APPEND);  // expect: logs/file-sink
  FILE *logfile = fopen("data.csv", "w");                   // ok: the path says what it is
  FILE *state = fopen(loglist[id].filename, "a");           // ok: nothing says log
  FILE *r = fopen(loglist[id].filename, "r");               // ok: read
}
int log_open(const char *filename) {
  FILE *file = fopen(filename, "a"); // expect: logs/file-sink
  return file != 0;
}
int dialog_open(const char *filename) {
  FILE *file = fopen(filename, "a"); // ok: not a log's opener
  return file != 0;
}
)c", c));
}

// A log file named at run time in a fixed log folder: the same paths that
// processes/local-file-state leaves to this rule.
TEST(FileSinkCheck, LogFileInAFixedLogFolder) {
  EXPECT_TRUE(twelve::testing::matchesMarkers("logs/file-sink", R"cpp(
#include <cstdio>
#include <fstream>
#include <string>
void open_logs(const std::string &service, int day) {
  std::ofstream out(std::string("/var/log/app/") + service + ".log"); // expect: logs/file-sink
  char path[256];
  std::snprintf(path, sizeof path, "logs/%s-%d.txt", service.c_str(), day);
  FILE *f = std::fopen(path, "a");                                    // expect: logs/file-sink
  std::ofstream data(std::string("/var/lib/app/") + service);         // ok: not a log
}
)cpp"));
  EXPECT_TRUE(twelve::testing::matchesMarkers("processes/local-file-state", R"cpp(
#include <fstream>
#include <string>
void open_logs(const std::string &service) {
  std::ofstream out(std::string("/var/log/app/") + service + ".log"); // ok: logs/file-sink's
  std::ofstream data(std::string("/var/lib/app/") + service);         // expect: processes/local-file-state
}
)cpp"));
}

} // namespace
