#include "report/html.h"

#include "report/escape.h"

#include <map>
#include <vector>

namespace twelve::report {

namespace {

const char *kStyle = R"css(
:root{--pass:#1a7f37;--pass-bg:#dafbe1;--warn:#8a5a00;--warn-bg:#fff1c2;--fail:#b42318;
--fail-bg:#ffe4e1;--na:#57606a;--na-bg:#eef1f4;--ink:#1f2328;--muted:#59636e;--line:#d1d9e0;
--accent:#0b4f8a}
*{box-sizing:border-box}
body{margin:0;font:15px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
color:var(--ink);background:#f6f8fa}
main{max-width:1080px;margin:0 auto;padding:32px 40px 48px;background:#fff;min-height:100vh}
header{display:flex;gap:28px;align-items:center;border-bottom:3px solid var(--accent);padding-bottom:22px}
h1{font-size:26px;margin:0 0 4px;letter-spacing:-.01em}
h2{font-size:20px;margin:36px 0 8px;padding-top:8px;border-top:1px solid var(--line)}
h3{font-size:16px;margin:22px 0 6px}
.subtitle{color:var(--muted);margin:0 0 10px}
.summary{font-size:18px;font-weight:600;margin:0}
.sources{color:var(--muted);margin:6px 0 0;font-size:14px}
.score{flex:none;width:120px;height:120px;border-radius:50%;display:flex;flex-direction:column;
align-items:center;justify-content:center;border:8px solid var(--accent);color:var(--accent)}
.score b{font-size:36px;line-height:1}.score span{font-size:12px;text-transform:uppercase;letter-spacing:.08em}
.counts{display:flex;gap:10px;flex-wrap:wrap;margin:18px 0 0;padding:0;list-style:none}
.counts li{padding:4px 12px;border-radius:999px;font-weight:600;font-size:14px}
table{border-collapse:collapse;width:100%;margin:18px 0}
th,td{text-align:left;padding:8px 10px;border-bottom:1px solid var(--line);vertical-align:top}
th{font-size:12px;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);background:#f6f8fa}
tr.muted td{color:var(--muted)}tr.muted .rules{color:#8c959f}
td.num{color:var(--muted);width:56px;font-variant-numeric:tabular-nums}
.badge{display:inline-block;white-space:nowrap;padding:2px 10px;border-radius:999px;font-weight:600;font-size:13px;
border:1px solid currentColor}
.pass{color:var(--pass);background:var(--pass-bg)}.warning{color:var(--warn);background:var(--warn-bg)}
.fail{color:var(--fail);background:var(--fail-bg)}.na{color:var(--na);background:var(--na-bg)}
.factor-summary{color:var(--muted);margin:0 0 8px}
.rules{font-size:13px;color:var(--muted)}
code,pre{font:13px/1.45 ui-monospace,"SFMono-Regular","DejaVu Sans Mono",Menlo,Consolas,monospace}
code{background:#eff2f5;padding:1px 5px;border-radius:4px;word-break:break-word}
pre{background:#f6f8fa;border:1px solid var(--line);border-left:4px solid var(--accent);border-radius:6px;
padding:10px 12px;overflow-x:auto;white-space:pre-wrap;word-break:break-all;margin:6px 0 10px}
pre code{background:none;padding:0}
.finding{margin:10px 0 14px;padding-left:12px;border-left:3px solid var(--line)}
.finding .where{font-weight:600}.finding .msg{margin:2px 0}
.sev{font-size:12px;font-weight:700;text-transform:uppercase;letter-spacing:.04em;margin-right:6px}
.sev-error{color:var(--fail)}.sev-warning{color:var(--warn)}.sev-note{color:var(--na)}
.fix{background:#f0f7ff;border:1px solid #c8e1ff;border-radius:8px;padding:4px 16px;margin:10px 0 18px}
.fix h4{margin:10px 0 4px;font-size:14px;color:var(--accent)}
.notice{border:1px solid var(--fail);background:var(--fail-bg);border-radius:8px;padding:8px 14px;margin:14px 0}
.evidence{width:auto;min-width:360px;margin:6px 0 14px}.evidence td,.evidence th{padding:4px 10px}
footer{margin-top:40px;padding-top:12px;border-top:1px solid var(--line);color:var(--muted);font-size:13px}
a{color:var(--accent)}
@media print{
body{background:#fff;font-size:11pt}main{padding:0;max-width:none}
.score{border-width:5px;width:96px;height:96px}
h2{break-after:avoid}h3{break-after:avoid}.finding,tr,pre,.fix{break-inside:avoid}
section.factor{break-before:auto}a{color:inherit;text-decoration:none}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

const char *statusClass(FactorStatus s) {
  switch (s) {
  case FactorStatus::Pass:
    return "pass";
  case FactorStatus::Warning:
    return "warning";
  case FactorStatus::Fail:
    return "fail";
  case FactorStatus::NotAssessed:
    return "na";
  }
  return "na";
}

// A symbol and a word, so the status does not rest on colour alone.
std::string badge(FactorStatus s) {
  const char *symbol = s == FactorStatus::Pass      ? "&#10003;"
                       : s == FactorStatus::Warning ? "!"
                       : s == FactorStatus::Fail    ? "&#10007;"
                                                    : "&#8211;";
  return std::string("<span class=\"badge ") + statusClass(s) + "\">" + symbol + " " +
         std::string(name(s)) + "</span>";
}

std::string factorName(Factor f) {
  return std::string(info(f).roman) + ". " + std::string(info(f).title);
}

// Inline Markdown of the rule docs: `code` and **bold**, everything else escaped.
std::string inlineMarkdown(std::string_view text) {
  std::string out;
  size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '`') {
      auto end = text.find('`', i + 1);
      if (end != std::string_view::npos) {
        out += "<code>" + xmlEscape(text.substr(i + 1, end - i - 1)) + "</code>";
        i = end + 1;
        continue;
      }
    }
    if (text.substr(i, 2) == "**") {
      auto end = text.find("**", i + 2);
      if (end != std::string_view::npos) {
        out += "<strong>" + inlineMarkdown(text.substr(i + 2, end - i - 2)) + "</strong>";
        i = end + 2;
        continue;
      }
    }
    auto next = text.find_first_of("`*", i + 1);
    if (next == std::string_view::npos)
      next = text.size();
    out += xmlEscape(text.substr(i, next - i));
    i = next;
  }
  return out;
}

// The small Markdown subset rule documentation uses: paragraphs, fenced code,
// "- " lists and inline code. Everything is escaped; nothing else is interpreted.
std::string blockMarkdown(std::string_view text) {
  std::string out, paragraph;
  bool inList = false, inCode = false;
  auto flush = [&] {
    if (!paragraph.empty())
      out += "<p>" + inlineMarkdown(paragraph) + "</p>\n";
    paragraph.clear();
  };
  auto closeList = [&] {
    if (inList)
      out += "</ul>\n";
    inList = false;
  };
  while (!text.empty()) {
    auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text.remove_prefix(nl == std::string_view::npos ? text.size() : nl + 1);
    if (line.substr(0, 3) == "```") {
      if (inCode) {
        out += "</code></pre>\n";
        inCode = false;
      } else {
        flush();
        closeList();
        out += "<pre><code>";
        inCode = true;
      }
      continue;
    }
    if (inCode) {
      out += xmlEscape(line) + "\n";
      continue;
    }
    if (line.find_first_not_of(" \t") == std::string_view::npos) {
      flush();
      closeList();
      continue;
    }
    if (line.substr(0, 2) == "- " || line.substr(0, 2) == "* ") {
      flush();
      if (!inList)
        out += "<ul>\n";
      inList = true;
      out += "<li>" + inlineMarkdown(line.substr(2)) + "</li>\n";
      continue;
    }
    paragraph += (paragraph.empty() ? "" : " ") + std::string(line);
  }
  if (inCode)
    out += "</code></pre>\n";
  flush();
  closeList();
  return out;
}

} // namespace

void writeReadinessHtml(std::ostream &out, const Scorecard &card, const RuleCatalog &catalog,
                        const ReadinessOptions &options) {
  out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
      << "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
      // No network at all: the page needs nothing but itself.
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
         "style-src 'unsafe-inline'\">\n"
      << "<title>" << xmlEscape(options.title) << "</title>\n<style>" << kStyle
      << "</style>\n</head>\n<body>\n<main>\n";

  out << "<header>\n<div class=\"score\" aria-label=\"score " << card.score << " of 100\"><b>"
      << card.score << "</b><span>of 100</span></div>\n<div>\n<h1>" << xmlEscape(options.title)
      << "</h1>\n";
  if (!options.subtitle.empty())
    out << "<p class=\"subtitle\">" << xmlEscape(options.subtitle) << "</p>\n";
  out << "<p class=\"summary\">" << xmlEscape(card.summary) << "</p>\n";
  std::string sources;
  if (card.hasScan)
    sources += "static scan of <code>" + xmlEscape(card.root.empty() ? "." : card.root) + "</code>";
  if (card.hasProbe) {
    std::string command;
    for (const auto &a : card.probeCommand)
      command += (command.empty() ? "" : " ") + a;
    sources += std::string(sources.empty() ? "" : " and ") + "runtime probe" +
               (command.empty() ? "" : " of <code>" + xmlEscape(command) + "</code>");
  }
  if (!sources.empty())
    out << "<p class=\"sources\">Evidence from the " << sources << ".</p>\n";
  out << "<ul class=\"counts\">"
      << "<li class=\"pass\">&#10003; " << card.passed << " pass</li>"
      << "<li class=\"warning\">! " << card.warnings
      << (card.warnings == 1 ? " warning" : " warnings") << "</li>"
      << "<li class=\"fail\">&#10007; " << card.failed << " fail</li>"
      << "<li class=\"na\">&#8211; " << 12 - card.assessed << " not assessed</li></ul>\n";
  out << "</div>\n</header>\n";

  for (const auto &e : card.scanErrors)
    out << "<p class=\"notice\"><strong>Not analyzed:</strong> <code>" << xmlEscape(e.file)
        << "</code>: " << xmlEscape(e.message) << "</p>\n";
  if (!card.probeError.empty())
    out << "<p class=\"notice\"><strong>Probe did not run:</strong> " << xmlEscape(card.probeError)
        << "</p>\n";

  out << "<table class=\"scorecard\">\n<thead><tr><th>#</th><th>Factor</th><th>Status</th>"
         "<th>Evidence</th></tr></thead>\n<tbody>\n";
  for (const auto &row : card.factors) {
    const auto &fi = info(row.factor);
    out << "<tr" << (row.status == FactorStatus::NotAssessed ? " class=\"muted\"" : "")
        << "><td class=\"num\">" << fi.roman << "</td><td>";
    if (row.status != FactorStatus::NotAssessed)
      out << "<a href=\"#" << fi.slug << "\">" << xmlEscape(fi.title) << "</a>";
    else
      out << xmlEscape(fi.title);
    out << "<br><span class=\"rules\">" << xmlEscape(fi.summary) << "</span></td><td>"
        << badge(row.status) << "</td><td>" << xmlEscape(row.summary) << "</td></tr>\n";
  }
  out << "</tbody>\n</table>\n";

  for (const auto &row : card.factors) {
    if (row.status == FactorStatus::NotAssessed)
      continue;
    const auto &fi = info(row.factor);
    out << "<section class=\"factor\" id=\"" << fi.slug << "\">\n<h2>"
        << xmlEscape(factorName(row.factor)) << " " << badge(row.status) << "</h2>\n"
        << "<p class=\"factor-summary\"><em>" << xmlEscape(fi.summary) << ".</em> "
        << xmlEscape(row.summary) << ".</p>\n";
    if (!row.rules.empty()) {
      out << "<p class=\"rules\">Checked by:";
      for (size_t i = 0; i < row.rules.size(); ++i)
        out << (i ? ", " : " ") << "<code>" << xmlEscape(row.rules[i]) << "</code>";
      out << "</p>\n";
    }
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
      out << "<h3><code>" << xmlEscape(id) << "</code>";
      if (rule)
        out << " " << xmlEscape(rule->name);
      out << " <span class=\"rules\">(" << list.size()
          << (list.size() == 1 ? " finding" : " findings") << ")</span></h3>\n";
      size_t shown = 0;
      for (const Finding *f : list) {
        if (shown++ == options.maxFindingsPerRule) {
          out << "<p class=\"rules\">&#8230; and " << list.size() - options.maxFindingsPerRule
              << " more</p>\n";
          break;
        }
        std::string sev(name(f->severity));
        out << "<div class=\"finding\"><div class=\"where\"><span class=\"sev sev-" << sev << "\">"
            << sev << "</span><code>"
            << xmlEscape(f->file + ":" + std::to_string(f->line) + ":" + std::to_string(f->column))
            << "</code></div>\n<div class=\"msg\">" << xmlEscape(f->message) << "</div>\n";
        if (!f->sourceLine.empty())
          out << "<pre><code>" << xmlEscape(f->sourceLine) << "</code></pre>\n";
        out << "</div>\n";
      }
      if (rule) {
        std::string_view fix = rule->section("Use instead");
        out << "<div class=\"fix\">";
        if (!fix.empty() && fix != "TODO")
          out << "<h4>How to fix</h4>\n" << blockMarkdown(fix);
        out << "<p><a href=\"" << xmlEscape(rule->helpUri())
            << "\">Rule documentation: " << xmlEscape(id) << "</a></p></div>\n";
      }
    }
    for (const auto &c : row.checks) {
      FactorStatus s = c.status == ProbeStatus::Fail   ? FactorStatus::Fail
                       : c.status == ProbeStatus::Warn ? FactorStatus::Warning
                       : c.status == ProbeStatus::Pass ? FactorStatus::Pass
                                                       : FactorStatus::NotAssessed;
      out << "<h3>Probe <code>" << xmlEscape(c.id) << "</code> "
          << (c.status == ProbeStatus::Skip
                  ? std::string("<span class=\"badge na\">&#8211; skipped</span>")
                  : badge(s))
          << "</h3>\n";
      if (!c.message.empty())
        out << "<p>" << xmlEscape(c.message) << "</p>\n";
      if (!c.evidence.empty()) {
        out << "<table class=\"evidence\"><thead><tr><th>Measurement</th><th>Value</th></tr>"
               "</thead><tbody>\n";
        for (const auto &[key, value] : c.evidence)
          out << "<tr><td>" << xmlEscape(key) << "</td><td><code>" << xmlEscape(value)
              << "</code></td></tr>\n";
        out << "</tbody></table>\n";
      }
    }
    out << "</section>\n";
  }

  std::vector<std::string> notAssessed;
  for (const auto &row : card.factors)
    if (row.status == FactorStatus::NotAssessed)
      notAssessed.push_back(factorName(row.factor));
  if (!notAssessed.empty()) {
    out << "<section class=\"factor\" id=\"not-assessed\">\n<h2>Not assessed "
        << badge(FactorStatus::NotAssessed) << "</h2>\n<p>No enabled rule or probe check covers ";
    for (size_t i = 0; i < notAssessed.size(); ++i)
      out << (i == 0                        ? ""
              : i + 1 == notAssessed.size() ? " and "
                                            : ", ")
          << xmlEscape(notAssessed[i]);
    out << "; review " << (notAssessed.size() == 1 ? "it" : "them")
        << " by hand.</p>\n</section>\n";
  }
  out << "<footer><p>Scoring: a factor <strong>fails</strong> on an error finding or a failed "
         "probe check, has a <strong>warning</strong> on a warning or note finding or a probe "
         "warning, and <strong>passes</strong> when it was assessed with none of those. The "
         "score counts 2 points per passing and 1 per warning factor, out of 2 per assessed "
         "factor.</p><p>Generated by twelve"
      << xmlEscape(options.toolVersion.empty() ? "" : " " + options.toolVersion)
      << ".</p></footer>\n</main>\n</body>\n</html>\n";
}

} // namespace twelve::report
