#include "analyzer/preamble_store.h"

#include "analyzer/unit_codec.h"
#include "core/fingerprint.h"

#include <cerrno>
#include <cstdlib>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <sys/file.h>
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

} // namespace

std::unique_ptr<PreambleStore> PreambleStore::create() {
  const char *tmp = std::getenv("TMPDIR");
  std::string pattern = std::string(tmp && *tmp ? tmp : "/tmp") + "/twelve-preambles-XXXXXX";
  if (!::mkdtemp(pattern.data()))
    return nullptr;
  return std::unique_ptr<PreambleStore>(new PreambleStore(pattern));
}

PreambleStore::PreambleStore(std::string directory)
    : directory_(std::move(directory)), owner_(::getpid()) {}

PreambleStore::~PreambleStore() {
  if (::getpid() != owner_)
    return;
  std::error_code ec;
  std::filesystem::remove_all(directory_, ec);
}

PrecompiledPreamble PreambleStore::get(const std::string &key,
                                       const std::function<PrecompiledPreamble()> &build) const {
  auto path = directory_ + "/" + hashHex(key);
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

} // namespace twelve::analyzer
