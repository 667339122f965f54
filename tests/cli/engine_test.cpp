// End-to-end tests of the scan engine: result cache, crash and time-out
// isolation of worker processes, --shard and `twelve merge`.
#include "run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#include <vector>

namespace {

namespace fs = std::filesystem;
using nlohmann::json;
using twelve::testing::twelve;

using twelve::testing::TempDir;

// Three units: a.cpp and b.cpp include common.h (one finding), c.cpp does not.
// Each unit has one finding of its own.
void writeProject(TempDir &d) {
  d.write("common.h", "#pragma once\n#include <cstdio>\n"
                      "inline FILE *openLog() { return std::fopen(\"app.log\", \"a\"); }\n");
  d.write("a.cpp", "#include \"common.h\"\n"
                   "void a() { freopen(\"a.log\", \"a\", stdout); openLog(); }\n");
  d.write("b.cpp", "#include \"common.h\"\n#include <cstdlib>\n"
                   "const char *region() {\n"
                   "  const char *r = std::getenv(\"REGION\");\n"
                   "  return r ? r : \"eu-west-1\";\n}\n");
  d.write("c.cpp", "#include <cstdio>\n"
                   "void c() { freopen(\"c.log\", \"a\", stderr); }\n");
}

using Key = std::tuple<std::string, std::string, int, int, std::string>;

std::set<Key> findingSet(const json &doc) {
  std::set<Key> out;
  for (const auto &f : doc["findings"])
    out.insert({f["rule"].get<std::string>(), f["file"].get<std::string>(), f["line"].get<int>(),
                f["column"].get<int>(), f["fingerprint"].get<std::string>()});
  return out;
}

bool hasFinding(const json &doc, const std::string &file, const std::string &rule) {
  for (const auto &f : doc["findings"])
    if (f["file"] == file && f["rule"] == rule)
      return true;
  return false;
}

json parse(const twelve::testing::Run &run) {
  try {
    return json::parse(run.out);
  } catch (const std::exception &e) {
    ADD_FAILURE() << "not JSON (" << e.what() << "):\n" << run.out << "\nstderr:\n" << run.err;
    return json::object({{"findings", json::array()}, {"errors", json::array()}});
  }
}

size_t filesIn(const fs::path &dir) {
  std::error_code ec;
  if (!fs::exists(dir, ec))
    return 0;
  size_t n = 0;
  for (auto it = fs::recursive_directory_iterator(dir, ec);
       it != fs::recursive_directory_iterator(); ++it)
    n += it->is_regular_file() ? 1 : 0;
  return n;
}

std::string cacheEnv(const TempDir &cache) { return "TWELVE_CACHE_DIR='" + cache.str() + "'"; }

// pgbouncer without its configure step: <usual/config.h> is made from
// lib/usual/config.h.in, in memory, as configure would, so the units compile
// with full precision; the made header is part of the cache key (a warm scan
// reuses the results, and a changed template analyzes again).
TEST(Engine, ConfigureTemplatesAreMadeIntoTheirHeaders) {
  TempDir d, cache;
  d.write("lib/usual/config.h.in", "#undef HAVE_STDINT_H\n#undef PACKAGE_VERSION\n");
  d.write("lib/usual/base.h", "#pragma once\n#include <usual/config.h>\n"
                              "#ifdef HAVE_STDINT_H\n#include <stdint.h>\n#endif\n"
                              "#include <stdio.h>\n");
  d.write("src/main.c", "#include <usual/base.h>\n"
                        "static const char *version = PACKAGE_VERSION;\n"
                        "static uintmax_t lines;\n"
                        "void log_line(const char *m) {\n"
                        "  FILE *f = fopen(\"pgbouncer.log\", \"a\");\n"
                        "  if (f) fprintf(f, \"%s %ju %s\\n\", version, ++lines, m);\n}\n");
  auto cold = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  auto doc = parse(cold);
  EXPECT_EQ(doc["summary"]["files"]["reduced"], 0) << cold.err;
  EXPECT_EQ(doc["findings"].size(), 1u) << cold.out;
  EXPECT_NE(cold.err.find("lib/usual/config.h is generated as its configure step would"),
            std::string::npos)
      << cold.err;
  EXPECT_FALSE(fs::exists(d.path / "lib/usual/config.h")) << "nothing is written to the project";
  auto warm = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  EXPECT_NE(warm.err.find("cache: 1 unit(s) unchanged, results reused"), std::string::npos)
      << warm.err;
  d.write("lib/usual/config.h.in", "#undef HAVE_STDINT_H\n#undef PACKAGE_VERSION\n#undef X\n");
  auto changed =
      twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  EXPECT_EQ(changed.err.find("results reused"), std::string::npos) << changed.err;
}

TEST(Engine, WarmScanReusesCachedResultsAndFindsTheSame) {
  TempDir d, cache;
  writeProject(d);
  auto cold = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  EXPECT_EQ(cold.err.find("results reused"), std::string::npos) << cold.err;
  EXPECT_EQ(filesIn(cache.path), 3u); // one entry per unit
  auto coldDoc = parse(cold);
  EXPECT_TRUE(hasFinding(coldDoc, "common.h", "logs/file-sink")) << cold.out;
  EXPECT_EQ(coldDoc["findings"].size(), 4u) << cold.out;

  auto warm = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(warm.code, 1) << warm.err;
  EXPECT_NE(warm.err.find("cache: 3 unit(s) unchanged, results reused"), std::string::npos)
      << warm.err;
  // Nothing was analyzed again: no progress line for any unit.
  EXPECT_EQ(warm.err.find("] a.cpp"), std::string::npos) << warm.err;
  auto warmDoc = parse(warm);
  EXPECT_EQ(findingSet(warmDoc), findingSet(coldDoc));
  EXPECT_EQ(warmDoc["summary"]["files"], coldDoc["summary"]["files"]);
  EXPECT_EQ(warmDoc["summary"]["byRule"], coldDoc["summary"]["byRule"]);
}

TEST(Engine, EditingAHeaderInvalidatesTheUnitsIncludingIt) {
  TempDir d, cache;
  writeProject(d);
  auto cold = twelve("scan " + d.str() + " --format json", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  EXPECT_FALSE(hasFinding(parse(cold), "common.h", "logs/stdio-redirect"));

  d.write("common.h", "#pragma once\n#include <cstdio>\n"
                      "inline FILE *openLog() { return std::fopen(\"app.log\", \"a\"); }\n"
                      "inline void quiet() { freopen(\"quiet.log\", \"a\", stdout); }\n");
  auto edited = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(edited.code, 1) << edited.err;
  // Only c.cpp, which does not include common.h, comes from the cache.
  EXPECT_NE(edited.err.find("cache: 1 unit(s) unchanged"), std::string::npos) << edited.err;
  EXPECT_NE(edited.err.find("] a.cpp"), std::string::npos) << edited.err;
  EXPECT_NE(edited.err.find("] b.cpp"), std::string::npos) << edited.err;
  EXPECT_EQ(edited.err.find("] c.cpp"), std::string::npos) << edited.err;
  auto doc = parse(edited);
  EXPECT_TRUE(hasFinding(doc, "common.h", "logs/stdio-redirect")) << edited.out;
  EXPECT_EQ(doc["findings"].size(), 5u) << edited.out;
}

// A fresh checkout gives every file a new modification time: the content
// decides. An edit that keeps the size is still seen (the time changed).
TEST(Engine, NewTimesWithTheSameContentStillHitAndSameSizeEditsAreSeen) {
  TempDir d, cache;
  writeProject(d);
  auto cold = twelve("scan " + d.str() + " --format json", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  auto later = fs::file_time_type::clock::now() + std::chrono::seconds(30);
  for (const char *f : {"common.h", "a.cpp", "b.cpp", "c.cpp"})
    fs::last_write_time(d.path / f, later);
  auto touched =
      twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(touched.code, 1) << touched.err;
  EXPECT_NE(touched.err.find("cache: 3 unit(s) unchanged"), std::string::npos) << touched.err;
  EXPECT_EQ(findingSet(parse(touched)), findingSet(parse(cold)));

  // Same length, another file name: "app.log" becomes "app.txt".
  d.write("common.h", "#pragma once\n#include <cstdio>\n"
                      "inline FILE *openLog() { return std::fopen(\"app.txt\", \"a\"); }\n");
  fs::last_write_time(d.path / "common.h", later + std::chrono::seconds(30));
  auto edited = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(edited.code, 1) << edited.err;
  EXPECT_NE(edited.err.find("cache: 1 unit(s) unchanged"), std::string::npos) << edited.err;
  EXPECT_FALSE(hasFinding(parse(edited), "common.h", "logs/file-sink")) << edited.out;
}

// The cache records which files have NOLINT comments, so that a warm scan
// reads only those: suppressions and unused ones must come out the same.
TEST(Engine, WarmScanAppliesTheSameSuppressions) {
  TempDir d, cache;
  d.write("a.cpp",
          "#include <cstdio>\n"
          "void a() { freopen(\"a.log\", \"a\", stdout); } // NOLINT(logs/stdio-redirect)\n");
  d.write("b.cpp", "#include <cstdio>\n"
                   "int b() { return 1; } // NOLINT(config/env-fallback)\n");
  d.write("c.cpp", "#include <cstdio>\n"
                   "void c() { freopen(\"c.log\", \"a\", stderr); }\n");
  auto args = "scan " + d.str() + " --format json --report-unused-suppressions -v";
  auto cold = twelve(args, TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  auto warm = twelve(args, TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(warm.code, 1) << warm.err;
  EXPECT_NE(warm.err.find("cache: 3 unit(s) unchanged"), std::string::npos) << warm.err;
  auto c = parse(cold), w = parse(warm);
  EXPECT_EQ(findingSet(w), findingSet(c));
  EXPECT_EQ(w["summary"]["suppressed"], 1) << warm.out;
  EXPECT_EQ(w["summary"]["suppressed"], c["summary"]["suppressed"]);
  ASSERT_EQ(w["unusedSuppressions"].size(), 1u) << warm.out;
  EXPECT_EQ(w["unusedSuppressions"][0]["file"], "b.cpp");
  EXPECT_EQ(w["unusedSuppressions"], c["unusedSuppressions"]);
  EXPECT_FALSE(hasFinding(w, "a.cpp", "logs/stdio-redirect")) << warm.out;
  EXPECT_TRUE(hasFinding(w, "c.cpp", "logs/stdio-redirect")) << warm.out;

  // A NOLINT added to a file that had none: read again, and applied.
  d.write("c.cpp",
          "#include <cstdio>\n"
          "void c() { freopen(\"c.log\", \"a\", stderr); } // NOLINT(logs/stdio-redirect)\n");
  auto edited = twelve(args, TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(edited.code, 1) << edited.err << edited.out; // b.cpp's unused NOLINT
  auto e = parse(edited);
  EXPECT_TRUE(e["findings"].empty()) << edited.out;
  EXPECT_EQ(e["summary"]["suppressed"], 2) << edited.out;
}

// Units that start with the same #include lines share one precompiled
// preamble per worker; the findings, in the header and in each unit, and the
// precision of each unit are those of parsing every unit whole.
void writeSharingProject(TempDir &d) {
  d.write("app.h", "#pragma once\n#include <cstdio>\n"
                   "inline FILE *openLog() { return std::fopen(\"app.log\", \"a\"); }\n"
                   "struct Settings { const char *region; };\n");
  for (int i = 1; i <= 4; ++i) {
    auto n = std::to_string(i);
    d.write("u" + n + ".cpp", "// unit " + n +
                                  "\n#include \"app.h\"\n#include <cstdlib>\n\n"
                                  "void u" +
                                  n + "() { freopen(\"u" + n +
                                  ".log\", \"a\", stdout); }\n"
                                  "const char *region" +
                                  n +
                                  "() {\n"
                                  "  const char *r = std::getenv(\"REGION\");\n"
                                  "  return r ? r : \"eu-west-" +
                                  n + "\";\n}\n");
  }
  // Shares the first line, but a header after it is missing: reduced
  // precision, as when parsed whole.
  d.write("u5.cpp", "#include \"app.h\"\n#include \"generated/missing.h\"\n"
                    "void u5() { freopen(\"u5.log\", \"a\", stderr); }\n");
}

TEST(Engine, SharedPreamblesFindTheSameAsUnitsParsedWhole) {
  TempDir d, tmp;
  writeSharingProject(d);
  for (const char *jobs : {"-j1", "-j2"}) {
    auto shared = twelve("scan " + d.str() + " --format json -v --no-cache " + jobs,
                         TWELVE_SOURCE_DIR, "TMPDIR='" + tmp.str() + "'");
    // The workers' store of preambles is gone with the scan.
    EXPECT_TRUE(fs::is_empty(tmp.path)) << jobs;
    auto whole = twelve("scan " + d.str() + " --format json -v --no-cache " + jobs,
                        TWELVE_SOURCE_DIR, "TWELVE_NO_SHARED_PREAMBLES=1");
    ASSERT_EQ(shared.code, 1) << shared.err;
    ASSERT_EQ(whole.code, 1) << whole.err;
    // Built once, by one worker, the other reading it from the store.
    EXPECT_NE(shared.err.find("shared preambles: 4 unit(s) took their first include lines from 1 "
                              "precompiled preamble(s), built 1 time(s)"),
              std::string::npos)
        << shared.err;
    EXPECT_EQ(whole.err.find("shared preambles"), std::string::npos) << whole.err;
    auto sharedDoc = parse(shared), wholeDoc = parse(whole);
    EXPECT_EQ(findingSet(sharedDoc), findingSet(wholeDoc)) << shared.out << whole.out;
    EXPECT_EQ(sharedDoc["summary"]["files"], wholeDoc["summary"]["files"]);
    EXPECT_EQ(sharedDoc["summary"]["files"]["reduced"], 1) << shared.out;
    EXPECT_TRUE(hasFinding(sharedDoc, "app.h", "logs/file-sink")) << shared.out;
    // 4 x (stdout redirect, getenv fallback) + u5's stderr redirect + the header's log file.
    EXPECT_EQ(sharedDoc["findings"].size(), 10u) << shared.out;
  }
}

// memcached builds each file twice, with and without -DMEMCACHED_DEBUG: each
// command gets its own preamble (the header declares more in the debug build).
TEST(Engine, SharedPreamblesPerCompileCommandOfAUnit) {
  TempDir d;
  d.write("server.h", "#include <stdio.h>\n#include <stdbool.h>\n"
                      "#ifdef DEBUG_BUILD\nextern volatile bool is_paused;\n#endif\n");
  std::string db = "[";
  for (int i = 1; i <= 3; ++i) {
    auto n = std::to_string(i);
    d.write("s" + n + ".c", "#include \"server.h\"\n#include <string.h>\n"
                            "void s" +
                                n +
                                "(void) {\n"
                                "#ifdef DEBUG_BUILD\n  if (is_paused) return;\n#endif\n"
                                "  freopen(\"s" +
                                n + ".log\", \"a\", stdout);\n}\n");
    for (const char *flag : {"-DNDEBUG", "-DDEBUG_BUILD"})
      db += std::string(db.size() > 1 ? "," : "") + "{\"directory\": \"" + d.str() +
            "\", \"file\": \"s" + n + ".c\", \"arguments\": [\"cc\", \"" + flag +
            "\", \"-c\", \"s" + n + ".c\", \"-o\", \"s" + n + flag + ".o\"]}";
  }
  d.write("compile_commands.json", db + "]");
  auto shared = twelve("scan " + d.str() + " --format json -v --no-cache -j1");
  ASSERT_EQ(shared.code, 1) << shared.err;
  EXPECT_NE(shared.err.find("shared preambles: 3 unit(s)"), std::string::npos) << shared.err;
  auto doc = parse(shared);
  EXPECT_EQ(doc["summary"]["files"]["full"], 3) << shared.out << shared.err;
  EXPECT_EQ(doc["findings"].size(), 3u) << shared.out;
  auto whole = twelve("scan " + d.str() + " --format json --no-cache -j1", TWELVE_SOURCE_DIR,
                      "TWELVE_NO_SHARED_PREAMBLES=1");
  EXPECT_EQ(findingSet(doc), findingSet(parse(whole)));
}

// The headers of a shared preamble are the units' headers for the cache.
TEST(Engine, EditingAHeaderOfASharedPreambleInvalidatesItsUnits) {
  TempDir d, cache;
  writeSharingProject(d);
  auto cold = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(cold.code, 1) << cold.err;
  ASSERT_NE(cold.err.find("shared preambles: 4 unit(s)"), std::string::npos) << cold.err;
  EXPECT_FALSE(hasFinding(parse(cold), "app.h", "logs/stdio-redirect"));
  // Every unit was cached, those that shared the preamble too: the files they
  // included through it (<cstdio> among them) are recorded where they are.
  auto warm = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  EXPECT_NE(warm.err.find("cache: 5 unit(s) unchanged"), std::string::npos) << warm.err;
  EXPECT_EQ(findingSet(parse(warm)), findingSet(parse(cold)));

  d.write("app.h", "#pragma once\n#include <cstdio>\n"
                   "inline FILE *openLog() { return std::fopen(\"app.log\", \"a\"); }\n"
                   "struct Settings { const char *region; };\n"
                   "inline void quiet() { freopen(\"quiet.log\", \"a\", stdout); }\n");
  auto edited = twelve("scan " + d.str() + " --format json -v", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(edited.code, 1) << edited.err;
  EXPECT_EQ(edited.err.find("unit(s) unchanged"), std::string::npos) << edited.err;
  EXPECT_TRUE(hasFinding(parse(edited), "app.h", "logs/stdio-redirect")) << edited.out;
}

TEST(Engine, NoCacheWritesAndReusesNothing) {
  TempDir d, cache;
  writeProject(d);
  auto first = twelve("scan " + d.str() + " --format json --no-cache -v", TWELVE_SOURCE_DIR,
                      cacheEnv(cache));
  ASSERT_EQ(first.code, 1) << first.err;
  EXPECT_EQ(filesIn(cache.path), 0u);
  // Also with --cache-dir given explicitly, and with a filled cache: not read.
  auto filled = twelve("scan " + d.str() + " --format json", TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(filled.code, 1) << filled.err;
  auto entries = filesIn(cache.path);
  EXPECT_EQ(entries, 3u);
  auto again = twelve("scan " + d.str() + " --format json --no-cache -v --cache-dir " + cache.str(),
                      TWELVE_SOURCE_DIR, cacheEnv(cache));
  ASSERT_EQ(again.code, 1) << again.err;
  EXPECT_EQ(again.err.find("results reused"), std::string::npos) << again.err;
  EXPECT_NE(again.err.find("] a.cpp"), std::string::npos) << again.err;
  EXPECT_EQ(filesIn(cache.path), entries);
  EXPECT_EQ(findingSet(parse(again)), findingSet(parse(first)));
}

TEST(Engine, CrashingUnitCostsOnlyThatUnit) {
  TempDir d;
  writeProject(d);
  for (const char *jobs : {"1", "2"}) {
    auto run = twelve("scan " + d.str() + " --format json --no-cache -j " + jobs, TWELVE_SOURCE_DIR,
                      "TWELVE_FAULT_INJECTION=crash:a.cpp");
    EXPECT_EQ(run.code, 3) << run.err;
    auto doc = parse(run);
    ASSERT_EQ(doc["errors"].size(), 1u) << run.out;
    EXPECT_EQ(doc["errors"][0]["file"], "a.cpp");
    EXPECT_NE(doc["errors"][0]["message"].get<std::string>().find("crashed"), std::string::npos)
        << doc["errors"][0]["message"];
    EXPECT_EQ(doc["summary"]["files"]["failed"], 1);
    EXPECT_FALSE(hasFinding(doc, "a.cpp", "logs/stdio-redirect"));
    EXPECT_TRUE(hasFinding(doc, "b.cpp", "config/env-fallback")) << run.out;
    EXPECT_TRUE(hasFinding(doc, "c.cpp", "logs/stdio-redirect")) << run.out;
    EXPECT_TRUE(hasFinding(doc, "common.h", "logs/file-sink")) << run.out; // through b.cpp
  }
}

TEST(Engine, CrashIsNotCached) {
  TempDir d, cache;
  writeProject(d);
  auto crashed = twelve("scan " + d.str() + " --format json", TWELVE_SOURCE_DIR,
                        cacheEnv(cache) + " TWELVE_FAULT_INJECTION=crash:a.cpp");
  EXPECT_EQ(crashed.code, 3) << crashed.err;
  auto retried = twelve("scan " + d.str() + " --format json", TWELVE_SOURCE_DIR, cacheEnv(cache));
  EXPECT_EQ(retried.code, 1) << retried.err;
  auto doc = parse(retried);
  EXPECT_TRUE(doc["errors"].empty()) << retried.out;
  EXPECT_TRUE(hasFinding(doc, "a.cpp", "logs/stdio-redirect")) << retried.out;
}

TEST(Engine, HangingUnitIsStoppedAtTheTimeLimit) {
  TempDir d;
  writeProject(d);
  for (const char *jobs : {"1", "2"}) {
    auto start = std::chrono::steady_clock::now();
    auto run = twelve("scan " + d.str() + " --format json --no-cache --file-timeout 2 -j " + jobs,
                      TWELVE_SOURCE_DIR, "TWELVE_FAULT_INJECTION=hang:a.cpp");
    double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(seconds, 30.0);
    EXPECT_GE(seconds, 2.0); // the limit was waited for, not skipped
    EXPECT_EQ(run.code, 3) << run.err;
    auto doc = parse(run);
    ASSERT_EQ(doc["errors"].size(), 1u) << run.out;
    EXPECT_EQ(doc["errors"][0]["file"], "a.cpp");
    EXPECT_NE(doc["errors"][0]["message"].get<std::string>().find("time limit of 2 s"),
              std::string::npos)
        << doc["errors"][0]["message"];
    EXPECT_TRUE(hasFinding(doc, "b.cpp", "config/env-fallback")) << run.out;
    EXPECT_TRUE(hasFinding(doc, "c.cpp", "logs/stdio-redirect")) << run.out;
    EXPECT_TRUE(hasFinding(doc, "common.h", "logs/file-sink")) << run.out;
  }
}

// Whether a process whose environment holds `marker` is running.
bool anyProcessWith(const std::string &marker) {
  for (const auto &entry : fs::directory_iterator("/proc")) {
    std::ifstream in(entry.path() / "environ", std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find(marker) != std::string::npos)
      return true;
  }
  return false;
}

// A scan killed while it runs (Ctrl-C, a CI time-out) leaves no folder of
// preambles in $TMPDIR and no worker running on.
// Starts `twelve scan DIR ARGS...` in the background with u4.cpp hanging in
// its worker, stdout discarded and stderr written to `log`; with `tmpdir`,
// TMPDIR is set to it. Returns the scan's pid.
pid_t startScanWithAHangingUnit(const TempDir &d, const std::string &log,
                                std::vector<std::string> args, const std::string &tmpdir = "") {
  args.insert(args.begin(), {TWELVE_BINARY, "scan", d.str()});
  pid_t scan = ::fork();
  if (scan != 0)
    return scan;
  if (!tmpdir.empty())
    ::setenv("TMPDIR", tmpdir.c_str(), 1);
  ::setenv("TWELVE_FAULT_INJECTION", "hang:u4.cpp", 1);
  ::dup2(::open("/dev/null", O_WRONLY), 1);
  ::dup2(::open(log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600), 2);
  std::vector<char *> argv;
  for (auto &a : args)
    argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(TWELVE_BINARY, argv.data());
  ::_exit(127);
}

TEST(Engine, AnInterruptedScanLeavesNoPreamblesAndNoWorkers) {
  for (int signal : {SIGTERM, SIGINT}) {
    TempDir d, tmp, logs;
    writeSharingProject(d);
    auto log = (logs.path / "stderr").string();
    pid_t scan = startScanWithAHangingUnit(d, log, {"--no-cache", "-j2", "-v"}, tmp.str());
    ASSERT_GE(scan, 0);
    // Wait for a preamble in the store and for u4.cpp to hang in a worker.
    auto running = [&] {
      if (logs.read("stderr").find("u4.cpp") == std::string::npos)
        return false;
      for (const auto &folder : fs::directory_iterator(tmp.path))
        for (const auto &file : fs::directory_iterator(folder.path()))
          if (file.path().extension() == ".pch")
            return true;
      return false;
    };
    auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (!running() && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    ASSERT_TRUE(running());
    ::kill(scan, signal);
    int status = 0;
    ASSERT_EQ(::waitpid(scan, &status, 0), scan);
    EXPECT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == signal) << status;
    EXPECT_TRUE(fs::is_empty(tmp.path)) << fs::directory_iterator(tmp.path)->path();
    until = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (anyProcessWith("TMPDIR=" + tmp.str()) && std::chrono::steady_clock::now() < until)
      std::this_thread::sleep_for(std::chrono::milliseconds(20));
    EXPECT_FALSE(anyProcessWith("TMPDIR=" + tmp.str())) << "a worker outlived the scan";
  }
}

// A unit's result is cached as soon as it is done, not when the scan ends: a
// scan stopped while one unit hangs keeps the entries of the units it finished
// (and no half-written one).
TEST(Engine, ResultsAreCachedAsUnitsFinish) {
  TempDir d, cache, logs;
  writeSharingProject(d);
  auto log = (logs.path / "stderr").string();
  pid_t scan = startScanWithAHangingUnit(d, log, {"--cache-dir", cache.str(), "-j2"});
  ASSERT_GE(scan, 0);
  auto entries = [&] {
    size_t n = 0;
    for (const auto &f : fs::recursive_directory_iterator(cache.path))
      if (f.is_regular_file() && f.path().filename().string().find(".tmp.") == std::string::npos)
        ++n;
    return n;
  };
  // u4.cpp never finishes, so the scan does not end; u1-u3 and u5 are cached meanwhile.
  auto until = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (entries() < 4 && std::chrono::steady_clock::now() < until)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  int status = 0;
  EXPECT_EQ(::waitpid(scan, &status, WNOHANG), 0) << "the scan ended: u4.cpp did not hang";
  EXPECT_EQ(entries(), 4u) << logs.read("stderr");
  ::kill(scan, SIGTERM);
  ASSERT_EQ(::waitpid(scan, &status, 0), scan);
  for (const auto &f : fs::recursive_directory_iterator(cache.path))
    EXPECT_EQ(f.path().filename().string().find(".tmp."), std::string::npos) << f.path();
}

// Units and headers for sharding: each unit includes its own header, one
// header is shared, one is included by no unit and is analyzed on its own.
void writeShardProject(TempDir &d) {
  d.write("include/shared.h",
          "#pragma once\n#include <cstdio>\n"
          "inline FILE *openLog() { return std::fopen(\"app.log\", \"a\"); }\n");
  d.write("include/lonely.h", "#pragma once\n#include <cstdio>\n"
                              "inline void lonely() { freopen(\"lonely.log\", \"a\", stdout); }\n");
  for (int i = 0; i < 9; ++i) {
    auto n = std::to_string(i);
    d.write("include/unit" + n + ".h", "#pragma once\n#include <cstdio>\n"
                                       "inline void redirect" +
                                           n + "() { freopen(\"u" + n +
                                           ".log\", \"a\", stderr); }\n");
    d.write("src/unit" + n + ".cpp", "#include \"unit" + n + ".h\"\n" +
                                         (i % 3 == 0 ? "#include \"shared.h\"\n" : "") +
                                         "#include <cstdlib>\n"
                                         "const char *region" +
                                         n +
                                         "() {\n"
                                         "  const char *r = std::getenv(\"REGION\");\n"
                                         "  return r ? r : \"eu-west-" +
                                         n + "\";\n}\n");
  }
}

std::set<std::string> analyzedUnits(const std::string &err) {
  // -v prints "[i/n] path" for every unit it analyzes.
  std::set<std::string> out;
  std::istringstream in(err);
  std::string line;
  while (std::getline(in, line)) {
    auto open = line.find('['), close = line.find("] ");
    if (open == std::string::npos || close == std::string::npos || close < open)
      continue;
    auto slash = line.find('/', open);
    if (slash == std::string::npos || slash > close)
      continue;
    out.insert(line.substr(close + 2));
  }
  return out;
}

TEST(Engine, ShardsMergedEqualTheUnshardedScan) {
  TempDir d, out;
  writeShardProject(d);
  auto full = twelve("scan " + d.str() + " --format json --no-cache -v");
  ASSERT_EQ(full.code, 1) << full.err;
  auto fullDoc = parse(full);
  ASSERT_GE(fullDoc["findings"].size(), 20u) << full.out;
  auto fullUnits = analyzedUnits(full.err);
  EXPECT_EQ(fullUnits.size(), 10u) << full.err; // 9 units and lonely.h

  std::string parts;
  std::multiset<std::string> shardUnits;
  for (int k = 1; k <= 3; ++k) {
    auto shard = twelve("scan " + d.str() + " --format json --no-cache -v --shard " +
                        std::to_string(k) + "/3");
    EXPECT_TRUE(shard.code == 0 || shard.code == 1) << shard.err;
    for (const auto &u : analyzedUnits(shard.err))
      shardUnits.insert(u);
    auto file = out.path / ("shard" + std::to_string(k) + ".json");
    std::ofstream(file) << shard.out;
    parts += " " + file.string();
  }
  // Every unit in exactly one shard, none added.
  EXPECT_EQ(std::set<std::string>(shardUnits.begin(), shardUnits.end()), fullUnits);
  EXPECT_EQ(shardUnits.size(), fullUnits.size());

  auto merged = twelve("merge" + parts + " --format json");
  EXPECT_EQ(merged.code, 1) << merged.err;
  auto mergedDoc = parse(merged);
  EXPECT_EQ(findingSet(mergedDoc), findingSet(fullDoc));
  EXPECT_EQ(mergedDoc["summary"]["files"], fullDoc["summary"]["files"]);
  EXPECT_EQ(mergedDoc["summary"]["findings"], fullDoc["summary"]["findings"]);
  EXPECT_EQ(mergedDoc["summary"]["bySeverity"], fullDoc["summary"]["bySeverity"]);
  EXPECT_EQ(mergedDoc["summary"]["byRule"], fullDoc["summary"]["byRule"]);
  EXPECT_EQ(mergedDoc["root"], fullDoc["root"]);

  // -o writes the same merge to a file.
  auto toFile = twelve("merge" + parts + " --format json -o " + (out.path / "m.json").string());
  EXPECT_EQ(toFile.code, 1) << toFile.err;
  std::ifstream in(out.path / "m.json");
  std::stringstream text;
  text << in.rdbuf();
  EXPECT_EQ(findingSet(json::parse(text.str())), findingSet(fullDoc));
}

TEST(Engine, ShardsWithACompilationDatabase) {
  TempDir d, out;
  writeShardProject(d);
  std::string entries;
  for (int i = 0; i < 9; ++i) {
    auto n = std::to_string(i);
    entries += std::string(i ? "," : "") + "{\"directory\": \"" + d.str() +
               "\", \"command\": \"clang++ -std=c++17 -Iinclude -c src/unit" + n + ".cpp -o unit" +
               n + ".o\", \"file\": \"src/unit" + n + ".cpp\"}";
  }
  d.write("build/compile_commands.json", "[" + entries + "]");
  auto full = twelve("scan " + d.str() + " --format json --no-cache -v");
  ASSERT_EQ(full.code, 1) << full.err;
  auto fullDoc = parse(full);
  EXPECT_EQ(analyzedUnits(full.err).size(), 9u) << full.err;
  std::string parts;
  size_t analyzed = 0;
  for (int k = 1; k <= 3; ++k) {
    auto shard = twelve("scan " + d.str() + " --format json --no-cache -v --shard " +
                        std::to_string(k) + "/3");
    analyzed += analyzedUnits(shard.err).size();
    auto file = out.path / ("shard" + std::to_string(k) + ".json");
    std::ofstream(file) << shard.out;
    parts += " " + file.string();
  }
  EXPECT_EQ(analyzed, 9u);
  auto merged = twelve("merge" + parts + " --format json");
  auto mergedDoc = parse(merged);
  EXPECT_EQ(findingSet(mergedDoc), findingSet(fullDoc));
  EXPECT_EQ(mergedDoc["summary"]["files"], fullDoc["summary"]["files"]);
}

TEST(Engine, BadShardIsAUsageError) {
  TempDir d;
  writeProject(d);
  for (const char *bad : {"0/3", "4/3", "x", "1/0", "1/3x", "-1/3"}) {
    auto run = twelve("scan " + d.str() + " --shard " + bad);
    EXPECT_EQ(run.code, 2) << bad << ": " << run.err;
    EXPECT_NE(run.err.find("--shard"), std::string::npos) << bad << ": " << run.err;
  }
}

TEST(Engine, MergeOfMissingOrBadInputIsAUsageError) {
  TempDir d;
  auto missing = twelve("merge " + d.str() + "/nothere.json");
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("nothere.json"), std::string::npos) << missing.err;

  d.write("notjson.json", "this is not JSON\n");
  auto notJson = twelve("merge " + d.str() + "/notjson.json");
  EXPECT_EQ(notJson.code, 2);
  EXPECT_NE(notJson.err.find("notjson.json"), std::string::npos) << notJson.err;

  d.write("wrong.json", "[1, 2, 3]\n");
  auto wrong = twelve("merge " + d.str() + "/wrong.json");
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("wrong.json"), std::string::npos) << wrong.err;

  // A good input next to a missing one is still an error, not a partial merge.
  writeProject(d);
  auto scan = twelve("scan " + d.str() + " --format json --no-cache");
  d.write("good.json", scan.out);
  auto mixed = twelve("merge " + d.str() + "/good.json " + d.str() + "/nothere.json");
  EXPECT_EQ(mixed.code, 2);
  EXPECT_NE(mixed.err.find("nothere.json"), std::string::npos) << mixed.err;
}

} // namespace
