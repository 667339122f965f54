#include "core/baseline.h"

#include <algorithm>
#include <set>
#include <tuple>

namespace twelve {

void applyBaseline(ScanResult &result, const Baseline &baseline) {
  std::set<std::string> known;
  for (const auto &e : baseline.entries)
    known.insert(e.fingerprint);
  std::set<std::string> seen;
  std::vector<Finding> fresh;
  for (auto &f : result.findings) {
    if (known.count(f.fingerprint)) {
      seen.insert(f.fingerprint);
      ++result.baseline.matched;
    } else {
      fresh.push_back(std::move(f));
    }
  }
  result.findings = std::move(fresh);
  for (const auto &e : baseline.entries)
    if (!seen.count(e.fingerprint))
      result.baseline.fixed.push_back(e);
  result.baseline.applied = true;
}

Baseline makeBaseline(const std::vector<Finding> &findings) {
  Baseline b;
  for (const auto &f : findings) {
    Finding e;
    e.rule = f.rule;
    e.factor = f.factor;
    e.severity = f.severity;
    e.file = f.file;
    e.message = f.message;
    e.fingerprint = f.fingerprint;
    b.entries.push_back(std::move(e));
  }
  std::sort(b.entries.begin(), b.entries.end(), [](const Finding &a, const Finding &c) {
    return std::tie(a.file, a.rule, a.fingerprint) < std::tie(c.file, c.rule, c.fingerprint);
  });
  return b;
}

} // namespace twelve
