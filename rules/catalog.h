// The built-in rule catalog, parsed from the rule files embedded at build time.
#pragma once

#include "core/rule.h"

#include <string_view>
#include <vector>

namespace twelve::rules {

/// One embedded rule file: its path in the source tree and its text.
struct RuleFile {
  std::string_view path;
  std::string_view text;
};

/// The embedded rule files, in the order CMake lists them.
const std::vector<RuleFile> &ruleFiles();

/// Every built-in rule. The files are validated by tests, so a parse error here
/// is a build defect and terminates.
const RuleCatalog &catalog();

} // namespace twelve::rules
