// The probe's JSON report: {"target", "checks", "summary"}, documented in README.
#pragma once

#include "core/probe_result.h"

#include <ostream>

namespace twelve::report {

/// Writes
/// `{"target":{...},"checks":[{"id","factor","status","message","evidence":{...}}],"summary":{...}}`.
void writeProbeJson(std::ostream &out, const ProbeResult &result);

} // namespace twelve::report
