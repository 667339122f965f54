#include "tests/checks/check_test.h"
#include "tests/checks/logs/stand_ins.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;
namespace stand_ins = twelve::testing::logs;

namespace {

const char *kRule = "logs/syslog";

CodeOptions with(const char *header, const char *text) {
  CodeOptions o;
  o.extraFiles[header] = text;
  return o;
}

TEST(SyslogCheck, OpenlogIsTheSetupAndItsSyslogCallsAreNotRepeated) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <syslog.h>
void setup() { openlog("svc", LOG_PID | LOG_NDELAY, LOG_DAEMON); } // expect: logs/syslog
void handle(int id) {
  syslog(LOG_INFO, "request %d", id);   // ok: openlog reported
  syslog(LOG_ERR, "failed %d", id);     // ok: openlog reported
}
)cpp"));
}

TEST(SyslogCheck, WithoutOpenlogTheFirstSyslogCallIsReportedOnce) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <stdarg.h>
#include <syslog.h>
void warn(const char *fmt, va_list ap) { vsyslog(LOG_WARNING, fmt, ap); } // expect: logs/syslog
void handle(int id) {
  syslog(LOG_INFO, "request %d", id);   // ok: one finding per file
  syslog(LOG_ERR, "failed %d", id);     // ok: one finding per file
}
)cpp"));
}

TEST(SyslogCheck, UserFunctionsNamedSyslogAreNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
namespace audit { void syslog(int level, const char *msg); void openlog(const char *); }
struct Channel { void openlog(const char *) {} };
void handle(Channel &c) {
  audit::openlog("svc");        // ok: not the C library
  audit::syslog(1, "request");  // ok: not the C library
  c.openlog("x");               // ok: a member
}
)cpp"));
}

TEST(SyslogCheck, SpdlogSyslogLoggerAndSink) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <spdlog/spdlog.h>
void setup() {
  auto a = spdlog::syslog_logger_mt("svc", "svc", 0, 24); // expect: logs/syslog
  auto b = std::make_shared<spdlog::sinks::syslog_sink_mt>("svc", 0, 24, true); // expect: logs/syslog
  auto c = spdlog::stdout_color_mt("console"); // ok: stdout
}
)cpp", with("sys/spdlog/spdlog.h", stand_ins::kSpdlog)));
}

TEST(SyslogCheck, BoostLogSyslogBackend) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <boost/log.h>
namespace sinks = boost::log::sinks;
void setup() {
  auto backend = boost::make_shared<sinks::syslog_backend>(); // expect: logs/syslog
  auto console = boost::make_shared<sinks::text_ostream_backend>(); // ok: stdout
}
)cpp", with("sys/boost/log.h", stand_ins::kBoostLog)));
}

TEST(SyslogCheck, Log4cxxSyslogAppender) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <log4cxx/all.h>
void setup(log4cxx::Layout *layout) {
  log4cxx::Logger::getRootLogger()->addAppender(new log4cxx::net::SyslogAppender(layout, "localhost", 3)); // expect: logs/syslog
}
)cpp", with("sys/log4cxx/all.h", stand_ins::kLog4cxx)));
}

TEST(SyslogCheck, PocoSyslogChannelButNotAUserClassOfTheSameName) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <Poco/all.h>
namespace app { class SyslogChannel { public: SyslogChannel() {} }; }
void setup() {
  Poco::AutoPtr<Poco::SyslogChannel> channel(new Poco::SyslogChannel("svc")); // expect: logs/syslog
  app::SyslogChannel mine; // ok: not Poco
}
)cpp", with("sys/Poco/all.h", stand_ins::kPoco)));
}

TEST(SyslogCheck, RecognizedByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <Poco/SyslogChannel.h>
#include <spdlog/sinks/no_such_syslog_sink.h>
void setup() {
  auto *c = new Poco::SyslogChannel("svc"); // expect: logs/syslog
  auto l = spdlog::syslog_logger_mt("svc"); // expect: logs/syslog
  auto s = std::make_shared<spdlog::sinks::syslog_sink_mt>("svc", 0, 24, true); // expect: logs/syslog
  auto o = std::make_shared<spdlog::sinks::stdout_sink_mt>(); // ok: stdout
}
)cpp", twelve::testing::reducedPrecision()));
}

TEST(SyslogCheck, WorksInC) {
  CodeOptions c;
  c.fileName = "input.c";
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <syslog.h>
int main(void) {
  openlog("svc", LOG_PID, LOG_USER); // expect: logs/syslog
  syslog(LOG_NOTICE, "started");
  closelog();
  return 0;
}
)c", c));
}

} // namespace
