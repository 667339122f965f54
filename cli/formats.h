// Report formats and where each goes: `--format NAME[=FILE]` (repeatable) and `-o FILE`.
#pragma once

#include "core/finding.h"
#include "core/probe_result.h"
#include "core/rule.h"

#include <functional>
#include <string>
#include <vector>

namespace twelve::cli {

/// One report to write: a format and its file (empty: stdout).
struct OutputTarget {
  std::string format;
  std::string path;
};

/// Every format scan, probe and merge can write.
const std::vector<std::string> &reportFormats();

/// Parses the --format values, each "NAME" or "NAME=FILE". `output` (-o) is the
/// file of the one format given without a file; `fallback` is used when no
/// format is given. Throws ConfigError for an unknown format, two formats both
/// bound for stdout, or one file named twice.
std::vector<OutputTarget> parseOutputs(const std::vector<std::string> &formats,
                                       const std::string &output,
                                       const std::vector<std::string> &allowed,
                                       const std::string &fallback);

/// How a report is rendered beyond its format.
struct RenderOptions {
  bool color = false;   // text on a terminal
  bool verbose = false; // probe text: evidence under each check
  std::string title;    // readiness reports (html, markdown)
  std::string probeArtifact; // SARIF/Code Quality: repository file probe results point at
};

/// A scan and/or a probe result in `format` (one of reportFormats()); at least one is given.
/// Formats other than the readiness reports (html, markdown) and SARIF take one of them.
std::string render(const std::string &format, const ScanResult *scan, const ProbeResult *probe,
                   const RuleCatalog &catalog, const RenderOptions &options);

/// Writes each target's rendering to stdout or, atomically, to its file.
/// Returns false, having logged the path and the reason, if a file cannot be written.
bool writeOutputs(const std::vector<OutputTarget> &targets,
                  const std::function<std::string(const OutputTarget &)> &renderTarget);

} // namespace twelve::cli
