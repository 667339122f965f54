// Whether a path or an identifier names a log file; free of Clang headers.
#pragma once

#include <string>

namespace twelve::checks {

/// True for a path that names a log file: "*.log", "*.log.N", a "log/" or
/// "logs/" directory component, "/var/log/...". Devices are never log files.
bool isLogPath(const std::string &path);

/// True for an identifier that names a log file or its path ("logfile",
/// "log_path", "errorLog"), but not "login", "catalog" or "dialog".
bool isLogIdentifier(const std::string &name);

} // namespace twelve::checks
