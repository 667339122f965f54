// The probe's checklist for people: one line per check with the measured figure.
#pragma once

#include "core/probe_result.h"

#include <ostream>

namespace twelve::report {

/// `PASS  disposability/graceful-shutdown  exited 0 after SIGTERM in 12 ms`, one line per
/// check, then a summary; with `verbose`, each check's evidence indented below it.
void writeProbeText(std::ostream &out, const ProbeResult &result, bool color, bool verbose = false);

} // namespace twelve::report
