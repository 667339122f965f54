// The store through which a scan's workers share the preambles they build:
// real folders, real files, real forked processes.
#include "analyzer/preamble_store.h"
#include "analyzer/unit_codec.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>
#include <vector>

namespace fs = std::filesystem;
using twelve::analyzer::decodePreamble;
using twelve::analyzer::encode;
using twelve::analyzer::PreambleStore;
using twelve::analyzer::PrecompiledPreamble;

namespace {

PrecompiledPreamble sample(const std::string &pch) {
  PrecompiledPreamble p;
  p.pch = pch;
  p.decls = {7, 42, 4000000000u};
  p.includedFiles = {"/usr/include/stdio.h", "/p/app.h"};
  return p;
}

TEST(PreambleStore, BytesRoundTripAndATruncatedPreambleIsRejected) {
  std::string pch("CPCH\0\x01\x02", 7);
  auto bytes = encode(sample(pch));
  auto back = decodePreamble(bytes);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->pch, pch);
  EXPECT_EQ(back->decls, sample(pch).decls);
  EXPECT_EQ(back->includedFiles, sample(pch).includedFiles);
  for (size_t cut : {size_t(0), size_t(3), bytes.size() / 2, bytes.size() - 1})
    EXPECT_FALSE(decodePreamble(std::string_view(bytes).substr(0, cut))) << cut;
  EXPECT_FALSE(decodePreamble(bytes + "x"));
  // A unit's result is not a preamble.
  EXPECT_FALSE(decodePreamble(encode(twelve::analyzer::UnitResult{})));
}

TEST(PreambleStore, BuildsOnceForgetsAGroupAndRemovesItsFolder) {
  std::string directory;
  {
    auto store = PreambleStore::create();
    ASSERT_TRUE(store);
    directory = store->directory();
    EXPECT_TRUE(fs::is_directory(directory));
    int builds = 0;
    auto build = [&] {
      ++builds;
      return sample("pch of a");
    };
    EXPECT_EQ(store->get("a", 0, build).pch, "pch of a");
    EXPECT_EQ(store->get("a", 0, build).pch, "pch of a");
    EXPECT_EQ(builds, 1);
    EXPECT_EQ(store->get("b", 0, [] { return sample("pch of b"); }).pch, "pch of b");
    // A preamble that did not compile is stored too: its units do not retry it.
    EXPECT_EQ(store->get("broken", 0, [] { return PrecompiledPreamble{}; }).pch, "");
    EXPECT_EQ(store->get("broken", 0, [] { return sample("retried"); }).pch, "");
    // Forgotten once its units are done: only "a" is built again.
    EXPECT_EQ(store->get("a", 1, [] { return sample("pch of a, command 2"); }).pch,
              "pch of a, command 2");
    store->forget("a");
    EXPECT_EQ(store->get("b", 0, [] { return sample("rebuilt"); }).pch, "pch of b");
    EXPECT_EQ(store->get("a", 0, build).pch, "pch of a");
    EXPECT_EQ(builds, 2);
    EXPECT_EQ(store->get("a", 1, [] { return sample("rebuilt"); }).pch, "rebuilt");
  }
  EXPECT_FALSE(fs::exists(directory));
}

TEST(PreambleStore, FollowsTmpdirAndIsNullWithoutAFolderToMake) {
  char tmpl[] = "/tmp/twelve-store-test-XXXXXX";
  ASSERT_NE(::mkdtemp(tmpl), nullptr);
  const char *previous = std::getenv("TMPDIR");
  std::string saved = previous ? previous : "";
  ::setenv("TMPDIR", tmpl, 1);
  {
    auto store = PreambleStore::create();
    ASSERT_TRUE(store);
    EXPECT_EQ(fs::path(store->directory()).parent_path(), fs::path(tmpl));
  }
  ::setenv("TMPDIR", (std::string(tmpl) + "/missing/deeper").c_str(), 1);
  EXPECT_FALSE(PreambleStore::create());
  if (previous)
    ::setenv("TMPDIR", saved.c_str(), 1);
  else
    ::unsetenv("TMPDIR");
  EXPECT_TRUE(fs::is_empty(tmpl));
  fs::remove_all(tmpl);
}

// A worker asking for a preamble another worker is building waits for it and
// reads it, instead of building it a second time.
TEST(PreambleStore, AProcessWaitsForThePreambleAnotherIsBuilding) {
  auto store = PreambleStore::create();
  ASSERT_TRUE(store);
  int building[2];
  ASSERT_EQ(::pipe(building), 0);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    auto got = store->get("shared", 0, [&] {
      char c = 'b';
      (void)!::write(building[1], &c, 1);
      std::this_thread::sleep_for(std::chrono::milliseconds(300));
      return sample("built by the child");
    });
    ::_exit(got.pch == "built by the child" ? 0 : 1);
  }
  char c;
  ASSERT_EQ(::read(building[0], &c, 1), 1); // the child holds the lock
  bool built = false;
  auto got = store->get("shared", 0, [&] {
    built = true;
    return sample("built by the parent");
  });
  EXPECT_FALSE(built);
  EXPECT_EQ(got.pch, "built by the child");
  EXPECT_EQ(got.includedFiles, sample("").includedFiles);
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  // The forked copy of the store left the folder to the process that made it.
  EXPECT_TRUE(fs::is_directory(store->directory()));
  ::close(building[0]);
  ::close(building[1]);
}

// A builder killed before it stored its preamble (a per-file time-out) leaves
// the next process to build it.
TEST(PreambleStore, APreambleWhoseBuilderDiedIsBuiltAgain) {
  auto store = PreambleStore::create();
  ASSERT_TRUE(store);
  pid_t child = ::fork();
  ASSERT_GE(child, 0);
  if (child == 0) {
    store->get("shared", 0, []() -> PrecompiledPreamble { ::_exit(9); });
    ::_exit(0);
  }
  int status = 0;
  ASSERT_EQ(::waitpid(child, &status, 0), child);
  ASSERT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 9);
  EXPECT_EQ(store->get("shared", 0, [] { return sample("second try"); }).pch, "second try");
}

} // namespace
