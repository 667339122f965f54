// Hostile text from scanned code must never break or inject into any format.
#include "report_fixture.h"

#include "core/scorecard.h"
#include "report/codeclimate.h"
#include "report/escape.h"
#include "report/html.h"
#include "report/junit.h"
#include "report/markdown.h"
#include "report/sarif.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <sstream>

namespace twelve::report {
namespace {

using testing::fixtureCatalog;

// Every hazard in one finding: markup, a CDATA terminator, controls XML 1.0
// forbids, invalid UTF-8, Markdown table and code-span delimiters.
ScanResult hostileScan() {
  ScanResult r;
  r.root = "/tmp/<root>";
  Finding f;
  f.rule = "config/hardcoded-credential";
  f.factor = Factor::Config;
  f.severity = Severity::Error;
  f.file = "src/a&b <x>.cpp";
  f.line = 3;
  f.column = 5;
  f.message = "credential \"<script>alert(1)</script>\" | ]]> `x`";
  f.sourceLine =
      std::string("auto s = \"<script>alert(1)</script>\"; // ]]> \x01\x1b\x7f bad:\xff\xfe") +
      "\xc3\x28 | ``tick``";
  f.fingerprint = "00112233";
  r.findings.push_back(f);
  r.errors.push_back({"src/<bad>.c", "error: ]]> \x02"});
  return r;
}

ProbeResult hostileProbe() {
  ProbeResult p;
  p.command = {"./svc", "<script>"};
  p.checks.push_back({"logs/stdout",
                      Factor::Logs,
                      ProbeStatus::Fail,
                      "wrote <b>\x03\xff</b>",
                      {{"file", "log|<i>\x80"}}});
  return p;
}

bool isValidUtf8(const std::string &s) { return validUtf8(s) == s; }

bool hasForbiddenXmlChar(const std::string &s) {
  for (unsigned char c : s)
    if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f)
      return true;
  return false;
}

Scorecard hostileCard() {
  static ScanResult scan = hostileScan();
  static ProbeResult probe = hostileProbe();
  return makeScorecard({&scan, &probe, {}}, fixtureCatalog());
}

TEST(Escape, XmlEscapesMarkupAndReplacesForbiddenCharacters) {
  EXPECT_EQ(xmlEscape("<a href='x'>&\"</a>"), "&lt;a href=&#39;x&#39;&gt;&amp;&quot;&lt;/a&gt;");
  EXPECT_EQ(xmlEscape("]]>"), "]]&gt;");
  EXPECT_EQ(xmlEscape("a\x01"
                      "b\tc\n"),
            "a\xEF\xBF\xBD"
            "b\tc\n");
  EXPECT_EQ(xmlEscape("\xff"), "\xEF\xBF\xBD");
  EXPECT_EQ(xmlEscape("\xEF\xBF\xBF"), "\xEF\xBF\xBD"); // U+FFFF is not an XML character
  EXPECT_EQ(xmlEscape("caf\xC3\xA9"), "caf\xC3\xA9");
}

TEST(Escape, ValidUtf8ReplacesEachBadByte) {
  EXPECT_EQ(validUtf8("a\xff"
                      "b"),
            "a\xEF\xBF\xBD"
            "b");
  EXPECT_EQ(validUtf8("\xC0\xAF"), "\xEF\xBF\xBD\xEF\xBF\xBD");                 // overlong
  EXPECT_EQ(validUtf8("\xED\xA0\x80"), "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"); // surrogate
  EXPECT_EQ(validUtf8("\xF0\x9F\x98\x80"), "\xF0\x9F\x98\x80");
  EXPECT_EQ(validUtf8("\xE2\x82"), "\xEF\xBF\xBD\xEF\xBF\xBD"); // truncated
}

TEST(Escape, MarkdownCellsAndCodeSpans) {
  EXPECT_EQ(markdownCell("a|b\nc <i>"), "a\\|b c &lt;i&gt;");
  EXPECT_EQ(markdownCode("a`b"), "``a`b``");
  EXPECT_EQ(markdownCode("``x``"), "``` ``x`` ```");
  EXPECT_EQ(markdownCode(""), "` `");
  EXPECT_EQ(markdownText("*a* [b](c) <x> &#"), "\\*a\\* \\[b\\](c) &lt;x&gt; &amp;\\#");
}

TEST(Escape, PascalCaseRuleNames) {
  EXPECT_EQ(pascalCase("config/hardcoded-credential"), "HardcodedCredential");
  EXPECT_EQ(pascalCase("processes/in-memory-session-state"), "InMemorySessionState");
}

TEST(Escape, HtmlShowsScriptAsText) {
  std::ostringstream out;
  writeReadinessHtml(out, hostileCard(), fixtureCatalog());
  auto html = out.str();
  EXPECT_EQ(html.find("<script"), std::string::npos);
  EXPECT_EQ(html.find("wrote <b>"), std::string::npos);
  EXPECT_NE(html.find("wrote &lt;b&gt;"), std::string::npos);
  EXPECT_EQ(html.find("<i>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(1)&lt;/script&gt;"), std::string::npos);
  EXPECT_NE(html.find("src/a&amp;b &lt;x&gt;.cpp"), std::string::npos);
  EXPECT_TRUE(isValidUtf8(html));
  EXPECT_FALSE(hasForbiddenXmlChar(html));
}

TEST(Escape, HtmlIsSelfContained) {
  std::ostringstream out;
  writeReadinessHtml(out, hostileCard(), fixtureCatalog());
  auto html = out.str();
  for (const char *external : {"<script", "<link", "<img", "@import", "url(", "src=", "@font-face"})
    EXPECT_EQ(html.find(external), std::string::npos) << external;
  EXPECT_NE(html.find("@media print"), std::string::npos);
}

TEST(Escape, MarkdownKeepsTablesAndCodeSpansIntact) {
  std::ostringstream out;
  writeReadinessMarkdown(out, hostileCard(), fixtureCatalog());
  auto md = out.str();
  EXPECT_TRUE(isValidUtf8(md));
  // Outside code spans (which CommonMark shows literally) markup is escaped.
  EXPECT_NE(md.find("credential \"&lt;script&gt;alert(1)&lt;/script&gt;\""), std::string::npos);
  EXPECT_NE(md.find("wrote &lt;b&gt;"), std::string::npos);
  // The evidence table cell holds the escaped pipe, not a column break.
  EXPECT_NE(md.find("| file | log\\|&lt;i&gt;"), std::string::npos);
  // Every table row has exactly its columns: count unescaped pipes.
  std::istringstream lines(md);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind("| ", 0) != 0)
      continue;
    size_t pipes = 0;
    for (size_t i = 0; i < line.size(); ++i)
      pipes += line[i] == '|' && (i == 0 || line[i - 1] != '\\');
    EXPECT_TRUE(pipes == 3 || pipes == 4) << line;
  }
}

