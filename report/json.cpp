#include "report/json.h"

#include <nlohmann/json.hpp>

#include <map>
#include <stdexcept>

namespace twelve::report {

using nlohmann::json;

void writeScanJson(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                   const ToolInfo &tool) {
  json doc;
  doc["tool"] = {{"name", tool.name}, {"version", tool.version}};
  doc["root"] = result.root;
  doc["rules"] = result.rules;
  doc["findings"] = json::array();
  std::map<std::string, size_t> bySeverity{{"error", 0}, {"warning", 0}, {"note", 0}};
  std::map<std::string, size_t> byFactor;
  std::map<std::string, size_t> byRule;
  for (const auto &f : result.findings) {
    const auto *rule = catalog.find(f.rule);
    doc["findings"].push_back({{"rule", f.rule},
                               {"factor", number(f.factor)},
                               {"severity", name(f.severity)},
                               {"file", f.file},
                               {"line", f.line},
                               {"column", f.column},
                               {"message", f.message},
                               {"source", f.sourceLine},
                               {"fingerprint", f.fingerprint},
                               {"url", rule ? rule->helpUri() : ""}});
    ++bySeverity[std::string(name(f.severity))];
    ++byFactor[std::to_string(number(f.factor))];
    ++byRule[f.rule];
  }
  doc["errors"] = json::array();
  for (const auto &e : result.errors)
    doc["errors"].push_back({{"file", e.file}, {"message", e.message}});
  if (!result.unusedSuppressions.empty()) {
    doc["unusedSuppressions"] = json::array();
    for (const auto &u : result.unusedSuppressions)
      doc["unusedSuppressions"].push_back({{"file", u.file}, {"line", u.line}, {"text", u.text}});
  }
  if (result.baseline.applied) {
    json fixed = json::array();
    for (const auto &f : result.baseline.fixed)
      fixed.push_back({{"rule", f.rule}, {"file", f.file}, {"fingerprint", f.fingerprint},
                       {"message", f.message}});
    doc["baseline"] = {{"matched", result.baseline.matched}, {"fixed", fixed}};
  }
  const auto &st = result.stats;
  doc["summary"] = {
      {"files",
       {{"analyzed", st.filesFull + st.filesReduced},
        {"full", st.filesFull},
        {"reduced", st.filesReduced},
        {"failed", st.filesFailed}}},
      {"findings", result.findings.size()},
      {"bySeverity", bySeverity},
      {"byFactor", byFactor},
      {"byRule", byRule},
      {"suppressed", st.suppressed},
      {"seconds", st.seconds},
  };
  // Source text may hold invalid UTF-8: replace it rather than fail.
  out << doc.dump(2, ' ', false, json::error_handler_t::replace) << "\n";
}

ScanResult readScanJson(std::istream &in, const std::string &origin) {
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error &e) {
    throw std::runtime_error(origin + ": not valid JSON: " + e.what());
  }
  try {
    ScanResult r;
    r.root = doc.value("root", "");
    if (doc.contains("rules"))
      r.rules = doc.at("rules").get<std::vector<std::string>>();
    for (const auto &j : doc.at("findings")) {
      Finding f;
      f.rule = j.at("rule").get<std::string>();
      auto factor = factorFromNumber(j.at("factor").get<int>());
      auto severity = parseSeverity(j.at("severity").get<std::string>());
      if (!factor || !severity)
        throw std::runtime_error("bad factor or severity in finding of " + f.rule);
      f.factor = *factor;
      f.severity = *severity;
      f.file = j.at("file").get<std::string>();
      f.line = j.at("line").get<unsigned>();
      f.column = j.at("column").get<unsigned>();
      f.message = j.at("message").get<std::string>();
      f.sourceLine = j.value("source", "");
      f.fingerprint = j.value("fingerprint", "");
      r.findings.push_back(std::move(f));
    }
    for (const auto &j : doc.at("errors"))
      r.errors.push_back({j.at("file").get<std::string>(), j.at("message").get<std::string>()});
    const auto &s = doc.at("summary");
    r.stats.filesFull = s.at("files").at("full").get<unsigned>();
    r.stats.filesReduced = s.at("files").at("reduced").get<unsigned>();
    r.stats.filesFailed = s.at("files").at("failed").get<unsigned>();
    r.stats.suppressed = s.value("suppressed", 0u);
    r.stats.seconds = s.value("seconds", 0.0);
    return r;
  } catch (const json::exception &e) {
    throw std::runtime_error(origin + ": not a twelve scan result: " + e.what());
  }
}

} // namespace twelve::report
