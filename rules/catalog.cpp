#include "rules/catalog.h"

namespace twelve::rules {

const RuleCatalog &catalog() {
  static const RuleCatalog instance = [] {
    std::vector<Rule> rules;
    for (const auto &f : ruleFiles())
      rules.push_back(parseRule(f.text, f.path));
    return RuleCatalog(std::move(rules));
  }();
  return instance;
}

} // namespace twelve::rules
