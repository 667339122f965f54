// End-to-end tests of the command line: exit codes, output shapes, bad input.
#include "run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>

namespace {

namespace fs = std::filesystem;
using twelve::testing::twelve;

using twelve::testing::TempDir;

const char *kViolation = "#include <cstdio>\nvoid f() { freopen(\"app.log\", \"a\", stdout); }\n";

TEST(Cli, ExitsOneOnFindingsAndZeroWhenClean) {
  TempDir d;
  d.write("bad.cpp", kViolation);
  auto bad = twelve("scan " + d.str());
  EXPECT_EQ(bad.code, 1) << bad.err;
  EXPECT_NE(bad.out.find("bad.cpp:2:12: warning: freopen() redirects stdout"), std::string::npos)
      << bad.out;
  EXPECT_NE(bad.out.find("[logs/stdio-redirect]"), std::string::npos);

  TempDir clean;
  clean.write("ok.cpp", "int main() { return 0; }\n");
  auto ok = twelve("scan " + clean.str());
  EXPECT_EQ(ok.code, 0) << ok.err << ok.out;
  EXPECT_NE(ok.out.find("no findings"), std::string::npos);
}

TEST(Cli, FailOnThreshold) {
  TempDir d;
  d.write("bad.cpp", kViolation);
  EXPECT_EQ(twelve("scan " + d.str() + " --fail-on error").code, 0);
  EXPECT_EQ(twelve("scan " + d.str() + " --fail-on note").code, 1);
  EXPECT_EQ(twelve("scan " + d.str() + " --fail-on never").code, 0);
  auto bad = twelve("scan " + d.str() + " --fail-on sometimes");
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find("--fail-on sometimes"), std::string::npos) << bad.err;
}

TEST(Cli, JsonShape) {
  TempDir d;
  d.write("src/bad.cpp", kViolation);
  auto run = twelve("scan " + d.str() + " --format json");
  EXPECT_EQ(run.code, 1);
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["tool"]["name"], "twelve");
  ASSERT_EQ(doc["findings"].size(), 1u);
  const auto &f = doc["findings"][0];
  EXPECT_EQ(f["rule"], "logs/stdio-redirect");
  EXPECT_EQ(f["factor"], 11);
  EXPECT_EQ(f["severity"], "warning");
  EXPECT_EQ(f["file"], "src/bad.cpp");
  EXPECT_EQ(f["line"], 2);
  EXPECT_EQ(f["column"], 12);
  EXPECT_EQ(f["fingerprint"].get<std::string>().size(), 16u);
  EXPECT_EQ(doc["summary"]["files"]["analyzed"], 1);
  EXPECT_EQ(doc["summary"]["byFactor"]["11"], 1);
  EXPECT_TRUE(doc["errors"].empty());
}

TEST(Cli, MissingPathIsAUsageError) {
  auto run = twelve("scan /nonexistent/twelve/path");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("/nonexistent/twelve/path: no such file or directory"), std::string::npos)
      << run.err;
}

TEST(Cli, MalformedCompilationDatabase) {
  TempDir d;
  d.write("a.cpp", kViolation);
  d.write("compile_commands.json", "[{\"directory\": \"/tmp\", \"file\": ");
  auto run = twelve("scan " + d.str());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("compile_commands.json: not a valid compilation database"), std::string::npos)
      << run.err;
}

TEST(Cli, MissingBuildDir) {
  TempDir d;
  d.write("a.cpp", kViolation);
  auto run = twelve("scan " + d.str() + " -p " + d.str() + "/nobuild");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("no compile_commands.json"), std::string::npos) << run.err;
}

TEST(Cli, BinaryFileNamedExplicitlyIsAUsageError) {
  TempDir d;
  d.write("blob.cpp", std::string("\x7f" "ELF\0\0\0garbage", 14));
  auto run = twelve("scan " + d.str() + "/blob.cpp");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("blob.cpp: is a binary file"), std::string::npos) << run.err;
}

