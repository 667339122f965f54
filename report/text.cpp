#include "report/text.h"

#include <map>
#include <set>
#include <sstream>

namespace twelve::report {

namespace {

struct Style {
  bool on;
  const char *bold() const { return on ? "\033[1m" : ""; }
  const char *reset() const { return on ? "\033[0m" : ""; }
  const char *green() const { return on ? "\033[1;32m" : ""; }
  const char *severity(Severity s) const {
    if (!on)
      return "";
    switch (s) {
    case Severity::Error:
      return "\033[1;31m";
    case Severity::Warning:
      return "\033[1;35m";
    case Severity::Note:
      return "\033[1;36m";
    }
    return "";
  }
};

std::string plural(size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string severityCounts(const std::map<Severity, size_t> &counts) {
  std::string out;
  for (auto s : {Severity::Error, Severity::Warning, Severity::Note}) {
    auto it = counts.find(s);
    if (it == counts.end() || it->second == 0)
      continue;
    if (!out.empty())
      out += ", ";
    out += plural(it->second, std::string(name(s)).c_str());
  }
  return out;
}

} // namespace

void writeScanText(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                   const TextOptions &options) {
  Style style{options.color};
  for (const auto &f : result.findings) {
    out << style.bold() << f.file << ":" << f.line << ":" << f.column << ": " << style.reset()
        << style.severity(f.severity) << name(f.severity) << ":" << style.reset() << " "
        << style.bold() << f.message << " [" << f.rule << "]" << style.reset() << "\n";
    if (options.showSource && !f.sourceLine.empty()) {
      auto number = std::to_string(f.line);
      std::string gutter(number.size() < 5 ? 5 - number.size() : 0, ' ');
      out << gutter << number << " | " << f.sourceLine << "\n";
      std::string pad;
      for (size_t i = 0; i + 1 < f.column && i < f.sourceLine.size(); ++i)
        pad += f.sourceLine[i] == '\t' ? '\t' : ' ';
      out << std::string(gutter.size() + number.size(), ' ') << " | " << pad << style.green()
          << "^" << style.reset() << "\n";
    }
  }
  for (const auto &e : result.errors)
    out << style.bold() << e.file << ": " << style.reset() << style.severity(Severity::Error)
        << "error:" << style.reset() << " not analyzed: " << e.message << " [analysis-error]\n";
  for (const auto &u : result.unusedSuppressions)
    out << style.bold() << u.file << ":" << u.line << ": " << style.reset()
        << style.severity(Severity::Warning) << "warning:" << style.reset()
        << " suppression comment silences nothing: " << u.text << " [unused-suppression]\n";
  for (const auto &f : result.baseline.fixed)
    out << style.bold() << f.file << ": " << style.reset() << style.severity(Severity::Note)
        << "note:" << style.reset() << " fixed since the baseline: " << f.message << " [" << f.rule
        << "]\n";

  if (!result.findings.empty() || !result.errors.empty() || !result.unusedSuppressions.empty() ||
      !result.baseline.fixed.empty())
    out << "\n";
  const auto &st = result.stats;
  unsigned analyzed = st.filesFull + st.filesReduced;
  std::ostringstream files;
  files << plural(analyzed, "file") << " analyzed (" << st.filesFull << " with full precision, "
        << st.filesReduced << " with reduced precision)";
  if (st.filesFailed)
    files << ", " << st.filesFailed << " could not be analyzed";
  char seconds[32];
  std::snprintf(seconds, sizeof seconds, "%.2f", st.seconds);
  out << "twelve: " << files.str() << " in " << seconds << " s\n";

  std::map<Factor, std::map<Severity, size_t>> byFactor;
  std::map<Severity, size_t> total;
  std::set<std::string> rulesSeen;
  for (const auto &f : result.findings) {
    ++byFactor[f.factor][f.severity];
    ++total[f.severity];
    rulesSeen.insert(f.rule);
  }
  for (const auto &[factor, counts] : byFactor) {
    size_t n = 0;
    for (const auto &c : counts)
      n += c.second;
    const auto &fi = info(factor);
    std::string head = std::string(fi.roman) + " " + std::string(fi.title);
    out << "  " << head << std::string(head.size() < 26 ? 26 - head.size() : 1, ' ')
        << plural(n, "finding") << " (" << severityCounts(counts) << ")\n";
  }
  size_t n = result.findings.size();
  out << style.bold() << (n == 0 ? "no findings" : plural(n, "finding"));
  if (n)
    out << " (" << severityCounts(total) << ")";
  out << style.reset();
  if (st.suppressed)
    out << ", " << st.suppressed << " suppressed by NOLINT comments";
  if (result.baseline.applied)
    out << (n ? " new" : "") << "; baseline: " << result.baseline.matched << " known, "
        << result.baseline.fixed.size() << " fixed";
  if (!result.unusedSuppressions.empty())
    out << "; " << plural(result.unusedSuppressions.size(), "unused suppression");
  out << "\n";
  for (const auto &id : rulesSeen) {
    const auto *rule = catalog.find(id);
    out << "  " << id << ": " << (rule ? rule->summary : "") << " See 'twelve rules " << id
        << "'.\n";
  }
}

} // namespace twelve::report
