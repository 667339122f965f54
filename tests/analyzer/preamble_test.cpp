#include "analyzer/preamble.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

namespace {

using twelve::analyzer::leadingIncludes;
using twelve::analyzer::planSharedPreambles;

TEST(Preamble, LeadingIncludesSkipCommentsAndBlankLines) {
  std::string source = "/* memcached - memory caching daemon\n * licence */\n"
                       "\n"
                       "// the one header\n"
                       "#include \"memcached.h\"  // everything\n"
                       "  #  include <stdio.h> /* same line */\n"
                       "#define _GNU_SOURCE\n"
                       "#include <string.h>\n"
                       "static int x;\n"
                       "#include <late.h>\n";
  auto lead = leadingIncludes(source);
  ASSERT_EQ(lead.lines.size(), 4u);
  EXPECT_EQ(lead.lines[0], "#include \"memcached.h\"");
  EXPECT_EQ(lead.lines[1], "#include <stdio.h>");
  EXPECT_EQ(lead.lines[2], "#define _GNU_SOURCE");
  EXPECT_EQ(lead.lines[3], "#include <string.h>");
  // Each end is just past the line's newline: the unit skips that many bytes.
  auto afterString =
      source.find("#include <string.h>\n") + std::string("#include <string.h>\n").size();
  EXPECT_EQ(lead.ends[3], afterString);
  EXPECT_EQ(source.substr(lead.ends[3], 6), "static");
  EXPECT_EQ(source.substr(lead.ends[0] - 1, 1), "\n");
}

TEST(Preamble, StopsWhereALineCouldMatterToAFindingOrToTheLexer) {
  // A project macro may hold a finding, which must stay in the unit's own file.
  EXPECT_EQ(leadingIncludes("#include <a.h>\n#define PORT 8080\n#include <b.h>\n").lines.size(),
            1u);
  EXPECT_EQ(leadingIncludes("#include <a.h>\n#define _HOST \"db\"\n").lines.size(), 1u);
  // Conditionals, computed includes, continued lines, a comment that runs on.
  EXPECT_EQ(leadingIncludes("#include <a.h>\n#ifdef TLS\n#include <b.h>\n#endif\n").lines.size(),
            1u);
  EXPECT_EQ(leadingIncludes("#include <a.h>\n#include CONFIG_H\n").lines.size(), 1u);
  EXPECT_EQ(leadingIncludes("#include <a.h>\n// note \\\n#include <b.h>\n").lines.size(), 1u);
  EXPECT_EQ(leadingIncludes("#include <a.h> /* runs\n on */\n#include <b.h>\n").lines.size(), 0u);
  // The last line must end: skipping it would skip what follows on it.
  EXPECT_EQ(leadingIncludes("#include <a.h>\n#include <b.h>").lines.size(), 1u);
  EXPECT_TRUE(leadingIncludes("int main() {}\n#include <a.h>\n").lines.empty());
  EXPECT_TRUE(leadingIncludes("").lines.empty());
  EXPECT_TRUE(leadingIncludes("/* never closed\n#include <a.h>\n").lines.empty());
}

TEST(Preamble, UnitsShareTheLinesTheirGroupStartsWith) {
  std::vector<std::string> files{"/p/src/a.c", "/p/src/b.c", "/p/src/c.c", "/p/src/d.c",
                                 "/p/src/e.c"};
  std::vector<std::string> sources{
      "#include \"app.h\"\n#include \"storage.h\"\nint a;\n",
      "#include \"app.h\"\n#include \"storage.h\"\nint b;\n",
      "/* c */\n#include \"app.h\"\n#include <stdio.h>\nint c;\n",
      "#include <stdio.h>\n#include \"app.h\"\nint d;\n",
      "int e;\n",
  };
  std::vector<std::string> flags(files.size(), "-DX");
  auto plan = planSharedPreambles(files, sources, flags, 3);
  ASSERT_EQ(plan.size(), files.size());
  ASSERT_TRUE(plan[0].preamble);
  // One precompiled header for the three units starting with app.h: the lines
  // all three start with, not a longer one for two of them.
  EXPECT_EQ(plan[0].preamble, plan[1].preamble);
  EXPECT_EQ(plan[0].preamble, plan[2].preamble);
  EXPECT_EQ(plan[0].preamble->text, "#include \"app.h\"\n");
  EXPECT_EQ(plan[0].preamble->directory, "/p/src");
  EXPECT_EQ(plan[0].bytes, std::string("#include \"app.h\"\n").size());
  EXPECT_EQ(plan[2].bytes, std::string("/* c */\n#include \"app.h\"\n").size());
  EXPECT_FALSE(plan[3].preamble); // starts otherwise: alone
  EXPECT_FALSE(plan[4].preamble);

  // Too few units, other flags or another folder: nothing is shared.
  EXPECT_FALSE(planSharedPreambles(files, sources, flags, 4)[0].preamble);
  auto other = flags;
  other[1] = "-DY";
  EXPECT_FALSE(planSharedPreambles(files, sources, other, 3)[0].preamble);
  auto moved = files;
  moved[2] = "/p/lib/c.c";
  EXPECT_FALSE(planSharedPreambles(moved, sources, flags, 3)[0].preamble);
}

TEST(Preamble, AGroupSharesAllTheLinesItsUnitsHaveInCommon) {
  std::vector<std::string> files{"/p/a.cc", "/p/b.cc", "/p/c.cc"};
  std::string head = "#include \"project.h\"\n#include <cstdio>\n#include <cstdlib>\n";
  std::vector<std::string> sources{head + "int a;\n", head + "int b;\n",
                                   head + "#include <vector>\nint c;\n"};
  auto plan = planSharedPreambles(files, sources, {"", "", ""}, 3);
  ASSERT_TRUE(plan[0].preamble);
  EXPECT_EQ(plan[0].preamble->text, head);
  EXPECT_EQ(plan[2].bytes, head.size());
}

} // namespace
