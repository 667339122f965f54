// The probe's JSON report: {"target", "checks", "summary"}, documented in README.
#pragma once

#include "core/probe_result.h"

#include <istream>
#include <ostream>
#include <string>

namespace twelve::report {

/// Writes
/// `{"target":{...},"checks":[{"id","factor","status","message","evidence":{...}}],"summary":{...}}`.
/// `factor` is the factor's number (1..12), as in the scan's JSON.
void writeProbeJson(std::ostream &out, const ProbeResult &result);

/// Reads what writeProbeJson wrote (for `twelve report --probe`). Throws
/// std::runtime_error naming `origin` and the problem.
ProbeResult readProbeJson(std::istream &in, const std::string &origin);

} // namespace twelve::report
