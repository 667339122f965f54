#include "runtime-probe/proc.h"

#include <arpa/inet.h>
#include <charconv>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <sstream>

namespace twelve::probe {
namespace {

std::vector<std::string_view> fields(std::string_view line) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < line.size()) {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t'))
      ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ' && line[j] != '\t')
      ++j;
    if (j > i)
      out.push_back(line.substr(i, j - i));
    i = j;
  }
  return out;
}

bool hexByte(std::string_view s, size_t at, unsigned &out) {
  if (at + 2 > s.size())
    return false;
  char buf[3] = {s[at], s[at + 1], 0};
  char *end = nullptr;
  out = std::strtoul(buf, &end, 16);
  return end == buf + 2;
}

// The kernel prints addresses as 32-bit words in host byte order.
std::optional<std::string> decodeAddress(std::string_view hex, bool v6) {
  size_t n = v6 ? 16 : 4;
  if (hex.size() != n * 2)
    return std::nullopt;
  unsigned char bytes[16];
  for (size_t w = 0; w < n / 4; ++w) {
    uint32_t word = 0;
    for (int b = 0; b < 4; ++b) {
      unsigned v;
      if (!hexByte(hex, w * 8 + b * 2, v))
        return std::nullopt;
      word = (word << 8) | v;
    }
    std::memcpy(bytes + w * 4, &word, 4); // back to host order = the kernel's memory layout
  }
  char text[INET6_ADDRSTRLEN] = {};
  if (!inet_ntop(v6 ? AF_INET6 : AF_INET, bytes, text, sizeof text))
    return std::nullopt;
  return std::string(text);
}

} // namespace

bool TcpSocket::loopbackOnly() const {
  return address.rfind("127.", 0) == 0 || address == "::1" || address.rfind("::ffff:127.", 0) == 0;
}

std::vector<TcpSocket> parseProcNetTcp(std::string_view text, bool v6) {
  std::vector<TcpSocket> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    auto line = text.substr(pos, end - pos);
    pos = end + 1;
    auto f = fields(line);
    // sl local rem st tx:rx tr:when retrnsmt uid timeout inode
    if (f.size() < 10 || f[0].back() != ':')
      continue;
    auto colon = f[1].find(':');
    if (colon == std::string_view::npos)
      continue;
    auto addr = decodeAddress(f[1].substr(0, colon), v6);
    if (!addr)
      continue;
    TcpSocket s;
    s.v6 = v6;
    s.address = *addr;
    s.port =
        static_cast<int>(std::strtol(std::string(f[1].substr(colon + 1)).c_str(), nullptr, 16));
    s.state = static_cast<int>(std::strtol(std::string(f[3]).c_str(), nullptr, 16));
    s.inode = std::strtoul(std::string(f[9]).c_str(), nullptr, 10);
    out.push_back(std::move(s));
  }
  return out;
}

FdTarget parseFdLink(std::string_view link) {
  FdTarget t;
  auto bracketed = [&](std::string_view prefix) -> bool {
    if (link.rfind(prefix, 0) != 0 || link.back() != ']')
      return false;
    t.inode = std::strtoul(
        std::string(link.substr(prefix.size(), link.size() - prefix.size() - 1)).c_str(), nullptr,
        10);
    return true;
  };
  t.path = std::string(link);
  if (link.empty()) {
    t.kind = FdTarget::Gone;
  } else if (bracketed("socket:[")) {
    t.kind = FdTarget::Socket;
  } else if (bracketed("pipe:[")) {
    t.kind = FdTarget::Pipe;
  } else if (link.rfind("anon_inode:", 0) == 0) {
    t.kind = FdTarget::Anon;
  } else if (link.rfind("/dev/", 0) == 0) {
    t.kind = FdTarget::Device;
  } else {
    constexpr std::string_view deleted = " (deleted)";
    if (link.size() > deleted.size() && link.substr(link.size() - deleted.size()) == deleted) {
      t.kind = FdTarget::Deleted;
      t.path = std::string(link.substr(0, link.size() - deleted.size()));
    }
  }
  return t;
}

