// `twelve scan`: raw flags in, a validated configuration, a scan, a report, an exit code.
#pragma once

#include "core/finding.h"

#include <optional>
#include <string>
#include <vector>

namespace twelve::cli {

/// The flags of `twelve scan` as given, before validation. An unset optional
/// was given neither as a flag nor in the environment: the configuration file
/// (then the default) decides.
struct ScanFlags {
  std::vector<std::string> paths;
  std::optional<std::string> buildDir;
  std::optional<unsigned> jobs;
  std::vector<std::string> formats; // NAME or NAME=FILE; empty: the file's, else text
  std::string output;               // -o: the file of the format given without one
  std::optional<std::string> checks;
  std::optional<std::string> failOn;
  std::string config; // --config FILE; default: .twelve.yaml found upward from the first path
  std::string color = "auto";
  std::string root;
  std::string resourceDir;
  std::vector<std::string> exclude;
  bool includeTests = false; // also scan test folders and files (default: skipped)
  std::vector<std::string> extraArgs;
  bool verbose = false;
  bool quiet = false;
  std::string baseline;      // report only findings not in this baseline file
  std::string writeBaseline; // write the findings as a baseline file
  bool reportUnusedSuppressions = false;
  std::string changedSince; // a git revision: report only findings in files changed since
  bool noCache = false;
  std::string cacheDir;     // default: $TWELVE_CACHE_DIR, $XDG_CACHE_HOME/twelve, ~/.cache/twelve
  double fileTimeout = 300; // seconds per translation unit; 0: no limit
  std::string shard;        // "K/N": analyze the K-th of N deterministic parts
};

/// The flags of `twelve merge`.
struct MergeFlags {
  std::vector<std::string> inputs; // JSON results of `twelve scan --format json`
  std::vector<std::string> formats; // NAME or NAME=FILE; default text
  std::string output;
  std::string failOn = "warning";
  std::string color = "auto";
};

/// Merges sharded scan results into one, as if one scan had run.
int runMerge(const MergeFlags &flags);

/// Runs the scan and returns the process exit code.
int runScan(const ScanFlags &flags);

/// For `twelve audit`: the scan of `flags`, configured as `twelve scan` would be.
/// Throws ConfigError for bad flags or configuration, std::runtime_error for bad input.
ScanResult scanFor(const ScanFlags &flags);

/// Exit code of a scan result under --fail-on (error, warning, note, never).
int scanExitCode(const ScanResult &result, const std::string &failOn);

/// `twelve config --dump`: prints the effective configuration for a scan of
/// `flags.paths`, each value with where it came from.
int dumpConfig(const ScanFlags &flags);

} // namespace twelve::cli
