// Runs one check over code held in memory, as clang-tidy's runCheckOnCode does,
// and compares its findings with `// expect: rule-id` markers in the code.
#pragma once

#include "checks/options.h"
#include "core/finding.h"

#include <gtest/gtest.h>

#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::testing {

struct CodeOptions {
  std::string fileName = "input.cpp";
  std::vector<std::string> args;                 // extra compiler arguments
  /// In-memory headers by name: "x.h" is a project header (#include "x.h");
  /// "sys/spdlog/spdlog.h" stands in for an installed library header
  /// (#include <spdlog/spdlog.h>), found before the real one and treated as a
  /// system header, so tests do not depend on what this machine has installed.
  std::map<std::string, std::string> extraFiles;
  checks::CheckOptions checkOptions; // as set by the configuration file
  /// The code has a missing header or an error on purpose (name fallbacks).
  bool expectReducedPrecision = false;
};

/// Options for code that has a missing header or an error on purpose.
inline CodeOptions reducedPrecision() {
  CodeOptions o;
  o.expectReducedPrecision = true;
  return o;
}

/// The findings of rule `ruleId` on `code`.
ScanResult runCheck(std::string_view ruleId, std::string_view code, const CodeOptions &options = {});

/// Runs `ruleId` over `code` and succeeds when the lines with findings are
/// exactly the lines marked `// expect: <ruleId>` (several ids may be listed,
/// comma-separated). Unexpected and missing findings are listed on failure.
::testing::AssertionResult matchesMarkers(std::string_view ruleId, std::string_view code,
                                          const CodeOptions &options = {});

} // namespace twelve::testing
