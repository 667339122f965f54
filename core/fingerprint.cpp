#include "core/fingerprint.h"

#include <cstdint>

namespace twelve {

std::string hashHex(std::string_view bytes) {
  std::uint64_t h = 1469598103934665603ULL;
  for (unsigned char c : bytes) {
    h ^= c;
    h *= 1099511628211ULL;
  }
  static const char digits[] = "0123456789abcdef";
  std::string out(16, '0');
  for (int i = 15; i >= 0; --i, h >>= 4)
    out[i] = digits[h & 0xf];
  return out;
}

std::string fingerprint(std::string_view rule, std::string_view file,
                        std::string_view sourceLine, unsigned ordinal) {
  std::string folded;
  bool space = false;
  for (char c : sourceLine) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      space = !folded.empty();
      continue;
    }
    if (space)
      folded += ' ';
    space = false;
    folded += c;
  }
  std::string key;
  key.append(rule).append("\n").append(file).append("\n").append(folded).append("\n");
  key += std::to_string(ordinal);
  return hashHex(key);
}

} // namespace twelve
