#pragma once

#include "checks/check.h"

namespace twelve::checks {

/// Flags embedded databases opened on a local file: SQLite (C API and
/// SQLiteCpp), LevelDB, RocksDB, LMDB (processes/embedded-database).
class EmbeddedDatabaseCheck : public Check {
public:
  using Check::Check;
  void registerMatchers(clang::ast_matchers::MatchFinder &finder) override;
  std::vector<std::string> fallbackNames() const override;
  void checkByName(const NamedCall &call, const clang::SourceManager &sm) override;

protected:
  void check(const clang::ast_matchers::MatchFinder::MatchResult &result) override;
};

} // namespace twelve::checks
