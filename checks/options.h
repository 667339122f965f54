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
};

} // namespace twelve::checks
