#include "report/probe_text.h"

#include <algorithm>
#include <cstdio>
#include <string>

namespace twelve::report {
namespace {

const char *label(ProbeStatus s) {
  switch (s) {
  case ProbeStatus::Pass:
    return "PASS";
  case ProbeStatus::Warn:
    return "WARN";
  case ProbeStatus::Fail:
    return "FAIL";
  case ProbeStatus::Skip:
    return "SKIP";
  }
  return "?";
}

const char *colorOf(ProbeStatus s) {
  switch (s) {
  case ProbeStatus::Pass:
    return "\033[32m";
  case ProbeStatus::Warn:
    return "\033[33m";
  case ProbeStatus::Fail:
    return "\033[31m";
  case ProbeStatus::Skip:
    return "\033[2m";
  }
  return "";
}

} // namespace

void writeProbeText(std::ostream &out, const ProbeResult &result, bool color, bool verbose) {
  std::string target;
  for (auto &a : result.command)
    target += (target.empty() ? "" : " ") + a;
  if (target.empty())
    target = "pid " + std::to_string(result.pid);
  out << "twelve probe: " << target;
  if (result.port)
    out << " (port " << result.port << ")";
  out << "\n";
  size_t width = 0;
  for (auto &c : result.checks)
    width = std::max(width, c.id.size());
  int counts[4] = {0, 0, 0, 0};
  for (auto &c : result.checks) {
    ++counts[static_cast<int>(c.status)];
    if (color)
      out << colorOf(c.status) << label(c.status) << "\033[0m";
    else
      out << label(c.status);
    out << "  " << c.id << std::string(width - c.id.size(), ' ') << "  " << c.message << "\n";
    if (verbose)
      for (auto &[k, v] : c.evidence)
        out << "        " << k << ": " << v << "\n";
  }
  if (result.reducedPrecision)
    out << (result.command.empty()
                ? "note: attach mode: one /proc snapshot, no tracing; earlier writes are not seen\n"
                : "note: reduced precision: syscall tracing was not available, /proc was sampled "
                  "instead\n");
  if (!result.error.empty())
    out << "error: " << result.error << "\n";
  char secs[32];
  std::snprintf(secs, sizeof secs, "%.2f", result.seconds);
  out << counts[0] << " passed, " << counts[1] << " warnings, " << counts[2] << " failed, "
      << counts[3] << " skipped in " << secs << " s\n";
  bool failed = counts[1] + counts[2] > 0;
  if (failed)
    out << "Explain a check: twelve rules <id>\n";
}

} // namespace twelve::report
