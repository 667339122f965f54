// The documented exit codes of every twelve command (README, "Exit codes").
#pragma once

namespace twelve::cli {

enum ExitCode : int {
  Success = 0,    // nothing at or above --fail-on
  Findings = 1,   // findings (scan) or failed checks (probe) at or above --fail-on
  UsageError = 2, // bad flags, bad configuration, bad input (missing file, malformed database)
  Incomplete = 3, // the analysis is incomplete: a file could not be analyzed / the target could not run
};

} // namespace twelve::cli
