#include "analyzer/sources.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <set>
#include <system_error>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace twelve::analyzer {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

} // namespace

Language languageOf(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos)
    return Language::None;
  auto ext = path.substr(dot + 1);
  if (ext == "c")
    return Language::C;
  if (ext == "C")
    return Language::Cxx;
  auto e = lower(ext);
  if (e == "cc" || e == "cpp" || e == "cxx" || e == "c++" || e == "cp")
    return Language::Cxx;
  if (e == "h" || e == "hh" || e == "hpp" || e == "hxx" || e == "h++" || e == "inl" ||
      e == "ipp" || e == "tcc")
    return Language::CxxHeader;
  return Language::None;
}

bool isSkippedDirectoryName(std::string_view name) {
  static const std::array<std::string_view, 14> exact{
      "third_party", "third-party", "thirdparty", "3rdparty", "vendor",  "vendored", "external",
      "extern",      "_deps",       "deps",       "node_modules", "CMakeFiles", "subprojects",
      "bazel-out"};
  if (name.empty())
    return false;
  if (name.front() == '.' && name != "." && name != "..")
    return true; // .git, .cache, .venv ...
  if (std::find(exact.begin(), exact.end(), name) != exact.end())
    return true;
  auto l = lower(name);
  return l == "build" || l.rfind("build-", 0) == 0 || l.rfind("build_", 0) == 0 ||
         l.rfind("cmake-build-", 0) == 0;
}

bool inSkippedDirectory(std::string_view relativePath) {
  while (true) {
    auto slash = relativePath.find('/');
    if (slash == std::string_view::npos)
      return false; // the last component is the file itself
    if (isSkippedDirectoryName(relativePath.substr(0, slash)))
      return true;
    relativePath.remove_prefix(slash + 1);
  }
}

namespace {

/// The suffixes of configure templates of headers: config.h.in (autoheader,
/// Meson), config.h.cmake and config.h.cmake.in (CMake).
const char *const kTemplateSuffixes[] = {".h.cmake.in", ".h.cmake", ".h.in"};

/// The next blank-separated word of `s`, which is left after it.
std::string nextWord(std::string_view &s) {
  auto a = s.find_first_not_of(" \t");
  s = a == std::string_view::npos ? std::string_view() : s.substr(a);
  auto b = s.find_first_of(" \t");
  std::string word(s.substr(0, b));
  s = b == std::string_view::npos ? std::string_view() : s.substr(b);
  return word;
}

/// The header a configure template is for, or "" when it is not one.
std::string templatedHeader(const std::string &path) {
  for (const char *suffix : kTemplateSuffixes) {
    std::string_view sv(suffix);
    if (path.size() > sv.size() && path.compare(path.size() - sv.size(), sv.size(), sv) == 0)
      return path.substr(0, path.size() - sv.size()) + ".h";
  }
  return "";
}

} // namespace

std::vector<std::string> discoverSources(const std::string &dir,
                                         std::vector<std::string> *templates) {
  std::vector<std::string> out;
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto &entry = *it;
    std::error_code sec;
    if (entry.is_directory(sec)) {
      if (isSkippedDirectoryName(entry.path().filename().string()) || entry.is_symlink(sec))
        it.disable_recursion_pending();
      continue;
    }
    if (!entry.is_regular_file(sec))
      continue;
    if (languageOf(entry.path().filename().string()) != Language::None)
      out.push_back(fs::absolute(entry.path()).lexically_normal().string());
    else if (templates && !templatedHeader(entry.path().filename().string()).empty())
      templates->push_back(fs::absolute(entry.path()).lexically_normal().string());
  }
  std::sort(out.begin(), out.end());
  if (templates)
    std::sort(templates->begin(), templates->end());
  return out;
}