std::optional<int> parseFdinfoFlags(std::string_view text) {
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string_view::npos)
      end = text.size();
    auto line = text.substr(pos, end - pos);
    pos = end + 1;
    if (line.rfind("flags:", 0) == 0) {
      auto f = fields(line.substr(6));
      if (f.empty())
        return std::nullopt;
      char *e = nullptr;
      std::string v(f[0]);
      long flags = std::strtol(v.c_str(), &e, 8);
      if (*e)
        return std::nullopt;
      return static_cast<int>(flags);
    }
  }
  return std::nullopt;
}

bool writeFlags(int flags) {
  return (flags & O_ACCMODE) == O_WRONLY || (flags & O_ACCMODE) == O_RDWR || (flags & O_APPEND);
}

std::optional<ProcStat> parseProcStat(std::string_view text) {
  // comm may hold spaces and parentheses: the fields resume after the last ')'.
  auto close = text.rfind(')');
  if (close == std::string_view::npos)
    return std::nullopt;
  ProcStat s;
  s.pid = std::atoi(std::string(text.substr(0, text.find(' '))).c_str());
  auto f = fields(text.substr(close + 1));
  if (f.size() < 5 || f[0].size() != 1)
    return std::nullopt;
  s.state = f[0][0];
  s.ppid = std::atoi(std::string(f[1]).c_str());
  s.pgrp = std::atoi(std::string(f[2]).c_str());
  s.session = std::atoi(std::string(f[3]).c_str());
  s.ttyNr = std::atoi(std::string(f[4]).c_str());
  return s;
}

std::optional<std::string> environValue(std::string_view environ, std::string_view name) {
  size_t pos = 0;
  while (pos < environ.size()) {
    size_t end = environ.find('\0', pos);
    if (end == std::string_view::npos)
      end = environ.size();
    auto entry = environ.substr(pos, end - pos);
    if (entry.size() > name.size() && entry.substr(0, name.size()) == name &&
        entry[name.size()] == '=')
      return std::string(entry.substr(name.size() + 1));
    pos = end + 1;
  }
  return std::nullopt;
}

static bool under(std::string_view path, std::string_view dir) {
  if (dir.empty())
    return false;
  while (dir.size() > 1 && dir.back() == '/')
    dir.remove_suffix(1);
  return path == dir ||
         (path.size() > dir.size() && path.substr(0, dir.size()) == dir && path[dir.size()] == '/');
}

std::optional<int> parseStatusTgid(std::string_view text) {
  for (size_t at = 0; at < text.size();) {
    auto end = text.find('\n', at);
    auto line = text.substr(at, end == std::string_view::npos ? text.npos : end - at);
    if (line.rfind("Tgid:", 0) == 0) {
      line.remove_prefix(5);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t'))
        line.remove_prefix(1);
      int v = 0;
      auto [ptr, ec] = std::from_chars(line.data(), line.data() + line.size(), v);
      if (ec != std::errc() || ptr == line.data())
        return std::nullopt;
      return v;
    }
    if (end == std::string_view::npos)
      break;
    at = end + 1;
  }
  return std::nullopt;
}

bool isTemporaryPath(std::string_view path) {
  const char *tmpdir = std::getenv("TMPDIR");
  return under(path, "/tmp") || under(path, "/var/tmp") || under(path, "/dev/shm") ||
         (tmpdir && *tmpdir && under(path, tmpdir));
}

bool isPseudoPath(std::string_view path) {
  return under(path, "/dev") || under(path, "/proc") || under(path, "/sys");
}

bool looksLikeLogFile(std::string_view path) {
  auto ends = [&](std::string_view s) {
    return path.size() >= s.size() && path.substr(path.size() - s.size()) == s;
  };
  // nginx's default `pid logs/nginx.pid`: a PID file (or a lock) in the log
  // folder is reported as what it is, not as a log.
  if (looksLikePidFile(path) || ends(".lock"))
    return false;
  return ends(".log") || path.find(".log.") != std::string_view::npos || under(path, "/var/log") ||
         path.find("/log/") != std::string_view::npos ||
         path.find("/logs/") != std::string_view::npos;
}

bool looksLikePidFile(std::string_view path) {
  return path.size() > 4 && path.substr(path.size() - 4) == ".pid";
}

} // namespace twelve::probe
