// `twelve probe`: raw flags in, validated probe options, a probe run, a report, an exit code.
#pragma once

#include <string>
#include <vector>

namespace twelve::cli {

/// The flags of `twelve probe` as given, before validation.
struct ProbeFlags {
  std::vector<std::string> command; // after `--`
  int pid = 0;
  int port = 0;
  std::string portEnv = "PORT";
  double startupTimeout = 60;
  double startupBudget = 10;
  double grace = 30;
  std::string http;
  std::string cwd;
  std::vector<std::string> env; // K=V
  bool verbose = false;
  bool noTrace = false;
  double observe = 0;
  std::string format = "text";
  std::string output;
  std::string failOn = "error"; // error (failed checks), warning, never
  std::string color = "auto";
};

/// Runs the probe and returns the process exit code (0, 1, 2 or 3; see exit_codes.h).
int runProbe(const ProbeFlags &flags);

} // namespace twelve::cli
