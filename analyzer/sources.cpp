#include "analyzer/sources.h"

#include <algorithm>
#include <array>
#include <cerrno>
#include <filesystem>
#include <fstream>
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

std::vector<std::string> discoverSources(const std::string &dir) {
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
  }
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<std::string> inferIncludeDirs(const std::string &root) {
  std::vector<std::string> out{root};
  std::error_code ec;
  fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    std::error_code sec;
    if (!it->is_directory(sec))
      continue;
    auto name = it->path().filename().string();
    if (isSkippedDirectoryName(name) || it->is_symlink(sec)) {
      it.disable_recursion_pending();
      continue;
    }
    if (name == "include" || name == "inc" || name == "src" || name == "source" ||
        name == "headers")
      out.push_back(fs::absolute(it->path()).lexically_normal().string());
    if (out.size() >= 64)
      break; // enough to resolve a project's own includes; more only slows parsing
  }
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
