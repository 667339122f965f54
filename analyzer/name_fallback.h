// Calls recognized by name, for translation units whose headers are missing.
#pragma once

#include "checks/check.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace twelve::analyzer {

/// The calls in file `fid` whose written (qualified) name equals one of `names`
/// or ends with it at a `::` boundary, found by lexing alone. A construction
/// counts as a call: `httplib::Client cli("db", 80)`. Inactive preprocessor
/// branches are read too: without the build's configuration, `#ifdef
/// USE_LMDB` or `#ifdef HAVE_SQLITE3_H` hides code a real build compiles.
std::vector<checks::NamedCall> findNamedCalls(const clang::SourceManager &sm, clang::FileID fid,
                                              const clang::LangOptions &lang,
                                              const std::vector<std::string> &names);

/// The string literals of file `fid` that the AST does not hold, found by
/// lexing alone: `parsed` holds the file offsets of the literal tokens the AST
/// has, `skipped` the offset ranges [begin, end) of inactive preprocessor
/// branches. A literal of a `#define NAME "..."` counts where NAME is used
/// outside directives.
std::vector<checks::LexedLiteral>
findUnparsedLiterals(const clang::SourceManager &sm, clang::FileID fid,
                     const clang::LangOptions &lang, const std::set<unsigned> &parsed,
                     const std::vector<std::pair<unsigned, unsigned>> &skipped);

/// The value of a string literal token's spelling: "a\n", L"x", u8"y", R"(z)".
std::string unquote(std::string_view spelling);

} // namespace twelve::analyzer
