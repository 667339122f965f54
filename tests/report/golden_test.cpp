// Golden files for every format on the fixed fixture (regenerate: TWELVE_UPDATE_GOLDEN=1).
#include "report_fixture.h"

#include "core/scorecard.h"
#include "report/codeclimate.h"
#include "report/html.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/sarif.h"

#include <gtest/gtest.h>

#include <sstream>

namespace twelve::report {
namespace {

using testing::expectGolden;
using testing::fixtureCatalog;
using testing::fixtureProbe;
using testing::fixtureScan;

const ToolInfo kTool{"twelve", "0.4.0"};

std::vector<std::string> enabled() {
  return {"concurrency/daemonize",     "config/env-fallback", "config/hardcoded-credential",
          "config/hardcoded-url",      "logs/file-sink",      "port-binding/hardcoded-port",
          "processes/local-file-state"};
}

ReadinessOptions readiness() {
  ReadinessOptions o;
  o.subtitle = "orders-service · main @ 3f9c2ab";
  o.toolVersion = "0.4.0";
  return o;
}

TEST(Golden, ScanSarif) {
  std::ostringstream out;
  writeScanSarif(out, fixtureScan(), fixtureCatalog(), kTool);
  expectGolden("scan.sarif", out.str());
}

TEST(Golden, ProbeSarif) {
  std::ostringstream out;
  SarifOptions options;
  options.probeArtifact = "src/main.cpp";
  options.probeRoot = "/srv/checkout/orders service";
  writeProbeSarif(out, fixtureProbe(), fixtureCatalog(), kTool, options);
  expectGolden("probe.sarif", out.str());
}

TEST(Golden, ProbeSarifPlaceholderLocation) {
  std::ostringstream out;
  writeProbeSarif(out, fixtureProbe(), fixtureCatalog(), kTool);
  expectGolden("probe-placeholder.sarif", out.str());
}

TEST(Golden, CombinedSarif) {
  std::ostringstream out;
  auto scan = fixtureScan();
  auto probe = fixtureProbe();
  SarifOptions options;
  options.probeArtifact = "src/main.cpp";
  options.probeRoot = scan.root;
  writeSarif(out, &scan, &probe, fixtureCatalog(), kTool, options);
  expectGolden("audit.sarif", out.str());
}

TEST(Golden, ScanJUnit) {
  std::ostringstream out;
  writeScanJUnit(out, fixtureScan(), fixtureCatalog(), {enabled()});
  expectGolden("scan.junit.xml", out.str());
}

TEST(Golden, ProbeJUnit) {
  std::ostringstream out;
  writeProbeJUnit(out, fixtureProbe(), fixtureCatalog());
  expectGolden("probe.junit.xml", out.str());
}

TEST(Golden, ScanCodeClimate) {
  std::ostringstream out;
  writeScanCodeClimate(out, fixtureScan(), fixtureCatalog());
  expectGolden("scan.codeclimate.json", out.str());
}

TEST(Golden, ProbeCodeClimate) {
  std::ostringstream out;
  writeProbeCodeClimate(out, fixtureProbe(), fixtureCatalog(), "src/main.cpp");
  expectGolden("probe.codeclimate.json", out.str());
}

Scorecard fixtureCard() {
  auto scan = fixtureScan();
  auto probe = fixtureProbe();
  return makeScorecard({&scan, &probe, enabled()}, fixtureCatalog());
}

TEST(Golden, ReadinessMarkdown) {
  std::ostringstream out;
  writeReadinessMarkdown(out, fixtureCard(), fixtureCatalog(), readiness());
  expectGolden("readiness.md", out.str());
}

TEST(Golden, ReadinessHtml) {
  std::ostringstream out;
  writeReadinessHtml(out, fixtureCard(), fixtureCatalog(), readiness());
  expectGolden("readiness.html", out.str());
}

} // namespace
} // namespace twelve::report
