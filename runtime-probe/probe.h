// The runtime probe: launches (or attaches to) a service and measures it against factors VI-IX and
// XI.
#pragma once

#include "core/probe_result.h"

#include <string>
#include <utility>
#include <vector>

namespace twelve::probe {

/// A validated probe configuration (cli/ resolves the flags into this).
struct ProbeOptions {
  std::vector<std::string> command; // launch mode; {port} in the arguments is replaced
  int pid = 0;                      // attach mode when non-zero
  int port = 0;                     // 0: pick a free port
  std::string portEnv = "PORT";
  double startupTimeout = 60; // seconds to wait for the port
  double startupBudget = 10;  // seconds a fast start may take
  double grace = 30;          // seconds between SIGTERM and SIGKILL
  std::string httpPath;       // GET this path once listening, when set
  std::string cwd;
  std::vector<std::pair<std::string, std::string>> env;
  bool verbose = false; // pass the service's output through, live, to our stderr
  bool trace = true;    // ptrace + seccomp; false samples /proc only
  double observe = 0;   // seconds to keep the service running before SIGTERM (load tests)
};

/// Runs the whole lifecycle and returns one result per check. Never leaves a
/// process behind; on SIGINT/SIGTERM to the caller it cleans up and sets error.
ProbeResult run(const ProbeOptions &options);

/// The ids of the checks, in report order.
const std::vector<std::string> &checkIds();

} // namespace twelve::probe
