// Where reports go: stdout, or a file written atomically.
#pragma once

#include <string>

namespace twelve::cli {

/// Writes `content` to `path` through a temporary file in the same folder and a
/// rename, so an interrupted run never leaves a half-written report. Throws
/// std::runtime_error naming the path.
void writeFileAtomically(const std::string &path, const std::string &content);

/// True when colour should be used on stdout for `mode` (auto, always, never):
/// auto means a terminal, NO_COLOR unset and TERM not "dumb".
bool useColor(const std::string &mode);

} // namespace twelve::cli
