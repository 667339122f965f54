#include "report/probe_json.h"

#include <nlohmann/json.hpp>

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
                      {"factor", std::string(slug(c.factor))},
                      {"status", status},
                      {"message", c.message},
                      {"evidence", evidence}});
    summary[status] = summary[status].get<int>() + 1;
  }
  summary["seconds"] = result.seconds;
  ordered_json doc = {{"target", target}, {"checks", checks}, {"summary", summary}};
  out << doc.dump(2) << "\n";
}

} // namespace twelve::report
