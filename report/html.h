// The readiness report as one self-contained HTML page: inline CSS, no scripts, no network.
#pragma once

#include "core/rule.h"
#include "core/scorecard.h"
#include "report/readiness.h"

#include <ostream>

namespace twelve::report {

/// The content of writeReadinessMarkdown as a printable page. Every piece of text
/// from scanned code, probes or options is escaped; statuses carry a text label
/// and a symbol besides their colour.
void writeReadinessHtml(std::ostream &out, const Scorecard &card, const RuleCatalog &catalog,
                        const ReadinessOptions &options = {});

} // namespace twelve::report
