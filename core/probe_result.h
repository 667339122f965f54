// Results of the runtime probe: one per check, with measured evidence.
#pragma once

#include "core/factor.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace twelve {

/// The outcome of one probe check.
enum class ProbeStatus { Pass, Warn, Fail, Skip };

std::string_view name(ProbeStatus s);

/// One probe check's verdict: what was measured and what a person should do.
struct ProbeCheckResult {
  std::string id; // rule id, e.g. "disposability/graceful-shutdown"
  Factor factor = Factor::Disposability;
  ProbeStatus status = ProbeStatus::Skip;
  std::string message;
  /// Ordered key/value evidence: ports, milliseconds, exit status, paths.
  std::vector<std::pair<std::string, std::string>> evidence;
};

/// What was probed and how it went.
struct ProbeResult {
  std::vector<std::string> command; // launch mode
  int pid = 0;                      // attach mode, or the launched pid
  int port = 0;
  bool reducedPrecision = false; // e.g. ptrace not permitted
  std::string error;             // set when the target could not be run at all
  std::vector<ProbeCheckResult> checks;
  double seconds = 0;
};

} // namespace twelve
