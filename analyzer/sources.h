// Finding the C and C++ files of a project, and telling project files from others.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::analyzer {

enum class Language { C, Cxx, CHeader, CxxHeader, None };

/// The language of a file by its extension (.c, .cc/.cpp/.cxx/.c++, .h/.hh/.hpp/.hxx/.inl).
/// A .h header is taken for C++ (parsed as C++ it still finds C violations).
Language languageOf(std::string_view path);
inline bool isHeader(Language l) { return l == Language::CHeader || l == Language::CxxHeader; }

/// True for a directory name that is skipped by default: third-party code
/// (third_party, vendor, external, _deps, ...), build output and VCS folders.
bool isSkippedDirectoryName(std::string_view name);

/// True when some component of `relativePath` is a skipped directory.
bool inSkippedDirectory(std::string_view relativePath);

/// Every C and C++ source and header below `dir`, sorted, outside skipped
/// directories; with `templates`, also the configure templates of headers
/// found on the way (config.h.in, config.h.cmake, zncconfig.h.cmake.in).
std::vector<std::string> discoverSources(const std::string &dir,
                                         std::vector<std::string> *templates = nullptr);

/// Include folders for a project without a compilation database.
struct IncludeDirs {
  std::vector<std::string> dirs;      ///< -I: searched for <...> and "..."
  std::vector<std::string> quoteDirs; ///< -iquote: searched for "..." only
};

/// The include folders of a project without a compilation database: the root,
/// every folder named include, inc, src or source (outside skipped ones), and
/// the folders that make the `#include` lines of `files` resolve to the
/// project's own headers (lib/ for `<usual/daemon.h>` found as
/// lib/usual/daemon.h; src/core/ for nginx's `<ngx_config.h>`, a name no
/// system header has; the folder of a "name.h" found elsewhere). A folder
/// holding a name that a system header also has (lib/usual/string.h) is not
/// added with -I but with -iquote: <string.h> must stay the C library's.
IncludeDirs inferIncludeDirs(const std::string &root, const std::vector<std::string> &files);

/// The project a scanned folder belongs to, where its headers and configure
/// templates may be when no compilation database says (`twelve scan src/`
/// with the headers in include/): the nearest enclosing folder (up to six up)
/// that holds a .git, or else the highest of the folder and the enclosing
/// folders, one after the other, that hold a build file (configure.ac,
/// configure, CMakeLists.txt, meson.build, Makefile, Makefile.am); the
/// folder itself when none does.
std::string projectRoot(const std::string &dir);

/// The system include folders (/usr/local/include, the multiarch folder,
/// /usr/include) where a configure step would look for a header.
const std::vector<std::string> &systemIncludeDirs();

/// The autoconf-style HAVE_... macros that `files` name (HAVE_SYS_SOCKET_H,
/// HAVE_TIMEGM), sorted. A fresh clone has not run its configure step, which
/// defines them: without them, code guarded by `#ifdef HAVE_STDINT_H` loses
/// the system headers it includes once configured, code without HAVE_TIMEGM
/// declares its own timegm, and the unit does not compile.
std::vector<std::string> testedConfigureMacros(const std::vector<std::string> &files);

/// Whether a HAVE_... macro is about a header (HAVE_SYS_SOCKET_H).
bool isHeaderMacro(std::string_view macro);

/// Of `macros`, the HAVE_<HEADER>_H ones whose header is in one of
/// `systemDirs` (HAVE_LINUX_IF_ETHER_H: linux/if_ether.h), as -DNAME=1.
std::vector<std::string> configureHeaderMacros(const std::vector<std::string> &macros,
                                               const std::vector<std::string> &systemDirs);

/// A header a fresh clone's configure step would write from a template:
/// where (next to the template, without its .in/.cmake suffix) and what.
struct GeneratedHeader {
  std::string path, text;
};

/// What the configure step would make of `templates` (discoverSources'), as
/// far as `defines` (configure*Macros' -DNAME=1) tell: autoconf's `#undef NAME`,
/// CMake's `#cmakedefine NAME`/`#cmakedefine01 NAME` and Meson's `#mesondefine
/// NAME` define NAME when `defines` do, and the standard ones (STDC_HEADERS,
/// _GNU_SOURCE and the other system extensions, PACKAGE_* and VERSION as "");
/// @VAR@ becomes "" inside quotes and 0 outside. Nothing for a template whose
/// header exists (configured) or that is not a header template.
std::vector<GeneratedHeader> configuredHeaders(const std::vector<std::string> &templates,
                                               const std::vector<std::string> &defines);

/// The whole contents of a file, or nothing when it cannot be read.
std::optional<std::string> readFile(const std::string &path);

/// True when the first bytes of the file contain a NUL byte.
bool looksBinary(const std::string &path);

/// `path` relative to `root` when inside it, else the path unchanged.
std::string relativeTo(const std::string &path, const std::string &root);

} // namespace twelve::analyzer
