// Baselines: adopting twelve on an existing codebase by reporting only new findings.
#pragma once

#include "core/finding.h"

#include <vector>

namespace twelve {

/// The findings accepted at some point, identified by their content-based
/// fingerprints (rule, file, normalized source line), never by line numbers.
struct Baseline {
  std::vector<Finding> entries; // rule, file, message, fingerprint are what matter
};

/// Removes from `result.findings` those whose fingerprint is in `baseline`,
/// and records the baseline entries that no finding matches as fixed.
void applyBaseline(ScanResult &result, const Baseline &baseline);

/// The baseline of `findings`: sorted by file, rule and fingerprint, without
/// line numbers or timestamps, so that it merges cleanly.
Baseline makeBaseline(const std::vector<Finding> &findings);

} // namespace twelve