TEST(Escape, JUnitIsWellFormedText) {
  std::ostringstream scan, probe;
  writeScanJUnit(scan, hostileScan(), fixtureCatalog());
  writeProbeJUnit(probe, hostileProbe(), fixtureCatalog());
  testing::writeOutput("hostile.junit.xml", scan.str());
  testing::writeOutput("hostile-probe.junit.xml", probe.str());
  auto xml = scan.str() + probe.str();
  EXPECT_TRUE(isValidUtf8(xml));
  EXPECT_FALSE(hasForbiddenXmlChar(xml));
  EXPECT_EQ(xml.find("]]>"), std::string::npos);
  EXPECT_EQ(xml.find("<script"), std::string::npos);
  EXPECT_NE(xml.find("]]&gt;"), std::string::npos);
}

TEST(Escape, JsonFormatsSurviveInvalidUtf8) {
  std::ostringstream sarif, cc;
  auto scan = hostileScan();
  auto probe = hostileProbe();
  writeSarif(sarif, &scan, &probe, fixtureCatalog(), {"twelve", "1.0.0"});
  writeScanCodeClimate(cc, scan, fixtureCatalog());
  for (const auto &text : {sarif.str(), cc.str()}) {
    EXPECT_TRUE(isValidUtf8(text));
    EXPECT_NO_THROW((void)nlohmann::json::parse(text));
  }
  testing::writeOutput("hostile.sarif", sarif.str());
}

} // namespace
} // namespace twelve::report
