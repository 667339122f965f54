// Calls recognized by name, for translation units whose headers are missing.
#pragma once

#include "checks/check.h"

#include <clang/Basic/LangOptions.h>
#include <clang/Basic/SourceManager.h>

#include <string>
#include <vector>

namespace twelve::analyzer {

/// The calls in file `fid` whose written (qualified) name equals one of `names`
/// or ends with it at a `::` boundary, found by lexing alone.
std::vector<checks::NamedCall> findNamedCalls(const clang::SourceManager &sm, clang::FileID fid,
                                              const clang::LangOptions &lang,
                                              const std::vector<std::string> &names);

/// The value of a string literal token's spelling: "a\n", L"x", u8"y", R"(z)".
std::string unquote(std::string_view spelling);

} // namespace twelve::analyzer
