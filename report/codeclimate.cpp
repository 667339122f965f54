#include "report/codeclimate.h"

#include "core/fingerprint.h"
#include "report/escape.h"

#include <nlohmann/json.hpp>

namespace twelve::report {

using nlohmann::json;

namespace {

std::string severity(Severity s, const std::string &rule) {
  switch (s) {
  case Severity::Error:
    return securitySeverity(rule).empty() ? "critical" : "blocker";
  case Severity::Warning:
    return "major";
  case Severity::Note:
    return "minor";
  }
  return "major";
}

json issue(const std::string &rule, const std::string &description, const std::string &sev,
           const std::string &fingerprint, const std::string &path, unsigned line) {
  json categories = json::array({securitySeverity(rule).empty() ? "Bug Risk" : "Security"});
  return {{"type", "issue"},
          {"check_name", rule},
          {"description", description},
          {"categories", categories},
          {"fingerprint", fingerprint},
          {"severity", sev},
          {"location", {{"path", path}, {"lines", {{"begin", line == 0 ? 1 : line}}}}}};
}

void write(std::ostream &out, const json &doc) {
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

} // namespace

void writeScanCodeClimate(std::ostream &out, const ScanResult &result,
                          const RuleCatalog & /*catalog*/) {
  json doc = json::array();
  for (const auto &f : result.findings) {
    // GitLab needs fingerprints unique per report; findings from older JSON may lack one.
    std::string fp = f.fingerprint.empty()
                         ? hashHex(f.rule + "\n" + f.file + "\n" + std::to_string(f.line) + ":" +
                                   std::to_string(f.column))
                         : f.fingerprint;
    doc.push_back(issue(f.rule, f.message + " [" + f.rule + "]", severity(f.severity, f.rule), fp,
                        f.file, f.line));
  }
  write(out, doc);
}

void writeProbeCodeClimate(std::ostream &out, const ProbeResult &result,
                           const RuleCatalog & /*catalog*/, const std::string &artifact) {
  json doc = json::array();
  std::string path = artifact.empty() ? "twelve-probe" : artifact;
  for (const auto &c : result.checks) {
    if (c.status != ProbeStatus::Fail && c.status != ProbeStatus::Warn)
      continue;
    std::string description = c.message;
    for (const auto &[key, value] : c.evidence)
      description += "; " + key + ": " + value;
    doc.push_back(issue(c.id, description + " [" + c.id + "]",
                        c.status == ProbeStatus::Fail ? "critical" : "major",
                        hashHex("probe\n" + c.id + "\n" + path), path, 1));
  }
  write(out, doc);
}

} // namespace twelve::report
