// Content-based fingerprints: stable when unrelated lines move.
#pragma once

#include <string>
#include <string_view>

namespace twelve {

/// 64-bit FNV-1a of the bytes, as 16 lowercase hex digits.
std::string hashHex(std::string_view bytes);

/// A fingerprint of a finding from its rule, file and the source line with white
/// space folded, plus the ordinal of that same text within the file (so two equal
/// lines in one file get distinct fingerprints). Line numbers take no part.
std::string fingerprint(std::string_view rule, std::string_view file,
                        std::string_view sourceLine, unsigned ordinal);

} // namespace twelve
