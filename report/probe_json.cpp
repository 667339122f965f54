#include "report/probe_json.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace twelve::report {

void writeProbeJson(std::ostream &out, const ProbeResult &result) {
  using nlohmann::ordered_json;
  ordered_json target;
  if (!result.command.empty())
    target["command"] = result.command;
  target["pid"] = result.pid;
  target["port"] = result.port;
  target["mode"] = result.command.empty() ? "attach" : "launch";
  target["reduced_precision"] = result.reducedPrecision;
  if (!result.error.empty())
    target["error"] = result.error;
  ordered_json checks = ordered_json::array();
  ordered_json summary = {{"pass", 0}, {"warn", 0}, {"fail", 0}, {"skip", 0}};
  for (auto &c : result.checks) {
    ordered_json evidence = ordered_json::object();
    for (auto &[k, v] : c.evidence)
      evidence[k] = v;
    std::string status(name(c.status));
    checks.push_back({{"id", c.id},
                      {"factor", number(c.factor)},
                      {"status", status},
                      {"message", c.message},
                      {"evidence", evidence}});
    summary[status] = summary[status].get<int>() + 1;
  }
  summary["seconds"] = result.seconds;
  ordered_json doc = {{"target", target}, {"checks", checks}, {"summary", summary}};
  out << doc.dump(2) << "\n";
}

ProbeResult readProbeJson(std::istream &in, const std::string &origin) {
  using nlohmann::json;
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::parse_error &e) {
    throw std::runtime_error(origin + ": not valid JSON: " + e.what());
  }
  try {
    ProbeResult r;
    const auto &target = doc.at("target");
    if (target.contains("command"))
      r.command = target.at("command").get<std::vector<std::string>>();
    r.pid = target.value("pid", 0);
    r.port = target.value("port", 0);
    r.reducedPrecision = target.value("reduced_precision", false);
    r.error = target.value("error", "");
    for (const auto &j : doc.at("checks")) {
      ProbeCheckResult c;
      c.id = j.at("id").get<std::string>();
      auto factor = factorFromNumber(j.at("factor").get<int>());
      if (!factor)
        throw std::runtime_error("bad factor in check " + c.id);
      c.factor = *factor;
      auto status = j.at("status").get<std::string>();
      if (status == "pass")
        c.status = ProbeStatus::Pass;
      else if (status == "warn")
        c.status = ProbeStatus::Warn;
      else if (status == "fail")
        c.status = ProbeStatus::Fail;
      else if (status == "skip")
        c.status = ProbeStatus::Skip;
      else
        throw std::runtime_error("bad status '" + status + "' in check " + c.id);
      c.message = j.at("message").get<std::string>();
      for (const auto &[k, v] : j.at("evidence").items())
        c.evidence.emplace_back(k, v.is_string() ? v.get<std::string>() : v.dump());
      r.checks.push_back(std::move(c));
    }
    r.seconds = doc.at("summary").value("seconds", 0.0);
    return r;
  } catch (const json::exception &e) {
    throw std::runtime_error(origin + ": not a twelve probe result: " + e.what());
  }
}

} // namespace twelve::report
