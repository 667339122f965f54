// Options shared by the readiness report writers (markdown.h, html.h).
#pragma once

#include <cstddef>
#include <string>

namespace twelve::report {

/// What the readiness report says about itself; nothing here is computed, so
/// reports are reproducible (the caller adds a date to `subtitle` if it wants one).
struct ReadinessOptions {
  std::string title = "12-factor readiness report";
  std::string subtitle;           // e.g. the service name and the date
  std::string toolVersion;        // shown in the footer
  size_t maxFindingsPerRule = 25; // the rest are counted, not listed
};

} // namespace twelve::report
