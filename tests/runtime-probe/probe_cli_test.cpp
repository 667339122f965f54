// `twelve probe` end to end through the binary: exit codes, text checklist, JSON shape.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <sys/wait.h>

namespace {

struct Run {
  int code;
  std::string out;
};

Run twelve(const std::string &args) {
  auto dir = std::filesystem::path(PROBE_WORK_DIR) / "cli";
  std::filesystem::create_directories(dir);
  std::string cmd = "cd '" + dir.string() + "' && " TWELVE_BINARY " " + args + " 2>/dev/null";
  FILE *p = popen(cmd.c_str(), "r");
  std::string out;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0)
    out.append(buf.data(), n);
  int st = pclose(p);
  return {WIFEXITED(st) ? WEXITSTATUS(st) : -1, out};
}

const std::string fast = "probe --grace 2 --startup-timeout 3 --startup-budget 1 ";

} // namespace

TEST(ProbeCli, CompliantServerExitsZeroWithAChecklist) {
  auto r = twelve(fast + "-- " SAMPLE_compliant);
  EXPECT_EQ(r.code, 0) << r.out;
  EXPECT_NE(r.out.find("PASS  disposability/graceful-shutdown"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("after SIGTERM in"), std::string::npos) << r.out;
}

TEST(ProbeCli, FailedCheckExitsOne) {
  auto r = twelve(fast + "-- " SAMPLE_pid_file);
  EXPECT_EQ(r.code, 1) << r.out;
  EXPECT_NE(r.out.find("FAIL  concurrency/foreground"), std::string::npos) << r.out;
}

TEST(ProbeCli, WarningsExitZeroUnlessFailOnWarning) {
  EXPECT_EQ(twelve(fast + "-- " SAMPLE_silent).code, 0);
  EXPECT_EQ(twelve(fast + "--fail-on warning -- " SAMPLE_silent).code, 1);
}

TEST(ProbeCli, UsageErrorsExitTwo) {
  EXPECT_EQ(twelve("probe").code, 2);
  EXPECT_EQ(twelve("probe --format xml -- " SAMPLE_compliant).code, 2);
  EXPECT_EQ(twelve("probe --env NOEQUALS -- " SAMPLE_compliant).code, 2);
}

TEST(ProbeCli, TargetThatCannotRunExitsThree) {
  EXPECT_EQ(twelve(fast + "-- /nonexistent/server").code, 3);
  EXPECT_EQ(twelve(fast + "-- /bin/false").code, 3);
}

TEST(ProbeCli, JsonHasTargetChecksAndSummary) {
  auto r = twelve(fast + "--format json --env GREETING=hi --env OTHER=x -- " SAMPLE_compliant
                         " --ignored {port}");
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["target"]["mode"], "launch");
  EXPECT_EQ(j["target"]["command"].back(), "{port}") << "the command is reported as given";
  ASSERT_EQ(j["checks"].size(), 8u);
  for (auto &c : j["checks"]) {
    for (auto key : {"id", "factor", "status", "message", "evidence"})
      EXPECT_TRUE(c.contains(key)) << key;
    EXPECT_EQ(c["status"], "pass") << c.dump();
  }
  EXPECT_EQ(j["summary"]["pass"], 8);
}

// An entry script that writes a config file before exec'ing the service: the helper's (or the
// shell's, for a moment) stdout on that file is not the service's log stream.
TEST(ProbeCli, EntryScriptHelpersDoNotCountAsStdioRedirects) {
  auto r = twelve(fast + "-- bash -c '/bin/echo \"port $PORT\" > entry.conf && exec " SAMPLE_compliant "'");
  EXPECT_NE(r.out.find("PASS  logs/stdout"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("entry.conf"), std::string::npos) << "the write itself is still local: " << r.out;
  // A builtin redirects the shell's own fd 1 for a moment: undone before the service starts.
  auto builtin = twelve(fast + "-- bash -c 'echo \"port $PORT\" > entry.conf && exec " SAMPLE_compliant "'");
  EXPECT_NE(builtin.out.find("PASS  logs/stdout"), std::string::npos) << builtin.out;
}
