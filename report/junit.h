// JUnit XML for CI dashboards: one testsuite per factor, one testcase per rule outcome.
#pragma once

#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"

#include <ostream>
#include <string>
#include <vector>

namespace twelve::report {

/// Which rules ran, so that rules without findings show as passed testcases.
struct JUnitOptions {
  /// The static rules the scan ran with. Empty: the catalog's stable static rules.
  std::vector<std::string> enabledRules;
};

/// Testcases (docs/report-formats.md):
///  - scan: a failing testcase per finding (name "rule-id file:line:col", failure
///    type = severity), and one passing testcase per enabled rule without findings
///    (name "rule-id"); each in the testsuite of the rule's factor ("III. Config").
///    Files that could not be analyzed are testcases with <error> in a suite "analysis".
///  - probe: one testcase per check: fail -> <failure type="error">, warn ->
///    <failure type="warning">, skip -> <skipped>, pass -> passing; evidence in <system-out>.
/// Suites are written in factor order and only for factors that have a testcase.
void writeScanJUnit(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                    const JUnitOptions &options = {});
void writeProbeJUnit(std::ostream &out, const ProbeResult &result, const RuleCatalog &catalog);

} // namespace twelve::report
