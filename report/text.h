// Compiler-style text output for people at a terminal.
#pragma once

#include "core/finding.h"
#include "core/rule.h"

#include <ostream>

namespace twelve::report {

struct TextOptions {
  bool color = false;
  bool showSource = true; // the source line and a caret under each finding
};

/// `path:line:col: severity: message [rule]`, the source line and a caret,
/// then errors, a summary per factor, and a pointer to `twelve rules` per rule seen.
void writeScanText(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                   const TextOptions &options);

} // namespace twelve::report
