// Rule metadata and the catalog of all rules, parsed from the rule files of rules/.
#pragma once

#include "core/factor.h"
#include "core/severity.h"

#include <string>
#include <string_view>
#include <vector>

namespace twelve {

/// Where a rule stands in its life: stable rules are on by default, preview
/// rules only when selected by name, deprecated rules only when selected.
enum class Lifecycle { Preview, Stable, Deprecated };

std::string_view name(Lifecycle l);

/// A titled part of a rule's documentation ("What it does", "Example", ...).
struct RuleSection {
  std::string title;
  std::string body; // Markdown
};

/// One rule: a stable id `<factor-slug>/<name>`, its factor, default severity
/// and documentation.
struct Rule {
  std::string id;
  std::string name; // human name: "Hardcoded credential"
  Factor factor = Factor::Config;
  Severity severity = Severity::Warning;
  Lifecycle lifecycle = Lifecycle::Stable;
  std::string summary; // one sentence
  std::string kind;    // "static" (twelve scan) or "runtime" (twelve probe)
  std::vector<RuleSection> sections;

  /// The section with this title, or an empty string.
  std::string_view section(std::string_view title) const;
  /// The rule's documentation page as Markdown.
  std::string markdown() const;
  /// A stable URL to the rule's documentation page.
  std::string helpUri() const;
};

/// Thrown when a rule file is malformed; says which file and line.
struct RuleParseError {
  std::string message;
};

/// Parses one rule file: a front matter of `key: value` lines between `---`
/// lines, then Markdown sections headed `## Title`.
Rule parseRule(std::string_view text, std::string_view origin);

/// All rules, sorted by id.
class RuleCatalog {
public:
  RuleCatalog() = default;
  explicit RuleCatalog(std::vector<Rule> rules);

  const std::vector<Rule> &rules() const { return rules_; }
  const Rule *find(std::string_view id) const;

private:
  std::vector<Rule> rules_;
};

} // namespace twelve
