// GitLab Code Quality (Code Climate issue) JSON for merge-request widgets.
#pragma once

#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"

#include <ostream>
#include <string>

namespace twelve::report {

/// An array of {type, check_name, description, categories, fingerprint, severity,
/// location {path, lines {begin}}}. Severity: error -> critical (blocker for
/// security rules such as config/hardcoded-credential), warning -> major, note -> minor.
void writeScanCodeClimate(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog);

/// One issue per failed (critical) or warned (major) probe check, located at
/// `artifact` line 1 (a repository file chosen by the caller; empty: "twelve-probe").
void writeProbeCodeClimate(std::ostream &out, const ProbeResult &result, const RuleCatalog &catalog,
                           const std::string &artifact = {});

} // namespace twelve::report
