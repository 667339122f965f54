#include "report/sarif.h"

#include "core/fingerprint.h"
#include "report/escape.h"

#include <nlohmann/json.hpp>

#include <cctype>
#include <map>

namespace twelve::report {

using nlohmann::json;

namespace {

constexpr const char *kSchema = "https://json.schemastore.org/sarif-2.1.0.json";
constexpr const char *kInformationUri = "https://github.com/twelve-lint/twelve";
constexpr const char *kProbePlaceholder = "twelve-probe";

std::string level(Severity s) { return std::string(name(s)); }

// Percent-encodes a path for a URI: RFC 3986 path characters stay, everything
// else (space, <>"{}|\\^`%#?, ':' that could read as a scheme, controls, non-ASCII
// bytes) is encoded.
std::string encodePath(const std::string &path) {
  static const char hex[] = "0123456789ABCDEF";
  std::string uri;
  for (unsigned char c : validUtf8(path)) {
    bool keep =
        std::isalnum(c) ||
        std::string_view("/-._~!$&'()*+,;=@").find(static_cast<char>(c)) != std::string_view::npos;
    if (keep && c < 0x80) {
      uri += static_cast<char>(c);
    } else {
      uri += '%';
      uri += hex[c >> 4];
      uri += hex[c & 15];
    }
  }
  return uri;
}

// "file:///abs/root/" for %SRCROOT%; GitHub and the Multitool want a trailing slash.
std::string rootUri(const std::string &root) {
  std::string uri = "file://" + encodePath(root);
  if (uri.back() != '/')
    uri += '/';
  return uri;
}

// A relative URI reference for a repository path.
std::string relativeUri(const std::string &path) { return encodePath(path); }

/// Collects the rules a run uses, in order of first use, for rules[] and ruleIndex.
class RuleTable {
public:
  explicit RuleTable(const RuleCatalog &catalog) : catalog_(catalog) {}

  size_t index(const std::string &id, Factor factor, Severity fallback) {
    auto it = indices_.find(id);
    if (it != indices_.end())
      return it->second;
    indices_[id] = rules_.size();
    rules_.push_back(describe(id, factor, fallback));
    return rules_.size() - 1;
  }
  json rules() const { return rules_; }

private:
  json describe(const std::string &id, Factor factor, Severity fallback) const {
    const Rule *rule = catalog_.find(id);
    const auto &fi = info(rule ? rule->factor : factor);
    json tags =
        json::array({"12-factor", "factor-" + std::string(fi.roman) + "-" + std::string(fi.slug)});
    std::string security = securitySeverity(id);
    if (!security.empty())
      tags.push_back("security");
    json properties = {{"tags", tags},
                       {"precision", rule && rule->kind == "runtime" ? "very-high" : "high"}};
    if (!security.empty())
      properties["security-severity"] = security;
    json d = {{"id", id}, {"name", pascalCase(id)}};
    if (rule) {
      std::string what(rule->section("What it does"));
      d["shortDescription"] = {{"text", rule->summary}};
      d["fullDescription"] = {{"text", what.empty() || what == "TODO" ? rule->summary : what}};
      d["help"] = {{"text", rule->markdown()}, {"markdown", rule->markdown()}};
      d["helpUri"] = rule->helpUri();
      d["defaultConfiguration"] = {{"level", level(rule->severity)}};
    } else {
      d["shortDescription"] = {{"text", id}};
      d["fullDescription"] = {{"text", id}};
      d["help"] = {{"text", id}, {"markdown", id}};
      d["defaultConfiguration"] = {{"level", level(fallback)}};
    }
    d["properties"] = properties;
    return d;
  }

