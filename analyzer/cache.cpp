#include "analyzer/cache.h"

#include "analyzer/sources.h"
#include "analyzer/unit_codec.h"
#include "core/fingerprint.h"

#include <llvm/Support/xxhash.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <elf.h>
#include <filesystem>
#include <fstream>
#include <link.h>
#include <string_view>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace twelve::analyzer {

namespace {

/// Hash of a dependency's contents: 64-bit xxHash, ~10x faster than the
/// FNV-1a of fingerprints; a warm re-scan is mostly this over every header.
std::string fastHashHex(const std::string &bytes) {
  char out[17];
  std::snprintf(out, sizeof out, "%016llx",
                static_cast<unsigned long long>(llvm::xxHash64(llvm::StringRef(bytes))));
  return out;
}

/// The GNU build ID of the running executable (a hash the linker computes from
/// its contents), or empty when it was linked without one.
int findBuildId(dl_phdr_info *info, size_t, void *out) {
  auto &id = *static_cast<std::string *>(out);
  for (int i = 0; i < info->dlpi_phnum; ++i) {
    const auto &ph = info->dlpi_phdr[i];
    if (ph.p_type != PT_NOTE)
      continue;
    const char *p = reinterpret_cast<const char *>(info->dlpi_addr + ph.p_vaddr);
    const char *end = p + ph.p_memsz;
    while (p + sizeof(ElfW(Nhdr)) <= end) {
      const auto *note = reinterpret_cast<const ElfW(Nhdr) *>(p);
      const char *name = p + sizeof(ElfW(Nhdr));
      const char *desc = name + ((note->n_namesz + 3) & ~3u);
      if (note->n_type == NT_GNU_BUILD_ID && note->n_namesz == 4 &&
          std::memcmp(name, "GNU", 4) == 0 && desc + note->n_descsz <= end) {
        id.assign(desc, note->n_descsz);
        return 1;
      }
      p = desc + ((note->n_descsz + 3) & ~3u);
    }
  }
  return 1; // the first object is the executable itself: stop there
}

} // namespace

std::string toolIdentity() {
  static const std::string identity = [] {
    std::string id;
    dl_iterate_phdr(findBuildId, &id);
    if (!id.empty())
      return "build-id " + hashHex(id);
    // No build ID: the executable's bytes (tens of MB, read once per scan).
    auto exe = readFile("/proc/self/exe");
    return exe ? hashHex(*exe) : std::string("unknown");
  }();
  return identity;
}

std::string ResultCache::defaultDir() {
  if (const char *d = std::getenv("TWELVE_CACHE_DIR"); d && *d)
    return d;
  if (const char *x = std::getenv("XDG_CACHE_HOME"); x && *x)
    return std::string(x) + "/twelve";
  if (const char *h = std::getenv("HOME"); h && *h)
    return std::string(h) + "/.cache/twelve";
  return "/tmp/twelve-cache";
}

ResultCache::ResultCache(std::string dir, std::string configuration)
    : dir_(std::move(dir)), configuration_(std::move(configuration)) {
  std::error_code ec;
  fs::create_directories(dir_, ec);
}

std::string ResultCache::keyOf(const std::string &file, const std::vector<std::string> &command) const {
  std::string key = configuration_ + "\n" + file + "\n";
  for (const auto &a : command)
    key += a + "\n";
  return hashHex(key);
}

const std::string &ResultCache::contentHash(const std::string &path) {
  auto it = hashes_.find(path);
  if (it != hashes_.end())
    return it->second;
  auto made = generated_.find(path);
  auto text = made != generated_.end() ? std::optional<std::string>(made->second) : readFile(path);
  if (text)
    nolint_[path] = text->find("NOLINT") != std::string::npos;
  return hashes_[path] = text ? fastHashHex(*text) : std::string();
}

const std::string &ResultCache::stampOf(const std::string &path) {
  auto it = stamps_.find(path);
  if (it != stamps_.end())
    return it->second;
  if (generated_.count(path)) // no size and time on disk: its contents stand for them
    return stamps_[path] = "made." + contentHash(path);
  struct stat st;
  if (::stat(path.c_str(), &st) != 0)
    return stamps_[path] = "-";
  return stamps_[path] = std::to_string(st.st_size) + "." + std::to_string(st.st_mtim.tv_sec) + "." +
                         std::to_string(st.st_mtim.tv_nsec);
}