std::vector<GeneratedHeader> configuredHeaders(const std::vector<std::string> &templates,
                                               const std::vector<std::string> &defines) {
  std::set<std::string> defined;
  for (const auto &d : defines)
    if (d.rfind("-D", 0) == 0)
      defined.insert(
          d.substr(2, d.find('=') == std::string::npos ? std::string::npos : d.find('=') - 2));
  // What every configure step defines on a GNU system (AC_HEADER_STDC,
  // AC_USE_SYSTEM_EXTENSIONS), and AC_INIT's strings.
  static const std::set<std::string> extensions = {
      "STDC_HEADERS",   "_GNU_SOURCE",    "_ALL_SOURCE",    "_POSIX_PTHREAD_SEMANTICS",
      "_TANDEM_SOURCE", "__EXTENSIONS__", "_DEFAULT_SOURCE"};
  static const std::set<std::string> strings = {
      "PACKAGE",         "PACKAGE_NAME",      "PACKAGE_VERSION", "PACKAGE_STRING",
      "PACKAGE_TARNAME", "PACKAGE_BUGREPORT", "PACKAGE_URL",     "VERSION"};
  auto valueOf = [&](const std::string &name) -> std::optional<std::string> {
    if (defined.count(name) || extensions.count(name))
      return std::string("1");
    if (strings.count(name))
      return std::string("\"\"");
    return std::nullopt;
  };
  // @VAR@ and ${VAR} (CMake): "" inside a string, 0 elsewhere.
  auto substitute = [](const std::string &line) {
    std::string out;
    bool quoted = false;
    for (size_t i = 0; i < line.size(); ++i) {
      char c = line[i];
      if (c == '"' && (i == 0 || line[i - 1] != '\\'))
        quoted = !quoted;
      size_t end = std::string::npos;
      if (c == '@')
        end = line.find('@', i + 1);
      else if (c == '$' && i + 1 < line.size() && line[i + 1] == '{')
        end = line.find('}', i + 2);
      if (end != std::string::npos) {
        auto name = line.substr(i + (c == '@' ? 1 : 2), end - i - (c == '@' ? 1 : 2));
        bool identifier = !name.empty() && std::all_of(name.begin(), name.end(), [](char ch) {
          return std::isalnum(static_cast<unsigned char>(ch)) || ch == '_';
        });
        if (identifier) {
          out += quoted ? "" : "0";
          i = end;
          continue;
        }
      }
      out += c;
    }
    return out;
  };
  std::vector<GeneratedHeader> out;
  for (const auto &path : templates) {
    auto header = templatedHeader(path);
    std::error_code ec;
    if (header.empty() || fs::exists(header, ec))
      continue; // configured already: the real one is used
    auto text = readFile(path);
    if (!text)
      continue;
    GeneratedHeader generated{header, ""};
    size_t pos = 0;
    while (pos < text->size()) {
      auto eol = text->find('\n', pos);
      auto line = text->substr(pos, eol == std::string::npos ? std::string::npos : eol - pos);
      pos = eol == std::string::npos ? text->size() : eol + 1;
      // "#  undef NAME", "#cmakedefine NAME value": the directive, the name it
      // is about and what follows.
      auto first = line.find_first_not_of(" \t");
      std::string indent = line.substr(0, first == std::string::npos ? line.size() : first);
      std::string_view rest = std::string_view(line).substr(indent.size());
      std::string directive, name;
      if (!rest.empty() && rest[0] == '#') {
        rest.remove_prefix(1);
        directive = nextWord(rest);
        name = nextWord(rest);
      }
      if (!name.empty() && (directive == "undef" || directive == "mesondefine")) {
        auto value = valueOf(name);
        generated.text +=
            value ? indent + "#define " + name + " " + *value : "/* #undef " + name + " */";
      } else if (!name.empty() && directive == "cmakedefine01") {
        generated.text += indent + "#define " + name + (valueOf(name) ? " 1" : " 0");
      } else if (!name.empty() && directive == "cmakedefine") {
        // #cmakedefine NAME [value]: the value as written, or 1.
        auto value = valueOf(name);
        bool written = rest.find_first_not_of(" \t") != std::string_view::npos;
        generated.text += value ? indent + "#define " + name +
                                      (written ? substitute(std::string(rest)) : " " + *value)
                                : "/* #undef " + name + " */";
      } else {
        generated.text += substitute(line);
      }
      generated.text += "\n";
    }
    out.push_back(std::move(generated));
  }
  return out;
}

