// A compact byte encoding of what one translation unit yielded: sent from a
// worker process to the scan, and kept in the result cache.
#pragma once

#include "analyzer/action.h"

#include <optional>
#include <string>
#include <string_view>

namespace twelve::analyzer {

std::string encode(const UnitResult &unit);

/// nullopt when `bytes` is not a complete encoding (a truncated cache file).
std::optional<UnitResult> decode(std::string_view bytes);

} // namespace twelve::analyzer
