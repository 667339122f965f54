#include "core/scorecard.h"

#include <algorithm>
#include <map>

namespace twelve {

namespace {

std::string plural(size_t n, const char *word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

void appendPart(std::string &out, size_t n, const char *word) {
  if (n == 0)
    return;
  if (!out.empty())
    out += ", ";
  out += plural(n, word);
}

FactorStatus worse(FactorStatus a, FactorStatus b) {
  auto rank = [](FactorStatus s) {
    switch (s) {
    case FactorStatus::Fail:
      return 3;
    case FactorStatus::Warning:
      return 2;
    case FactorStatus::Pass:
      return 1;
    case FactorStatus::NotAssessed:
      return 0;
    }
    return 0;
  };
  return rank(a) >= rank(b) ? a : b;
}

} // namespace

std::string_view name(FactorStatus s) {
  switch (s) {
  case FactorStatus::Pass:
    return "pass";
  case FactorStatus::Warning:
    return "warning";
  case FactorStatus::Fail:
    return "fail";
  case FactorStatus::NotAssessed:
    return "not assessed";
  }
  return "not assessed";
}

Scorecard makeScorecard(const ScorecardInput &input, const RuleCatalog &catalog) {
  Scorecard card;
  for (size_t i = 0; i < card.factors.size(); ++i)
    card.factors[i].factor = allFactors()[i].factor;
  auto row = [&card](Factor f) -> FactorScore & { return card.factors[number(f) - 1]; };

  if (input.scan) {
    card.hasScan = true;
    card.root = input.scan->root;
    card.scanErrors = input.scan->errors;
    std::vector<std::string> enabled = input.enabledRules;
    if (enabled.empty())
      for (const auto &r : catalog.rules())
        if (r.kind == "static" && r.lifecycle == Lifecycle::Stable)
          enabled.push_back(r.id);
    for (const auto &id : enabled) {
      const Rule *rule = catalog.find(id);
      if (!rule || rule->kind == "runtime")
        continue;
      auto &r = row(rule->factor);
      r.rules.push_back(id);
      r.status = worse(r.status, FactorStatus::Pass);
    }
    for (const auto &f : input.scan->findings) {
      auto &r = row(f.factor);
      r.findings.push_back(f);
      r.status = worse(r.status,
                       f.severity == Severity::Error ? FactorStatus::Fail : FactorStatus::Warning);
      if (std::find(r.rules.begin(), r.rules.end(), f.rule) == r.rules.end())
        r.rules.push_back(f.rule);
    }
  }
  if (input.probe) {
    card.hasProbe = true;
    card.probeError = input.probe->error;
    card.probeCommand = input.probe->command;
    for (const auto &c : input.probe->checks) {
      auto &r = row(c.factor);
      r.checks.push_back(c);
      if (c.status == ProbeStatus::Skip)
        continue;
      if (std::find(r.rules.begin(), r.rules.end(), c.id) == r.rules.end())
        r.rules.push_back(c.id);
      r.status = worse(r.status, c.status == ProbeStatus::Fail   ? FactorStatus::Fail
                                 : c.status == ProbeStatus::Warn ? FactorStatus::Warning
                                                                 : FactorStatus::Pass);
    }
  }

  unsigned points = 0;
  for (auto &r : card.factors) {
    std::sort(r.rules.begin(), r.rules.end());
    std::map<Severity, size_t> bySeverity;
    for (const auto &f : r.findings)
      ++bySeverity[f.severity];
    size_t failedChecks = 0, warnedChecks = 0, passedChecks = 0;
    for (const auto &c : r.checks) {
      failedChecks += c.status == ProbeStatus::Fail;
      warnedChecks += c.status == ProbeStatus::Warn;
      passedChecks += c.status == ProbeStatus::Pass;
    }
    std::string s;
    appendPart(s, bySeverity[Severity::Error], "error");
    appendPart(s, bySeverity[Severity::Warning], "warning");
    appendPart(s, bySeverity[Severity::Note], "note");
    appendPart(s, failedChecks, "failed check");
    appendPart(s, warnedChecks, "check with a warning");
    appendPart(s, passedChecks, "passed check");
    switch (r.status) {
    case FactorStatus::NotAssessed:
      r.summary = "no enabled rule or probe check";
      break;
    case FactorStatus::Pass:
      // Only passed checks can be in `s` here: any finding or other check would not pass.
      if (card.hasScan && r.rules.size() > passedChecks)
        r.summary = s.empty() ? "no findings" : "no findings, " + s;
      else
        r.summary = s;
      break;
    default:
      r.summary = s;
    }
    switch (r.status) {
    case FactorStatus::Pass:
      ++card.assessed, ++card.passed, points += 2;
      break;
    case FactorStatus::Warning:
      ++card.assessed, ++card.warnings, points += 1;
      break;
    case FactorStatus::Fail:
      ++card.assessed, ++card.failed;
      break;
    case FactorStatus::NotAssessed:
      break;
    }
  }
  card.score = card.assessed ? (points * 100 + card.assessed) / (2 * card.assessed) : 0;

  card.summary = std::to_string(card.assessed) + " of 12 factors assessed";
  std::string parts;
  if (card.passed)
    parts += std::to_string(card.passed) + " pass";
  if (card.failed)
    parts += (parts.empty() ? "" : ", ") + std::to_string(card.failed) + " fail";
  if (card.warnings)
    parts += (parts.empty() ? "" : ", ") + plural(card.warnings, "warning");
  if (!parts.empty())
    card.summary += ": " + parts;
  return card;
}

} // namespace twelve
