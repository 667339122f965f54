// `twelve scan`: raw flags in, a validated configuration, a scan, a report, an exit code.
#pragma once

#include <string>
#include <vector>

namespace twelve::cli {

/// The flags of `twelve scan` as given, before validation.
struct ScanFlags {
  std::vector<std::string> paths;
  std::string buildDir;
  unsigned jobs = 0;
  std::string format = "text";
  std::string output;
  std::string checks;
  std::string failOn = "warning";
  std::string color = "auto";
  std::string root;
  std::string resourceDir;
  std::vector<std::string> exclude;
  std::vector<std::string> extraArgs;
  bool verbose = false;
  bool quiet = false;
};

/// Runs the scan and returns the process exit code.
int runScan(const ScanFlags &flags);

} // namespace twelve::cli
