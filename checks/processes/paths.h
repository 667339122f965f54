// Classifies file paths for the checks that judge file writes; plain C++ so it
// can be tested without Clang, and shared with the logs checks.
#pragma once

#include <string>

namespace twelve::checks::paths {

/// A log file: "*.log", "*.log.N", a "log/" or "logs/" directory component,
/// anything under "/var/log/". Devices, "*.pid" and "*.lock" are never log files.
bool isLogPath(const std::string &path);

/// A PID file: "*.pid", or a file under "/run/" or "/var/run/" (where init
/// systems expect PID files and lock files).
bool isPidPath(const std::string &path);

/// A device or kernel interface: "/dev/...", "/proc/...", "/sys/...".
bool isSystemPath(const std::string &path);

/// A temporary directory: "/tmp/...", "/var/tmp/...", "/dev/shm/...".
bool isTempPath(const std::string &path);

} // namespace twelve::checks::paths
