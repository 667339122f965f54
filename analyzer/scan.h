// The scan engine: from paths and a compilation database to sorted, de-duplicated findings.
#pragma once

#include "checks/options.h"
#include "core/finding.h"
#include "core/rule.h"

#include <functional>
#include <map>
#include <optional>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::analyzer {

/// Bad input: a missing path, a malformed compilation database. The message
/// names the input and the problem. The CLI maps it to exit code 2.
class InputError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// Everything a scan needs, resolved and validated by the caller.
struct ScanOptions {
  std::vector<std::string> paths{"."}; // files or directories
  std::string buildDir;                // -p: a directory with compile_commands.json, or the file
  std::string root;                    // paths are reported relative to it; default: from paths
  unsigned jobs = 0;                   // 0: one per core
  std::vector<Rule> rules;             // enabled rules, each with its effective severity
  checks::CheckOptions checkOptions;
  std::string resourceDir;               // Clang's builtin headers; default: found at build time
  std::vector<std::string> excludeGlobs; // paths (relative to root) to leave out
  std::vector<std::string> extraArgs;    // appended to every compile command
  /// Progress and diagnostics for a person, written by the caller (to stderr).
  std::function<void(std::string_view)> log;
  bool verbose = false;
  /// List NOLINT comments naming twelve rules that silence nothing.
  bool reportUnusedSuppressions = false;
  /// When set (--changed-since), report only findings in these files (absolute
  /// paths) and in the translation units that include one of them.
  std::optional<std::set<std::string>> changedFiles;
  /// Per translation unit: a unit running longer is stopped and reported as an
  /// analysis error (0: no limit).
  double fileTimeout = 300;
  /// Where results are cached per translation unit; empty: no cache.
  std::string cacheDir;
  /// Analyze only the units whose path hashes into shard `shardIndex` (0-based)
  /// of `shardCount`; results of all shards merged equal an unsharded scan.
  unsigned shardIndex = 0, shardCount = 1;
};

/// Scans the files of `options`. Throws InputError for bad input; files that
/// cannot be analyzed are reported in ScanResult::errors, not thrown.
ScanResult scan(const ScanOptions &options);

/// Scans one file held in memory, with optional further in-memory files
/// (headers), as the scan does on disk. For tests and for stdin.
ScanResult scanCode(std::string_view code, std::string_view fileName,
                    const std::vector<Rule> &rules,
                    const std::vector<std::string> &args = {},
                    const std::map<std::string, std::string> &extraFiles = {},
                    const checks::CheckOptions &checkOptions = {});

/// The resource dir compiled in at build time.
std::string defaultResourceDir();

} // namespace twelve::analyzer
