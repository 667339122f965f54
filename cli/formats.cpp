#include "cli/formats.h"

#include "cli/config.h"
#include "cli/output.h"
#include "core/scorecard.h"
#include "report/codeclimate.h"
#include "report/html.h"
#include "report/json.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/probe_json.h"
#include "report/probe_text.h"
#include "report/sarif.h"
#include "report/text.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <iostream>
#include <set>
#include <sstream>

#ifndef TWELVE_VERSION
#define TWELVE_VERSION "0.0.0"
#endif

namespace twelve::cli {

const std::vector<std::string> &reportFormats() {
  static const std::vector<std::string> formats{"text",        "json",     "sarif", "junit",
                                                "codeclimate", "markdown", "html"};
  return formats;
}

std::vector<OutputTarget> parseOutputs(const std::vector<std::string> &formats,
                                       const std::string &output,
                                       const std::vector<std::string> &allowed,
                                       const std::string &fallback) {
  std::vector<std::string> specs = formats;
  if (specs.empty())
    specs.push_back(fallback);
  auto known = [&](const std::string &f) {
    return std::find(allowed.begin(), allowed.end(), f) != allowed.end();
  };
  std::string allowedList;
  for (const auto &f : allowed)
    allowedList += (allowedList.empty() ? "" : ", ") + f;

  std::vector<OutputTarget> targets;
  std::set<std::string> files;
  bool outputUsed = false;
  for (const auto &spec : specs) {
    OutputTarget t;
    auto eq = spec.find('=');
    t.format = spec.substr(0, eq);
    if (eq != std::string::npos) {
      t.path = spec.substr(eq + 1);
      if (t.path.empty())
        throw ConfigError("--format " + spec + ": expected NAME=FILE with a file name");
    }
    if (!known(t.format))
      throw ConfigError("--format " + spec + ": unknown format '" + t.format + "' (expected " +
                        allowedList + ")");
    if (t.path.empty()) {
      // The one format without a file goes to -o, or to stdout.
      if (outputUsed)
        throw ConfigError("--format " + spec + ": only one format can go to " +
                          (output.empty() ? std::string("stdout") : "-o " + output) +
                          "; give the others a file, e.g. --format " + t.format + "=report." +
                          t.format);
      outputUsed = true;
      t.path = output;
    }
    if (!t.path.empty() && !files.insert(t.path).second)
      throw ConfigError("--format " + spec + ": " + t.path + " is named twice");
    targets.push_back(std::move(t));
  }
  if (!output.empty() && !outputUsed)
    throw ConfigError("-o " + output + ": every --format already names its file");
  return targets;
}

std::string render(const std::string &format, const ScanResult *scan, const ProbeResult *probe,
                   const RuleCatalog &catalog, const RenderOptions &options) {
  std::ostringstream out;
  report::ToolInfo tool{"twelve", TWELVE_VERSION};
  if (format == "html" || format == "markdown") {
    ScorecardInput input;
    input.scan = scan;
    input.probe = probe;
    if (scan)
      input.enabledRules = scan->rules;
    auto card = makeScorecard(input, catalog);
    report::ReadinessOptions readiness;
    if (!options.title.empty())
      readiness.title = options.title;
    readiness.toolVersion = TWELVE_VERSION;
    if (format == "html")
      report::writeReadinessHtml(out, card, catalog, readiness);
    else
      report::writeReadinessMarkdown(out, card, catalog, readiness);
    return out.str();
  }
  if (format == "sarif") {
    report::SarifOptions sarif;
    sarif.probeArtifact = options.probeArtifact;
    report::writeSarif(out, scan, probe, catalog, tool, sarif);
    return out.str();
  }
  if (scan) {
    if (format == "json") {
      report::writeScanJson(out, *scan, catalog, tool);
    } else if (format == "junit") {
      report::JUnitOptions junit;
      junit.enabledRules = scan->rules;
      report::writeScanJUnit(out, *scan, catalog, junit);
    } else if (format == "codeclimate") {
      report::writeScanCodeClimate(out, *scan, catalog);
    } else {
      report::TextOptions text;
      text.color = options.color;
      report::writeScanText(out, *scan, catalog, text);
    }
    return out.str();
  }
  if (format == "json")
    report::writeProbeJson(out, *probe);
  else if (format == "junit")
    report::writeProbeJUnit(out, *probe, catalog);
  else if (format == "codeclimate")
    report::writeProbeCodeClimate(out, *probe, catalog, options.probeArtifact);
  else
    report::writeProbeText(out, *probe, options.color, options.verbose);
  return out.str();
}

bool writeOutputs(const std::vector<OutputTarget> &targets,
                  const std::function<std::string(const OutputTarget &)> &renderTarget) {
  for (const auto &t : targets) {
    std::string text = renderTarget(t);
    if (t.path.empty()) {
      std::cout << text << std::flush;
      continue;
    }
    try {
      writeFileAtomically(t.path, text);
    } catch (const std::exception &e) {
      spdlog::error("{}", e.what());
      return false;
    }
    spdlog::debug("wrote the {} report to {}", t.format, t.path);
  }
  return true;
}

} // namespace twelve::cli
