// Findings of the static scan and the sink that checks push them into.
#pragma once

#include "core/factor.h"
#include "core/severity.h"

#include <string>
#include <vector>

namespace twelve {

/// One violation of a rule at one place in the source.
struct Finding {
  std::string rule; // rule id, e.g. "config/hardcoded-credential"
  Factor factor = Factor::Config;
  Severity severity = Severity::Warning;
  std::string file; // absolute while scanning; relative to the scanned root once reported
  unsigned line = 0;   // 1-based
  unsigned column = 0; // 1-based, in bytes
  std::string message;
  std::string sourceLine;  // the text of the line, for carets and fingerprints
  std::string fingerprint; // content-based, stable under edits elsewhere in the file
};

/// Where producers push findings. Producers never format; presenters never analyze.
class FindingSink {
public:
  virtual ~FindingSink() = default;
  virtual void report(Finding finding) = 0;
};

/// A translation unit (or input) that could not be analyzed, in full or in part.
struct AnalysisError {
  std::string file;
  std::string message;
};

/// Per-file precision of a scan.
struct ScanStats {
  unsigned filesFull = 0;    // parsed with every header found and no errors
  unsigned filesReduced = 0; // parsed, but headers were missing or errors recovered from
  unsigned filesFailed = 0;  // could not be analyzed at all
  unsigned suppressed = 0;   // findings silenced by NOLINT comments
  double seconds = 0;
};

/// A NOLINT comment naming twelve rules that silenced nothing.
struct UnusedSuppression {
  std::string file; // relative to the root
  unsigned line = 0;
  std::string text; // the comment's line
};

/// How the findings compare with a baseline (see core/baseline.h).
struct BaselineComparison {
  bool applied = false;
  unsigned matched = 0;       // findings in the baseline, not reported again
  std::vector<Finding> fixed; // baseline entries no finding matches any more
};

/// Everything a scan produced, sorted by file, line, column and rule.
struct ScanResult {
  std::string root; // absolute path the finding paths are relative to
  std::vector<std::string> rules; // ids of the static rules the scan ran with, sorted
  std::vector<Finding> findings;
  std::vector<AnalysisError> errors;
  std::vector<UnusedSuppression> unusedSuppressions; // with --report-unused-suppressions
  BaselineComparison baseline;
  ScanStats stats;
};

/// Orders findings by file, line, column, rule.
bool findingLess(const Finding &a, const Finding &b);

} // namespace twelve
