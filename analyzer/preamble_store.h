// Where the workers of one scan leave the preambles they precompile
// (preamble.h), so that each is built once per scan instead of once per
// worker, and a unit can run on any worker without building it again.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <sys/types.h>
#include <vector>

namespace twelve::analyzer {

/// A precompiled preamble: the PCH (empty when the preamble did not compile
/// cleanly: its units then parse whole), the IDs of its declarations to match
/// and the files it included.
struct PrecompiledPreamble {
  std::string pch;
  std::vector<std::uint32_t> decls;
  std::set<std::string> includedFiles;
};

/// A folder of preambles shared by the processes of one scan.
class PreambleStore {
public:
  /// A new folder in $TMPDIR (or /tmp); null when none can be made (or
  /// another store is open). Until the store is destroyed, SIGINT, SIGTERM and
  /// SIGHUP (where they have their default action) remove the folder first.
  static std::unique_ptr<PreambleStore> create();
  /// Removes the folder, in the process that made it (not in forked workers).
  ~PreambleStore();
  PreambleStore(const PreambleStore &) = delete;
  PreambleStore &operator=(const PreambleStore &) = delete;

  const std::string &directory() const { return directory_; }

  /// The preamble of `group` for the `index`th compile command of its units.
  /// The first process to ask for it runs `build` and stores the result; one
  /// that asks while it is being built waits for it. Without a usable folder,
  /// `build` runs here.
  PrecompiledPreamble get(const std::string &group, size_t index,
                          const std::function<PrecompiledPreamble()> &build) const;

  /// Removes the preambles of `group`, whose units are all done: the folder
  /// holds only those still needed (each is a few MiB).
  void forget(const std::string &group) const;

private:
  explicit PreambleStore(std::string directory);
  std::string directory_;
  pid_t owner_;
};

} // namespace twelve::analyzer
