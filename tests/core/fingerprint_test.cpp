#include "core/fingerprint.h"

#include <gtest/gtest.h>

namespace {

using twelve::fingerprint;

TEST(Fingerprint, IgnoresWhitespaceButNotContent) {
  auto a = fingerprint("r/x", "a.cpp", "  const char *p = \"x\";", 0);
  EXPECT_EQ(a, fingerprint("r/x", "a.cpp", "const char  *p =\t\"x\";  ", 0));
  EXPECT_NE(a, fingerprint("r/x", "a.cpp", "const char *q = \"x\";", 0));
  EXPECT_NE(a, fingerprint("r/y", "a.cpp", "const char *p = \"x\";", 0));
  EXPECT_NE(a, fingerprint("r/x", "b.cpp", "const char *p = \"x\";", 0));
  EXPECT_NE(a, fingerprint("r/x", "a.cpp", "const char *p = \"x\";", 1));
  EXPECT_EQ(a.size(), 16u);
}

} // namespace
