#include "report/baseline.h"

#include <nlohmann/json.hpp>

#include <stdexcept>

namespace twelve::report {

using nlohmann::ordered_json;

void writeBaseline(std::ostream &out, const Baseline &baseline) {
  ordered_json doc;
  doc["version"] = 1;
  doc["findings"] = ordered_json::array();
  for (const auto &e : baseline.entries)
    doc["findings"].push_back({{"rule", e.rule},
                               {"file", e.file},
                               {"fingerprint", e.fingerprint},
                               {"message", e.message}});
  out << doc.dump(2, ' ', false, ordered_json::error_handler_t::replace) << "\n";
}

Baseline readBaseline(std::istream &in, const std::string &origin) {
  ordered_json doc;
  try {
    doc = ordered_json::parse(in);
  } catch (const ordered_json::parse_error &e) {
    throw std::runtime_error(origin + ": not valid JSON: " + e.what());
  }
  try {
    if (doc.at("version").get<int>() != 1)
      throw std::runtime_error(origin + ": unsupported baseline version " + doc.at("version").dump());
    Baseline b;
    for (const auto &j : doc.at("findings")) {
      Finding e;
      e.rule = j.at("rule").get<std::string>();
      e.file = j.at("file").get<std::string>();
      e.fingerprint = j.at("fingerprint").get<std::string>();
      e.message = j.value("message", "");
      b.entries.push_back(std::move(e));
    }
    return b;
  } catch (const ordered_json::exception &e) {
    throw std::runtime_error(origin + ": not a twelve baseline: " + e.what());
  }
}

} // namespace twelve::report
