// `twelve report` (the readiness report from saved results) and `twelve audit`
// (scan, probe and report in one go).
#pragma once

#include "cli/probe_command.h"
#include "cli/scan_command.h"

#include <string>
#include <vector>

namespace twelve::cli {

/// The flags of `twelve report`.
struct ReportFlags {
  std::string scan;                 // JSON of `twelve scan --format json`
  std::string probe;                // JSON of `twelve probe --format json`
  std::vector<std::string> formats; // html (default), markdown, sarif; NAME=FILE
  std::string output;
  std::string title;
};

/// Reads the saved results and writes the report; 0, or 2 for bad input.
int runReport(const ReportFlags &flags);

/// The flags of `twelve audit`.
struct AuditFlags {
  ScanFlags scan;
  ProbeFlags probe; // probe.command empty: no probe
  std::vector<std::string> formats; // html (default), markdown, sarif; NAME=FILE
  std::string output;               // default: twelve-report.html (or .md)
  std::string title;
  std::string failOn = "warning";
};

/// Scans, probes when a command is given, writes the report. Exit code as for
/// scan and probe: 3 incomplete, 1 findings or failed checks at --fail-on, else 0.
int runAudit(const AuditFlags &flags);

} // namespace twelve::cli
