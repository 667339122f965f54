// Options that checks read once, in their constructors; free of Clang headers.
#pragma once

#include <string>
#include <vector>

namespace twelve::checks {

/// Set from the configuration (flags, TWELVE_* environment, .twelve.yaml).
struct CheckOptions {
  /// Hosts that config/hardcoded-endpoint and config/hardcoded-url accept
  /// (for example a sidecar at "127.0.0.1"). Glob patterns.
  std::vector<std::string> allowedHosts;
  /// Extra identifier words that mark a credential (beyond password, secret, ...).
  std::vector<std::string> credentialKeywords;
  /// The project's own functions that open log files ("mylog::open_file"):
  /// logs/file-sink reports their calls.
  std::vector<std::string> logFileFunctions;
  /// The project's own functions that read configuration ("settings::get"):
  /// config/env-fallback treats them as getenv, and a literal default passed
  /// to them is a hardcoded fallback.
  std::vector<std::string> configFunctions;
};

} // namespace twelve::checks
