#include "tests/checks/check_test.h"

#include "analyzer/scan.h"
#include "rules/catalog.h"

#include <set>
#include <sstream>

namespace twelve::testing {

ScanResult runCheck(std::string_view ruleId, std::string_view code, const CodeOptions &options) {
  const auto *rule = rules::catalog().find(ruleId);
  if (!rule) {
    ADD_FAILURE() << "no rule " << ruleId;
    return {};
  }
  return analyzer::scanCode(code, options.fileName, {*rule}, options.args, options.extraFiles,
                            options.checkOptions);
}

namespace {

std::set<unsigned> markedLines(std::string_view ruleId, std::string_view code) {
  std::set<unsigned> out;
  unsigned line = 0;
  std::istringstream in{std::string(code)};
  for (std::string text; std::getline(in, text);) {
    ++line;
    auto pos = text.find("expect:");
    if (pos == std::string::npos)
      continue;
    auto list = text.substr(pos + 7);
    std::istringstream ids(list);
    for (std::string id; std::getline(ids, id, ',');) {
      auto b = id.find_first_not_of(" \t");
      auto e = id.find_last_not_of(" \t*/");
      if (b != std::string::npos && id.substr(b, e - b + 1) == ruleId)
        out.insert(line);
    }
  }
  return out;
}

} // namespace

::testing::AssertionResult matchesMarkers(std::string_view ruleId, std::string_view code,
                                          const CodeOptions &options) {
  auto result = runCheck(ruleId, code, options);
  auto expected = markedLines(ruleId, code);
  std::ostringstream problems;
  std::set<unsigned> found;
  for (const auto &f : result.findings) {
    if (f.file != options.fileName)
      continue;
    found.insert(f.line);
    if (!expected.count(f.line))
      problems << "  unexpected finding at line " << f.line << ":" << f.column << ": " << f.message
               << "\n    " << f.sourceLine << "\n";
  }
  for (unsigned line : expected)
    if (!found.count(line))
      problems << "  missing finding at line " << line << "\n";
  // Code that does not compile drops statements silently: an "ok" line that
  // is not in the AST proves nothing. Tests of missing headers say so.
  if (result.stats.filesReduced > 0 && !options.expectReducedPrecision)
    problems << "  the code does not compile cleanly (set expectReducedPrecision if meant)\n";
  if (problems.str().empty())
    return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << ruleId << ":\n" << problems.str();
}

} // namespace twelve::testing
