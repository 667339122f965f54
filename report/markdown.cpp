#include "report/markdown.h"

#include "report/escape.h"

#include <algorithm>
#include <map>
#include <vector>

namespace twelve::report {

namespace {

std::string statusLabel(FactorStatus s) {
  switch (s) {
  case FactorStatus::Pass:
    return "✅ pass";
  case FactorStatus::Warning:
    return "⚠️ warning";
  case FactorStatus::Fail:
    return "❌ fail";
  case FactorStatus::NotAssessed:
    return "➖ not assessed";
  }
  return "";
}

std::string factorName(Factor f) {
  return std::string(info(f).roman) + ". " + std::string(info(f).title);
}

// A fenced code block that its content cannot close.
std::string codeBlock(const std::string &text, const char *lang, const std::string &indent) {
  std::string body = validUtf8(text);
  for (auto &c : body)
    if (c == '\n' || c == '\r')
      c = ' ';
  size_t longest = 0, run = 0;
  for (char c : body) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  std::string fence(std::max<size_t>(3, longest + 1), '`');
  return indent + fence + lang + "\n" + indent + body + "\n" + indent + fence + "\n";
}

} // namespace

void writeReadinessMarkdown(std::ostream &out, const Scorecard &card, const RuleCatalog &catalog,
                            const ReadinessOptions &options) {
  out << "# " << markdownText(options.title) << "\n\n";
  if (!options.subtitle.empty())
    out << markdownText(options.subtitle) << "\n\n";
  out << "**" << markdownText(card.summary) << "** · score **" << card.score << "/100**\n\n";
  std::string sources;
  if (card.hasScan)
    sources += "static scan of " + markdownCode(card.root.empty() ? "." : card.root);
  if (card.hasProbe) {
    std::string command;
    for (const auto &a : card.probeCommand)
      command += (command.empty() ? "" : " ") + a;
    sources += std::string(sources.empty() ? "" : " and ") + "runtime probe" +
               (command.empty() ? "" : " of " + markdownCode(command));
  }
  if (!sources.empty())
    out << "Evidence from the " << sources << ".\n\n";
  for (const auto &e : card.scanErrors)
    out << "> **Not analyzed:** " << markdownCode(e.file) << ": " << markdownText(e.message)
        << "\n>\n";
  if (!card.scanErrors.empty())
    out << "\n";
  if (!card.probeError.empty())
    out << "> **Probe did not run:** " << markdownText(card.probeError) << "\n\n";

  out << "| Factor | Status | Evidence |\n| --- | --- | --- |\n";
  for (const auto &row : card.factors) {
    out << "| " << markdownCell(factorName(row.factor)) << " | " << statusLabel(row.status) << " | "
        << markdownCell(row.summary) << " |\n";
  }
  out << "\n";

  for (const auto &row : card.factors) {
    if (row.status == FactorStatus::NotAssessed)
      continue;
    const auto &fi = info(row.factor);
    out << "## " << markdownText(factorName(row.factor)) << ": " << statusLabel(row.status)
        << "\n\n*" << markdownText(fi.summary) << ".* " << markdownText(row.summary) << ".\n\n";
    if (!row.rules.empty()) {
      out << "Checked by:";
      for (size_t i = 0; i < row.rules.size(); ++i)
        out << (i ? ", " : " ") << markdownCode(row.rules[i]);
      out << ".\n\n";
    }
    // Findings grouped by rule, in the order rules first appear.
    std::vector<std::string> order;
    std::map<std::string, std::vector<const Finding *>> byRule;
    for (const auto &f : row.findings) {
      if (!byRule.count(f.rule))
        order.push_back(f.rule);
      byRule[f.rule].push_back(&f);
    }
    for (const auto &id : order) {
      const Rule *rule = catalog.find(id);
      const auto &list = byRule[id];
      out << "### " << markdownCode(id);
      if (rule)
        out << " " << markdownText(rule->name);
      out << " (" << list.size() << ")\n\n";
      size_t shown = 0;
      for (const Finding *f : list) {
        if (shown++ == options.maxFindingsPerRule) {
          out << "- … and " << list.size() - options.maxFindingsPerRule << " more\n";
          break;
        }
        out << "- **" << name(f->severity) << "** "
            << markdownCode(f->file + ":" + std::to_string(f->line) + ":" +
                            std::to_string(f->column))
            << ": " << markdownText(f->message) << "\n";
        if (!f->sourceLine.empty())
          out << "\n" << codeBlock(f->sourceLine, "cpp", "  ") << "\n";
      }
      out << "\n";
      if (rule) {
        std::string fix(rule->section("Use instead"));
        if (!fix.empty() && fix != "TODO")
          out << "**Fix** (from the rule's documentation):\n\n" << fix << "\n\n";
        out << "[Rule documentation](" << rule->helpUri() << ")\n\n";
      }
    }
    for (const auto &c : row.checks) {
      out << "### Probe: " << markdownCode(c.id) << " " << name(c.status) << "\n\n";
      if (!c.message.empty())
        out << markdownText(c.message) << "\n\n";
      if (!c.evidence.empty()) {
        out << "| Measurement | Value |\n| --- | --- |\n";
        for (const auto &[key, value] : c.evidence)
          out << "| " << markdownCell(key) << " | " << markdownCell(value) << " |\n";
        out << "\n";
      }
    }
  }
  std::vector<std::string> notAssessed;
  for (const auto &row : card.factors)
    if (row.status == FactorStatus::NotAssessed)
      notAssessed.push_back(factorName(row.factor));
  if (!notAssessed.empty()) {
    out << "## Not assessed\n\n";
    for (const auto &n : notAssessed)
      out << "- " << markdownText(n) << "\n";
    out << "\nNo enabled rule or probe check covers these factors; review them by hand.\n\n";
  }
  out << "---\n\nScoring: a factor fails on an error finding or a failed probe check, has a "
         "warning on a warning or note finding or a probe warning, and passes when it was "
         "assessed with none of those. The score counts 2 points per passing and 1 per "
         "warning factor, out of 2 per assessed factor.\n\n"
      << "Generated by twelve" << (options.toolVersion.empty() ? "" : " " + options.toolVersion)
      << ".\n";
}

} // namespace twelve::report
