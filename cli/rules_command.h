// `twelve rules [RULE-ID]`: the catalog, or one rule explained.
#pragma once

#include <string>

namespace twelve::cli {

struct RulesFlags {
  std::string id;        // empty: list all
  bool markdown = false; // print the rule's documentation page as Markdown
};

int runRules(const RulesFlags &flags);

} // namespace twelve::cli
