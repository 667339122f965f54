// The readiness report as Markdown (for pull requests, wikis, GitLab/GitHub pages).
#pragma once

#include "core/rule.h"
#include "core/scorecard.h"
#include "report/readiness.h"

#include <ostream>

namespace twelve::report {

/// Summary line and score, a table of the twelve factors, then per assessed
/// factor its evidence: findings grouped by rule with the code excerpt and the
/// rule's "Use instead" section as the fix, and probe checks with their measurements.
void writeReadinessMarkdown(std::ostream &out, const Scorecard &card, const RuleCatalog &catalog,
                            const ReadinessOptions &options = {});

} // namespace twelve::report
