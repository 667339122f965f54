// The worker's caching file system layer, on real files in a temporary folder.
#include "analyzer/file_cache.h"

#include <gtest/gtest.h>
#include <llvm/Support/MemoryBuffer.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace fs = std::filesystem;
using twelve::analyzer::makeCachingFileSystem;

namespace {

class FileCacheTest : public ::testing::Test {
protected:
  void SetUp() override {
    char tmpl[] = "/tmp/twelve-file-cache-XXXXXX";
    ASSERT_NE(::mkdtemp(tmpl), nullptr);
    dir_ = tmpl;
  }
  void TearDown() override { fs::remove_all(dir_); }
  void write(const std::string &rel, const std::string &text) {
    fs::create_directories(fs::path(dir_ + "/" + rel).parent_path());
    std::ofstream(dir_ + "/" + rel) << text;
  }
  std::string read(llvm::vfs::FileSystem &vfs, const std::string &path) {
    auto file = vfs.openFileForRead(path);
    EXPECT_TRUE(bool(file)) << path;
    if (!file)
      return "<error>";
    auto buffer = (*file)->getBuffer(path);
    EXPECT_TRUE(bool(buffer)) << path;
    if (!buffer)
      return "<error>";
    // Clang's lexer relies on the terminating NUL.
    EXPECT_EQ((*buffer)->getBufferEnd()[0], '\0');
    return (*buffer)->getBuffer().str();
  }
  llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem> make(size_t maxBytes = 1 << 20) {
    return makeCachingFileSystem(
        llvm::IntrusiveRefCntPtr<llvm::vfs::FileSystem>(llvm::vfs::createPhysicalFileSystem().release()),
        maxBytes);
  }
  std::string dir_;
};

TEST_F(FileCacheTest, SecondReadComesFromMemoryWithTheSameNameAndContents) {
  write("inc/a.h", "int a;\n");
  fs::create_symlink(dir_ + "/inc/a.h", dir_ + "/link.h");
  auto vfs = make();
  EXPECT_EQ(read(*vfs, dir_ + "/link.h"), "int a;\n");
  auto first = vfs->openFileForRead(dir_ + "/link.h");
  ASSERT_TRUE(bool(first));
  auto realName = (*first)->getName();
  ASSERT_TRUE(bool(realName));
  EXPECT_EQ(*realName, dir_ + "/inc/a.h"); // symlinks resolved, as the real file system does
  // Kept from the second read on: an edit is not seen within the same scan.
  write("inc/a.h", "int changed;\n");
  EXPECT_EQ(read(*vfs, dir_ + "/link.h"), "int a;\n");
  auto again = vfs->openFileForRead(dir_ + "/link.h");
  ASSERT_TRUE(bool(again));
  EXPECT_EQ(*(*again)->getName(), dir_ + "/inc/a.h");
  auto status = (*again)->status();
  ASSERT_TRUE(bool(status));
  EXPECT_EQ(status->getName(), dir_ + "/link.h");
  EXPECT_TRUE(status->isRegularFile());
  // A fresh layer (the next scan's worker) sees the edit.
  EXPECT_EQ(read(*make(), dir_ + "/link.h"), "int changed;\n");
}

TEST_F(FileCacheTest, RelativePathsAreResolvedInTheCurrentDirectoryOfEachUnit) {
  write("one/config.h", "#define ONE 1\n");
  write("two/config.h", "#define TWO 2\n");
  auto vfs = make();
  ASSERT_FALSE(vfs->setCurrentWorkingDirectory(dir_ + "/one"));
  EXPECT_EQ(read(*vfs, "config.h"), "#define ONE 1\n");
  EXPECT_EQ(read(*vfs, "config.h"), "#define ONE 1\n");
  ASSERT_FALSE(vfs->setCurrentWorkingDirectory(dir_ + "/two"));
  EXPECT_EQ(read(*vfs, "config.h"), "#define TWO 2\n");
  EXPECT_EQ(read(*vfs, "config.h"), "#define TWO 2\n");
  auto status = vfs->status("config.h");
  ASSERT_TRUE(bool(status));
  EXPECT_EQ(status->getName(), "config.h");
  EXPECT_EQ(status->getSize(), std::string("#define TWO 2\n").size());
}

TEST_F(FileCacheTest, MissingFilesStayMissingAndDirectoriesAreNotFiles) {
  write("inc/a.h", "int a;\n");
  auto vfs = make();
  auto missing = vfs->status(dir_ + "/inc/missing.h");
  EXPECT_EQ(missing.getError(), std::errc::no_such_file_or_directory);
  EXPECT_FALSE(bool(vfs->openFileForRead(dir_ + "/inc/missing.h")));
  EXPECT_FALSE(bool(vfs->openFileForRead(dir_ + "/inc/missing.h")));
  auto dir = vfs->status(dir_ + "/inc");
  ASSERT_TRUE(bool(dir));
  EXPECT_TRUE(dir->isDirectory());
}

TEST_F(FileCacheTest, ContentsBeyondTheLimitAreReadFromDiskEachTime) {
  write("big.h", std::string(100, 'x'));
  auto vfs = make(/*maxBytes=*/50);
  EXPECT_EQ(read(*vfs, dir_ + "/big.h"), std::string(100, 'x'));
  EXPECT_EQ(read(*vfs, dir_ + "/big.h"), std::string(100, 'x'));
  write("big.h", "y");
  EXPECT_EQ(read(*vfs, dir_ + "/big.h"), "y");
}

} // namespace
