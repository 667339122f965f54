// The configuration file (.twelve.yaml): found upward from the scanned path,
// validated at start-up, merged under flags and TWELVE_* environment variables.
#pragma once

#include "core/rule.h"

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace twelve::cli {

/// A configuration error; the message names the file, line and key.
class ConfigError : public std::runtime_error {
public:
  using std::runtime_error::runtime_error;
};

/// What a configuration file may set. Every field is optional: unset means
/// "not said here", so that a lower layer (defaults) applies.
struct FileConfig {
  std::string path; // where it was read from; empty when there is none

  // scan
  std::optional<std::string> checks;
  std::optional<std::string> failOn;
  std::optional<std::string> format;
  std::optional<unsigned> jobs;
  std::optional<std::string> buildDir;
  std::vector<std::string> exclude;
  std::optional<bool> includeTests; // scan test code too (default: no)
  std::map<std::string, Severity> severity; // rule id -> severity override

  // rule options
  std::vector<std::string> allowedHosts;
  std::vector<std::string> credentialKeywords;
  std::vector<std::string> logFileFunctions; // project functions that open log files
  std::vector<std::string> configFunctions;  // project functions that read config

  // probe defaults
  std::optional<double> startupTimeout;
  std::optional<double> startupBudget;
  std::optional<double> grace;
  std::optional<std::string> portEnv;
  std::optional<std::string> healthPath;
};

/// The .twelve.yaml (or .twelve.yml) in `start` or the nearest folder above it; empty if none.
std::string findConfigFile(const std::string &start);

/// Reads and validates a configuration file. Unknown keys, wrong types and
/// unknown rule ids are errors naming the file, line and key.
FileConfig loadConfigFile(const std::string &path, const RuleCatalog &catalog);

} // namespace twelve::cli