// Entry layout: "twelve-cache 4\n", N, then N lines "hash stamp flag path"
// (stamp: size.mtime; flag: 's' if the file has a NOLINT comment, else 'n'),
// then M lines of missing includes checked for absence, then the encoded unit.
// A file whose size and modification time are as recorded is taken as
// unchanged without reading it (as make and ccache's direct mode do);
// any other is read and compared by content, so a fresh checkout still hits.
std::optional<UnitResult> ResultCache::load(const std::string &file,
                                            const std::vector<std::string> &command) {
  auto text = readFile(dir_ + "/" + keyOf(file, command));
  if (!text)
    return std::nullopt;
  // Parsed in place: a warm re-scan reads one entry per unit.
  std::string_view rest(*text);
  auto line = [&rest](std::string_view &out) {
    auto nl = rest.find('\n');
    if (nl == std::string_view::npos)
      return false;
    out = rest.substr(0, nl);
    rest.remove_prefix(nl + 1);
    return true;
  };
  auto count = [&](size_t &n) {
    std::string_view l;
    if (!line(l) || l.empty() || l.size() > 9 ||
        l.find_first_not_of("0123456789") != std::string_view::npos)
      return false;
    n = std::stoul(std::string(l));
    return true;
  };
  std::string_view l;
  size_t files = 0, missing = 0;
  if (!line(l) || l != "twelve-cache 4" || !count(files))
    return std::nullopt;
  for (size_t i = 0; i < files; ++i) {
    if (!line(l) || l.size() < 18 || l[16] != ' ')
      return std::nullopt;
    auto space = l.find(' ', 17);
    if (space == std::string_view::npos || space + 3 > l.size() || l[space + 2] != ' ' ||
        (l[space + 1] != 's' && l[space + 1] != 'n'))
      return std::nullopt;
    std::string path(l.substr(space + 3));
    if (stampOf(path) != l.substr(17, space - 17) && contentHash(path) != l.substr(0, 16))
      return std::nullopt;
    nolint_.emplace(path, l[space + 1] == 's'); // the recorded contents are its contents
  }
  if (!count(missing))
    return std::nullopt;
  for (size_t i = 0; i < missing; ++i) {
    if (!line(l))
      return std::nullopt;
    std::error_code ec;
    if (fs::exists(fs::path(l), ec))
      return std::nullopt; // a header that was missing is there now
  }
  auto unit = decode(rest);
  if (unit)
    ++hits_;
  return unit;
}

void ResultCache::store(const std::string &file, const std::vector<std::string> &command,
                        const UnitResult &unit) {
  if (!unit.started)
    return; // failures are retried, never cached
  std::string out = "twelve-cache 4\n";
  std::vector<std::string> deps(unit.includedFiles.begin(), unit.includedFiles.end());
  deps.push_back(file);
  out += std::to_string(deps.size()) + "\n";
  for (const auto &d : deps) {
    const auto &h = contentHash(d);
    if (h.empty())
      return;
    out += h + " " + stampOf(d) + (nolint_[d] ? " s " : " n ") + d + "\n";
  }
  // A missing include is looked for again, next to the file and in every -I
  // folder of the command: if it appears, the entry is stale.
  std::vector<std::string> dirs{fs::path(file).parent_path().string()};
  for (size_t i = 0; i < command.size(); ++i) {
    const auto &a = command[i];
    if (a.rfind("-I", 0) == 0 && a.size() > 2)
      dirs.push_back(a.substr(2));
    else if ((a == "-I" || a == "-isystem" || a == "-iquote") && i + 1 < command.size())
      dirs.push_back(command[i + 1]);
  }
  std::vector<std::string> probes;
  for (const auto &m : unit.missingIncludes) {
    auto name = m.size() > 2 ? m.substr(1, m.size() - 2) : m;
    for (const auto &d : dirs)
      probes.push_back(d + "/" + name);
  }
  out += std::to_string(probes.size()) + "\n";
  for (const auto &p : probes)
    out += p + "\n";
  out += encode(unit);

  auto path = dir_ + "/" + keyOf(file, command);
  auto tmp = path + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream o(tmp, std::ios::binary | std::ios::trunc);
    if (!o)
      return; // a cache that cannot be written is only slower
    o << out;
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec)
    fs::remove(tmp, ec);
}

} // namespace twelve::analyzer
