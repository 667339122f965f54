// End to end: the probe against each sample server, run as a real child process.
#include "runtime-probe/probe.h"

#include <gtest/gtest.h>

#include <chrono>
#include <csignal>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <map>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace twelve;
using twelve::probe::ProbeOptions;

namespace {

constexpr ProbeStatus P = ProbeStatus::Pass, W = ProbeStatus::Warn, F = ProbeStatus::Fail,
                      S = ProbeStatus::Skip;

/// A fresh working folder outside /tmp, so that local writes count as local.
std::string workDir(const std::string &name) {
  auto dir = std::filesystem::path(PROBE_WORK_DIR) / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir.string();
}

/// Waits (up to 20 s) until nothing else listens on a fixed port: the hardcoded-port
/// sample binds 18089 itself, and a second copy of the suite running at the same
/// time (a developer's build next to a CI clone) would hold it.
bool waitForFreePort(int port) {
  for (int i = 0; i < 200; ++i) {
    int fd = socket(AF_INET, SOCK_STREAM, 0);
    int one = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    sockaddr_in addr{};
    addr.sin_family = AF_INET;
    addr.sin_addr.s_addr = htonl(INADDR_ANY);
    addr.sin_port = htons(static_cast<uint16_t>(port));
    bool free = bind(fd, reinterpret_cast<sockaddr *>(&addr), sizeof addr) == 0;
    close(fd);
    if (free)
      return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  return false;
}

/// A copy of a sample binary that is this test's own: "no process of it
/// survived" then speaks of this test alone when ctest runs tests side by side.
std::string ownCopy(const std::string &binary, const std::string &name) {
  std::error_code ec;
  if (binary.rfind("/bin/", 0) == 0 || binary.rfind("/usr/bin/", 0) == 0 ||
      !std::filesystem::is_regular_file(binary, ec))
    return binary;
  auto dir = std::filesystem::path(PROBE_WORK_DIR) / (name + "-bin");
  std::filesystem::create_directories(dir);
  auto to = dir / std::filesystem::path(binary).filename();
  std::filesystem::copy_file(binary, to, std::filesystem::copy_options::overwrite_existing);
  return to.string();
}

ProbeOptions options(const std::string &binary, const std::string &name) {
  ProbeOptions o;
  o.command = {ownCopy(binary, name)};
  o.cwd = workDir(name);
  o.startupTimeout = 3;
  o.startupBudget = 1;
  o.grace = 2;
  return o;
}

/// Pids whose executable is `binary`: none may survive the probe.
std::vector<int> running(const std::string &binary) {
  std::vector<int> out;
  auto target = std::filesystem::canonical(binary).string();
  if (DIR *d = opendir("/proc")) {
    while (auto *e = readdir(d)) {
      int pid = std::atoi(e->d_name);
      if (pid <= 0)
        continue;
      char buf[4096];
      auto link = "/proc/" + std::to_string(pid) + "/exe";
      ssize_t n = readlink(link.c_str(), buf, sizeof buf - 1);
      if (n > 0 && std::string(buf, static_cast<size_t>(n)) == target)
        out.push_back(pid);
    }
    closedir(d);
  }
  return out;
}

std::string describe(const ProbeResult &r) {
  std::string s = "error: " + r.error + "\n";
  for (auto &c : r.checks) {
    s += std::string(name(c.status)) + " " + c.id + ": " + c.message + "\n";
    for (auto &[k, v] : c.evidence)
      s += "    " + k + "=" + v + "\n";
  }
  return s;
}

/// Runs the probe and compares every check's status, in report order; no
/// process of `binary` (default: the command) may survive it.
ProbeResult expectStatuses(ProbeOptions o, std::vector<ProbeStatus> expected,
                           std::string binary = {}) {
  if (binary.empty())
    binary = o.command[0];
  auto r = probe::run(o);
  std::vector<ProbeStatus> got;
  for (auto &c : r.checks)
    got.push_back(c.status);
  EXPECT_EQ(got, expected) << describe(r);
  EXPECT_EQ(r.checks.size(), probe::checkIds().size());
  for (size_t i = 0; i < r.checks.size() && i < probe::checkIds().size(); ++i) {
    EXPECT_EQ(r.checks[i].id, probe::checkIds()[i]);
    EXPECT_FALSE(r.checks[i].message.empty()) << r.checks[i].id;
  }
  EXPECT_TRUE(running(binary).empty()) << "a process of " << binary << " survived the probe";
  return r;
}

std::string evidence(const ProbeResult &r, const std::string &id, const std::string &key) {
  for (auto &c : r.checks)
    if (c.id == id)
      for (auto &[k, v] : c.evidence)
        if (k == key)
          return v;
  return {};
}

} // namespace

TEST(ProbeSamples, CompliantPassesEverything) {
  auto r = expectStatuses(options(SAMPLE_compliant, "compliant"), {P, P, P, P, P, P, P, P});
  EXPECT_FALSE(r.reducedPrecision);
  EXPECT_TRUE(r.error.empty());
  EXPECT_NE(evidence(r, "disposability/graceful-shutdown", "exit_ms"), "");
}

TEST(ProbeSamples, HardcodedPortFailsPortBindingAndListsTheOtherPort) {
  ASSERT_TRUE(waitForFreePort(18089)) << "port 18089, which the sample binds, stayed in use";
  auto r =
      expectStatuses(options(SAMPLE_hardcoded_port, "hardcoded_port"), {F, F, P, S, P, P, P, P});
  EXPECT_NE(evidence(r, "port-binding/listens-on-port", "other_ports").find("18089"),
            std::string::npos)
      << describe(r);
}

TEST(ProbeSamples, SlowStartFailsTheStartupBudget) {
  expectStatuses(options(SAMPLE_slow_start, "slow_start"), {P, F, P, P, P, P, P, P});
}

TEST(ProbeSamples, IgnoringSigtermFailsGracefulShutdown) {
  auto r =
      expectStatuses(options(SAMPLE_ignores_sigterm, "ignores_sigterm"), {P, P, F, P, P, P, P, P});
  EXPECT_EQ(evidence(r, "disposability/graceful-shutdown", "exit"), "SIGKILL");
}

TEST(ProbeSamples, StaleLockFileFailsCrashRestartAndLocalWrites) {
  auto r = expectStatuses(options(SAMPLE_stale_lock, "stale_lock"), {P, P, P, F, P, P, F, P});
  EXPECT_NE(evidence(r, "processes/no-local-writes", "operations").find("service.lock"),
            std::string::npos);
}

TEST(ProbeSamples, AppLogFailsLogChecks) {
  auto r = expectStatuses(options(SAMPLE_app_log, "app_log"), {P, P, P, P, W, F, F, P});
  EXPECT_NE(evidence(r, "logs/no-log-files", "files").find("app.log"), std::string::npos);
}

TEST(ProbeSamples, PidFileFailsForegroundAndLocalWrites) {
  // A PID file in logs/ is not a log file; the process did not daemonize, and
  // the message says what it did.
  auto r = expectStatuses(options(SAMPLE_pid_file, "pid_file"), {P, P, P, P, P, P, F, F});
  for (auto &c : r.checks)
    if (c.id == "concurrency/foreground") {
      EXPECT_NE(c.message.find("stayed in the foreground"), std::string::npos) << c.message;
      EXPECT_NE(c.message.find("logs/service.pid"), std::string::npos) << c.message;
      EXPECT_EQ(c.message.find("daemonized"), std::string::npos) << c.message;
    }
}

TEST(ProbeSamples, DaemonFailsForegroundAndStdoutAndLeavesNothingBehind) {
  auto r = expectStatuses(options(SAMPLE_daemonize, "daemonize"), {P, P, P, P, F, P, P, F});
  // One process with two threads moved its stdio, not "2 processes".
  for (auto &c : r.checks)
    if (c.id == "logs/stdout")
      EXPECT_EQ(c.message.find("processes"), std::string::npos) << c.message;
}

TEST(ProbeSamples, DaemonLeavesNothingBehindWithoutTracingEither) {
  auto o = options(SAMPLE_daemonize, "daemonize_untraced");
  o.trace = false;
  auto r = probe::run(o);
  EXPECT_TRUE(r.reducedPrecision);
  EXPECT_TRUE(running(o.command[0]).empty()) << describe(r);
}

TEST(ProbeSamples, SilentServerWarnsOnStdout) {
  expectStatuses(options(SAMPLE_silent, "silent"), {P, P, P, P, W, P, P, P});
}

TEST(ProbeSamples, LoopbackOnlyWarnsOnPortBinding) {
  expectStatuses(options(SAMPLE_loopback_only, "loopback_only"), {W, P, P, P, P, P, P, P});
}

TEST(ProbeSamples, DataWrittenOnShutdownFailsLocalWrites) {
  auto o = options(SAMPLE_data_on_shutdown, "data_on_shutdown");
  auto r = expectStatuses(o, {P, P, P, P, P, P, F, P});
  // Written as ".//data.db": reported as the one absolute path it is.
  auto path = (std::filesystem::path(o.cwd) / "data.db").string();
  EXPECT_NE(evidence(r, "processes/no-local-writes", "operations").find("create " + path),
            std::string::npos)
      << describe(r);
  EXPECT_EQ(evidence(r, "processes/no-local-writes", "operations").find("//"), std::string::npos)
      << describe(r);
}

// A helper the service runs per request with 2>/dev/null (system("cmd
// 2>/dev/null")): the helper's stderr, gone when the probe looks, was never
// the service's.
TEST(ProbeSamples, AHelperSilencedPerRequestIsNotDaemonizing) {
  auto o = options(SAMPLE_runs_helper, "runs_helper");
  o.httpPath = "/";
  o.observe = 0.3;
  auto r = expectStatuses(o, {P, P, P, P, P, P, P, P});
  EXPECT_NE(evidence(r, "concurrency/foreground", "events").find("at /dev/null"),
            std::string::npos)
      << "the helper's redirection is still listed as evidence: " << describe(r);
}

TEST(ProbeSamples, HttpCheckGetsAnAnswer) {
  auto o = options(SAMPLE_compliant, "compliant_http");
  o.httpPath = "/health";
  auto r = probe::run(o);
  EXPECT_EQ(r.checks.at(0).status, ProbeStatus::Pass) << describe(r);
  EXPECT_NE(evidence(r, "port-binding/listens-on-port", "http").find("200"), std::string::npos);
}

TEST(ProbeTargets, MissingCommandIsAnErrorNotAHang) {
  auto o = options("/nonexistent/service", "missing");
  auto r = probe::run(o);
  EXPECT_NE(r.error.find("No such file"), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, 2);
}

TEST(ProbeTargets, CommandThatExitsAtOnceIsAnError) {
  ProbeOptions o = options("/bin/sh", "exits");
  o.command = {"/bin/sh", "-c", "echo config missing >&2; exit 3"};
  auto r = probe::run(o);
  EXPECT_NE(r.error.find("exited 3"), std::string::npos) << describe(r);
  EXPECT_NE(r.error.find("config missing"), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, 2);
}

TEST(ProbeTargets, FloodingOutputNeitherHangsNorEatsMemory) {
  ProbeOptions o = options("/usr/bin/yes", "flood");
  o.command = {"/usr/bin/yes", "flood"};
  o.startupTimeout = 1;
  auto r = probe::run(o);
  EXPECT_EQ(r.checks.at(0).status, ProbeStatus::Fail);
  EXPECT_GT(std::stoull(evidence(r, "logs/stdout", "stdout_bytes")), 1000000u) << describe(r);
  EXPECT_LT(r.seconds, 6);
  EXPECT_TRUE(running("/usr/bin/yes").empty());
}

TEST(ProbeTargets, PortPlaceholderIsSubstitutedInArguments) {
  ProbeOptions o = options("/bin/sh", "placeholder");
  o.command = {"/bin/sh", "-c", "PORT={port} exec " SAMPLE_compliant};
  auto r = probe::run(o);
  EXPECT_EQ(r.checks.at(0).status, ProbeStatus::Pass) << describe(r);
}

// An entry script (pyenv's python3 shim, docker-entrypoint.sh) silences a
// builtin (`command -v x 2>/dev/null`: bash points fd 2 at /dev/null and then
// restores it) and runs helpers with 2>/dev/null before it execs the service:
// the service's own stdio was never /dev/null.
TEST(ProbeTargets, AnEntryScriptSilencingItsHelpersIsNotDaemonizing) {
  ProbeOptions o = options(SAMPLE_compliant, "entry-script");
  auto server = o.command[0];
  o.command = {"/bin/bash", "-c",
               "command -v no-such-tool 2>/dev/null; (echo helper >&2) 2>/dev/null; "
               "x=$(ls /no/such/dir 2>/dev/null); exec " + server};
  auto r = expectStatuses(o, {P, P, P, P, P, P, P, P}, server);
  EXPECT_NE(evidence(r, "concurrency/foreground", "events").find("at /dev/null"),
            std::string::npos)
      << "the helpers' redirections are still listed as evidence: " << describe(r);
}

// lighttpd -D points stdout at /dev/null and logs to stderr: output printed to
// stdout is lost (a warning), but the service neither hides its event stream
// nor detaches. Both on /dev/null is what a daemon does.
TEST(ProbeTargets, StdoutAloneOnDevNullWarnsBothFail) {
  ProbeOptions one = options(SAMPLE_compliant, "stdout-null");
  auto server = one.command[0];
  one.command = {"/bin/sh", "-c", "exec " + server + " >/dev/null"};
  expectStatuses(one, {P, P, P, P, W, P, P, P}, server);
  ProbeOptions both = options(SAMPLE_compliant, "stdio-null");
  server = both.command[0];
  both.command = {"/bin/sh", "-c", "exec " + server + " >/dev/null 2>&1"};
  expectStatuses(both, {P, P, P, P, F, P, P, F}, server);
}

// stdin is nobody's event stream: a service started with stdin from a file
// (or whose clients' sockets take fd 0) keeps its logs where they were.
TEST(ProbeTargets, StdinFromAFileIsNotARedirectedLogStream) {
  ProbeOptions o = options(SAMPLE_compliant, "stdin-file");
  auto server = o.command[0];
  o.command = {"/bin/sh", "-c", "exec " + server + " </etc/hostname"};
  expectStatuses(o, {P, P, P, P, P, P, P, P}, server);
}

/// Starts `binary` in `dir` (stdout/stderr to `out`/`err` when given), lets it
/// settle, probes it in attach mode, then kills it.
ProbeResult probeAttached(const char *binary, const std::string &dir, int out = -1, int err = -1) {
  int pid = fork();
  if (pid == 0) {
    chdir(dir.c_str());
    setenv("PORT", "0", 1);
    if (out >= 0)
      dup2(out, 1);
    if (err >= 0)
      dup2(err, 2);
    execl(binary, binary, nullptr);
    _exit(127);
  }
  usleep(300 * 1000);
  ProbeOptions o;
  o.pid = pid;
  auto r = probe::run(o);
  kill(pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  return r;
}

TEST(ProbeAttach, InspectsALiveProcessWithoutSignals) {
  auto r = probeAttached(SAMPLE_app_log, workDir("attach"));
  ASSERT_EQ(r.checks.size(), 8u) << describe(r);
  EXPECT_TRUE(r.reducedPrecision);
  EXPECT_EQ(r.checks[1].status, ProbeStatus::Skip);
  EXPECT_EQ(r.checks[2].status, ProbeStatus::Skip);
  EXPECT_EQ(r.checks[3].status, ProbeStatus::Skip);
  EXPECT_EQ(r.checks[5].status, ProbeStatus::Fail)
      << describe(r); // holds app.log open for appending
}

// nginx attached: the master and its worker hold the same log files; each
// is listed once.
TEST(ProbeAttach, ALogHeldByTwoProcessesIsListedOnce) {
  auto dir = workDir("attach-shared-log");
  int pid = fork();
  if (pid == 0) {
    setpgid(0, 0);
    chdir(dir.c_str());
    execl("/bin/sh", "sh", "-c", "exec 3>>app.log; sleep 30 & exec sleep 30", nullptr);
    _exit(127);
  }
  usleep(300 * 1000);
  ProbeOptions o;
  o.pid = pid;
  auto r = probe::run(o);
  kill(-pid, SIGKILL);
  waitpid(pid, nullptr, 0);
  ASSERT_EQ(r.checks.size(), 8u) << describe(r);
  EXPECT_EQ(r.checks[5].id, "logs/no-log-files");
  EXPECT_EQ(r.checks[5].status, ProbeStatus::Fail) << describe(r);
  EXPECT_EQ(evidence(r, "logs/no-log-files", "files"), dir + "/app.log") << describe(r);
}

// Attached to a service whose stdout is /dev/null and stderr a pipe (lighttpd
// under systemd logs to the journal on stderr): a warning, not a failure.
TEST(ProbeAttach, StdoutAloneOnDevNullWarns) {
  int err[2];
  ASSERT_EQ(pipe(err), 0);
  int null = open("/dev/null", O_WRONLY);
  auto r = probeAttached(SAMPLE_compliant, workDir("attach-null"), null, err[1]);
  close(null);
  close(err[1]);
  close(err[0]);
  ASSERT_EQ(r.checks.size(), 8u) << describe(r);
  EXPECT_EQ(r.checks[4].id, "logs/stdout");
  EXPECT_EQ(r.checks[4].status, ProbeStatus::Warn) << describe(r);
}

TEST(ProbeTargets, InterruptStopsEveryProcessAndSaysSo) {
  auto o = options(SAMPLE_daemonize, "interrupt");
  o.observe = 30;
  std::thread t([] {
    usleep(500 * 1000);
    kill(getpid(), SIGINT); // as Ctrl-C: the probe's handler is installed for the run
  });
  auto r = probe::run(o);
  t.join();
  EXPECT_NE(r.error.find("interrupted"), std::string::npos) << describe(r);
  EXPECT_LT(r.seconds, 5);
  EXPECT_TRUE(running(o.command[0]).empty());
}