namespace {

/// The spellings of the #include lines of `text`, with '"' or '<' first.
std::vector<std::string> includeSpellings(std::string_view text) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    auto eol = text.find('\n', pos);
    if (eol == std::string_view::npos)
      eol = text.size();
    auto line = text.substr(pos, eol - pos);
    pos = eol + 1;
    size_t i = line.find_first_not_of(" \t");
    if (i == std::string_view::npos || line[i] != '#')
      continue;
    i = line.find_first_not_of(" \t", i + 1);
    if (i == std::string_view::npos || line.compare(i, 7, "include") != 0)
      continue;
    i = line.find_first_not_of(" \t", i + 7);
    if (i == std::string_view::npos || (line[i] != '"' && line[i] != '<'))
      continue;
    char close = line[i] == '"' ? '"' : '>';
    auto end = line.find(close, i + 1);
    if (end == std::string_view::npos || end == i + 1)
      continue;
    out.push_back(std::string(1, line[i]) + std::string(line.substr(i + 1, end - i - 1)));
  }
  return out;
}

/// The headers at the top of the system include folders (string.h, vector;
/// not folders such as fmt/): a project folder holding one of them must not
/// be searched for <...>.
const std::vector<std::string> &systemHeaderNames() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> out;
    std::vector<fs::path> roots(systemIncludeDirs().begin(), systemIncludeDirs().end());
    std::error_code ec;
    for (const auto &e : fs::directory_iterator("/usr/include/c++", ec))
      roots.push_back(e.path());
    for (const auto &r : roots) {
      std::error_code rec;
      for (const auto &e : fs::directory_iterator(r, rec))
        if (!e.is_directory(rec))
          out.push_back(e.path().filename().string());
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return names;
}

bool shadowsSystemHeaders(const fs::path &dir) {
  const auto &names = systemHeaderNames();
  std::error_code ec;
  for (const auto &e : fs::directory_iterator(dir, ec))
    if (!e.is_directory(ec) &&
        std::binary_search(names.begin(), names.end(), e.path().filename().string()))
      return true;
  return false;
}

/// The header names a HAVE_<NAME>_H macro can stand for: each '_' of NAME
/// is a '/', a '_' or a '-' of the file name (SYS_SOCKET: sys/socket.h;
/// LINUX_IF_ETHER: linux/if_ether.h), lower case. Names of more than five
/// words are left out (81 spellings each).
std::vector<std::string> headerSpellings(std::string_view name) {
  std::vector<std::string> words;
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i)
    if (i == name.size() || name[i] == '_') {
      if (i == start)
        return {}; // HAVE__X_H, HAVE_X__H: not a header's name
      words.push_back(lower(name.substr(start, i - start)));
      start = i + 1;
    }
  if (words.empty() || words.size() > 5)
    return {};
  std::vector<std::string> out{words[0]};
  for (size_t w = 1; w < words.size(); ++w) {
    std::vector<std::string> next;
    for (const auto &prefix : out)
      for (char sep : {'/', '_', '-'})
        next.push_back(prefix + sep + words[w]);
    out = std::move(next);
  }
  for (auto &o : out)
    o += ".h";
  return out;
}

bool identChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

} // namespace

const std::vector<std::string> &systemIncludeDirs() {
  static const std::vector<std::string> dirs = [] {
    std::vector<std::string> out{"/usr/local/include"};
    std::error_code ec;
    for (const auto &e : fs::directory_iterator("/usr/include", ec)) {
      auto n = e.path().filename().string();
      if (n.find("-linux-gnu") != std::string::npos && e.is_directory(ec))
        out.push_back(e.path().string());
    }
    out.push_back("/usr/include");
    return out;
  }();
  return dirs;
}

std::vector<std::string> testedConfigureMacros(const std::vector<std::string> &files) {
  std::set<std::string> tested;
  for (const auto &file : files) {
    auto text = readFile(file);
    if (!text)
      continue;
    std::string_view t(*text);
    for (auto at = t.find("HAVE_"); at != std::string_view::npos; at = t.find("HAVE_", at + 5)) {
      if (at > 0 && identChar(t[at - 1]))
        continue;
      auto end = at + 5;
      while (end < t.size() && identChar(t[end]))
        ++end;
      if (end > at + 5)
        tested.insert(std::string(t.substr(at, end - at)));
    }
  }
  return {tested.begin(), tested.end()};
}

