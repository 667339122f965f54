#include "cli/scan_command.h"

#include "analyzer/scan.h"
#include "cli/exit_codes.h"
#include "cli/output.h"
#include "core/rule_selection.h"
#include "report/json.h"
#include "report/text.h"
#include "rules/catalog.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <sstream>
#include <thread>

#ifndef TWELVE_VERSION
#define TWELVE_VERSION "0.0.0"
#endif

namespace twelve::cli {

namespace {

/// The highest severity that fails the run, or none ("never").
std::optional<Severity> failThreshold(const std::string &failOn) {
  if (failOn == "never")
    return std::nullopt;
  return parseSeverity(failOn);
}

} // namespace

int runScan(const ScanFlags &flags) {
  const auto &catalog = rules::catalog();
  // Validate everything before any work starts.
  if (flags.format != "text" && flags.format != "json") {
    spdlog::error("--format {}: expected text or json", flags.format);
    return UsageError;
  }
  if (flags.failOn != "never" && !parseSeverity(flags.failOn)) {
    spdlog::error("--fail-on {}: expected error, warning, note or never", flags.failOn);
    return UsageError;
  }
  if (flags.color != "auto" && flags.color != "always" && flags.color != "never") {
    spdlog::error("--color {}: expected auto, always or never", flags.color);
    return UsageError;
  }
  if (auto problem = RuleSelection::validate(flags.checks, catalog)) {
    spdlog::error("--checks: {}", *problem);
    return UsageError;
  }

  analyzer::ScanOptions options;
  if (!flags.paths.empty())
    options.paths = flags.paths;
  options.buildDir = flags.buildDir;
  options.root = flags.root;
  options.jobs = flags.jobs;
  options.resourceDir = flags.resourceDir;
  options.excludeGlobs = flags.exclude;
  options.extraArgs = flags.extraArgs;
  options.verbose = flags.verbose;
  options.log = [](std::string_view m) { spdlog::info("{}", m); };
  RuleSelection selection(flags.checks, catalog);
  for (const auto &rule : catalog.rules())
    if (rule.kind == "static" && selection.enabled(rule.id))
      options.rules.push_back(rule);
  if (options.rules.empty())
    spdlog::warn("--checks '{}' enables no static rule: nothing to look for", flags.checks);

  ScanResult result;
  try {
    result = analyzer::scan(options);
  } catch (const analyzer::InputError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }

  std::ostringstream rendered;
  if (flags.format == "json") {
    report::writeScanJson(rendered, result, catalog, {"twelve", TWELVE_VERSION});
  } else {
    report::TextOptions text;
    text.color = flags.output.empty() && useColor(flags.color);
    report::writeScanText(rendered, result, catalog, text);
  }
  if (flags.output.empty()) {
    std::cout << rendered.str() << std::flush;
  } else {
    try {
      writeFileAtomically(flags.output, rendered.str());
    } catch (const std::exception &e) {
      spdlog::error("{}", e.what());
      return UsageError;
    }
  }

  // A partial result must not pass as a clean one.
  if (!result.errors.empty())
    return Incomplete;
  if (auto threshold = failThreshold(flags.failOn))
    for (const auto &f : result.findings)
      if (f.severity >= *threshold)
        return Findings;
  return Success;
}

} // namespace twelve::cli
