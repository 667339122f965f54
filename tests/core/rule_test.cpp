#include "core/rule.h"
#include "rules/catalog.h"

#include <gtest/gtest.h>

#include <set>

namespace {

using namespace twelve;

TEST(Rule, ParsesFrontMatterAndSections) {
  auto rule = parseRule("---\nid: logs/file-sink\nname: Log file\nseverity: warning\nkind: static\n"
                        "summary: Writes logs to a file.\n---\n## What it does\n\nFinds x.\n\n"
                        "## Example\n\n```cpp\nf();\n```\n",
                        "t.md");
  EXPECT_EQ(rule.id, "logs/file-sink");
  EXPECT_EQ(rule.factor, Factor::Logs);
  EXPECT_EQ(rule.severity, Severity::Warning);
  ASSERT_EQ(rule.sections.size(), 2u);
  EXPECT_EQ(rule.section("What it does"), "Finds x.");
  EXPECT_EQ(rule.section("Example"), "```cpp\nf();\n```");
}

TEST(Rule, ErrorsNameTheFileAndLine) {
  try {
    parseRule("---\nid: nofactor/x\n---\n", "rules/x.md");
    FAIL() << "expected an error";
  } catch (const RuleParseError &e) {
    EXPECT_EQ(e.message, "rules/x.md:2: id must be <factor-slug>/<rule-name>");
  }
  EXPECT_THROW(parseRule("id: x\n", "a.md"), RuleParseError);
  EXPECT_THROW(parseRule("---\nid: logs/a\ncolour: red\n---\n", "a.md"), RuleParseError);
}

// Every embedded rule file parses, has the documented sections, and its id
// matches its path: the catalog is data that must stay well-formed.
TEST(Catalog, EveryRuleIsCompleteAndWellFormed) {
  const auto &catalog = rules::catalog();
  ASSERT_GE(catalog.rules().size(), 20u);
  for (const auto &file : rules::ruleFiles()) {
    auto rule = parseRule(file.text, file.path);
    EXPECT_EQ("rules/" + rule.id + ".md", file.path);
    for (const char *section : {"What it does", "Why is this bad", "Example", "Use instead"})
      EXPECT_FALSE(rule.section(section).empty()) << rule.id << " lacks '" << section << "'";
    // Stubs (the committed placeholder and scripts/new-rule's) are not docs.
    EXPECT_NE(rule.section("What it does").rfind("TODO", 0), 0u) << rule.id;
    EXPECT_EQ(rule.section("What it does").find("What the check finds, and precisely"), std::string::npos) << rule.id;
  }
}

TEST(Catalog, FindsByIdAndRejectsUnknown) {
  const auto &catalog = rules::catalog();
  ASSERT_NE(catalog.find("config/hardcoded-credential"), nullptr);
  EXPECT_EQ(catalog.find("config/hardcoded-credential")->factor, Factor::Config);
  EXPECT_EQ(catalog.find("config/nope"), nullptr);
}

TEST(Factor, SlugsAndNumbersRoundTrip) {
  for (const auto &fi : allFactors()) {
    EXPECT_EQ(factorFromSlug(fi.slug), fi.factor);
    EXPECT_EQ(factorFromNumber(fi.number), fi.factor);
  }
  EXPECT_FALSE(factorFromSlug("logging"));
  EXPECT_FALSE(factorFromNumber(13));
}

} // namespace