bool isHeaderMacro(std::string_view macro) {
  return macro.size() > 7 && macro.substr(0, 5) == "HAVE_" &&
         macro.substr(macro.size() - 2) == "_H";
}

std::vector<std::string> configureHeaderMacros(const std::vector<std::string> &macros,
                                               const std::vector<std::string> &systemDirs) {
  std::vector<std::string> out;
  for (const auto &macro : macros) {
    if (!isHeaderMacro(macro))
      continue;
    std::string_view name(macro);
    name = name.substr(5, name.size() - 7); // HAVE_ ... _H
    bool found = false;
    for (const auto &spelling : headerSpellings(name)) {
      for (const auto &dir : systemDirs) {
        std::error_code ec;
        if (fs::is_regular_file(fs::path(dir) / spelling, ec)) {
          found = true;
          break;
        }
      }
      if (found)
        break;
    }
    if (found)
      out.push_back("-D" + macro + "=1");
  }
  return out;
}

std::string projectRoot(const std::string &dir) {
  std::error_code ec;
  fs::path start = fs::absolute(dir, ec).lexically_normal();
  if (ec || !fs::is_directory(start, ec))
    return dir;
  // Not above the home folder: a home kept in git (dotfiles) is no project.
  const char *home = std::getenv("HOME");
  fs::path homeDir = home && *home ? fs::path(home).lexically_normal() : fs::path();
  fs::path cur = start;
  for (int up = 0; up <= 6 && cur != cur.root_path() && cur != homeDir;
       ++up, cur = cur.parent_path()) {
    if (fs::exists(cur / ".git", ec))
      return cur.string();
  }
  static const char *const kBuildFiles[] = {"configure.ac", "configure", "CMakeLists.txt",
                                            "meson.build",  "Makefile",  "Makefile.am"};
  auto hasBuildFile = [&](const fs::path &d) {
    return std::any_of(std::begin(kBuildFiles), std::end(kBuildFiles),
                       [&](const char *f) { return fs::exists(d / f, ec); });
  };
  fs::path best = start;
  cur = start;
  for (int up = 0; up <= 4 && cur != cur.root_path() && cur != homeDir;
       ++up, cur = cur.parent_path()) {
    if (hasBuildFile(cur))
      best = cur;
    else if (cur != start)
      break; // out of the project
  }
  return best.string();
}

