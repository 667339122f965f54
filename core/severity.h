// Severity levels, named as SARIF names them.
#pragma once

#include <optional>
#include <string_view>

namespace twelve {

/// How serious a finding is; ordered so that Note < Warning < Error.
enum class Severity { Note = 0, Warning = 1, Error = 2 };

std::string_view name(Severity s);
std::optional<Severity> parseSeverity(std::string_view s);

} // namespace twelve
