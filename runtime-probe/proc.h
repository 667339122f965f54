// Pure parsers over /proc text (net/tcp, fd link targets, fdinfo, stat), testable on canned files.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::probe {

/// One row of /proc/net/tcp or /proc/net/tcp6.
struct TcpSocket {
  std::string address; // "0.0.0.0", "127.0.0.1", "::", "::1", ...
  int port = 0;
  int state = 0; // 0x0A is LISTEN
  unsigned long inode = 0;
  bool v6 = false;
  bool listening() const { return state == 0x0A; }
  /// Reachable from other hosts: 0.0.0.0 or ::, or a non-loopback address.
  bool allInterfaces() const { return address == "0.0.0.0" || address == "::"; }
  bool loopbackOnly() const;
};

/// Parses the whole text of /proc/net/tcp (v6 = false) or /proc/net/tcp6 (v6 = true).
/// Malformed lines are skipped.
std::vector<TcpSocket> parseProcNetTcp(std::string_view text, bool v6);

/// What a /proc/PID/fd/N link points at.
struct FdTarget {
  // Gone: the link could not be read (empty), i.e. the fd or the process went
  // away between listing /proc/PID/fd and reading the link.
  enum Kind { File, Socket, Pipe, Anon, Device, Deleted, Gone } kind = File;
  std::string path;        // the link text, " (deleted)" removed
  unsigned long inode = 0; // socket:[N] and pipe:[N]
};
FdTarget parseFdLink(std::string_view link);

/// The `flags:` field of /proc/PID/fdinfo/N (octal), or nothing.
std::optional<int> parseFdinfoFlags(std::string_view text);
/// True for O_WRONLY, O_RDWR or O_APPEND.
bool writeFlags(int flags);

/// The fields of /proc/PID/stat that the probe needs.
struct ProcStat {
  int pid = 0;
  char state = '?';
  int ppid = 0, pgrp = 0, session = 0, ttyNr = 0;
};
std::optional<ProcStat> parseProcStat(std::string_view text);

/// The `Tgid:` of /proc/PID/status: the process a task (thread) belongs to.
std::optional<int> parseStatusTgid(std::string_view text);

/// Value of NAME in a NUL-separated /proc/PID/environ.
std::optional<std::string> environValue(std::string_view environ, std::string_view name);

/// Path classification used by the checks.
bool isTemporaryPath(std::string_view path);  // /tmp, /var/tmp, /dev/shm, $TMPDIR
bool isPseudoPath(std::string_view path);     // /dev, /proc, /sys: not files
/// *.log, log/ or logs/ folder, /var/log/; not *.pid or *.lock.
bool looksLikeLogFile(std::string_view path);
bool looksLikePidFile(std::string_view path); // *.pid

} // namespace twelve::probe
