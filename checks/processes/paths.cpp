#include "checks/processes/paths.h"

#include <cctype>

namespace twelve::checks::paths {

namespace {

bool startsWith(const std::string &s, const char *prefix) { return s.rfind(prefix, 0) == 0; }

bool endsWith(const std::string &s, const std::string &suffix) {
  return s.size() >= suffix.size() &&
         s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (auto &c : s)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string baseName(const std::string &path) {
  auto slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

} // namespace

bool isSystemPath(const std::string &path) {
  return startsWith(path, "/dev/") || startsWith(path, "/proc/") || startsWith(path, "/sys/");
}

bool isTempPath(const std::string &path) {
  return startsWith(path, "/tmp/") || startsWith(path, "/var/tmp/") ||
         startsWith(path, "/dev/shm/");
}

bool isLogPath(const std::string &raw) {
  if (isSystemPath(raw))
    return false;
  auto path = lower(raw);
  // nginx's default `pid logs/nginx.pid`: a PID or lock file in a log folder
  // is what its name says (concurrency/pid-file reports PID files).
  auto name = baseName(path);
  if (endsWith(name, ".pid") || endsWith(name, ".lock"))
    return false;
  if (startsWith(path, "/var/log/"))
    return true;
  // A "log" or "logs" directory component (not the last component).
  size_t start = 0;
  while (true) {
    auto slash = path.find('/', start);
    if (slash == std::string::npos)
      break;
    auto component = path.substr(start, slash - start);
    if (component == "log" || component == "logs")
      return true;
    start = slash + 1;
  }
  if (endsWith(name, ".log"))
    return true;
  // Rotated: "app.log.1", "app.log.2024-01-01"
  auto dot = name.find(".log.");
  return dot != std::string::npos && dot > 0;
}

bool isPidPath(const std::string &raw) {
  auto path = lower(raw);
  if (endsWith(path, ".pid"))
    return true;
  if (!startsWith(path, "/run/") && !startsWith(path, "/var/run/"))
    return false;
  // Sockets live there too, but are not opened as files.
  return !endsWith(path, ".sock") && !endsWith(path, ".socket");
}

} // namespace twelve::checks::paths
