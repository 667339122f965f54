// Runs one check over code held in memory, as clang-tidy's runCheckOnCode does,
// and compares its findings with `// expect: rule-id` markers in the code.
#pragma once

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
  std::map<std::string, std::string> extraFiles; // in-memory headers, by name
};

/// The findings of rule `ruleId` on `code`.
ScanResult runCheck(std::string_view ruleId, std::string_view code, const CodeOptions &options = {});

/// Runs `ruleId` over `code` and succeeds when the lines with findings are
/// exactly the lines marked `// expect: <ruleId>` (several ids may be listed,
/// comma-separated). Unexpected and missing findings are listed on failure.
::testing::AssertionResult matchesMarkers(std::string_view ruleId, std::string_view code,
                                          const CodeOptions &options = {});

} // namespace twelve::testing
