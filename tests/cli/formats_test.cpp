// Report formats end to end: every format on the bundled samples against golden
// files, several formats in one run, `twelve report` and `twelve audit`.
// Regenerate the goldens with TWELVE_UPDATE_GOLDEN=1 and review the diff.
#include "run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cstdlib>
#include <regex>

namespace {

using twelve::testing::TempDir;
using twelve::testing::twelve;
namespace fs = std::filesystem;

const fs::path kGolden = fs::path(TWELVE_SOURCE_DIR) / "tests" / "cli" / "golden";

/// What may differ between two runs on two machines: the checkout's path, the
/// time taken, and how many files parsed with missing third-party headers.
std::string normalize(std::string text) {
  auto replaceAll = [&](const std::string &from, const std::string &to) {
    for (size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size())
      text.replace(pos, from.size(), to);
  };
  replaceAll(TWELVE_SOURCE_DIR, "/src/twelve");
  text = std::regex_replace(text, std::regex(R"("seconds": [0-9.e+-]+)"), R"("seconds": 0)");
  text = std::regex_replace(text, std::regex(R"(time="[0-9.e+-]+")"), R"(time="0")");
  text = std::regex_replace(text, std::regex(R"( in [0-9.]+ s\b)"), " in 0 s");
  text = std::regex_replace(text, std::regex(R"re("(full|reduced)": [0-9]+)re"), R"("$1": 0)");
  text = std::regex_replace(text, std::regex(R"(\([0-9]+ with full precision, [0-9]+ with reduced precision\))"),
                            "(N with full precision, N with reduced precision)");
  return text;
}

void expectGolden(const std::string &name, const std::string &actual) {
  auto path = kGolden / name;
  if (std::getenv("TWELVE_UPDATE_GOLDEN")) {
    fs::create_directories(kGolden);
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << path << " is missing: run with TWELVE_UPDATE_GOLDEN=1";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual) << "golden " << name << " differs";
}

TEST(Formats, EveryFormatOfTheSamplesMatchesItsGolden) {
  TempDir out;
  const std::vector<std::pair<std::string, std::string>> formats{
      {"text", "scan.txt"},      {"json", "scan.json"},         {"sarif", "scan.sarif"},
      {"junit", "scan.junit.xml"}, {"codeclimate", "scan.codeclimate.json"},
      {"markdown", "scan.md"},   {"html", "scan.html"}};
  std::string args = "scan samples --fail-on never -j 2";
  for (const auto &[format, file] : formats)
    args += " --format " + format + "=" + (out / file);
  auto run = twelve(args);
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_TRUE(run.out.empty()) << "every format went to a file, yet stdout got: " << run.out;
  for (const auto &[format, file] : formats) {
    SCOPED_TRACE(format);
    auto text = out.read(file);
    ASSERT_FALSE(text.empty());
    if (format == "json" || format == "sarif" || format == "codeclimate")
      EXPECT_NO_THROW((void)nlohmann::json::parse(text));
    expectGolden(file, normalize(text));
  }
}

TEST(Formats, OneFormatGoesToStdoutOrToDashO) {
  TempDir d;
  d.write("a.cpp", "#include <cstdio>\nvoid f() { freopen(\"app.log\", \"a\", stdout); }\n");
  auto run = twelve("scan " + d.str() + " --format json --format sarif=" + (d / "r.sarif"));
  EXPECT_EQ(run.code, 1) << run.err;
  EXPECT_EQ(nlohmann::json::parse(run.out)["findings"].size(), 1u);
  EXPECT_EQ(nlohmann::json::parse(d.read("r.sarif"))["version"], "2.1.0");

  auto toFile = twelve("scan " + d.str() + " --format junit -o " + (d / "r.xml"));
  EXPECT_EQ(toFile.code, 1) << toFile.err;
  EXPECT_TRUE(toFile.out.empty());
  EXPECT_NE(d.read("r.xml").find("<testsuites"), std::string::npos);

  // TWELVE_FORMAT takes a comma-separated list, as CI variables do.
  auto env = twelve("scan " + d.str(), TWELVE_SOURCE_DIR,
                    "TWELVE_FORMAT=codeclimate,markdown=" + (d / "r.md"));
  EXPECT_EQ(env.code, 1) << env.err;
  EXPECT_EQ(nlohmann::json::parse(env.out)[0]["check_name"], "logs/stdio-redirect");
  EXPECT_NE(d.read("r.md").find("XI. Logs"), std::string::npos);
}

TEST(Formats, BadFormatListsAreUsageErrors) {
  TempDir d;
  d.write("a.cpp", "int main() { return 0; }\n");
  auto two = twelve("scan " + d.str() + " --format json --format sarif");
  EXPECT_EQ(two.code, 2);
  EXPECT_NE(two.err.find("only one format can go to stdout"), std::string::npos) << two.err;
  auto unknown = twelve("scan " + d.str() + " --format xml");
  EXPECT_EQ(unknown.code, 2);
  EXPECT_NE(unknown.err.find("unknown format 'xml' (expected text, json, sarif"), std::string::npos)
      << unknown.err;
  auto twice = twelve("scan " + d.str() + " --format json=" + (d / "x") + " --format sarif=" + (d / "x"));
  EXPECT_EQ(twice.code, 2);
  EXPECT_NE(twice.err.find("is named twice"), std::string::npos) << twice.err;
  EXPECT_FALSE(fs::exists(d / "x"));
}

TEST(Formats, ProbeWritesSeveralFormats) {
  TempDir d;
  auto run = twelve("probe --startup-timeout 20 --format text --format json=" + (d / "p.json") +
                    " --format junit=" + (d / "p.xml") + " --format sarif=" + (d / "p.sarif") +
                    " --format codeclimate=" + (d / "p.cc.json") + " -- " SAMPLE_COMPLIANT,
                    d.str());
  ASSERT_EQ(run.code, 0) << run.err << run.out;
  EXPECT_NE(run.out.find("PASS  disposability/graceful-shutdown"), std::string::npos) << run.out;
  auto json = nlohmann::json::parse(d.read("p.json"));
  EXPECT_EQ(json["summary"]["fail"], 0);
  for (const auto &check : json["checks"])
    EXPECT_TRUE(check["factor"].is_number_integer()) << check.dump();
  EXPECT_NE(d.read("p.xml").find("concurrency/foreground"), std::string::npos);
  // A clean probe has nothing to report to code scanning or a merge request.
  EXPECT_TRUE(nlohmann::json::parse(d.read("p.sarif"))["runs"][0]["results"].empty());
  EXPECT_TRUE(nlohmann::json::parse(d.read("p.cc.json")).empty());
}

TEST(Report, ReadinessReportFromSavedScanAndProbe) {
  TempDir d;
  d.write("src/a.cpp", "#include <cstdio>\nvoid f() { freopen(\"app.log\", \"a\", stdout); }\n");
  ASSERT_EQ(twelve("scan " + (d / "src") + " --format json -o " + (d / "scan.json")).code, 1);
  // In the scratch folder: the sample writes its PID file into its working directory.
  ASSERT_EQ(twelve("probe --startup-timeout 20 --format json -o " + (d / "probe.json") +
                       " -- " SAMPLE_PID_FILE,
                   d.str())
                .code,
            1);
  auto run = twelve("report --scan " + (d / "scan.json") + " --probe " + (d / "probe.json") +
                    " --format markdown --format html=" + (d / "r.html") + " --title 'Orders service'");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("# Orders service"), std::string::npos) << run.out;
  // Scan evidence (XI from the finding) and probe evidence (VIII from the PID file).
  EXPECT_NE(run.out.find("| XI. Logs | ⚠️ warning"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("| VIII. Concurrency | ❌ fail"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("| IX. Disposability | ✅ pass"), std::string::npos) << run.out;
  auto html = d.read("r.html");
  EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
  EXPECT_NE(html.find("service.pid"), std::string::npos);
}

TEST(Report, OnlyTheRulesTheScanRanAreAssessed) {
  TempDir d;
  d.write("a.cpp", "int main() { return 0; }\n");
  ASSERT_EQ(twelve("scan " + d.str() + " --checks '-*,logs/*' --format json -o " + (d / "s.json")).code, 0);
  auto run = twelve("report --scan " + (d / "s.json") + " --format markdown");
  ASSERT_EQ(run.code, 0) << run.err;
  EXPECT_NE(run.out.find("| XI. Logs | ✅ pass"), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("| III. Config | ➖ not assessed"), std::string::npos) << run.out;
}

TEST(Report, BadInputsNameTheFile) {
  TempDir d;
  d.write("notjson.json", "<xml/>");
  d.write("wrong.json", "{\"findings\": 3}");
  auto none = twelve("report --format markdown");
  EXPECT_EQ(none.code, 2);
  EXPECT_NE(none.err.find("give --scan"), std::string::npos) << none.err;
  auto missing = twelve("report --scan " + (d / "nope.json"));
  EXPECT_EQ(missing.code, 2);
  EXPECT_NE(missing.err.find("nope.json: no such file"), std::string::npos) << missing.err;
  auto notJson = twelve("report --scan " + (d / "notjson.json"));
  EXPECT_EQ(notJson.code, 2);
  EXPECT_NE(notJson.err.find("notjson.json: not valid JSON"), std::string::npos) << notJson.err;
  auto wrong = twelve("report --probe " + (d / "wrong.json"));
  EXPECT_EQ(wrong.code, 2);
  EXPECT_NE(wrong.err.find("wrong.json: not a twelve probe result"), std::string::npos) << wrong.err;
  auto format = twelve("report --scan " + (d / "wrong.json") + " --format junit");
  EXPECT_EQ(format.code, 2);
  EXPECT_NE(format.err.find("expected html, markdown, sarif"), std::string::npos) << format.err;
}

TEST(Audit, ScansProbesAndWritesTheReportInOneGo) {
  TempDir d;
  d.write("src/a.cpp", "#include <cstdio>\nvoid f() { freopen(\"app.log\", \"a\", stdout); }\n");
  auto run = twelve("audit src --startup-timeout 20 --format markdown=report.md --format sarif=report.sarif -- " SAMPLE_COMPLIANT " --flag",
                    d.str());
  EXPECT_EQ(run.code, 1) << run.err; // the scan finding is a warning, at the default --fail-on
  EXPECT_NE(run.out.find("12-factor readiness: "), std::string::npos) << run.out;
  EXPECT_NE(run.out.find("markdown report: report.md"), std::string::npos) << run.out;
  auto md = d.read("report.md");
  EXPECT_NE(md.find("static scan of"), std::string::npos) << md;
  EXPECT_NE(md.find("runtime probe of"), std::string::npos) << md;
  EXPECT_NE(md.find("| IX. Disposability | ✅ pass"), std::string::npos) << md;
  auto sarif = nlohmann::json::parse(d.read("report.sarif"));
  EXPECT_EQ(sarif["runs"].size(), 2u); // scan and probe, with distinct automation ids

  // Without a command: scan only, report at the default path.
  auto scanOnly = twelve("audit src --fail-on never", d.str());
  EXPECT_EQ(scanOnly.code, 0) << scanOnly.err;
  EXPECT_NE(d.read("twelve-report.html").find("IX. Disposability"), std::string::npos);
}

TEST(Audit, ConfigurationErrorsStopBeforeAnyWork) {
  TempDir d;
  d.write("a.cpp", "int main() { return 0; }\n");
  auto run = twelve("audit . --grace -1 -- /bin/true", d.str());
  EXPECT_EQ(run.code, 2);
  EXPECT_NE(run.err.find("positive seconds"), std::string::npos) << run.err;
  EXPECT_FALSE(fs::exists(d / "twelve-report.html"));
}

} // namespace
