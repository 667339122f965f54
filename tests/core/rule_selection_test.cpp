#include "core/rule_selection.h"

#include <gtest/gtest.h>

namespace {

using namespace twelve;

RuleCatalog sample() {
  auto make = [](const char *id, Lifecycle l) {
    Rule r;
    r.id = id;
    r.lifecycle = l;
    return r;
  };
  return RuleCatalog({make("config/a", Lifecycle::Stable), make("config/b", Lifecycle::Stable),
                      make("logs/c", Lifecycle::Stable), make("logs/p", Lifecycle::Preview)});
}

TEST(Glob, Matches) {
  EXPECT_TRUE(globMatch("config/*", "config/a"));
  EXPECT_TRUE(globMatch("*", "x"));
  EXPECT_TRUE(globMatch("*/file-*", "logs/file-sink"));
  EXPECT_FALSE(globMatch("config/*", "logs/c"));
  EXPECT_FALSE(globMatch("config/a", "config/ab"));
}

TEST(RuleSelection, DefaultIsStableRules) {
  auto c = sample();
  RuleSelection s("", c);
  EXPECT_EQ(s.ids(), (std::vector<std::string>{"config/a", "config/b", "logs/c"}));
}

TEST(RuleSelection, OrderedGlobsLaterWins) {
  auto c = sample();
  RuleSelection s("-*,config/*,-config/b", c);
  EXPECT_EQ(s.ids(), (std::vector<std::string>{"config/a"}));
}

TEST(RuleSelection, PreviewRulesOnlyByName) {
  auto c = sample();
  EXPECT_FALSE(RuleSelection("*", c).enabled("logs/p"));
  EXPECT_TRUE(RuleSelection("logs/*", c).enabled("logs/p"));
}

TEST(RuleSelection, ValidateNamesAGlobThatMatchesNothing) {
  auto c = sample();
  EXPECT_FALSE(RuleSelection::validate("-*,config/*", c));
  auto problem = RuleSelection::validate("config/*,conifg/a", c);
  ASSERT_TRUE(problem);
  EXPECT_NE(problem->find("'conifg/a' matches no rule"), std::string::npos);
}

} // namespace
