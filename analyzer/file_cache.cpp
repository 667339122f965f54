#include "analyzer/file_cache.h"

#include <llvm/ADT/SmallString.h>
#include <llvm/Support/MemoryBuffer.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace twelve::analyzer {

namespace {

namespace vfs = llvm::vfs;

/// A file whose status, real name and contents are already known.
class CachedFile : public vfs::File {
public:
  CachedFile(vfs::Status status, std::string realName, const llvm::MemoryBuffer &contents)
      : status_(std::move(status)), realName_(std::move(realName)), contents_(contents) {}
  llvm::ErrorOr<vfs::Status> status() override { return status_; }
  llvm::ErrorOr<std::string> getName() override { return realName_; }
  llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>> getBuffer(const llvm::Twine &name, int64_t,
                                                               bool requiresNullTerminator,
                                                               bool) override {
    // The cached copy is null-terminated, so either kind of request is met.
    return llvm::MemoryBuffer::getMemBuffer(contents_.getBuffer(), name.str(), requiresNullTerminator);
  }
  std::error_code close() override { return {}; }

private:
  vfs::Status status_;
  std::string realName_;
  const llvm::MemoryBuffer &contents_;
};

class CachingFileSystem : public vfs::ProxyFileSystem {
public:
  CachingFileSystem(llvm::IntrusiveRefCntPtr<vfs::FileSystem> base, size_t maxBytes)
      : ProxyFileSystem(std::move(base)), maxBytes_(maxBytes) {}

  llvm::ErrorOr<vfs::Status> status(const llvm::Twine &path) override {
    auto &e = entry(path);
    if (!e.statusKnown) {
      e.status = ProxyFileSystem::status(path);
      // Only "is there" and "is not there" are remembered; other errors are retried.
      e.statusKnown = e.status || e.status.getError() == std::errc::no_such_file_or_directory;
      if (!e.statusKnown)
        return e.status;
    }
    if (!e.status)
      return e.status.getError();
    return vfs::Status::copyWithNewName(*e.status, path.str());
  }

  llvm::ErrorOr<std::unique_ptr<vfs::File>> openFileForRead(const llvm::Twine &path) override {
    auto &e = entry(path);
    if (e.contents)
      return std::unique_ptr<vfs::File>(
          new CachedFile(vfs::Status::copyWithNewName(*e.status, path.str()), e.realName, *e.contents));
    if (e.statusKnown && !e.status)
      return e.status.getError();
    auto file = ProxyFileSystem::openFileForRead(path);
    if (!file) {
      if (file.getError() == std::errc::no_such_file_or_directory) {
        e.status = file.getError();
        e.statusKnown = true;
      }
      return file;
    }
    // The first read of a path goes through: a main file is read once. The
    // second keeps a copy for the units still to come.
    if (++e.opens < 2)
      return file;
    auto status = (*file)->status();
    if (!status || !status->isRegularFile() || bytes_ + status->getSize() > maxBytes_)
      return file;
    auto name = (*file)->getName();
    auto buffer = (*file)->getBuffer(path, static_cast<int64_t>(status->getSize()),
                                     /*RequiresNullTerminator=*/true, /*IsVolatile=*/false);
    if (!name || !buffer)
      return file;
    e.status = *status;
    e.statusKnown = true;
    e.realName = *name;
    e.contents = llvm::MemoryBuffer::getMemBufferCopy((*buffer)->getBuffer(), path.str());
    bytes_ += e.contents->getBufferSize();
    return std::unique_ptr<vfs::File>(
        new CachedFile(vfs::Status::copyWithNewName(*e.status, path.str()), e.realName, *e.contents));
  }

private:
  struct Entry {
    llvm::ErrorOr<vfs::Status> status = std::make_error_code(std::errc::no_such_file_or_directory);
    bool statusKnown = false;
    unsigned opens = 0;
    std::string realName;
    std::unique_ptr<llvm::MemoryBuffer> contents;
  };

  /// Entries are keyed by absolute path: units run in different directories.
  Entry &entry(const llvm::Twine &path) {
    llvm::SmallString<256> key;
    path.toVector(key);
    if (makeAbsolute(key))
      key.insert(key.begin(), '\0'); // no working directory: a key no absolute path has
    return entries_[std::string(key.str())];
  }

  std::unordered_map<std::string, Entry> entries_;
  size_t bytes_ = 0;
  size_t maxBytes_;
};

} // namespace

llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>
makeCachingFileSystem(llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> base, size_t maxBytes) {
  return llvm::makeIntrusiveRefCnt<CachingFileSystem>(std::move(base), maxBytes);
}

} // namespace twelve::analyzer
