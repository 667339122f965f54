// A file system layer that remembers, for the life of one worker process, what
// each path stat'ed or opened to and the contents of the files read more than
// once: the system and project headers that unit after unit includes. Clang
// then stops re-reading (and re-mapping) the same headers for every unit, which
// clang-tidy avoids by running every unit in one process with one FileManager.
// Only a scan's workers use it: files are assumed not to change during a scan
// (the result cache hashes what was read, so a file edited mid-scan is re-read
// by the next scan).
#pragma once

#include <llvm/ADT/IntrusiveRefCntPtr.h>
#include <llvm/Support/VirtualFileSystem.h>

#include <cstddef>

namespace twelve::analyzer {

/// Wraps `base`; keeps at most `maxBytes` of file contents.
llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeCachingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base, size_t maxBytes);

} // namespace twelve::analyzer