IncludeDirs inferIncludeDirs(const std::string &root, const std::vector<std::string> &files) {
  IncludeDirs out;
  out.dirs.push_back(root);
  // The project's headers by file name, third-party folders included (their
  // headers are included too); relative to the root.
  std::map<std::string, std::vector<std::string>> headersByName;
  // A build or vendor folder may hold far more files than the project: it is
  // read up to a budget of its own, so that it cannot crowd the project out.
  std::error_code ec;
  size_t seen = 0, seenSkipped = 0;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end && ++seen < 400000; it.increment(ec)) {
    std::error_code sec;
    auto name = it->path().filename().string();
    if (it->is_directory(sec)) {
      if (it->is_symlink(sec) || (name.size() > 1 && name.front() == '.') ||
          name == "node_modules" || name == "CMakeFiles") {
        it.disable_recursion_pending();
        continue;
      }
      bool skipped = inSkippedDirectory(it->path().lexically_relative(root).generic_string() + "/-");
      if (skipped && seenSkipped > 50000) {
        it.disable_recursion_pending();
        continue;
      }
      if (!skipped &&
          (name == "include" || name == "inc" || name == "src" || name == "source" ||
           name == "headers") &&
          out.dirs.size() < 64)
        out.dirs.push_back(fs::absolute(it->path()).lexically_normal().string());
      continue;
    }
    if (inSkippedDirectory(it->path().lexically_relative(root).generic_string()))
      ++seenSkipped;
    if (isHeader(languageOf(name)) && it->is_regular_file(sec))
      headersByName[name].push_back(
          it->path().lexically_relative(root).generic_string());
  }

  // Which folder makes each unresolved #include line resolve, by votes.
  std::map<std::string, size_t> votes, quoteVotes;
  std::set<std::string> tried;
  for (const auto &file : files) {
    auto text = readFile(file);
    if (!text)
      continue;
    auto here = fs::path(file).parent_path();
    for (const auto &s : includeSpellings(*text)) {
      bool quoted = s[0] == '"';
      std::string spelling = s.substr(1);
      if (spelling.front() == '/' || spelling.find("..") != std::string::npos)
        continue;
      std::error_code xec;
      if (quoted && fs::exists(here / spelling, xec))
        continue;
      if (!tried.insert(s).second)
        continue; // one vote per spelling
      auto base = fs::path(spelling).filename().string();
      auto found = headersByName.find(base);
      if (found == headersByName.end())
        continue;
      std::vector<std::string> dirs;
      for (const auto &rel : found->second) {
        if (rel == spelling) {
          dirs.push_back(root);
        } else if (rel.size() > spelling.size() &&
                   rel.compare(rel.size() - spelling.size(), spelling.size(), spelling) == 0 &&
                   rel[rel.size() - spelling.size() - 1] == '/') {
          dirs.push_back(
              (fs::path(root) / rel.substr(0, rel.size() - spelling.size() - 1)).string());
        }
      }
      if (dirs.empty() || dirs.size() > 3)
        continue; // ambiguous: any of them could be meant
      bool nested = spelling.find('/') != std::string::npos;
      // <name.h> is the project's own when the system has no header of that
      // name (nginx's <ngx_config.h> in src/core/); otherwise the system's.
      const auto &system = systemHeaderNames();
      if (!nested && !quoted && std::binary_search(system.begin(), system.end(), spelling))
        continue;
      bool angled = nested || !quoted;
      for (auto &d : dirs)
        ++((angled && !shadowsSystemHeaders(d)) ? votes : quoteVotes)[fs::path(d).lexically_normal().string()];
    }
  }
  auto addByVotes = [&](const std::map<std::string, size_t> &v, std::vector<std::string> &to) {
    std::vector<std::pair<size_t, std::string>> ranked;
    for (const auto &[dir, n] : v)
      ranked.emplace_back(n, dir);
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (const auto &[n, dir] : ranked)
      if (to.size() < 64 && std::find(out.dirs.begin(), out.dirs.end(), dir) == out.dirs.end() &&
          std::find(out.quoteDirs.begin(), out.quoteDirs.end(), dir) == out.quoteDirs.end())
        to.push_back(dir);
  };
  addByVotes(votes, out.dirs);
  addByVotes(quoteVotes, out.quoteDirs);
  return out;
}

bool looksBinary(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  char buffer[8192];
  in.read(buffer, sizeof buffer);
  auto n = in.gcount();
  return std::find(buffer, buffer + n, '\0') != buffer + n;
}

std::string relativeTo(const std::string &path, const std::string &root) {
  if (root.empty())
    return path;
  auto rel = fs::path(path).lexically_relative(root);
  auto s = rel.generic_string();
  if (s.empty() || s.rfind("..", 0) == 0)
    return path;
  return s;
}

std::optional<std::string> readFile(const std::string &path) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return std::nullopt;
  // Read straight into the string, sized by fstat (and grown if the file grows).
  struct stat st;
  std::string text(::fstat(fd, &st) == 0 && st.st_size > 0 ? static_cast<size_t>(st.st_size) + 1 : 4096,
                   '\0');
  size_t used = 0;
  for (;;) {
    if (used == text.size())
      text.resize(text.size() * 2);
    ssize_t n = ::read(fd, &text[used], text.size() - used);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      ::close(fd);
      return std::nullopt;
    }
    if (n == 0)
      break;
    used += static_cast<size_t>(n);
  }
  ::close(fd);
  text.resize(used);
  return text;
}

} // namespace twelve::analyzer
