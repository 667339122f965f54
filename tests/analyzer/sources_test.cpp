#include "analyzer/sources.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace {

using namespace twelve::analyzer;
namespace fs = std::filesystem;

TEST(Sources, LanguageByExtension) {
  EXPECT_EQ(languageOf("a.c"), Language::C);
  EXPECT_EQ(languageOf("a.cc"), Language::Cxx);
  EXPECT_EQ(languageOf("a.CPP"), Language::Cxx);
  EXPECT_EQ(languageOf("a.h"), Language::CxxHeader);
  EXPECT_EQ(languageOf("a.hpp"), Language::CxxHeader);
  EXPECT_EQ(languageOf("a.txt"), Language::None);
  EXPECT_EQ(languageOf("Makefile"), Language::None);
}

TEST(Sources, ThirdPartyAndBuildFoldersAreSkipped) {
  EXPECT_TRUE(inSkippedDirectory("third_party/x/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("src/vendor/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("build/gen.cc"));
  EXPECT_TRUE(inSkippedDirectory("cmake-build-debug/a.cc"));
  EXPECT_TRUE(inSkippedDirectory("_deps/fmt/a.cc"));
  EXPECT_TRUE(inSkippedDirectory(".git/a.cc"));
  EXPECT_FALSE(inSkippedDirectory("src/builder/a.cc"));
  EXPECT_FALSE(inSkippedDirectory("vendor.cc"));
}

TEST(Sources, DiscoversProjectFilesOnly) {
  auto dir = fs::temp_directory_path() / ("twelve-sources-" + std::to_string(::getpid()));
  fs::create_directories(dir / "src");
  fs::create_directories(dir / "third_party" / "lib");
  fs::create_directories(dir / "build");
  for (auto p : {"src/a.cpp", "src/a.h", "main.c", "README.md", "third_party/lib/x.cc", "build/y.cc"})
    std::ofstream(dir / p) << "int x;\n";
  auto files = discoverSources(dir.string());
  std::vector<std::string> rel;
  for (auto &f : files)
    rel.push_back(relativeTo(f, dir.string()));
  EXPECT_EQ(rel, (std::vector<std::string>{"main.c", "src/a.cpp", "src/a.h"}));
  fs::remove_all(dir);
}

// pgbouncer: lib/usual/daemon.c includes <usual/daemon.h> (from lib/) and
// lib/usual/string.h is its own; src/main.c includes "bouncer.h" from include/.
TEST(Sources, IncludeDirsFromTheProjectsIncludeLines) {
  auto dir = fs::temp_directory_path() / ("twelve-incdirs-" + std::to_string(::getpid()));
  auto root = dir.string();
  for (auto p : {"lib/usual", "lib/usual/sub", "src", "include", "tools/gen", "third_party/fmt/include/fmt", "extra"})
    fs::create_directories(dir / p);
  std::ofstream(dir / "lib/usual/daemon.h") << "#pragma once\n";
  std::ofstream(dir / "lib/usual/string.h") << "#pragma once\n#include <string.h>\n";
  std::ofstream(dir / "lib/usual/sub/deep.h") << "#pragma once\n";
  std::ofstream(dir / "lib/usual/daemon.c")
      << "#include <usual/daemon.h>\n  #  include \"usual/sub/deep.h\"\n#include <string.h>\n";
  std::ofstream(dir / "include/bouncer.h") << "#pragma once\n";
  std::ofstream(dir / "tools/gen/gen.h") << "#pragma once\n";
  std::ofstream(dir / "extra/local.h") << "#pragma once\n";
  std::ofstream(dir / "third_party/fmt/include/fmt/core.h") << "#pragma once\n";
  std::ofstream(dir / "src/main.c") << "#include \"bouncer.h\"\n#include \"gen.h\"\n"
                                       "#include <local.h>\n#include <fmt/core.h>\n"
                                       "#include <stdio.h>\n";
  fs::create_directories(dir / "compat");
  std::ofstream(dir / "compat/stdio.h") << "#pragma once\n"; // a replacement for old systems
  std::vector<std::string> files{(dir / "lib/usual/daemon.c").string(), (dir / "src/main.c").string()};
  auto dirs = inferIncludeDirs(root, files);
  auto has = [](const std::vector<std::string> &v, const fs::path &p) {
    return std::find(v.begin(), v.end(), p.lexically_normal().string()) != v.end();
  };
  EXPECT_TRUE(has(dirs.dirs, dir)) << "the root";
  EXPECT_TRUE(has(dirs.dirs, dir / "include")) << "a conventional folder";
  EXPECT_TRUE(has(dirs.dirs, dir / "src"));
  EXPECT_TRUE(has(dirs.dirs, dir / "lib")) << "<usual/daemon.h>";
  EXPECT_TRUE(has(dirs.dirs, dir / "third_party/fmt/include")) << "<fmt/core.h>";
  EXPECT_FALSE(has(dirs.dirs, dir / "third_party/fmt/include/fmt"));
  // lib/usual holds string.h: searched for <string.h> it would hide the C library's.
  EXPECT_FALSE(has(dirs.dirs, dir / "lib/usual"));
  EXPECT_TRUE(has(dirs.quoteDirs, dir / "tools/gen")) << "\"gen.h\", found once";
  EXPECT_FALSE(has(dirs.dirs, dir / "tools/gen"));
  EXPECT_TRUE(has(dirs.dirs, dir / "extra")) << "<local.h>: no system header has that name";
  EXPECT_FALSE(has(dirs.dirs, dir / "compat")) << "<stdio.h> is the C library's";
  EXPECT_FALSE(has(dirs.quoteDirs, dir / "compat"));
  fs::remove_all(dir);
}

// HAVE_<NAME>_H of a header in the system folders, whichever of '/', '_' or
// '-' its underscores stand for; not of a header that is not there, not a
// macro only named like one (XHAVE_..., HAVE_..._HANDLER).
TEST(Sources, ConfigureHeaderMacrosOfPresentHeaders) {
  auto dir = fs::temp_directory_path() / ("twelve-have-" + std::to_string(::getpid()));
  fs::create_directories(dir / "sys/include/sys");
  fs::create_directories(dir / "sys/include/linux");
  std::ofstream(dir / "sys/include/sys/socket.h") << "";
  std::ofstream(dir / "sys/include/linux/if_ether.h") << "";
  std::ofstream(dir / "sys/include/stdint.h") << "";
  std::ofstream(dir / "a.c") << "#ifdef HAVE_SYS_SOCKET_H\n#endif\n#if HAVE_STDINT_H && "
                                "defined(HAVE_LINUX_IF_ETHER_H)\n#endif\n"
                                "#ifdef HAVE_NO_SUCH_H\n#endif\nint XHAVE_STDINT_H, "
                                "HAVE_SIGNAL_HANDLER;\n";
  std::ofstream(dir / "b.h") << "#ifndef HAVE_SYS_SOCKET_H\n#endif\n";
  auto tested = testedConfigureMacros({(dir / "a.c").string(), (dir / "b.h").string()});
  EXPECT_EQ(tested, (std::vector<std::string>{"HAVE_LINUX_IF_ETHER_H", "HAVE_NO_SUCH_H",
                                              "HAVE_SIGNAL_HANDLER", "HAVE_STDINT_H",
                                              "HAVE_SYS_SOCKET_H"}));
  auto macros = configureHeaderMacros(tested, {(dir / "sys/include").string()});
  EXPECT_EQ(macros, (std::vector<std::string>{"-DHAVE_LINUX_IF_ETHER_H=1", "-DHAVE_STDINT_H=1",
                                              "-DHAVE_SYS_SOCKET_H=1"}));
  fs::remove_all(dir);
}

// config.h.in (autoheader), config.h.cmake (CMake) made into the config.h
// their configure step writes next to them, from what this system has; a
// template whose header is there (configured) is left alone.
TEST(Sources, ConfiguredHeadersFromTemplates) {
  auto dir = fs::temp_directory_path() / ("twelve-tmpl-" + std::to_string(::getpid()));
  fs::create_directories(dir / "src");
  fs::create_directories(dir / "lib/usual");
  fs::create_directories(dir / "done");
  std::ofstream(dir / "src/main.c") << "#include \"config.h\"\n";
  std::ofstream(dir / "config.h.in") << "/* Define to 1 if you have <stdint.h>. */\n"
                                        "#undef HAVE_STDINT_H\n"
                                        "#undef HAVE_NO_SUCH_H\n"
                                        "#undef PACKAGE_VERSION\n"
                                        "#ifndef _GNU_SOURCE\n"
                                        "# undef _GNU_SOURCE\n"
                                        "#endif\n";
  std::ofstream(dir / "lib/usual/config.h.cmake") << "#cmakedefine HAVE_STDINT_H\n"
                                                     "#cmakedefine HAVE_NO_SUCH_H 1\n"
                                                     "#cmakedefine01 HAVE_STDINT_H\n"
                                                     "#define VERSION \"@PROJECT_VERSION@\"\n"
                                                     "#define MAJOR @PROJECT_VERSION_MAJOR@\n"
                                                     "#define MAIL \"a@b.c\"\n";
  std::ofstream(dir / "done/config.h.in") << "#undef HAVE_STDINT_H\n";
  std::ofstream(dir / "done/config.h") << "#define HAVE_STDINT_H 1\n";
  std::ofstream(dir / "notes.in") << "#undef HAVE_STDINT_H\n"; // not a header's template
  std::vector<std::string> templates;
  auto sources = discoverSources(dir.string(), &templates);
  EXPECT_EQ(sources, (std::vector<std::string>{(dir / "done/config.h").string(),
                                               (dir / "src/main.c").string()}));
  EXPECT_EQ(templates, (std::vector<std::string>{(dir / "config.h.in").string(),
                                                 (dir / "done/config.h.in").string(),
                                                 (dir / "lib/usual/config.h.cmake").string()}));
  auto headers = configuredHeaders(templates, {"-DHAVE_STDINT_H=1"});
  ASSERT_EQ(headers.size(), 2u);
  EXPECT_EQ(headers[0].path, (dir / "config.h").string());
  EXPECT_EQ(headers[0].text, "/* Define to 1 if you have <stdint.h>. */\n"
                             "#define HAVE_STDINT_H 1\n"
                             "/* #undef HAVE_NO_SUCH_H */\n"
                             "#define PACKAGE_VERSION \"\"\n"
                             "#ifndef _GNU_SOURCE\n"
                             "#define _GNU_SOURCE 1\n"
                             "#endif\n");
  EXPECT_EQ(headers[1].path, (dir / "lib/usual/config.h").string());
  EXPECT_EQ(headers[1].text, "#define HAVE_STDINT_H 1\n"
                             "/* #undef HAVE_NO_SUCH_H */\n"
                             "#define HAVE_STDINT_H 1\n"
                             "#define VERSION \"\"\n"
                             "#define MAJOR 0\n"
                             "#define MAIL \"a@b.c\"\n");
  fs::remove_all(dir);
}

TEST(Sources, ProjectRootOfAScannedFolder) {
  auto dir = fs::temp_directory_path() / ("twelve-root-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir / "outer" / "repo" / "src" / "net");
  fs::create_directories(dir / "outer" / "tarball" / "lib" / "sub");
  fs::create_directories(dir / "outer" / "plain" / "src");
  fs::create_directories(dir / "outer" / "repo" / ".git");
  std::ofstream(dir / "outer" / "repo" / "src" / "CMakeLists.txt") << "";
  std::ofstream(dir / "outer" / "tarball" / "configure.ac") << "";
  std::ofstream(dir / "outer" / "tarball" / "lib" / "Makefile.am") << "";
  auto at = [&](const fs::path &p) { return (dir / "outer" / p).string(); };
  // A clone: the folder with .git, whatever build files are on the way.
  EXPECT_EQ(projectRoot(at("repo/src/net")), at("repo"));
  // A tarball: the highest of the enclosing folders with build files.
  EXPECT_EQ(projectRoot(at("tarball/lib/sub")), at("tarball"));
  EXPECT_EQ(projectRoot(at("tarball")), at("tarball"));
  // Nothing says where the project starts: the folder itself.
  EXPECT_EQ(projectRoot(at("plain/src")), at("plain/src"));
  fs::remove_all(dir);
}

TEST(Sources, BinaryDetection) {
  auto file = fs::temp_directory_path() / ("twelve-bin-" + std::to_string(::getpid()) + ".cpp");
  {
    std::ofstream out(file, std::ios::binary);
    out << "int x;" << '\0' << "\x7f" << "ELF";
  }
  EXPECT_TRUE(looksBinary(file.string()));
  std::ofstream(file, std::ios::trunc) << "int x;\n";
  EXPECT_FALSE(looksBinary(file.string()));
  fs::remove(file);
}

} // namespace
