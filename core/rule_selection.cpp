#include "core/rule_selection.h"

#include <algorithm>

namespace twelve {

namespace {

std::vector<std::string> splitGlobs(std::string_view globs) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : globs) {
    if (c == ',') {
      if (!cur.empty())
        out.push_back(cur);
      cur.clear();
    } else if (c != ' ' && c != '\t' && c != '\n') {
      cur += c;
    }
  }
  if (!cur.empty())
    out.push_back(cur);
  return out;
}

} // namespace

bool globMatch(std::string_view glob, std::string_view text) {
  // Iterative matcher with single-star backtracking.
  size_t g = 0, t = 0, star = std::string_view::npos, mark = 0;
  while (t < text.size()) {
    if (g < glob.size() && glob[g] == '*') {
      star = g++;
      mark = t;
    } else if (g < glob.size() && glob[g] == text[t]) {
      ++g;
      ++t;
    } else if (star != std::string_view::npos) {
      g = star + 1;
      t = ++mark;
    } else {
      return false;
    }
  }
  while (g < glob.size() && glob[g] == '*')
    ++g;
  return g == glob.size();
}

std::optional<std::string> RuleSelection::validate(std::string_view globs,
                                                   const RuleCatalog &catalog) {
  for (const auto &item : splitGlobs(globs)) {
    std::string_view glob = item;
    if (glob.front() == '-')
      glob.remove_prefix(1);
    if (glob.empty())
      return "empty rule glob in '" + std::string(globs) + "'";
    bool any = std::any_of(catalog.rules().begin(), catalog.rules().end(),
                           [&](const Rule &r) { return globMatch(glob, r.id); });
    if (!any)
      return "'" + std::string(glob) + "' matches no rule (see 'twelve rules')";
  }
  return std::nullopt;
}

RuleSelection::RuleSelection(std::string_view globs, const RuleCatalog &catalog) {
  auto items = splitGlobs(globs);
  for (const auto &rule : catalog.rules()) {
    bool on = rule.lifecycle == Lifecycle::Stable;
    for (const auto &item : items) {
      std::string_view glob = item;
      bool negative = glob.front() == '-';
      if (negative)
        glob.remove_prefix(1);
      if (!globMatch(glob, rule.id))
        continue;
      if (negative)
        on = false;
      else if (rule.lifecycle == Lifecycle::Stable || glob != "*")
        on = true;
    }
    if (on)
      ids_.push_back(rule.id);
  }
}

bool RuleSelection::enabled(std::string_view ruleId) const {
  return std::binary_search(ids_.begin(), ids_.end(), ruleId);
}

} // namespace twelve
