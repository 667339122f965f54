// The configuration file: discovery upward, precedence under flags and the
// environment, and validation errors that name file, line and key.
#include "run.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;
using twelve::testing::twelve;

struct Project {
  fs::path root;
  Project() {
    static int n = 0;
    root = fs::temp_directory_path() / ("twelve-config-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(root / "src");
    std::ofstream(root / "src" / "a.cpp")
        << "#include <cstdio>\nvoid f() { freopen(\"a.log\", \"a\", stdout); }\n";
  }
  ~Project() { fs::remove_all(root); }
  void config(const std::string &text) { std::ofstream(root / ".twelve.yaml") << text; }
  std::string path(const std::string &rel = "") const { return (root / rel).string(); }
};

TEST(Config, FoundUpwardAndApplied) {
  Project p;
  p.config("fail-on: error\n");
  EXPECT_EQ(twelve("scan " + p.path("src")).code, 0); // the finding is a warning
  p.config("fail-on: warning\n");
  EXPECT_EQ(twelve("scan " + p.path("src")).code, 1);
}

TEST(Config, FlagsAndEnvironmentOverrideTheFile) {
  Project p;
  p.config("fail-on: error\n");
  EXPECT_EQ(twelve("scan " + p.path()).code, 0);
  EXPECT_EQ(twelve("scan " + p.path() + " --fail-on warning").code, 1);
  // TWELVE_FAIL_ON sits between the flag and the file.
  EXPECT_EQ(twelve("scan " + p.path(), p.path(), "TWELVE_FAIL_ON=note").code, 1);
  EXPECT_EQ(twelve("scan " + p.path() + " --fail-on error", p.path(), "TWELVE_FAIL_ON=note").code, 0);
}

TEST(Config, SeverityOverride) {
  Project p;
  p.config("severity:\n  logs/stdio-redirect: error\n");
  auto run = twelve("scan " + p.path() + " --format json");
  EXPECT_NE(run.out.find("\"severity\": \"error\""), std::string::npos) << run.out;
}

TEST(Config, ExcludeFromTheFile) {
  Project p;
  p.config("exclude: [\"src/*\"]\n");
  auto run = twelve("scan " + p.path());
  EXPECT_EQ(run.code, 0) << run.out;
}

TEST(Config, UnknownKeyNamesFileLineAndKey) {
  Project p;
  p.config("fail-on: error\noptions:\n  allowed-hosts: [a]\n  colour: red\n");
  auto run = twelve("scan " + p.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find(".twelve.yaml:4: 'options.colour': unknown key"), std::string::npos) << run.err;
}

TEST(Config, WrongTypeAndUnknownRule) {
  Project p;
  p.config("jobs: many\n");
  auto a = twelve("scan " + p.path());
  EXPECT_EQ(a.code, 2);
  EXPECT_NE(a.err.find(".twelve.yaml:1: 'jobs': expected a number, got 'many'"), std::string::npos) << a.err;
  p.config("checks: [\"-*\"]\nseverity:\n  logs/no-such-rule: note\n");
  auto b = twelve("scan " + p.path());
  EXPECT_EQ(b.code, 2);
  EXPECT_NE(b.err.find(".twelve.yaml:3: 'severity.logs/no-such-rule': unknown rule id"), std::string::npos) << b.err;
}

TEST(Config, InvalidYaml) {
  Project p;
  p.config("checks: [unclosed\n");
  auto run = twelve("scan " + p.path());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("not valid YAML"), std::string::npos) << run.err;
}

TEST(Config, ExplicitConfigThatDoesNotExist) {
  Project p;
  auto run = twelve("scan " + p.path() + " --config " + p.path("nope.yaml"));
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("nope.yaml: no such file"), std::string::npos) << run.err;
}

TEST(Config, DumpShowsValuesAndSources) {
  Project p;
  p.config("fail-on: error\n");
  auto run = twelve("config --dump " + p.path());
  EXPECT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("fail-on: error  # " + p.path(".twelve.yaml")), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("format: text  # default"), std::string::npos) << run.out;
}

} // namespace

namespace {

// Rule options reach the checks, and a change of them is not served from the cache.
TEST(Config, RuleOptionsReachTheChecks) {
  Project p;
  std::ofstream(p.path("src/b.cpp")) << "namespace mylog { void open_file(const char *); }\n"
                                        "void g() { mylog::open_file(\"/var/log/b.log\"); }\n";
  auto before = twelve("scan " + p.path("src") + " --format json --fail-on never");
  EXPECT_EQ(before.out.find("mylog::open_file"), std::string::npos) << before.out;
  p.config("options:\n  log-file-functions: [\"mylog::open_file\"]\n");
  auto after = twelve("scan " + p.path("src") + " --format json --fail-on never");
  EXPECT_NE(after.out.find("mylog::open_file() opens a log file '/var/log/b.log'"), std::string::npos)
      << after.out;
}

} // namespace