TEST(Cli, BinaryFileFoundInATreeMakesTheScanIncomplete) {
  TempDir d;
  d.write("blob.cpp", std::string("\x7f" "ELF\0\0\0garbage", 14));
  d.write("bad.cpp", kViolation);
  auto run = twelve("scan " + d.str() + " --format json");
  EXPECT_EQ(run.code, 3) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc["errors"].size(), 1u);
  EXPECT_EQ(doc["errors"][0]["file"], "blob.cpp");
  EXPECT_EQ(doc["findings"].size(), 1u); // every other finding is still reported
}

TEST(Cli, InvalidUtf8InSourceStillGivesValidJson) {
  TempDir d;
  d.write("bad.cpp", "#include <cstdio>\nvoid f() { freopen(\"caf\xe9.log\", \"a\", stdout); }\n");
  auto run = twelve("scan " + d.str() + " --format json");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out); // throws on invalid UTF-8
  EXPECT_EQ(doc["findings"].size(), 1u);
}

TEST(Cli, NotACSourceFile) {
  TempDir d;
  d.write("notes.txt", "hello");
  auto run = twelve("scan " + d.str() + "/notes.txt");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("not a C or C++ file"), std::string::npos) << run.err;
}

TEST(Cli, UnknownSubcommandAndFlag) {
  EXPECT_EQ(twelve("frobnicate").code, 2);
  EXPECT_EQ(twelve("scan --frobnicate").code, 2);
}

TEST(Cli, UnknownRuleGlob) {
  auto run = twelve("scan samples --checks 'logs/*,lgos/*'");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("'lgos/*' matches no rule"), std::string::npos) << run.err;
}

TEST(Cli, SuppressionsAreCountedNotReported) {
  TempDir d;
  d.write("a.cpp", "#include <cstdio>\nvoid f() {\n"
                   "  freopen(\"a.log\", \"a\", stdout); // NOLINT(logs/stdio-redirect): legacy\n"
                   "  // NOLINTNEXTLINE(logs/*)\n"
                   "  freopen(\"b.log\", \"a\", stderr);\n}\n");
  auto run = twelve("scan " + d.str());
  EXPECT_EQ(run.code, 0) << run.out;
  EXPECT_NE(run.out.find("2 suppressed by NOLINT comments"), std::string::npos) << run.out;
}

TEST(Cli, MissingHeaderReducesPrecisionButStillFinds) {
  TempDir d;
  d.write("a.cpp", "#include \"generated/config.pb.h\"\n#include <cstdio>\n"
                   "void f() { freopen(\"a.log\", \"a\", stdout); }\n");
  auto run = twelve("scan " + d.str() + " --format json");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["files"]["reduced"], 1);
  EXPECT_EQ(doc["findings"].size(), 1u);
}

// pgbouncer without its build: lib/usual/logging.c includes <usual/logging.h>,
// which is lib/usual/logging.h (the build passes -Ilib). Unresolved, FILE is
// undeclared and C drops the statement that opens the log file.
TEST(Cli, WithoutADatabaseTheProjectsIncludeLinesFindItsHeaders) {
  TempDir d;
  d.write("lib/usual/logging.h", "#pragma once\n#include <stdio.h>\n#include <usual/string.h>\n"
                                 "extern char *cf_logfile;\n");
  // The project's own string.h: lib/usual must not be searched for <string.h>.
  d.write("lib/usual/string.h", "#pragma once\n#include <string.h>\n"
                                "static inline size_t ulen(const char *s) { return strlen(s); }\n");
  d.write("lib/usual/logging.c", "#include <usual/logging.h>\n"
                                 "static FILE *log_file;\n"
                                 "void log_line(const char *m) {\n"
                                 "  if (!log_file && cf_logfile)\n"
                                 "    log_file = fopen(cf_logfile, \"a\");\n"
                                 "  if (log_file) fputs(m, log_file);\n}\n");
  auto run = twelve("scan " + d.str() + " --format json -v");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["files"]["reduced"], 0) << run.err;
  ASSERT_EQ(doc["findings"].size(), 1u) << run.out;
  EXPECT_EQ(doc["findings"][0]["rule"], "logs/file-sink");
  EXPECT_EQ(doc["findings"][0]["file"], "lib/usual/logging.c");
}

