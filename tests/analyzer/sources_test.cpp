#include "analyzer/sources.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace {

using namespace twelve::analyzer;
namespace fs = std::filesystem;

TEST(Sources, LanguageByExtension) {
  EXPECT_EQ(languageOf("a.c"), Language::C);
  EXPECT_EQ(languageOf("a.cc"), Language::Cxx);
  EXPECT_EQ(languageOf("a.CPP"), Language::Cxx);
  EXPECT_EQ(languageOf("a.h"), Language::CxxHeader);
  EXPECT_EQ(languageOf("a.hpp"), Language::CxxHeader);
  EXPECT_EQ(languageOf("a.txt"), Language::None);
  EXPECT_EQ(languageOf("Makefile"), Language::None);
}

TEST(Sources, ThirdPartyAndBuildFoldersAreSkipped) {
  EXPECT_TRUE(inSkippedDirectory("third_party/x/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("src/vendor/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("build/gen.cc"));
  EXPECT_TRUE(inSkippedDirectory("cmake-build-debug/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("_deps/fmt/a.cc"));
  EXPECT_TRUE(inSkippedDirectory(".git/a.cc"));
  EXPECT_FALSE(inSkippedDirectory("src/builder/a.cc"));
  EXPECT_FALSE(inSkippedDirectory("vendor.cc"));
}

TEST(Sources, DiscoversProjectFilesOnly) {
  auto dir = fs::temp_directory_path() / ("twelve-sources-" + std::to_string(::getpid()));
  fs::create_directories(dir / "src");
  fs::create_directories(dir / "third_party" / "lib");
  fs::create_directories(dir / "build");
  for (auto p : {"src/a.cpp", "src/a.h", "main.c", "README.md", "third_party/lib/x.cc", "build/y.cc"})
    std::ofstream(dir / p) << "int x;\n";
  auto files = discoverSources(dir.string());
  std::vector<std::string> rel;
  for (auto &f : files)
    rel.push_back(relativeTo(f, dir.string()));
  EXPECT_EQ(rel, (std::vector<std::string>{"main.c", "src/a.cpp", "src/a.h"}));
  fs::remove_all(dir);
}

TEST(Sources, BinaryDetection) {
  auto file = fs::temp_directory_path() / ("twelve-bin-" + std::to_string(::getpid()) + ".cpp");
  {
    std::ofstream out(file, std::ios::binary);
    out << "int x;" << '\0' << "\x7f" << "ELF";
  }
  EXPECT_TRUE(looksBinary(file.string()));
  std::ofstream(file, std::ios::trunc) << "int x;\n";
  EXPECT_FALSE(looksBinary(file.string()));
  fs::remove(file);
}

} // namespace
