// The per-translation-unit result cache: a warm re-scan of unchanged code
// costs reading and hashing files, not parsing them.
#pragma once

#include "analyzer/action.h"

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

namespace twelve::analyzer {

/// A directory of cache entries, one per translation unit and configuration.
/// An entry holds the unit's result and the content hash (and size and
/// modification time) of every file the unit read; it is used only when all of
/// them are unchanged and none of the includes that were missing has appeared.
/// Entries are written atomically, so concurrent scans (CI jobs sharing a
/// cache) never read half an entry.
class ResultCache {
public:
  /// `configuration` is everything besides the sources that can change the
  /// results: tool identity, enabled rules and severities, options.
  ResultCache(std::string dir, std::string configuration);

  /// The cached result of `file` compiled with `command`, if still valid.
  std::optional<UnitResult> load(const std::string &file, const std::vector<std::string> &command);
  void store(const std::string &file, const std::vector<std::string> &command, const UnitResult &unit);

  unsigned hits() const { return hits_; }

  /// A file this scan generates in memory (configuredHeaders): its contents
  /// are `text`, not what is on disk.
  void addGenerated(const std::string &path, const std::string &text) { generated_[path] = text; }

  /// True when `path` is known (read or validated in this run) to contain no
  /// "NOLINT": a warm re-scan then need not read it to look for suppressions.
  bool knownFreeOfSuppressions(const std::string &path) const {
    auto it = nolint_.find(path);
    return it != nolint_.end() && !it->second;
  }

  /// The default cache directory: $TWELVE_CACHE_DIR, else $XDG_CACHE_HOME/twelve,
  /// else ~/.cache/twelve.
  static std::string defaultDir();

private:
  std::string keyOf(const std::string &file, const std::vector<std::string> &command) const;
  /// Content hash of a file, memoized for this run ("" if unreadable).
  const std::string &contentHash(const std::string &path);
  /// Size and modification time of a file, memoized for this run ("-" if missing).
  const std::string &stampOf(const std::string &path);

  std::string dir_;
  std::string configuration_;
  std::unordered_map<std::string, std::string> hashes_;
  std::unordered_map<std::string, std::string> stamps_;
  std::unordered_map<std::string, bool> nolint_; // path -> contains "NOLINT"
  std::unordered_map<std::string, std::string> generated_;
  unsigned hits_ = 0;
};

/// A string that identifies this build of twelve: its build ID, else a hash of its executable.
std::string toolIdentity();

} // namespace twelve::analyzer
