// NOLINT comments: `// NOLINT(rule-id): reason`, NOLINTNEXTLINE, NOLINTBEGIN/NOLINTEND.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace twelve::analyzer {

/// One suppression comment found in a file.
struct Suppression {
  enum class Kind { Line, NextLine, Begin, End };
  Kind kind = Kind::Line;
  unsigned line = 0;              // 1-based line of the comment
  std::vector<std::string> rules; // rule-id globs; empty means every rule
  std::string reason;             // text after "):", may be empty
  bool used = false;
};

/// The suppressions of one file, and the question whether one silences a finding.
class FileSuppressions {
public:
  static FileSuppressions parse(std::string_view text);

  /// True when a comment silences `rule` at `line`; marks that comment used.
  bool suppresses(std::string_view rule, unsigned line);

  const std::vector<Suppression> &all() const { return items_; }
  bool empty() const { return items_.empty(); }

private:
  std::vector<Suppression> items_;
};

} // namespace twelve::analyzer
