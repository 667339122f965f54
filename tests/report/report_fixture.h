// A fixed scan result, probe result and rule catalog for the report tests, and golden files.
#pragma once

#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"

#include <string>

namespace twelve::testing {

/// Rules with fixed documentation, so goldens do not change when rules/*.md do.
const RuleCatalog &fixtureCatalog();
/// Findings of five rules in four factors, one analysis error, a hostile string literal.
ScanResult fixtureScan();
/// Checks that pass, warn, fail and skip, with evidence.
ProbeResult fixtureProbe();

/// Compares `actual` with tests/report/golden/<name>; with TWELVE_UPDATE_GOLDEN=1
/// in the environment, rewrites the golden instead. Also copies the output to
/// report-out/<name> in the working directory (the build tree), for the validators.
void expectGolden(const std::string &name, const std::string &actual);

/// Writes report-out/<name> in the working directory; returns its path.
std::string writeOutput(const std::string &name, const std::string &content);

} // namespace twelve::testing
