// The scorecard's status and score rules (core/scorecard.h).
#include "report_fixture.h"

#include "core/scorecard.h"

#include <gtest/gtest.h>

namespace twelve {
namespace {

using testing::fixtureCatalog;

Finding finding(const char *rule, Factor factor, Severity severity) {
  Finding f;
  f.rule = rule;
  f.factor = factor;
  f.severity = severity;
  f.file = "a.cpp";
  f.line = 1;
  f.column = 1;
  return f;
}

const FactorScore &row(const Scorecard &c, Factor f) { return c.factors[number(f) - 1]; }

TEST(Scorecard, NothingGivenAssessesNothing) {
  auto card = makeScorecard({}, fixtureCatalog());
  EXPECT_EQ(card.assessed, 0u);
  EXPECT_EQ(card.score, 0u);
  EXPECT_EQ(card.summary, "0 of 12 factors assessed");
  for (const auto &r : card.factors)
    EXPECT_EQ(r.status, FactorStatus::NotAssessed);
}

TEST(Scorecard, CleanScanPassesEveryFactorWithAnEnabledRule) {
  ScanResult scan;
  auto card = makeScorecard({&scan, nullptr, {}}, fixtureCatalog());
  // Static rules of the fixture: config, logs, port-binding, processes, concurrency.
  EXPECT_EQ(card.assessed, 5u);
  EXPECT_EQ(card.passed, 5u);
  EXPECT_EQ(card.score, 100u);
  EXPECT_EQ(card.summary, "5 of 12 factors assessed: 5 pass");
  EXPECT_EQ(row(card, Factor::Config).status, FactorStatus::Pass);
  EXPECT_EQ(row(card, Factor::Config).summary, "no findings");
  EXPECT_EQ(row(card, Factor::Disposability).status, FactorStatus::NotAssessed);
}

TEST(Scorecard, EnabledRulesLimitWhatIsAssessed) {
  ScanResult scan;
  auto card = makeScorecard({&scan, nullptr, {"logs/file-sink"}}, fixtureCatalog());
  EXPECT_EQ(card.assessed, 1u);
  EXPECT_EQ(row(card, Factor::Logs).status, FactorStatus::Pass);
  EXPECT_EQ(row(card, Factor::Config).status, FactorStatus::NotAssessed);
}

TEST(Scorecard, ErrorFindingFailsWarningAndNoteWarn) {
  ScanResult scan;
  scan.findings = {finding("config/hardcoded-credential", Factor::Config, Severity::Error),
                   finding("config/env-fallback", Factor::Config, Severity::Note),
                   finding("logs/file-sink", Factor::Logs, Severity::Warning),
                   finding("processes/local-file-state", Factor::Processes, Severity::Note)};
  auto card = makeScorecard({&scan, nullptr, {}}, fixtureCatalog());
  EXPECT_EQ(row(card, Factor::Config).status, FactorStatus::Fail);
  EXPECT_EQ(row(card, Factor::Config).summary, "1 error, 1 note");
  EXPECT_EQ(row(card, Factor::Logs).status, FactorStatus::Warning);
  EXPECT_EQ(row(card, Factor::Processes).status, FactorStatus::Warning);
  EXPECT_EQ(row(card, Factor::PortBinding).status, FactorStatus::Pass);
  // 5 assessed: 2 pass (4 points) + 2 warnings (2 points) + 1 fail = 6 of 10.
  EXPECT_EQ(card.score, 60u);
  EXPECT_EQ(card.summary, "5 of 12 factors assessed: 2 pass, 1 fail, 2 warnings");
}

TEST(Scorecard, ProbeChecksAssessTheirFactorsAndSkipsDoNot) {
  ProbeResult probe;
  probe.checks = {
      {"disposability/graceful-shutdown", Factor::Disposability, ProbeStatus::Fail, "", {}},
      {"disposability/startup-time", Factor::Disposability, ProbeStatus::Pass, "", {}},
      {"logs/stdout", Factor::Logs, ProbeStatus::Warn, "", {}},
      {"port-binding/listens-on-port", Factor::PortBinding, ProbeStatus::Pass, "", {}},
      {"concurrency/foreground", Factor::Concurrency, ProbeStatus::Skip, "", {}}};
  auto card = makeScorecard({nullptr, &probe, {}}, fixtureCatalog());
  EXPECT_EQ(row(card, Factor::Disposability).status, FactorStatus::Fail);
  EXPECT_EQ(row(card, Factor::Disposability).summary, "1 failed check, 1 passed check");
  EXPECT_EQ(row(card, Factor::Logs).status, FactorStatus::Warning);
  EXPECT_EQ(row(card, Factor::PortBinding).status, FactorStatus::Pass);
  EXPECT_EQ(row(card, Factor::PortBinding).summary, "1 passed check");
  EXPECT_EQ(row(card, Factor::Concurrency).status, FactorStatus::NotAssessed);
  EXPECT_EQ(row(card, Factor::Concurrency).checks.size(), 1u); // kept as evidence
  EXPECT_EQ(card.summary, "3 of 12 factors assessed: 1 pass, 1 fail, 1 warning");
  EXPECT_EQ(card.score, 50u);
}

TEST(Scorecard, ScanAndProbeCombineToTheWorseStatus) {
  ScanResult scan;
  scan.findings = {finding("logs/file-sink", Factor::Logs, Severity::Warning)};
  ProbeResult probe;
  probe.checks = {{"logs/stdout", Factor::Logs, ProbeStatus::Pass, "", {}},
                  {"port-binding/listens-on-port", Factor::PortBinding, ProbeStatus::Fail, "", {}}};
  auto card = makeScorecard({&scan, &probe, {}}, fixtureCatalog());
  EXPECT_EQ(row(card, Factor::Logs).status, FactorStatus::Warning);
  EXPECT_EQ(row(card, Factor::PortBinding).status, FactorStatus::Fail); // scan clean, probe fails
  EXPECT_EQ(row(card, Factor::Logs).rules,
            (std::vector<std::string>{"logs/file-sink", "logs/stdout"}));
  EXPECT_TRUE(card.hasScan);
  EXPECT_TRUE(card.hasProbe);
}

TEST(Scorecard, StatusNames) {
  EXPECT_EQ(name(FactorStatus::Pass), "pass");
  EXPECT_EQ(name(FactorStatus::Warning), "warning");
  EXPECT_EQ(name(FactorStatus::Fail), "fail");
  EXPECT_EQ(name(FactorStatus::NotAssessed), "not assessed");
}

} // namespace
} // namespace twelve
