// The JSON report: a documented, stable schema (docs/json-format.md).
#pragma once

#include "core/finding.h"
#include "core/rule.h"

#include <istream>
#include <ostream>
#include <string>

namespace twelve::report {

struct ToolInfo {
  std::string name = "twelve";
  std::string version;
};

/// Writes `{"tool", "root", "findings", "errors", "summary"}`; see docs/json-format.md.
void writeScanJson(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                   const ToolInfo &tool);

/// Reads what writeScanJson wrote. Throws std::runtime_error naming the problem.
ScanResult readScanJson(std::istream &in, const std::string &origin);

} // namespace twelve::report
