// The baseline file: sorted, stable JSON without line numbers or timestamps.
#pragma once

#include "core/baseline.h"

#include <istream>
#include <ostream>
#include <string>

namespace twelve::report {

/// `{"version": 1, "findings": [{"rule", "file", "fingerprint", "message"}]}`.
void writeBaseline(std::ostream &out, const Baseline &baseline);

/// Reads a baseline file; throws std::runtime_error naming `origin` and the problem.
Baseline readBaseline(std::istream &in, const std::string &origin);

} // namespace twelve::report
