// Runs the built binary over samples/ and compares every finding with the
// `// expect: rule-id` markers written in the sample sources: a missing or an
// unexpected finding fails.
#include "run.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <tuple>

namespace {

namespace fs = std::filesystem;
using Key = std::tuple<std::string, unsigned, std::string>; // file, line, rule

std::set<Key> markers(const fs::path &root) {
  std::set<Key> out;
  for (const auto &entry : fs::recursive_directory_iterator(root)) {
    auto ext = entry.path().extension().string();
    if (!entry.is_regular_file() ||
        (ext != ".c" && ext != ".cpp" && ext != ".cc" && ext != ".h" && ext != ".hpp"))
      continue;
    std::ifstream in(entry.path());
    unsigned line = 0;
    for (std::string text; std::getline(in, text);) {
      ++line;
      // `// expect: a, b` in C++ and `/* expect: a, b */` in C.
      auto pos = text.find("// expect:");
      if (pos == std::string::npos)
        pos = text.find("/* expect:");
      if (pos == std::string::npos)
        continue;
      auto list = text.substr(pos + 10);
      if (auto close = list.find("*/"); close != std::string::npos)
        list.resize(close);
      std::istringstream ids(list);
      for (std::string id; std::getline(ids, id, ',');) {
        auto b = id.find_first_not_of(" \t");
        auto e = id.find_last_not_of(" \t");
        if (b != std::string::npos)
          out.insert({fs::relative(entry.path(), root).generic_string(), line, id.substr(b, e - b + 1)});
      }
    }
  }
  return out;
}

TEST(Samples, FindingsMatchTheMarkersExactly) {
  auto root = fs::path(TWELVE_SOURCE_DIR) / "samples";
  auto run = twelve::testing::twelve("scan samples --format json --fail-on never -j 2");
  ASSERT_EQ(run.code, 0) << run.err;
  auto doc = nlohmann::json::parse(run.out);
  EXPECT_TRUE(doc["errors"].empty()) << doc["errors"].dump(2);

  std::set<Key> found;
  for (const auto &f : doc["findings"])
    found.insert({f["file"].get<std::string>(), f["line"].get<unsigned>(), f["rule"].get<std::string>()});
  auto expected = markers(root);
  ASSERT_FALSE(expected.empty());

  std::string problems;
  for (const auto &k : found)
    if (!expected.count(k))
      problems += "unexpected: " + std::get<0>(k) + ":" + std::to_string(std::get<1>(k)) + " " +
                  std::get<2>(k) + "\n";
  for (const auto &k : expected)
    if (!found.count(k))
      problems += "missing:    " + std::get<0>(k) + ":" + std::to_string(std::get<1>(k)) + " " +
                  std::get<2>(k) + "\n";
  EXPECT_TRUE(problems.empty()) << problems;
}

} // namespace
