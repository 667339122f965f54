#include "analyzer/suppressions.h"

#include "core/rule_selection.h"

#include <algorithm>
#include <cctype>

namespace twelve::analyzer {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t'))
    s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r'))
    s.remove_suffix(1);
  return s;
}

// A reason ends where a block comment does.
std::string_view reasonText(std::string_view s) {
  auto end = s.find("*/");
  return trim(end == std::string_view::npos ? s : s.substr(0, end));
}

bool matches(const Suppression &s, std::string_view rule) {
  if (s.rules.empty())
    return true;
  for (const auto &glob : s.rules)
    if (globMatch(glob, rule))
      return true;
  return false;
}

// Parses what follows the NOLINT keyword: "(a, b): reason" or nothing.
// Returns false when the parenthesized list names no twelve rule (a comment
// meant for clang-tidy, such as NOLINT(bugprone-foo)).
bool parseArguments(std::string_view rest, Suppression &s) {
  if (rest.empty() || rest.front() != '(')
    return true; // bare NOLINT: every rule, as in clang-tidy
  auto close = rest.find(')');
  if (close == std::string_view::npos)
    return false;
  auto list = rest.substr(1, close - 1);
  bool any = false;
  while (!list.empty()) {
    auto comma = list.find(',');
    auto item = trim(list.substr(0, comma));
    if (item.find('/') != std::string_view::npos || item == "*") {
      s.rules.emplace_back(item);
      any = true;
    }
    if (comma == std::string_view::npos)
      break;
    list.remove_prefix(comma + 1);
  }
  auto after = rest.substr(close + 1);
  if (!after.empty() && after.front() == ':')
    s.reason = std::string(reasonText(after.substr(1)));
  return any;
}

} // namespace

FileSuppressions FileSuppressions::parse(std::string_view text) {
  FileSuppressions out;
  unsigned lineNo = 0;
  while (!text.empty()) {
    ++lineNo;
    auto nl = text.find('\n');
    auto line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);

    auto pos = line.find("NOLINT");
    if (pos == std::string_view::npos)
      continue;
    auto comment = line.find("//");
    auto block = line.find("/*");
    auto start = std::min(comment, block);
    if (start == std::string_view::npos || start > pos)
      continue;
    auto rest = line.substr(pos + 6);
    Suppression s;
    s.line = lineNo;
    if (rest.substr(0, 8) == "NEXTLINE") {
      s.kind = Suppression::Kind::NextLine;
      rest.remove_prefix(8);
    } else if (rest.substr(0, 5) == "BEGIN") {
      s.kind = Suppression::Kind::Begin;
      rest.remove_prefix(5);
    } else if (rest.substr(0, 3) == "END") {
      s.kind = Suppression::Kind::End;
      rest.remove_prefix(3);
    } else if (!rest.empty() && (std::isalnum(static_cast<unsigned char>(rest.front())) ||
                                 rest.front() == '_')) {
      continue; // NOLINTSOMETHING: not ours
    }
    if (parseArguments(rest, s))
      out.items_.push_back(std::move(s));
  }
  return out;
}

bool FileSuppressions::suppresses(std::string_view rule, unsigned line) {
  for (auto &s : items_) {
    bool hit = false;
    switch (s.kind) {
    case Suppression::Kind::Line:
      hit = s.line == line;
      break;
    case Suppression::Kind::NextLine:
      hit = s.line + 1 == line;
      break;
    case Suppression::Kind::Begin: {
      if (s.line > line)
        break;
      // Open until the first matching END after it.
      unsigned end = ~0u;
      for (const auto &e : items_)
        if (e.kind == Suppression::Kind::End && e.line > s.line && e.rules == s.rules) {
          end = e.line;
          break;
        }
      hit = line < end;
      break;
    }
    case Suppression::Kind::End:
      break;
    }
    if (hit && matches(s, rule)) {
      s.used = true;
      return true;
    }
  }
  return false;
}

} // namespace twelve::analyzer
