// Rule selection by ordered globs, as clang-tidy's --checks: "-*,config/*,-config/env-fallback".
#pragma once

#include "core/rule.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twelve {

/// True when `text` matches `glob`, where '*' matches any run of characters.
bool globMatch(std::string_view glob, std::string_view text);

/// The set of enabled rules. Starts from the stable rules; each glob in order
/// enables (`glob`) or disables (`-glob`) the rules it matches. Preview rules are
/// enabled only by a glob other than a bare '*'.
class RuleSelection {
public:
  /// Parses a comma-separated glob list. Returns an error message naming the
  /// first glob that matches no rule of `catalog`, or nullopt on success.
  static std::optional<std::string> validate(std::string_view globs, const RuleCatalog &catalog);

  RuleSelection(std::string_view globs, const RuleCatalog &catalog);
  bool enabled(std::string_view ruleId) const;
  const std::vector<std::string> &ids() const { return ids_; }

private:
  std::vector<std::string> ids_; // sorted
};

} // namespace twelve
