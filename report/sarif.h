// SARIF 2.1.0 for GitHub code scanning, for scan and probe results.
#pragma once

#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"
#include "report/json.h"

#include <ostream>
#include <string>

namespace twelve::report {

/// Where probe results are located. GitHub rejects results without a physical
/// location, and a running process has none, so each probe result points at a
/// file of the repository chosen by the caller (e.g. the service's main source or
/// its Dockerfile), and names the probed command as a logical location.
struct SarifOptions {
  /// Repository-relative path probe results are attached to (line 1).
  /// Empty: "twelve-probe", a placeholder path GitHub shows without code.
  std::string probeArtifact;
  /// The repository root that relative paths are relative to, for probe runs
  /// (scan runs use ScanResult::root). Empty: no originalUriBaseIds for the probe run.
  std::string probeRoot;
};

/// Writes one SARIF log with a run for the scan (automationDetails.id "twelve/scan/")
/// and/or a run for the probe ("twelve/probe/"); either pointer may be null.
void writeSarif(std::ostream &out, const ScanResult *scan, const ProbeResult *probe,
                const RuleCatalog &catalog, const ToolInfo &tool, const SarifOptions &options = {});

/// A SARIF log with the scan run only.
void writeScanSarif(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                    const ToolInfo &tool);

/// A SARIF log with the probe run only: one result per check that failed (error)
/// or warned (warning); passed and skipped checks are not results.
void writeProbeSarif(std::ostream &out, const ProbeResult &result, const RuleCatalog &catalog,
                     const ToolInfo &tool, const SarifOptions &options = {});

} // namespace twelve::report