  const RuleCatalog &catalog_;
  std::map<std::string, size_t> indices_;
  json rules_ = json::array();
};

json driver(const ToolInfo &tool, const RuleTable &rules) {
  return {{"name", tool.name},
          {"version", tool.version.empty() ? "0.0.0" : tool.version},
          {"semanticVersion", tool.version.empty() ? "0.0.0" : tool.version},
          {"informationUri", kInformationUri},
          {"rules", rules.rules()}};
}

json physical(const std::string &file, unsigned line, unsigned column, const std::string &snippet) {
  json region = {{"startLine", line == 0 ? 1 : line}};
  if (column > 0)
    region["startColumn"] = column;
  if (!snippet.empty())
    region["snippet"] = {{"text", snippet}};
  return {{"artifactLocation", {{"uri", relativeUri(file)}, {"uriBaseId", "%SRCROOT%"}}},
          {"region", region}};
}

json scanRun(const ScanResult &scan, const RuleCatalog &catalog, const ToolInfo &tool) {
  RuleTable rules(catalog);
  json results = json::array();
  for (const auto &f : scan.findings) {
    auto index = rules.index(f.rule, f.factor, f.severity);
    std::string fp =
        f.fingerprint.empty() ? fingerprint(f.rule, f.file, f.sourceLine, 0) : f.fingerprint;
    results.push_back(
        {{"ruleId", f.rule},
         {"ruleIndex", index},
         {"level", level(f.severity)},
         {"message", {{"text", f.message}}},
         {"locations",
          json::array({{{"physicalLocation", physical(f.file, f.line, f.column, f.sourceLine)}}})},
         {"partialFingerprints", {{"twelve/v1", fp}}}});
  }
  json notifications = json::array();
  for (const auto &e : scan.errors)
    notifications.push_back({{"level", "error"},
                             {"message", {{"text", e.file + ": not analyzed: " + e.message}}},
                             {"descriptor", {{"id", "analysis-error"}}}});
  json invocation = {{"executionSuccessful", scan.errors.empty() && scan.stats.filesFailed == 0}};
  if (!notifications.empty())
    invocation["toolExecutionNotifications"] = notifications;
  json run = {{"tool", {{"driver", driver(tool, rules)}}},
              {"automationDetails", {{"id", "twelve/scan/"}}},
              {"invocations", json::array({invocation})},
              {"columnKind", "utf16CodeUnits"},
              {"results", results}};
  if (!scan.root.empty())
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", rootUri(scan.root)}}}};
  return run;
}

std::string joinCommand(const std::vector<std::string> &command) {
  std::string s;
  for (const auto &a : command)
    s += (s.empty() ? "" : " ") + a;
  return s;
}

json probeRun(const ProbeResult &probe, const RuleCatalog &catalog, const ToolInfo &tool,
              const SarifOptions &options) {
  RuleTable rules(catalog);
  json results = json::array();
  std::string artifact = options.probeArtifact.empty() ? kProbePlaceholder : options.probeArtifact;
  std::string target =
      probe.command.empty() ? "pid " + std::to_string(probe.pid) : joinCommand(probe.command);
  for (const auto &c : probe.checks) {
    if (c.status != ProbeStatus::Fail && c.status != ProbeStatus::Warn)
      continue;
    Severity severity = c.status == ProbeStatus::Fail ? Severity::Error : Severity::Warning;
    auto index = rules.index(c.id, c.factor, severity);
    std::string text = c.message;
    for (const auto &[key, value] : c.evidence)
      text += (text.empty() ? "" : "\n") + key + ": " + value;
    json location = {
        {"physicalLocation", physical(artifact, 1, 0, "")},
        {"logicalLocations",
         json::array({{{"name", target}, {"fullyQualifiedName", target}, {"kind", "module"}}})}};
    json properties = json::object();
    for (const auto &[key, value] : c.evidence)
      properties[key] = value;
    results.push_back(
        {{"ruleId", c.id},
         {"ruleIndex", index},
         {"level", level(severity)},
         {"message", {{"text", text.empty() ? c.id : text}}},
         {"locations", json::array({location})},
         {"partialFingerprints", {{"twelve/v1", hashHex("probe\n" + c.id + "\n" + artifact)}}},
         {"properties", {{"evidence", properties}}}});
  }
  json invocation = {{"executionSuccessful", probe.error.empty()}};
  json notifications = json::array();
  if (!probe.error.empty())
    notifications.push_back({{"level", "error"},
                             {"message", {{"text", "probe did not run: " + probe.error}}},
                             {"descriptor", {{"id", "probe-error"}}}});
  if (probe.reducedPrecision)
    notifications.push_back(
        {{"level", "warning"},
         {"message", {{"text", "reduced precision: some measurements were not possible"}}},
         {"descriptor", {{"id", "reduced-precision"}}}});
  if (!notifications.empty())
    invocation["toolExecutionNotifications"] = notifications;
  if (!probe.command.empty())
    invocation["commandLine"] = target;
  json run = {{"tool", {{"driver", driver(tool, rules)}}},
              {"automationDetails", {{"id", "twelve/probe/"}}},
              {"invocations", json::array({invocation})},
              {"results", results}};
  if (!options.probeRoot.empty())
    run["originalUriBaseIds"] = {{"%SRCROOT%", {{"uri", rootUri(options.probeRoot)}}}};
  return run;
}

} // namespace

void writeSarif(std::ostream &out, const ScanResult *scan, const ProbeResult *probe,
                const RuleCatalog &catalog, const ToolInfo &tool, const SarifOptions &options) {
  json runs = json::array();
  if (scan)
    runs.push_back(scanRun(*scan, catalog, tool));
  if (probe)
    runs.push_back(probeRun(*probe, catalog, tool, options));
  json doc = {{"$schema", kSchema}, {"version", "2.1.0"}, {"runs", runs}};
  // Source lines may hold invalid UTF-8: replace it rather than fail.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

void writeScanSarif(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                    const ToolInfo &tool) {
  writeSarif(out, &result, nullptr, catalog, tool);
}

void writeProbeSarif(std::ostream &out, const ProbeResult &result, const RuleCatalog &catalog,
                     const ToolInfo &tool, const SarifOptions &options) {
  writeSarif(out, nullptr, &result, catalog, tool, options);
}

} // namespace twelve::report
