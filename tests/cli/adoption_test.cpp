// Adopting twelve on an existing codebase: baselines, unused suppressions,
// findings only in changed files.
#include "run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace {

namespace fs = std::filesystem;
using twelve::testing::twelve;

struct Repo {
  twelve::testing::TempDir dir;
  const fs::path &root = dir.path;
  void write(const std::string &rel, const std::string &text) { dir.write(rel, text); }
  std::string read(const std::string &rel) const { return dir.read(rel); }
  std::string path(const std::string &rel = "") const { return (root / rel).string(); }
  int git(const std::string &args) const {
    return std::system(("cd '" + root.string() + "' && git -c user.name=t -c user.email=t@t " + args +
                        " >/dev/null 2>&1").c_str());
  }
};

const char *kTwo = "#include <cstdio>\n"
                   "void a() { freopen(\"a.log\", \"a\", stdout); }\n"
                   "void b() { freopen(\"b.log\", \"a\", stderr); }\n";

TEST(Baseline, OnlyNewFindingsAreReported) {
  Repo r;
  r.write("src/a.cpp", kTwo);
  auto write = twelve("scan " + r.path() + " --write-baseline " + r.path("baseline.json"));
  EXPECT_EQ(write.code, 0) << write.err;
  EXPECT_EQ(twelve("scan " + r.path() + " --baseline " + r.path("baseline.json")).code, 0);

  // A new violation is reported; the known ones are not.
  r.write("src/a.cpp", std::string(kTwo) + "void c() { freopen(\"c.log\", \"w\", stdout); }\n");
  auto run = twelve("scan " + r.path() + " --format json --baseline " + r.path("baseline.json"));
  EXPECT_EQ(run.code, 1);
  auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc["findings"].size(), 1u);
  EXPECT_EQ(doc["findings"][0]["line"], 4);
  EXPECT_EQ(doc["baseline"]["matched"], 2);
}

TEST(Baseline, StableWhenFindingsMoveDownTenLines) {
  Repo r;
  r.write("src/a.cpp", kTwo);
  twelve("scan " + r.path() + " --write-baseline " + r.path("baseline.json"));
  auto before = r.read("baseline.json");
  std::string moved = "#include <cstdio>\n";
  for (int i = 0; i < 10; ++i)
    moved += "int unrelated" + std::to_string(i) + " = " + std::to_string(i) + ";\n";
  moved += std::string(kTwo).substr(std::string("#include <cstdio>\n").size());
  r.write("src/a.cpp", moved);
  auto run = twelve("scan " + r.path() + " --baseline " + r.path("baseline.json"));
  EXPECT_EQ(run.code, 0) << run.out;
  // Rewriting the baseline after the edit changes nothing: it merges cleanly.
  twelve("scan " + r.path() + " --write-baseline " + r.path("baseline.json"));
  EXPECT_EQ(r.read("baseline.json"), before);
  EXPECT_EQ(before.find("\"line\""), std::string::npos);
}

TEST(Baseline, EntriesNoLongerFoundAreReportedFixed) {
  Repo r;
  r.write("src/a.cpp", kTwo);
  twelve("scan " + r.path() + " --write-baseline " + r.path("baseline.json"));
  r.write("src/a.cpp", "#include <cstdio>\nvoid a() { freopen(\"a.log\", \"a\", stdout); }\n");
  auto run = twelve("scan " + r.path() + " --baseline " + r.path("baseline.json"));
  EXPECT_EQ(run.code, 0);
  EXPECT_NE(run.out.find("fixed since the baseline"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("baseline: 1 known, 1 fixed"), std::string::npos) << run.out;
}

TEST(Baseline, MalformedBaselineIsAUsageError) {
  Repo r;
  r.write("src/a.cpp", kTwo);
  r.write("baseline.json", "{\"version\": 1");
  auto run = twelve("scan " + r.path() + " --baseline " + r.path("baseline.json"));
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("baseline.json: not valid JSON"), std::string::npos) << run.err;
  EXPECT_EQ(twelve("scan " + r.path() + " --baseline " + r.path("none.json")).code, 2);
}

TEST(UnusedSuppressions, ListedWhenAsked) {
  Repo r;
  r.write("src/a.cpp", "#include <cstdio>\n"
                       "void a() { freopen(\"a.log\", \"a\", stdout); } // NOLINT(logs/stdio-redirect): ok\n"
                       "int b = 1; // NOLINT(logs/stdio-redirect): stale\n"
                       "int c = 2; // NOLINT(readability-magic-numbers)\n");
  auto quiet = twelve("scan " + r.path());
  EXPECT_EQ(quiet.code, 0) << quiet.out;
  auto run = twelve("scan " + r.path() + " --report-unused-suppressions");
  EXPECT_EQ(run.code, 1);
  EXPECT_NE(run.out.find("src/a.cpp:3: warning: suppression comment silences nothing"), std::string::npos)
      << run.out;
  EXPECT_EQ(run.out.find("src/a.cpp:2: warning: suppression"), std::string::npos) << run.out;
  EXPECT_EQ(run.out.find("src/a.cpp:4:"), std::string::npos) << run.out; // clang-tidy's, not ours
}

TEST(ChangedSince, OnlyFindingsInChangedFilesAndUnitsIncludingChangedHeaders) {
  Repo r;
  r.write("old.cpp", kTwo);
  r.write("log.h", "#pragma once\n#define LOG_PATH \"x.log\"\n");
  r.write("uses_header.cpp", "#include \"log.h\"\n#include <cstdio>\nvoid u() { freopen(\"u.log\", \"a\", stdout); }\n");
  ASSERT_EQ(r.git("init -q"), 0);
  ASSERT_EQ(r.git("add -A"), 0);
  ASSERT_EQ(r.git("commit -qm base"), 0);
  r.write("new.cpp", "#include <cstdio>\nvoid n() { freopen(\"n.log\", \"a\", stdout); }\n");
  auto onlyNew = twelve("scan " + r.path() + " --format json --changed-since HEAD");
  auto doc = nlohmann::json::parse(onlyNew.out);
  ASSERT_EQ(doc["findings"].size(), 1u) << onlyNew.out;
  EXPECT_EQ(doc["findings"][0]["file"], "new.cpp");

  r.write("log.h", "#pragma once\n#define LOG_PATH \"y.log\"\n");
  auto header = twelve("scan " + r.path() + " --format json --changed-since HEAD");
  doc = nlohmann::json::parse(header.out);
  ASSERT_EQ(doc["findings"].size(), 2u) << header.out;
  EXPECT_EQ(doc["findings"][0]["file"], "new.cpp");
  EXPECT_EQ(doc["findings"][1]["file"], "uses_header.cpp");

  auto bad = twelve("scan " + r.path() + " --changed-since no-such-rev");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--changed-since no-such-rev"), std::string::npos) << bad.err;
}

} // namespace
