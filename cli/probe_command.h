// `twelve probe`: raw flags in, validated probe options, a probe run, a report, an exit code.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/probe_result.h"
#include "runtime-probe/probe.h"

namespace twelve::cli {

/// The flags of `twelve probe` as given, before validation.
struct ProbeFlags {
  std::vector<std::string> command; // after `--`
  int pid = 0;
  int port = 0;
  // Unset: the configuration file's probe section decides, then the default.
  std::optional<std::string> portEnv;     // default PORT
  std::optional<double> startupTimeout;   // default 60 s
  std::optional<double> startupBudget;    // default 10 s
  std::optional<double> grace;            // default 30 s
  std::optional<std::string> http;        // default: no HTTP check
  std::string config; // --config FILE; default: .twelve.yaml found upward from --cwd or .
  std::string cwd;
  std::vector<std::string> env; // K=V
  bool verbose = false;
  bool noTrace = false;
  double observe = 0;
  std::vector<std::string> formats; // NAME or NAME=FILE; default text
  std::string output;
  std::string artifact; // repository file SARIF/Code Quality results point at
  std::string failOn = "error"; // error (failed checks), warning, never
  std::string color = "auto";
};

/// Runs the probe and returns the process exit code (0, 1, 2 or 3; see exit_codes.h).
int runProbe(const ProbeFlags &flags);

/// The probe options from the flags over the configuration file over the
/// defaults; throws ConfigError naming the flag or key. For `twelve audit`.
probe::ProbeOptions resolveProbe(const ProbeFlags &flags);

/// The exit code for a probe result under --fail-on (error, warning, never).
int probeExitCode(const ProbeResult &result, const std::string &failOn);

} // namespace twelve::cli
