#include "core/rule.h"

#include <algorithm>

namespace twelve {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() &&
         (s.front() == ' ' || s.front() == '\t' || s.front() == '\r' || s.front() == '\n'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r' ||
                        s.back() == '\n'))
    s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> splitLines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    auto nl = text.find('\n');
    lines.push_back(text.substr(0, nl));
    if (nl == std::string_view::npos)
      break;
    text.remove_prefix(nl + 1);
  }
  return lines;
}

[[noreturn]] void fail(std::string_view origin, size_t line, std::string_view what) {
  throw RuleParseError{std::string(origin) + ":" + std::to_string(line) + ": " +
                       std::string(what)};
}

} // namespace

std::string_view name(Lifecycle l) {
  switch (l) {
  case Lifecycle::Preview:
    return "preview";
  case Lifecycle::Stable:
    return "stable";
  case Lifecycle::Deprecated:
    return "deprecated";
  }
  return "stable";
}

std::string_view Rule::section(std::string_view title) const {
  for (const auto &s : sections)
    if (s.title == title)
      return s.body;
  return {};
}

std::string Rule::markdown() const {
  std::string out = "# " + id + "\n\n";
  out += "**" + name + "** · factor " + std::string(info(factor).roman) + " (" +
         std::string(twelve::title(factor)) + ") · default severity " +
         std::string(twelve::name(severity)) + " · " + std::string(twelve::name(lifecycle)) +
         " · " + (kind == "runtime" ? "checked by `twelve probe`" : "checked by `twelve scan`") +
         "\n\n" + summary + "\n";
  for (const auto &s : sections)
    out += "\n## " + s.title + "\n\n" + s.body + "\n";
  return out;
}

std::string Rule::helpUri() const {
  return "https://github.com/twelve-lint/twelve/blob/main/docs/rules/" + id + ".md";
}

Rule parseRule(std::string_view text, std::string_view origin) {
  auto lines = splitLines(text);
  if (lines.empty() || trim(lines[0]) != "---")
    fail(origin, 1, "a rule file starts with a '---' line");
  Rule rule;
  size_t i = 1;
  bool closed = false;
  bool haveSeverity = false;
  for (; i < lines.size(); ++i) {
    auto line = trim(lines[i]);
    if (line == "---") {
      closed = true;
      ++i;
      break;
    }
    if (line.empty())
      continue;
    auto colon = line.find(':');
    if (colon == std::string_view::npos)
      fail(origin, i + 1, "expected 'key: value'");
    auto key = trim(line.substr(0, colon));
    auto value = trim(line.substr(colon + 1));
    if (key == "id") {
      rule.id = std::string(value);
      auto slash = value.find('/');
      auto factor = factorFromSlug(value.substr(0, slash));
      if (slash == std::string_view::npos || !factor)
        fail(origin, i + 1, "id must be <factor-slug>/<rule-name>");
      rule.factor = *factor;
    } else if (key == "name") {
      rule.name = std::string(value);
    } else if (key == "severity") {
      auto s = parseSeverity(value);
      if (!s)
        fail(origin, i + 1, "severity must be error, warning or note");
      rule.severity = *s;
      haveSeverity = true;
    } else if (key == "lifecycle") {
      if (value == "preview")
        rule.lifecycle = Lifecycle::Preview;
      else if (value == "stable")
        rule.lifecycle = Lifecycle::Stable;
      else if (value == "deprecated")
        rule.lifecycle = Lifecycle::Deprecated;
      else
        fail(origin, i + 1, "lifecycle must be preview, stable or deprecated");
    } else if (key == "summary") {
      rule.summary = std::string(value);
    } else if (key == "kind") {
      if (value != "static" && value != "runtime")
        fail(origin, i + 1, "kind must be static or runtime");
      rule.kind = std::string(value);
    } else {
      fail(origin, i + 1, "unknown key '" + std::string(key) + "'");
    }
  }
  if (!closed)
    fail(origin, lines.size(), "front matter is not closed by '---'");
  if (rule.id.empty() || rule.name.empty() || rule.summary.empty() || !haveSeverity ||
      rule.kind.empty())
    fail(origin, 1, "front matter needs id, name, severity, kind and summary");

  RuleSection *current = nullptr;
  for (; i < lines.size(); ++i) {
    auto line = lines[i];
    if (line.substr(0, 3) == "## ") {
      rule.sections.push_back({std::string(trim(line.substr(3))), {}});
      current = &rule.sections.back();
      continue;
    }
    if (!current) {
      if (!trim(line).empty())
        fail(origin, i + 1, "text before the first '## ' section");
      continue;
    }
    current->body += std::string(line);
    current->body += '\n';
  }
  for (auto &s : rule.sections)
    s.body = std::string(trim(s.body));
  return rule;
}

RuleCatalog::RuleCatalog(std::vector<Rule> rules) : rules_(std::move(rules)) {
  std::sort(rules_.begin(), rules_.end(),
            [](const Rule &a, const Rule &b) { return a.id < b.id; });
}

const Rule *RuleCatalog::find(std::string_view id) const {
  auto it = std::lower_bound(rules_.begin(), rules_.end(), id,
                             [](const Rule &r, std::string_view v) { return r.id < v; });
  return it != rules_.end() && it->id == id ? &*it : nullptr;
}

} // namespace twelve
