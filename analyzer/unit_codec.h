// A compact byte encoding of what one translation unit yielded: sent from a
// worker process to the scan, and kept in the result cache. Also that of a
// precompiled preamble, which workers hand each other (preamble_store.h).
#pragma once

#include "analyzer/action.h"
#include "analyzer/preamble_store.h"

#include <optional>
#include <string>
#include <string_view>

namespace twelve::analyzer {

std::string encode(const UnitResult &unit);

/// nullopt when `bytes` is not a complete encoding (a truncated cache file).
std::optional<UnitResult> decode(std::string_view bytes);

std::string encode(const PrecompiledPreamble &preamble);

/// nullopt when `bytes` are not exactly one preamble.
std::optional<PrecompiledPreamble> decodePreamble(std::string_view bytes);

} // namespace twelve::analyzer
