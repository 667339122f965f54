#include "analyzer/compilation.h"
#include "analyzer/scan.h"

#include <gtest/gtest.h>

using namespace twelve::analyzer;

namespace {

// The C library of this machine, parsed for real: what configure scripts
// check for is there (glibc has had these for decades); a made-up name is not.
TEST(Compilation, SystemDeclarationsOfTheCLibrary) {
  auto declared = systemDeclarations(defaultResourceDir());
  for (const char *name : {"timegm", "lstat", "snprintf", "clock_gettime", "socklen_t", "pipe2",
                           "accept4", "epoll_create1"})
    EXPECT_TRUE(declared.names.count(name)) << name;
  for (const char *tag : {"pollfd", "sockaddr_in6", "sockaddr_storage", "stat", "tm"})
    EXPECT_TRUE(declared.tags.count(tag)) << tag;
  EXPECT_FALSE(declared.names.count("twelve_no_such_function"));
  EXPECT_FALSE(declared.names.count("pollfd")) << "a tag is not a type name";
}

// Functions and types (AC_CHECK_FUNCS, AC_CHECK_TYPES), structs and
// declarations (AC_CHECK_DECLS) the C library has; not headers (another
// function's), not what it lacks, not library or member checks.
TEST(Compilation, ConfigureDeclarationMacros) {
  SystemDeclarations declared;
  declared.names = {"timegm", "socklen_t", "strnlen", "signal"};
  declared.tags = {"pollfd"};
  std::vector<std::string> tested{"HAVE_DECL_STRNLEN",  "HAVE_DECL_STRLCPY",        "HAVE_LIBZ",
                                  "HAVE_SIGNAL_H",      "HAVE_SOCKLEN_T",           "HAVE_STRLCPY",
                                  "HAVE_STRUCT_POLLFD", "HAVE_STRUCT_STAT_ST_MTIM", "HAVE_TIMEGM"};
  EXPECT_EQ(configureDeclarationMacros(tested, declared),
            (std::vector<std::string>{"-DHAVE_DECL_STRNLEN=1", "-DHAVE_SOCKLEN_T=1",
                                      "-DHAVE_STRUCT_POLLFD=1", "-DHAVE_TIMEGM=1"}));
}

} // namespace
