// SARIF structure GitHub code scanning relies on (the Multitool checks the rest).
#include "report_fixture.h"

#include "report/sarif.h"
#include "rules/catalog.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <set>
#include <sstream>

namespace twelve::report {
namespace {

using nlohmann::json;
using testing::fixtureCatalog;
using testing::fixtureProbe;
using testing::fixtureScan;

json sarif(const ScanResult *scan, const ProbeResult *probe, const RuleCatalog &catalog,
           const SarifOptions &options = {}) {
  std::ostringstream out;
  writeSarif(out, scan, probe, catalog, {"twelve", "1.2.3"}, options);
  return json::parse(out.str());
}

TEST(Sarif, OneRuleEntryPerRuleUsedAndMatchingIndices) {
  auto scan = fixtureScan();
  auto doc = sarif(&scan, nullptr, fixtureCatalog());
  EXPECT_EQ(doc["version"], "2.1.0");
  const auto &run = doc["runs"][0];
  const auto &rules = run["tool"]["driver"]["rules"];
  EXPECT_EQ(rules.size(), 5u); // five rules have findings; daemonize has none
  std::set<std::string> ids;
  for (const auto &r : rules)
    ids.insert(r["id"].get<std::string>());
  EXPECT_EQ(ids.size(), rules.size());
  for (const auto &res : run["results"])
    EXPECT_EQ(rules[res["ruleIndex"].get<size_t>()]["id"], res["ruleId"]);
}

TEST(Sarif, CredentialRuleIsTaggedAsSecurityWithSeverity) {
  auto scan = fixtureScan();
  auto doc = sarif(&scan, nullptr, fixtureCatalog());
  for (const auto &r : doc["runs"][0]["tool"]["driver"]["rules"]) {
    const auto &tags = r["properties"]["tags"];
    EXPECT_NE(std::find(tags.begin(), tags.end(), "12-factor"), tags.end());
    if (r["id"] == "config/hardcoded-credential") {
      EXPECT_EQ(r["name"], "HardcodedCredential");
      EXPECT_EQ(r["properties"]["security-severity"], "8.0");
      EXPECT_NE(std::find(tags.begin(), tags.end(), "security"), tags.end());
      EXPECT_NE(std::find(tags.begin(), tags.end(), "factor-III-config"), tags.end());
      EXPECT_EQ(r["defaultConfiguration"]["level"], "error");
      EXPECT_NE(r["help"]["markdown"].get<std::string>().find("## Use instead"), std::string::npos);
    }
    if (r["id"] == "logs/file-sink")
      EXPECT_FALSE(r["properties"].contains("security-severity"));
  }
}

TEST(Sarif, LocationsAreRelativeToSrcRoot) {
  auto scan = fixtureScan();
  auto doc = sarif(&scan, nullptr, fixtureCatalog());
  const auto &run = doc["runs"][0];
  EXPECT_EQ(run["originalUriBaseIds"]["%SRCROOT%"]["uri"],
            "file:///srv/checkout/orders%20service/");
  const auto &loc = run["results"][0]["locations"][0]["physicalLocation"];
  EXPECT_EQ(loc["artifactLocation"]["uri"], "src/config.cpp");
  EXPECT_EQ(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
  EXPECT_EQ(loc["region"]["startLine"], 12);
  EXPECT_EQ(loc["region"]["startColumn"], 22);
  EXPECT_EQ(run["results"][0]["partialFingerprints"]["twelve/v1"], "1a2b3c4d5e6f7081");
}

TEST(Sarif, ScanAndProbeRunsHaveDistinctCategories) {
  auto scan = fixtureScan();
  auto probe = fixtureProbe();
  auto doc = sarif(&scan, &probe, fixtureCatalog());
  ASSERT_EQ(doc["runs"].size(), 2u);
  EXPECT_EQ(doc["runs"][0]["automationDetails"]["id"], "twelve/scan/");
  EXPECT_EQ(doc["runs"][1]["automationDetails"]["id"], "twelve/probe/");
}

TEST(Sarif, AnalysisErrorsAreToolNotifications) {
  auto scan = fixtureScan();
  auto doc = sarif(&scan, nullptr, fixtureCatalog());
  const auto &inv = doc["runs"][0]["invocations"][0];
  EXPECT_FALSE(inv["executionSuccessful"].get<bool>());
  ASSERT_EQ(inv["toolExecutionNotifications"].size(), 1u);
  EXPECT_EQ(inv["toolExecutionNotifications"][0]["level"], "error");
  scan.errors.clear();
  scan.stats.filesFailed = 0;
  EXPECT_TRUE(
      sarif(&scan, nullptr, fixtureCatalog())["runs"][0]["invocations"][0]["executionSuccessful"]
          .get<bool>());
}

TEST(Sarif, ProbeResultsOnlyForFailedAndWarnedChecks) {
  auto probe = fixtureProbe();
  SarifOptions options;
  options.probeArtifact = "src/main.cpp";
  auto doc = sarif(nullptr, &probe, fixtureCatalog(), options);
  const auto &results = doc["runs"][0]["results"];
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0]["ruleId"], "disposability/graceful-shutdown");
  EXPECT_EQ(results[0]["level"], "error");
  EXPECT_EQ(results[1]["ruleId"], "logs/stdout");
  EXPECT_EQ(results[1]["level"], "warning");
  const auto &loc = results[0]["locations"][0];
  EXPECT_EQ(loc["physicalLocation"]["artifactLocation"]["uri"], "src/main.cpp");
  EXPECT_EQ(loc["logicalLocations"][0]["name"], "./build/orders-service --listen");
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].size(), 2u);
}

