#include "core/severity.h"

namespace twelve {

std::string_view name(Severity s) {
  switch (s) {
  case Severity::Note:
    return "note";
  case Severity::Warning:
    return "warning";
  case Severity::Error:
    return "error";
  }
  return "warning";
}

std::optional<Severity> parseSeverity(std::string_view s) {
  if (s == "note")
    return Severity::Note;
  if (s == "warning")
    return Severity::Warning;
  if (s == "error")
    return Severity::Error;
  return std::nullopt;
}

} // namespace twelve