// `twelve scan src/` in a fresh clone: the project's headers are in include/
// and its config.h.in at the top, outside the scanned folder. Findings stay
// relative to the scanned folder.
TEST(Cli, WithoutADatabaseAScannedFolderFindsItsProjectsHeaders) {
  TempDir d;
  d.write("CMakeLists.txt", "project(svc C)\n");
  d.write("config.h.in", "#undef HAVE_STDIO_H\n");
  d.write("include/svc/log.h", "#pragma once\n#include \"config.h\"\n#ifdef HAVE_STDIO_H\n"
                               "#include <stdio.h>\n#endif\nextern char *log_path;\n");
  d.write("src/log.c", "#include <svc/log.h>\n"
                       "static FILE *out;\n"
                       "void open_log(void) { out = fopen(log_path, \"a\"); }\n");
  auto run = twelve("scan " + d.str() + "/src --format json -v");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["files"]["reduced"], 0) << run.err;
  ASSERT_EQ(doc["findings"].size(), 1u) << run.out;
  EXPECT_EQ(doc["findings"][0]["rule"], "logs/file-sink");
  EXPECT_EQ(doc["findings"][0]["file"], "log.c");
}

// lighttpd without its configure step: first.h includes <stdint.h> only
// #ifdef HAVE_STDINT_H, so uintmax_t is unknown, and sys-time.h declares a
// static timegm without HAVE_TIMEGM, against glibc's: the unit has errors and
// is analyzed with reduced precision (only what is recognized by name is sure
// to be found). HAVE_<HEADER>_H of a header this system has is defined, and
// HAVE_<FUNCTION> of a function its C library declares; one of a header it
// lacks is not.
TEST(Cli, WithoutADatabaseConfigureHeaderMacrosOfPresentHeadersAreDefined) {
  TempDir d;
  d.write("src/first.h", "#pragma once\n#ifdef HAVE_CONFIG_H\n#include \"config.h\"\n#endif\n"
                         "#if defined HAVE_STDINT_H\n#include <stdint.h>\n#endif\n"
                         "#ifdef HAVE_SYS_SOCKET_H\n#include <sys/socket.h>\n#endif\n"
                         "#ifdef HAVE_NO_SUCH_LIBRARY_H\n#include <no_such_library.h>\n#endif\n"
                         // lighttpd's sys-time.h: its own timegm where configure found none
                         "#include <time.h>\n#ifndef HAVE_TIMEGM\n"
                         "static inline time_t timegm(struct tm *tm) { return mktime(tm); }\n"
                         "#endif\n");
  d.write("src/log.c", "#include \"first.h\"\n#include <stdio.h>\n"
                       "static uintmax_t lines;\n"
                       "void log_line(const char *m) {\n"
                       "  uintmax_t n = ++lines; FILE *f = fopen(\"server.log\", \"a\");\n"
                       "  if (f) fprintf(f, \"%ju %s\\n\", n, m);\n}\n");
  auto run = twelve("scan " + d.str() + " --format json -v");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["files"]["reduced"], 0) << run.err;
  ASSERT_EQ(doc["findings"].size(), 1u) << run.out;
  EXPECT_EQ(doc["findings"][0]["rule"], "logs/file-sink");
}

TEST(Cli, CompilationDatabaseWithGccOnlyFlagsAndDuplicates) {
  TempDir d;
  d.write("a.cpp", kViolation);
  std::string entry = "{\"directory\": \"" + d.str() +
                      "\", \"command\": \"g++ -std=c++17 -fconcepts-diagnostics-depth=3 -fipa-pta "
                      "-fanalyzer -c a.cpp -o a.o\", \"file\": \"a.cpp\"}";
  d.write("build/compile_commands.json", "[" + entry + "," + entry + "]");
  auto run = twelve("scan " + d.str() + " --format json -v");
  EXPECT_EQ(run.code, 1) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_EQ(doc["summary"]["files"]["analyzed"], 1); // listed twice, analyzed once
  EXPECT_EQ(doc["summary"]["files"]["full"], 1) << run.err; // GCC flags stripped, no errors
  EXPECT_EQ(doc["findings"].size(), 1u);
  EXPECT_NE(run.err.find("using "), std::string::npos);
}

