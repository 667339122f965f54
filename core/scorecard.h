// The 12-factor scorecard: what a readiness report shows, as plain data.
#pragma once

#include "core/factor.h"
#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"

#include <array>
#include <string>
#include <string_view>
#include <vector>

namespace twelve {

/// The verdict on one factor. Ordered from best to worst; NotAssessed stands apart.
enum class FactorStatus { Pass, Warning, Fail, NotAssessed };

/// "pass", "warning", "fail", "not assessed".
std::string_view name(FactorStatus s);

/// One factor's row of the scorecard with the evidence behind its status.
struct FactorScore {
  Factor factor = Factor::Codebase;
  FactorStatus status = FactorStatus::NotAssessed;
  std::vector<std::string> rules;       // the enabled rules that assessed it, sorted
  std::vector<Finding> findings;        // scan findings of the factor, in scan order
  std::vector<ProbeCheckResult> checks; // probe checks of the factor (skipped ones too)
  std::string summary;                  // "2 errors, 1 warning", "no findings", ...
};

/// Scoring, documented in docs/report-formats.md:
///  - a factor is assessed when the scan ran with an enabled static rule of that
///    factor, or the probe ran a check of it that was not skipped;
///  - fail: an error finding or a failed probe check;
///  - warning: otherwise a warning or note finding, or a probe check that warned;
///  - pass: assessed with none of those; not assessed: nothing looked at it;
///  - the score is 0..100: pass counts 2 points, warning 1, fail 0, over two
///    points per assessed factor (0 when nothing was assessed). Not-assessed
///    factors neither raise nor lower it; the summary line says how many there are.
struct Scorecard {
  std::array<FactorScore, 12> factors; // in factor order I..XII
  bool hasScan = false;
  bool hasProbe = false;
  unsigned assessed = 0, passed = 0, warnings = 0, failed = 0;
  unsigned score = 0;                    // 0..100
  std::string summary;                   // "7 of 12 factors assessed: 4 pass, 2 fail, 1 warning"
  std::vector<AnalysisError> scanErrors; // files the scan could not analyze
  std::string probeError;                // the probe could not run the target
  std::string root;                      // the scanned root, when a scan is given
  std::vector<std::string> probeCommand;
};

/// What the scorecard is built from; scan and probe are optional (null).
struct ScorecardInput {
  const ScanResult *scan = nullptr;
  const ProbeResult *probe = nullptr;
  /// The static rules the scan ran with. Empty: the catalog's stable static rules.
  std::vector<std::string> enabledRules;
};

Scorecard makeScorecard(const ScorecardInput &input, const RuleCatalog &catalog);

} // namespace twelve
