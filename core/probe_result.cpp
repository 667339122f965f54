#include "core/probe_result.h"

namespace twelve {

std::string_view name(ProbeStatus s) {
  switch (s) {
  case ProbeStatus::Pass:
    return "pass";
  case ProbeStatus::Warn:
    return "warn";
  case ProbeStatus::Fail:
    return "fail";
  case ProbeStatus::Skip:
    return "skip";
  }
  return "skip";
}

} // namespace twelve
