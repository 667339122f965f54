#include "analyzer/preamble_store.h"

#include "analyzer/unit_codec.h"
#include "core/fingerprint.h"

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <optional>
#include <sstream>
#include <sys/file.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace twelve::analyzer {

namespace {

std::optional<PrecompiledPreamble> readStored(const std::string &path) {
  std::ifstream in(path, std::ios::binary);
  if (!in)
    return std::nullopt;
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return decodePreamble(bytes.str());
}

// Written whole under another name, then renamed: a reader sees the whole
// preamble or none (a worker killed mid-write leaves only the other name).
void store(const std::string &path, const PrecompiledPreamble &preamble) {
  auto temporary = path + ".part" + std::to_string(::getpid());
  {
    std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
    auto bytes = encode(preamble);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.close();
    if (!out) {
      std::remove(temporary.c_str());
      return;
    }
  }
  if (std::rename(temporary.c_str(), path.c_str()) != 0)
    std::remove(temporary.c_str());
}

// Removes the folder open as `fd` at `path` and the files in it. Only system
// calls, no allocation: it also runs in a signal handler.
void removeFolder(int fd, const char *path) {
  alignas(dirent64) char buffer[4096];
  for (int pass = 0; pass < 4; ++pass) { // again, for a file a worker wrote meanwhile
    bool removed = false;
    ::lseek(fd, 0, SEEK_SET);
    long n;
    while ((n = ::syscall(SYS_getdents64, fd, buffer, sizeof buffer)) > 0)
      for (long at = 0; at < n;) {
        const auto *entry = reinterpret_cast<const dirent64 *>(buffer + at);
        at += entry->d_reclen;
        if (std::strcmp(entry->d_name, ".") != 0 && std::strcmp(entry->d_name, "..") != 0)
          removed = ::unlinkat(fd, entry->d_name, 0) == 0 || removed;
      }
    if (!removed)
      break;
  }
  ::rmdir(path);
}

// The store an interrupted scan must not leave behind in $TMPDIR (a scan has
// one at a time). Forked workers inherit the handler but not the folder.
constexpr int kSignals[] = {SIGINT, SIGTERM, SIGHUP};
int activeFolder = -1;
char activePath[4096];
pid_t activeOwner = 0;
struct sigaction previousActions[std::size(kSignals)];
bool handling[std::size(kSignals)];

void onSignal(int signal) {
  if (activeFolder >= 0 && ::getpid() == activeOwner)
    removeFolder(activeFolder, activePath);
  struct sigaction fallback {};
  fallback.sa_handler = SIG_DFL;
  ::sigaction(signal, &fallback, nullptr);
  ::raise(signal); // dies of it, as without the handler
}

} // namespace

std::unique_ptr<PreambleStore> PreambleStore::create() {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/twelve-preambles-XXXXXX";
  if (pattern.size() >= sizeof activePath || activeFolder >= 0 || !::mkdtemp(pattern.data()))
    return nullptr;
  int fd = ::open(pattern.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd < 0) {
    ::rmdir(pattern.c_str());
    return nullptr;
  }
  std::memcpy(activePath, pattern.c_str(), pattern.size() + 1);
  activeOwner = ::getpid();
  activeFolder = fd;
  // Where a signal still does what it does by default (twelve sets no other).
  for (size_t i = 0; i < std::size(kSignals); ++i) {
    struct sigaction current {};
    handling[i] = ::sigaction(kSignals[i], nullptr, &current) == 0 &&
                  current.sa_handler == SIG_DFL && !(current.sa_flags & SA_SIGINFO);
    if (handling[i]) {
      struct sigaction action {};
      action.sa_handler = onSignal;
      sigemptyset(&action.sa_mask);
      for (int other : kSignals)
        sigaddset(&action.sa_mask, other);
      handling[i] = ::sigaction(kSignals[i], &action, &previousActions[i]) == 0;
    }
  }
  return std::unique_ptr<PreambleStore>(new PreambleStore(pattern));
}

PreambleStore::PreambleStore(std::string directory)
    : directory_(std::move(directory)), owner_(::getpid()) {}

PreambleStore::~PreambleStore() {
  if (::getpid() != owner_)
    return;
  for (size_t i = 0; i < std::size(kSignals); ++i)
    if (handling[i])
      ::sigaction(kSignals[i], &previousActions[i], nullptr);
  int fd = activeFolder;
  activeFolder = -1;
  removeFolder(fd, directory_.c_str());
  ::close(fd);
}

PrecompiledPreamble PreambleStore::get(const std::string &group, size_t index,
                                       const std::function<PrecompiledPreamble()> &build) const {
  auto path = directory_ + "/" + hashHex(group) + "." + std::to_string(index);
  if (auto stored = readStored(path + ".pch"))
    return std::move(*stored);
  // One process builds; the others block on its lock, then read what it stored.
  int lock = ::open((path + ".lock").c_str(), O_CREAT | O_RDWR | O_CLOEXEC, 0600);
  if (lock < 0)
    return build();
  while (::flock(lock, LOCK_EX) != 0 && errno == EINTR) {
  }
  auto stored = readStored(path + ".pch");
  if (!stored) {
    stored = build();
    store(path + ".pch", *stored);
  }
  ::close(lock); // releases the lock, as does the end of a process killed while building
  return std::move(*stored);
}

void PreambleStore::forget(const std::string &group) const {
  auto prefix = hashHex(group) + ".";
  std::error_code ec;
  for (const auto &entry : std::filesystem::directory_iterator(directory_, ec)) {
    auto name = entry.path().filename().string();
    if (name.compare(0, prefix.size(), prefix) == 0)
      std::filesystem::remove(entry.path(), ec);
  }
}

} // namespace twelve::analyzer
