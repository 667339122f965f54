// Shared preambles: units of one folder, compiled with the same flags, that
// start with the same #include lines parse those headers once per worker. The
// first such unit precompiles the lines (a PCH held in memory); the others load
// it and skip their own first bytes, as clangd reuses a preamble between edits
// (Clang's -preamble-bytes). Most of a C unit's parsing is its headers.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::analyzer {

/// The #include lines a source file starts with, comments and blank lines
/// between them skipped (and #define of reserved names such as _GNU_SOURCE,
/// which cannot hold a finding). It stops at any other line, at #if, at an
/// include written with a macro, and at a line that does not end.
struct LeadingIncludes {
  std::vector<std::string> lines; // each as written, without its comments
  std::vector<unsigned> ends;     // the offset just past each line's newline
};
LeadingIncludes leadingIncludes(std::string_view source);

/// Lines several units start with, for one folder and one set of flags.
struct SharedPreamble {
  std::string key;       // what a worker keeps its precompiled header under
  std::string directory; // the units' folder: quoted includes resolve there
  std::string text;      // the lines
};

/// Which preamble each unit uses and how many bytes of its file it covers.
struct PreambleUse {
  std::shared_ptr<const SharedPreamble> preamble; // null: the unit parses alone
  unsigned bytes = 0;
};

/// Plans the sharing: units with the same `flags` (the compile command without
/// the file's own name) in the same folder whose first leading include is the
/// same form a group; a group of at least `minUnits` shares the leading
/// includes all its units start with.
std::vector<PreambleUse> planSharedPreambles(const std::vector<std::string> &files,
                                             const std::vector<std::string> &sources,
                                             const std::vector<std::string> &flags,
                                             size_t minUnits = 3);

/// Whether shared preambles are used (the default). Undocumented switch for
/// benchmarks: TWELVE_NO_SHARED_PREAMBLES=1 parses every unit whole, to show
/// that sharing changes no finding.
bool sharedPreamblesEnabled();

} // namespace twelve::analyzer
