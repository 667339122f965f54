#include "cli/report_command.h"

#include "cli/config.h"
#include "cli/exit_codes.h"
#include "cli/formats.h"
#include "core/scorecard.h"
#include "core/severity.h"
#include "report/json.h"
#include "report/probe_json.h"
#include "rules/catalog.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <fstream>
#include <iostream>

namespace twelve::cli {

namespace {

const std::vector<std::string> kReportFormats{"html", "markdown", "sarif"};

/// Reads a saved result with `read`; throws ConfigError naming the file.
template <class Reader>
auto readResult(const std::string &path, const char *flag, Reader read) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw ConfigError(std::string(flag) + " " + path + ": no such file");
  try {
    return read(in, path);
  } catch (const std::exception &e) {
    throw ConfigError(std::string(flag) + " " + e.what());
  }
}

bool writeReports(const std::vector<OutputTarget> &outputs, const ScanResult *scan,
                  const ProbeResult *probe, const std::string &title, const std::string &artifact) {
  return writeOutputs(outputs, [&](const OutputTarget &t) {
    RenderOptions options;
    options.title = title;
    options.probeArtifact = artifact;
    return render(t.format, scan, probe, rules::catalog(), options);
  });
}

} // namespace

int runReport(const ReportFlags &flags) {
  std::optional<ScanResult> scan;
  std::optional<ProbeResult> probe;
  std::vector<OutputTarget> outputs;
  try {
    if (flags.scan.empty() && flags.probe.empty())
      throw ConfigError("nothing to report: give --scan scan.json and/or --probe probe.json");
    outputs = parseOutputs(flags.formats, flags.output, kReportFormats, "html");
    if (!flags.scan.empty())
      scan = readResult(flags.scan, "--scan", report::readScanJson);
    if (!flags.probe.empty())
      probe = readResult(flags.probe, "--probe", report::readProbeJson);
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  if (!writeReports(outputs, scan ? &*scan : nullptr, probe ? &*probe : nullptr, flags.title, ""))
    return UsageError;
  return Success;
}

int runAudit(const AuditFlags &flags) {
  std::vector<OutputTarget> outputs;
  probe::ProbeOptions probeOptions;
  bool probing = !flags.probe.command.empty();
  try {
    if (flags.failOn != "never" && !parseSeverity(flags.failOn))
      throw ConfigError("--fail-on " + flags.failOn + ": expected error, warning, note or never");
    std::string output = flags.output;
    if (flags.formats.empty() && output.empty())
      output = "twelve-report.html";
    outputs = parseOutputs(flags.formats, output, kReportFormats, "html");
    if (probing)
      probeOptions = resolveProbe(flags.probe);
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }

  ScanResult scan;
  try {
    scan = scanFor(flags.scan);
  } catch (const std::exception &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  spdlog::info("scan: {} finding(s) in {} file(s)", scan.findings.size(),
               scan.stats.filesFull + scan.stats.filesReduced);
  std::optional<ProbeResult> probe;
  if (probing) {
    probe = probe::run(probeOptions);
    spdlog::info("probe: {} check(s) run{}", probe->checks.size(),
                 probe->error.empty() ? "" : " (" + probe->error + ")");
  }
  if (!writeReports(outputs, &scan, probe ? &*probe : nullptr, flags.title, flags.probe.artifact))
    return UsageError;
  // Unless a report went to stdout, say there what the verdict is and where the report is.
  if (std::none_of(outputs.begin(), outputs.end(), [](const OutputTarget &t) { return t.path.empty(); })) {
    ScorecardInput input{&scan, probe ? &*probe : nullptr, scan.rules};
    auto card = makeScorecard(input, rules::catalog());
    std::cout << "12-factor readiness: " << card.score << "/100; " << card.summary << "\n";
    for (const auto &t : outputs)
      std::cout << "  " << t.format << " report: " << t.path << "\n";
    std::cout << std::flush;
  }

  int scanCode = scanExitCode(scan, flags.failOn);
  int probeCode = probe ? probeExitCode(*probe, flags.failOn == "error" || flags.failOn == "never"
                                                    ? flags.failOn
                                                    : "warning")
                        : Success;
  if (scanCode == Incomplete || probeCode == Incomplete)
    return Incomplete;
  return scanCode == Findings || probeCode == Findings ? Findings : Success;
}

} // namespace twelve::cli