TEST(Sarif, ProbeWithoutArtifactUsesPlaceholder) {
  auto probe = fixtureProbe();
  auto doc = sarif(nullptr, &probe, fixtureCatalog());
  EXPECT_EQ(
      doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
      "twelve-probe");
}

TEST(Sarif, ProbeErrorMeansExecutionFailed) {
  ProbeResult probe;
  probe.command = {"./missing"};
  probe.error = "cannot execute ./missing: No such file or directory";
  auto doc = sarif(nullptr, &probe, fixtureCatalog());
  const auto &inv = doc["runs"][0]["invocations"][0];
  EXPECT_FALSE(inv["executionSuccessful"].get<bool>());
  EXPECT_EQ(doc["runs"][0]["results"].size(), 0u);
  testing::writeOutput("probe-error.sarif", doc.dump(2));
}

TEST(Sarif, BuiltInCatalogProducesValidRules) {
  // Every rule of the real catalog, once, so the Multitool sees their help texts.
  ScanResult scan;
  scan.root = "/repo";
  ProbeResult probe;
  for (const auto &rule : rules::catalog().rules()) {
    if (rule.kind == "runtime") {
      probe.checks.push_back({rule.id, rule.factor, ProbeStatus::Fail, "failed", {}});
      continue;
    }
    Finding f;
    f.rule = rule.id;
    f.factor = rule.factor;
    f.severity = rule.severity;
    f.file = "src/main.cpp";
    f.line = 1;
    f.column = 1;
    f.message = "finding of " + rule.id;
    f.sourceLine = "int main() {}";
    f.fingerprint = "fp-" + rule.id;
    scan.findings.push_back(f);
  }
  std::ostringstream out;
  writeSarif(out, &scan, &probe, rules::catalog(), {"twelve", "1.2.3"}, {"src/main.cpp", "/repo"});
  auto doc = json::parse(out.str());
  EXPECT_EQ(doc["runs"][0]["tool"]["driver"]["rules"].size(), scan.findings.size());
  testing::writeOutput("builtin-catalog.sarif", out.str());
}

} // namespace
} // namespace twelve::report
