#include "cli/rules_command.h"

#include "cli/exit_codes.h"
#include "rules/catalog.h"

#include <iostream>

namespace twelve::cli {

int runRules(const RulesFlags &flags) {
  const auto &catalog = rules::catalog();
  if (flags.id.empty()) {
    std::cout << "twelve rules (" << catalog.rules().size()
              << "); 'twelve rules ID' explains one.\n\n";
    Factor last{};
    bool first = true;
    for (const auto &fi : allFactors()) {
      for (const auto &r : catalog.rules()) {
        if (r.factor != fi.factor)
          continue;
        if (first || last != fi.factor)
          std::cout << (first ? "" : "\n") << fi.roman << ". " << fi.title << ": " << fi.summary
                    << "\n";
        first = false;
        last = fi.factor;
        std::string id = r.id;
        std::cout << "  " << id << std::string(id.size() < 40 ? 40 - id.size() : 1, ' ')
                  << (r.kind == "runtime" ? "probe " : "scan  ") << name(r.severity)
                  << std::string(9 - name(r.severity).size(), ' ') << r.summary << "\n";
      }
    }
    return Success;
  }
  const auto *rule = catalog.find(flags.id);
  if (!rule) {
    std::cerr << "twelve: error: unknown rule '" << flags.id << "' (see 'twelve rules')\n";
    return UsageError;
  }
  if (flags.markdown) {
    std::cout << rule->markdown();
    return Success;
  }
  const auto &fi = info(rule->factor);
  std::cout << rule->id << ": " << rule->name << "\n"
            << "factor " << fi.roman << " (" << fi.title << ": " << fi.summary << "), "
            << name(rule->severity) << " by default, " << name(rule->lifecycle) << ", checked by "
            << (rule->kind == "runtime" ? "'twelve probe'" : "'twelve scan'") << "\n\n"
            << rule->summary << "\n";
  for (const auto &s : rule->sections)
    std::cout << "\n" << s.title << "\n" << std::string(s.title.size(), '-') << "\n" << s.body
              << "\n";
  std::cout << "\nDocumentation: " << rule->helpUri() << "\n";
  return Success;
}

} // namespace twelve::cli
