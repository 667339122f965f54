#pragma once

#include "checks/check.h"

#include <map>
#include <vector>

namespace twelve::checks {

/// Flags syslog used as the log channel: openlog() (or the first syslog() call
/// of a file without openlog) and the syslog sinks of spdlog, Boost.Log,
/// log4cxx and Poco (logs/syslog).
class SyslogCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;
  void onEndOfTranslationUnit() override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;

private:
  const clang::SourceManager *sm_ = nullptr;
  bool sawOpenlog_ = false;
  // The first syslog()/vsyslog() call per file, reported at the end of the unit
  // when the unit has no openlog().
  std::map<clang::FileID, clang::SourceLocation> firstSyslog_;
};

} // namespace twelve::checks
