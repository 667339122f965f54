#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "processes/embedded-database";

CodeOptions libs(std::string file = "input.cpp") {
  CodeOptions o;
  o.fileName = file;
  o.extraFiles["sys/sqlite3.h"] = R"h(
typedef struct sqlite3 sqlite3;
#define SQLITE_OPEN_READONLY 0x00000001
#define SQLITE_OPEN_READWRITE 0x00000002
#define SQLITE_OPEN_CREATE 0x00000004
#define SQLITE_OPEN_URI 0x00000040
#define SQLITE_OPEN_MEMORY 0x00000080
#ifdef __cplusplus
extern "C" {
#endif
int sqlite3_open(const char *filename, sqlite3 **db);
int sqlite3_open16(const void *filename, sqlite3 **db);
int sqlite3_open_v2(const char *filename, sqlite3 **db, int flags, const char *vfs);
#ifdef __cplusplus
}
#endif
)h";
  o.extraFiles["sys/leveldb/db.h"] = R"h(
#include <string>
namespace leveldb { struct Options {}; struct Status {};
class DB { public: static Status Open(const Options &, const std::string &name, DB **db); }; }
)h";
  o.extraFiles["sys/rocksdb/db.h"] = R"h(
#include <string>
namespace rocksdb { struct Options {}; struct Status {};
class DB { public:
  static Status Open(const Options &, const std::string &name, DB **db);
  static Status OpenForReadOnly(const Options &, const std::string &name, DB **db, bool = false); }; }
)h";
  o.extraFiles["sys/lmdb.h"] = R"h(
typedef struct MDB_env MDB_env;
#define MDB_RDONLY 0x20000
#ifdef __cplusplus
extern "C"
#endif
int mdb_env_open(MDB_env *env, const char *path, unsigned int flags, int mode);
)h";
  o.extraFiles["sys/SQLiteCpp/SQLiteCpp.h"] = R"h(
#include <string>
namespace SQLite {
constexpr int OPEN_READONLY = 0x1; constexpr int OPEN_READWRITE = 0x2; constexpr int OPEN_CREATE = 0x4;
class Database { public: Database(const std::string &file, int flags = OPEN_READONLY | 0, int timeout = 0); }; }
)h";
  return o;
}

TEST(EmbeddedDatabaseCheck, Sqlite3OpenOnAFile) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <sqlite3.h>
void init(sqlite3 **db, const char *configured) {
  sqlite3_open("shop.db", db); // expect: processes/embedded-database
  sqlite3_open_v2("/var/lib/app/data.sqlite", db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr); // expect: processes/embedded-database
  sqlite3_open(configured, db); // expect: processes/embedded-database
}
)cpp", libs()));
}

TEST(EmbeddedDatabaseCheck, InMemoryAndReadOnlySqliteAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <sqlite3.h>
void init(sqlite3 **db) {
  sqlite3_open(":memory:", db);                 // ok: in memory
  sqlite3_open("", db);                         // ok: private temporary database
  sqlite3_open(nullptr, db);                    // ok: private temporary database
  sqlite3_open_v2("file::memory:?cache=shared", db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI, nullptr); // ok: in memory
  sqlite3_open_v2("geo.db", db, SQLITE_OPEN_READONLY, nullptr); // ok: read-only reference data
}
)cpp", libs()));
}

TEST(EmbeddedDatabaseCheck, LevelDbRocksDbLmdb) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <leveldb/db.h>
#include <rocksdb/db.h>
#include <lmdb.h>
void init(MDB_env *env) {
  leveldb::DB *l; rocksdb::DB *r;
  leveldb::DB::Open(leveldb::Options(), "/var/lib/app/index", &l); // expect: processes/embedded-database
  rocksdb::DB::Open(rocksdb::Options(), "state", &r); // expect: processes/embedded-database
  rocksdb::DB::OpenForReadOnly(rocksdb::Options(), "ref", &r); // ok: read-only
  mdb_env_open(env, "./data", 0, 0664); // expect: processes/embedded-database
  mdb_env_open(env, "./ref", MDB_RDONLY, 0444); // ok: read-only
}
)cpp", libs()));
}

TEST(EmbeddedDatabaseCheck, SQLiteCpp) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <SQLiteCpp/SQLiteCpp.h>
void init() {
  SQLite::Database db("app.db3", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); // expect: processes/embedded-database
  SQLite::Database ro("ref.db3");                // ok: read-only by default
  SQLite::Database mem(":memory:", SQLite::OPEN_READWRITE); // ok: in memory
}
)cpp", libs()));
}

TEST(EmbeddedDatabaseCheck, WorksInC) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <sqlite3.h>
void init(sqlite3 **db) { sqlite3_open("sessions.db", db); } /* expect: processes/embedded-database */
)c", libs("input.c")));
}

TEST(EmbeddedDatabaseCheck, UserFunctionNamedOpenIsNotFlagged) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
namespace store { struct DB { static int Open(int, const char *, DB **); }; }
void init() { store::DB *d; store::DB::Open(0, "x", &d); } // ok: not LevelDB
)cpp"));
}

TEST(EmbeddedDatabaseCheck, RecognizedByNameWhenHeadersAreMissing) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <sqlite3_missing.h>
#include <rocksdb/missing.h>
void init() {
  sqlite3 *db;
  sqlite3_open("shop.db", &db); // expect: processes/embedded-database
  sqlite3_open(":memory:", &db); // ok: in memory
  rocksdb::DB *r;
  rocksdb::DB::Open(rocksdb::Options(), "state", &r); // expect: processes/embedded-database
}
)cpp", twelve::testing::reducedPrecision()));
}

} // namespace