TEST(Cli, HeaderFindingReportedOnceAcrossUnits) {
  TempDir d;
  d.write("log.h", "#pragma once\n#include <cstdio>\ninline void redirect() { freopen(\"x.log\", \"a\", stdout); }\n");
  d.write("a.cpp", "#include \"log.h\"\nvoid a() { redirect(); }\n");
  d.write("b.cpp", "#include \"log.h\"\nvoid b() { redirect(); }\n");
  auto run = twelve("scan " + d.str() + " --format json -j 2");
  auto doc = nlohmann::json::parse(run.out);
  ASSERT_EQ(doc["findings"].size(), 1u) << run.out;
  EXPECT_EQ(doc["findings"][0]["file"], "log.h");
}

TEST(Cli, RulesListsAndExplains) {
  auto list = twelve("rules");
  EXPECT_EQ(list.code, 0);
  EXPECT_NE(list.out.find("config/hardcoded-credential"), std::string::npos);
  EXPECT_NE(list.out.find("XI. Logs"), std::string::npos);
  auto one = twelve("rules logs/stdio-redirect");
  EXPECT_EQ(one.code, 0);
  EXPECT_NE(one.out.find("Why is this bad"), std::string::npos);
  EXPECT_EQ(twelve("rules logs/nope").code, 2);
}

} // namespace

namespace {

TEST(Cli, UnknownCommandIsNamed) {
  auto run = twelve("frob .");
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("'frob' is not a twelve command (expected one of: scan,"), std::string::npos)
      << run.err;
}

} // namespace

namespace {

// Test code is skipped by default: its fixtures are not the service's config.
TEST(Cli, TestCodeIsSkippedUnlessIncluded) {
  TempDir d;
  d.write("src/a.cpp", kViolation);
  d.write("tests/t.cpp", kViolation);
  d.write("src/net/b_test.cc", kViolation);
  d.write("src/test_c.c", "#include <stdio.h>\nvoid f(void) { freopen(\"c.log\", \"a\", stdout); }\n");
  d.write("test-signers.cc", kViolation);
  d.write("src/ConfigTest.cpp", kViolation);
  d.write("fuzz/parse_fuzzer.cc", kViolation);
  d.write("examples/client.cpp", kViolation);
  d.write("src/latest.cpp", kViolation); // not test code: "test" inside a word
  d.write("src/testcurl/https/common.cpp", kViolation); // a folder of tests (libmicrohttpd)
  d.write("src/attestation/quote.cpp", kViolation);     // not test code
  auto files = [](const twelve::testing::Run &run) {
    std::set<std::string> out;
    auto doc = nlohmann::json::parse(run.out);
    for (const auto &f : doc["findings"])
      out.insert(f["file"].get<std::string>());
    return out;
  };
  auto byDefault = twelve("scan " + d.str() + " --format json");
  ASSERT_EQ(byDefault.code, 1) << byDefault.err;
  EXPECT_EQ(files(byDefault),
            (std::set<std::string>{"src/a.cpp", "src/attestation/quote.cpp", "src/latest.cpp"}))
      << byDefault.out;
  auto all = twelve("scan " + d.str() + " --format json --include-tests");
  EXPECT_EQ(files(all), (std::set<std::string>{"examples/client.cpp", "fuzz/parse_fuzzer.cc",
                                               "src/ConfigTest.cpp", "src/a.cpp",
                                               "src/attestation/quote.cpp", "src/latest.cpp",
                                               "src/net/b_test.cc", "src/test_c.c",
                                               "src/testcurl/https/common.cpp",
                                               "test-signers.cc", "tests/t.cpp"}))
      << all.out;
  d.write(".twelve.yaml", "include-tests: true\n");
  EXPECT_EQ(files(twelve("scan " + d.str() + " --format json")).size(), 11u);
  d.write(".twelve.yaml", "include-tests: sometimes\n");
  auto bad = twelve("scan " + d.str());
  EXPECT_EQ(bad.code, 2);
  EXPECT_NE(bad.err.find(".twelve.yaml:1: 'include-tests': expected true or false"), std::string::npos)
      << bad.err;
}

} // namespace
