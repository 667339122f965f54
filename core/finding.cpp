#include "core/finding.h"

#include <tuple>

namespace twelve {

bool findingLess(const Finding &a, const Finding &b) {
  return std::tie(a.file, a.line, a.column, a.rule, a.message) <
         std::tie(b.file, b.line, b.column, b.rule, b.message);
}

} // namespace twelve
