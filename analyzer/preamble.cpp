#include "analyzer/preamble.h"

#include <cstdlib>
#include <cstring>
#include <map>

namespace twelve::analyzer {

namespace {

bool identStart(char c) { return c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool identChar(char c) { return identStart(c) || (c >= '0' && c <= '9'); }

class Scanner {
public:
  explicit Scanner(std::string_view s) : s_(s) {
    if (s_.substr(0, 3) == "\xEF\xBB\xBF")
      i_ = 3;
  }

  LeadingIncludes run() {
    LeadingIncludes out;
    while (skipBetweenLines() && i_ < s_.size() && s_[i_] == '#') {
      ++i_;
      blanks();
      auto word = identifier();
      blanks();
      std::string line;
      if (word == "include") {
        if (i_ >= s_.size() || (s_[i_] != '<' && s_[i_] != '"'))
          break; // #include MACRO
        char close = s_[i_] == '<' ? '>' : '"';
        auto end = s_.find_first_of(std::string{close, '\n'}, i_ + 1);
        if (end == std::string_view::npos || s_[end] != close)
          break;
        line = "#include " + std::string(s_.substr(i_, end + 1 - i_));
        i_ = end + 1;
      } else if (word == "define") {
        // Only reserved names (_GNU_SOURCE, __STDC_FORMAT_MACROS): a project's
        // own macro may hold a finding, which must stay in the unit's file.
        auto name = identifier();
        if (name.size() < 2 || name[0] != '_' ||
            !(name[1] == '_' || (name[1] >= 'A' && name[1] <= 'Z')))
          break;
        auto end = s_.find('\n', i_);
        if (end == std::string_view::npos)
          break;
        auto rest = s_.substr(i_, end - i_);
        if (rest.find_first_of("\"'\\/") != std::string_view::npos)
          break;
        line = "#define " + std::string(name) + std::string(rest);
        while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
          line.pop_back();
        i_ = end;
      } else {
        break;
      }
      if (!restOfLine())
        break;
      out.lines.push_back(std::move(line));
      out.ends.push_back(static_cast<unsigned>(i_));
    }
    return out;
  }

private:
  void blanks() {
    while (i_ < s_.size() &&
           (s_[i_] == ' ' || s_[i_] == '\t' || s_[i_] == '\r' || s_[i_] == '\f' || s_[i_] == '\v'))
      ++i_;
  }
  std::string_view identifier() {
    auto start = i_;
    if (i_ < s_.size() && identStart(s_[i_]))
      while (i_ < s_.size() && identChar(s_[i_]))
        ++i_;
    return s_.substr(start, i_ - start);
  }
  // Skips a comment at i_; false when there is none or it does not end.
  bool comment(bool &ok) {
    if (s_.compare(i_, 2, "//") == 0) {
      auto nl = s_.find('\n', i_);
      if (nl == std::string_view::npos) {
        ok = false;
        return true;
      }
      auto last = nl;
      while (last > i_ && (s_[last - 1] == '\r'))
        --last;
      if (last > i_ && s_[last - 1] == '\\') { // continued on the next line
        ok = false;
        return true;
      }
      i_ = nl; // the newline itself is left to the caller
      return true;
    }
    if (s_.compare(i_, 2, "/*") == 0) {
      auto end = s_.find("*/", i_ + 2);
      if (end == std::string_view::npos) {
        ok = false;
        return true;
      }
      i_ = end + 2;
      return true;
    }
    return false;
  }
  // Blank lines and comments before a directive; false at the end of the text
  // or an unterminated comment.
  bool skipBetweenLines() {
    for (;;) {
      blanks();
      if (i_ >= s_.size())
        return false;
      if (s_[i_] == '\n') {
        ++i_;
        continue;
      }
      bool ok = true;
      if (comment(ok)) {
        if (!ok)
          return false;
        continue;
      }
      return true;
    }
  }
  // After a directive: blanks and comments up to and including the newline.
  // A block comment that spans lines ends the preamble (conservative).
  bool restOfLine() {
    for (;;) {
      blanks();
      if (i_ >= s_.size())
        return false;
      if (s_[i_] == '\n') {
        ++i_;
        return true;
      }
      auto before = i_;
      bool ok = true;
      if (!comment(ok) || !ok)
        return false;
      if (s_.substr(before, i_ - before).find('\n') != std::string_view::npos)
        return false;
    }
  }

  std::string_view s_;
  size_t i_ = 0;
};

std::string directoryOf(const std::string &file) {
  auto slash = file.rfind('/');
  return slash == std::string::npos ? std::string(".") : file.substr(0, slash == 0 ? 1 : slash);
}

std::string prefixKey(const std::string &flags, const std::string &dir,
                      const std::vector<std::string> &lines, size_t n) {
  std::string key = flags + '\0' + dir + '\0';
  for (size_t i = 0; i < n; ++i)
    key += lines[i] + '\n';
  return key;
}

} // namespace

LeadingIncludes leadingIncludes(std::string_view source) { return Scanner(source).run(); }

std::vector<PreambleUse> planSharedPreambles(const std::vector<std::string> &files,
                                             const std::vector<std::string> &sources,
                                             const std::vector<std::string> &flags,
                                             size_t minUnits) {
  std::vector<PreambleUse> plan(files.size());
  std::vector<LeadingIncludes> leading(files.size());
  std::vector<std::string> dirs(files.size());
  for (size_t i = 0; i < files.size(); ++i) {
    leading[i] = leadingIncludes(sources[i]);
    dirs[i] = directoryOf(files[i]);
  }
  // Units are grouped by their first line (with their folder and flags); a
  // group of enough units shares the lines all its units start with. One
  // precompiled header per group: longer prefixes shared by fewer units
  // would each cost a build (more than parsing a unit's headers once).
  std::map<std::string, std::vector<size_t>> groups;
  for (size_t i = 0; i < files.size(); ++i)
    if (!leading[i].lines.empty())
      groups[prefixKey(flags[i], dirs[i], leading[i].lines, 1)].push_back(i);
  std::vector<size_t> length(files.size(), 0);
  for (const auto &[key, members] : groups) {
    if (members.size() < minUnits)
      continue;
    size_t common = leading[members.front()].lines.size();
    for (size_t i : members) {
      size_t n = 0;
      const auto &a = leading[members.front()].lines, &b = leading[i].lines;
      while (n < common && n < b.size() && a[n] == b[n])
        ++n;
      common = n;
    }
    for (size_t i : members)
      length[i] = common;
  }
  std::map<std::string, std::shared_ptr<SharedPreamble>> preambles;
  for (size_t i = 0; i < files.size(); ++i) {
    if (!length[i])
      continue;
    auto key = prefixKey(flags[i], dirs[i], leading[i].lines, length[i]);
    auto &p = preambles[key];
    if (!p) {
      p = std::make_shared<SharedPreamble>();
      p->key = key;
      p->directory = dirs[i];
      for (size_t n = 0; n < length[i]; ++n)
        p->text += leading[i].lines[n] + "\n";
    }
    plan[i].preamble = p;
    plan[i].bytes = leading[i].ends[length[i] - 1];
  }
  return plan;
}

bool sharedPreamblesEnabled() {
  static const bool enabled = [] {
    const char *v = std::getenv("TWELVE_NO_SHARED_PREAMBLES");
    return !(v && std::strcmp(v, "1") == 0);
  }();
  return enabled;
}

} // namespace twelve::analyzer
