#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags file sinks and appenders of logging libraries (spdlog, glog, Boost.Log,
/// log4cxx, Poco, plog) and plain writes to log files (logs/file-sink).
class FileSinkCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
