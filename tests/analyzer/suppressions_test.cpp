#include "analyzer/suppressions.h"

#include <gtest/gtest.h>

namespace {

using twelve::analyzer::FileSuppressions;

TEST(Suppressions, SameLineWithRuleAndReason) {
  auto s = FileSuppressions::parse("int a;\nf(); // NOLINT(logs/file-sink): audit log, required\n");
  ASSERT_EQ(s.all().size(), 1u);
  EXPECT_EQ(s.all()[0].reason, "audit log, required");
  EXPECT_TRUE(s.suppresses("logs/file-sink", 2));
  EXPECT_FALSE(s.suppresses("logs/file-sink", 1));
  EXPECT_FALSE(s.suppresses("config/hardcoded-url", 2));
}

TEST(Suppressions, NextLineAndGlobs) {
  auto s = FileSuppressions::parse("// NOLINTNEXTLINE(config/*)\nf();\ng();\n");
  EXPECT_TRUE(s.suppresses("config/hardcoded-url", 2));
  EXPECT_FALSE(s.suppresses("config/hardcoded-url", 3));
  EXPECT_FALSE(s.suppresses("logs/file-sink", 2));
}

TEST(Suppressions, BareNolintSilencesEverythingAsInClangTidy) {
  auto s = FileSuppressions::parse("f(); // NOLINT\n");
  EXPECT_TRUE(s.suppresses("logs/file-sink", 1));
}

TEST(Suppressions, ClangTidyOnlyCommentsAreNotOurs) {
  auto s = FileSuppressions::parse("f(); // NOLINT(bugprone-branch-clone)\n");
  EXPECT_FALSE(s.suppresses("logs/file-sink", 1));
  auto t = FileSuppressions::parse("f(); // NOLINTSOMETHING(logs/file-sink)\n");
  EXPECT_FALSE(t.suppresses("logs/file-sink", 1));
}

TEST(Suppressions, OutsideACommentIsNotASuppression) {
  auto s = FileSuppressions::parse("const char *x = \"NOLINT(logs/file-sink)\";\n");
  EXPECT_FALSE(s.suppresses("logs/file-sink", 1));
}

TEST(Suppressions, BeginEndRegion) {
  auto s = FileSuppressions::parse(
      "// NOLINTBEGIN(logs/*)\nf();\ng();\n// NOLINTEND(logs/*)\nh();\n");
  EXPECT_TRUE(s.suppresses("logs/file-sink", 2));
  EXPECT_TRUE(s.suppresses("logs/syslog", 3));
  EXPECT_FALSE(s.suppresses("logs/file-sink", 5));
}

TEST(Suppressions, UsageIsTracked) {
  auto s = FileSuppressions::parse("f(); // NOLINT(logs/file-sink)\ng(); // NOLINT(logs/syslog)\n");
  s.suppresses("logs/file-sink", 1);
  EXPECT_TRUE(s.all()[0].used);
  EXPECT_FALSE(s.all()[1].used);
}

} // namespace
