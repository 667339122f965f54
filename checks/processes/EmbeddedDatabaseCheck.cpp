#include "checks/processes/EmbeddedDatabaseCheck.h"

#include "checks/ast_util.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/ExprCXX.h>
#include <clang/ASTMatchers/ASTMatchers.h>

using namespace clang::ast_matchers;

namespace twelve::checks {

namespace {

// SQLITE_OPEN_READONLY and SQLITE_OPEN_MEMORY (SQLiteCpp's OPEN_READONLY is
// the same bit).
constexpr long long kReadOnly = 0x1, kMemory = 0x80;

// ":memory:", "" (a private temporary database), "file::memory:" and URIs
// with mode=memory keep nothing on disk.
bool isInMemory(const std::string &path) {
  return path.empty() || path == ":memory:" || path.rfind("file::memory:", 0) == 0 ||
         path.find("mode=memory") != std::string::npos;
}

std::string describe(const std::optional<std::string> &path) {
  return path ? "'" + *path + "'" : std::string("a local path");
}

const char *kWhy = ": the data lives on the instance's disk, is lost when the instance is "
                   "replaced and is not shared when scaling out; use a database service";

} // namespace

void EmbeddedDatabaseCheck::registerMatchers(MatchFinder &finder) {
  auto notSystem = unless(isExpansionInSystemHeader());
  NamedCalls named;
  named.add({"::sqlite3_open", "::sqlite3_open16", "::sqlite3_open_v2", "::mdb_env_open",
             "::leveldb::DB::Open", "::rocksdb::DB::Open", "::rocksdb::TransactionDB::Open",
             "::rocksdb::OptimisticTransactionDB::Open", "::rocksdb::DBWithTTL::Open",
             "::rocksdb::BlobDB::Open"},
            callExpr(notSystem).bind("call"));
  named.registerWith(finder, this);
  finder.addMatcher(
      cxxConstructExpr(hasDeclaration(cxxConstructorDecl(ofClass(nameIn({"::SQLite::Database"})))),
                       notSystem)
          .bind("sqlitecpp"),
      this);
}

void EmbeddedDatabaseCheck::check(const MatchFinder::MatchResult &result) {
  auto &sm = *result.SourceManager;
  auto &ctx = *result.Context;
  if (const auto *ctor = result.Nodes.getNodeAs<clang::CXXConstructExpr>("sqlitecpp")) {
    if (ctor->getNumArgs() < 1 || ctor->getConstructor()->isCopyOrMoveConstructor())
      return;
    auto path = stringValue(ctor->getArg(0));
    if (path && isInMemory(*path))
      return;
    // SQLiteCpp opens read-only unless told otherwise.
    if (ctor->getNumArgs() < 2 || llvm::isa<clang::CXXDefaultArgExpr>(ctor->getArg(1)))
      return;
    auto flags = integerValue(ctor->getArg(1), ctx);
    if (flags && ((*flags & kMemory) || (*flags & 0x7) == kReadOnly))
      return;
    report(ctor->getBeginLoc(), sm, "SQLite::Database opens " + describe(path) + kWhy);
    return;
  }
  const auto *call = result.Nodes.getNodeAs<clang::CallExpr>("call");
  if (!call || !call->getDirectCallee())
    return;
  auto name = call->getDirectCallee()->getQualifiedNameAsString();
  unsigned n = call->getNumArgs();
  if (name.rfind("sqlite3_open", 0) == 0) {
    if (n < 1)
      return;
    const auto *arg = call->getArg(0);
    // sqlite3_open(NULL, ...) is a private temporary database.
    if (arg->IgnoreParenImpCasts()->isNullPointerConstant(ctx,
                                                          clang::Expr::NPC_ValueDependentIsNotNull))
      return;
    auto path = stringValue(arg);
    if (path && isInMemory(*path))
      return;
    if (name == "sqlite3_open_v2" && n >= 3) {
      auto flags = integerValue(call->getArg(2), ctx);
      // Read-only opens serve data shipped with the release, not state.
      if (flags && (*flags & (kMemory)))
        return;
      if (flags && (*flags & 0x7) == kReadOnly)
        return;
    }
    report(call->getBeginLoc(), sm, name + "() opens " + describe(path) + kWhy);
    return;
  }
  if (name == "mdb_env_open") {
    auto path = n >= 2 ? stringValue(call->getArg(1)) : std::nullopt;
    if (n >= 3) {
      auto flags = integerValue(call->getArg(2), ctx);
      if (flags && (*flags & 0x20000)) // MDB_RDONLY
        return;
    }
    report(call->getBeginLoc(), sm, "mdb_env_open() opens " + describe(path) + kWhy);
    return;
  }
  // leveldb::DB::Open(options, name, &db), rocksdb::DB::Open(options, name, ...)
  auto path = n >= 2 ? stringValue(call->getArg(1)) : std::nullopt;
  report(call->getBeginLoc(), sm, name + "() opens " + describe(path) + kWhy);
}

std::vector<std::string> EmbeddedDatabaseCheck::fallbackNames() const {
  return {"sqlite3_open",
          "sqlite3_open16",
          "sqlite3_open_v2",
          "mdb_env_open",
          "leveldb::DB::Open",
          "rocksdb::DB::Open",
          "rocksdb::TransactionDB::Open",
          "rocksdb::OptimisticTransactionDB::Open",
          "rocksdb::DBWithTTL::Open"};
}

void EmbeddedDatabaseCheck::checkByName(const NamedCall &call, const clang::SourceManager &sm) {
  const auto &name = call.qualifiedName;
  std::optional<std::string> path;
  if (name.rfind("sqlite3_open", 0) == 0) {
    if (call.arguments.empty())
      return;
    const auto &arg = call.arguments[0];
    if (arg.text == "NULL" || arg.text == "nullptr" || arg.text == "0")
      return;
    path = arg.literal;
    if (path && isInMemory(*path))
      return;
    if (name == "sqlite3_open_v2" && call.arguments.size() >= 3 &&
        (call.arguments[2].text.find("SQLITE_OPEN_MEMORY") != std::string::npos ||
         (call.arguments[2].text.find("SQLITE_OPEN_READONLY") != std::string::npos &&
          call.arguments[2].text.find("SQLITE_OPEN_READWRITE") == std::string::npos)))
      return;
  } else if (name == "mdb_env_open") {
    if (call.arguments.size() >= 3 &&
        call.arguments[2].text.find("MDB_RDONLY") != std::string::npos)
      return;
    if (call.arguments.size() >= 2)
      path = call.arguments[1].literal;
  } else if (call.arguments.size() >= 2) {
    path = call.arguments[1].literal;
  }
  report(call.location, sm, name + "() opens " + describe(path) + kWhy);
}

} // namespace twelve::checks
