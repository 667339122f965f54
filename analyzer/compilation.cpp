#include "analyzer/compilation.h"

#include "analyzer/scan.h"

#include <clang/AST/ASTContext.h>
#include <clang/AST/Decl.h>
#include <clang/Driver/Options.h>
#include <clang/Frontend/ASTUnit.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <clang/Tooling/Tooling.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/Path.h>

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace twelve::analyzer {

std::string findCompilationDatabase(const std::string &firstPath, const std::string &buildDir) {
  static const char *name = "compile_commands.json";
  if (!buildDir.empty()) {
    fs::path p(buildDir);
    std::error_code ec;
    if (fs::is_directory(p, ec))
      p /= name;
    if (!fs::exists(p, ec))
      throw InputError("-p " + buildDir + ": no compile_commands.json there");
    return fs::absolute(p).lexically_normal().string();
  }
  std::error_code ec;
  fs::path start = fs::absolute(firstPath).lexically_normal();
  if (!fs::is_directory(start, ec))
    start = start.parent_path();
  if (fs::exists(start / "build" / name, ec))
    return (start / "build" / name).string();
  for (fs::path dir = start; !dir.empty(); dir = dir.parent_path()) {
    if (fs::exists(dir / name, ec))
      return (dir / name).string();
    if (dir == dir.parent_path())
      break;
  }
  return {};
}

std::unique_ptr<clang::tooling::CompilationDatabase> loadCompilationDatabase(const std::string &file) {
  std::string error;
  auto db = clang::tooling::JSONCompilationDatabase::loadFromFile(
      file, error, clang::tooling::JSONCommandLineSyntax::AutoDetect);
  if (!db)
    throw InputError(file + ": not a valid compilation database: " + error);
  return db;
}

std::vector<std::string> InferredCompilationDatabase::argumentsFor(Language language) {
  switch (language) {
  case Language::C:
    return {"-x", "c", "-std=gnu17"};
  case Language::CHeader:
    return {"-x", "c-header", "-std=gnu17"};
  case Language::CxxHeader:
    return {"-x", "c++-header", "-std=gnu++17"};
  case Language::Cxx:
  case Language::None:
    return {"-x", "c++", "-std=gnu++17"};
  }
  return {};
}

std::vector<clang::tooling::CompileCommand>
InferredCompilationDatabase::getCompileCommands(llvm::StringRef file) const {
  auto language = languageOf(file);
  bool c = language == Language::C || language == Language::CHeader;
  std::vector<std::string> args{c ? "clang" : "clang++"};
  for (auto &a : argumentsFor(language))
    args.push_back(a);
  for (const auto &dir : includeDirs_.quoteDirs) {
    args.push_back("-iquote");
    args.push_back(dir);
  }
  for (const auto &dir : includeDirs_.dirs)
    args.push_back("-I" + dir);
  args.insert(args.end(), defines_.begin(), defines_.end());
  args.push_back(file.str());
  auto dir = llvm::sys::path::parent_path(file);
  return {clang::tooling::CompileCommand(dir, file, std::move(args), "")};
}

SystemDeclarations systemDeclarations(const std::string &resourceDir) {
  // The headers configure scripts test functions and types of; each only if
  // this system has it.
  static const char *const headers[] = {
      "stdio.h",       "stdlib.h",       "string.h",       "strings.h",     "unistd.h",
      "time.h",        "sys/time.h",     "sys/stat.h",     "sys/types.h",   "sys/socket.h",
      "sys/uio.h",     "sys/mman.h",     "sys/resource.h", "sys/wait.h",    "sys/select.h",
      "sys/epoll.h",   "sys/sendfile.h", "sys/random.h",   "sys/prctl.h",   "sys/inotify.h",
      "sys/eventfd.h", "sys/un.h",       "sys/utsname.h",  "sys/ioctl.h",   "sys/statvfs.h",
      "sys/sysinfo.h", "sys/timerfd.h",  "sys/signalfd.h", "sys/xattr.h",   "sys/file.h",
      "sys/ipc.h",     "sys/shm.h",      "netinet/in.h",   "netinet/tcp.h", "arpa/inet.h",
      "netdb.h",       "poll.h",         "signal.h",       "pthread.h",     "fcntl.h",
      "dirent.h",      "errno.h",        "grp.h",          "pwd.h",         "syslog.h",
      "locale.h",      "langinfo.h",     "inttypes.h",     "stdint.h",      "stdarg.h",
      "ctype.h",       "wchar.h",        "wctype.h",       "math.h",        "limits.h",
      "setjmp.h",      "dlfcn.h",        "ifaddrs.h",      "net/if.h",      "getopt.h",
      "glob.h",        "fnmatch.h",      "regex.h",        "termios.h",     "sched.h",
      "semaphore.h",   "utime.h",        "malloc.h",       "crypt.h",       "spawn.h",
      "execinfo.h",    "iconv.h",        "libgen.h",       "err.h",         "shadow.h",
      "stdbool.h",     "stddef.h",       "alloca.h",       "endian.h",      "byteswap.h"};
  std::string code = "#define _GNU_SOURCE 1\n";
  for (const char *h : headers)
    code += std::string("#if __has_include(<") + h + ">)\n#include <" + h + ">\n#endif\n";
  SystemDeclarations out;
  auto unit = clang::tooling::buildASTFromCodeWithArgs(
      code, {"-std=gnu17", "-w", "-resource-dir=" + resourceDir}, "twelve-libc-probe.c");
  if (!unit)
    return out;
  for (const auto *d : unit->getASTContext().getTranslationUnitDecl()->decls()) {
    if (const auto *tag = llvm::dyn_cast<clang::TagDecl>(d)) {
      if (tag->getIdentifier())
        out.tags.insert(tag->getName().str());
    } else if (const auto *named = llvm::dyn_cast<clang::NamedDecl>(d)) {
      if (named->getIdentifier() &&
          llvm::isa<clang::FunctionDecl, clang::VarDecl, clang::TypedefNameDecl>(named))
        out.names.insert(named->getName().str());
    }
  }
  return out;
}

std::vector<std::string> configureDeclarationMacros(const std::vector<std::string> &macros,
                                                    const SystemDeclarations &declared) {
  std::vector<std::string> out;
  for (const auto &macro : macros) {
    if (macro.rfind("HAVE_", 0) != 0 || macro.size() <= 5 || isHeaderMacro(macro))
      continue;
    std::string name = macro.substr(5);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    bool known = false;
    if (name.rfind("decl_", 0) == 0) // AC_CHECK_DECLS: HAVE_DECL_STRNLEN
      known = declared.names.count(name.substr(5)) > 0;
    else if (name.rfind("struct_", 0) == 0) // AC_CHECK_TYPES([struct pollfd])
      known = declared.tags.count(name.substr(7)) > 0;
    else // AC_CHECK_FUNCS, AC_CHECK_TYPES: HAVE_TIMEGM, HAVE_SOCKLEN_T
      known = declared.names.count(name) > 0;
    if (known)
      out.push_back("-D" + macro + "=1");
  }
  return out;
}

clang::tooling::ArgumentsAdjuster makeArgumentsAdjuster(const std::string &resourceDir,
                                                       const std::vector<std::string> &extra) {
  return [resourceDir, extra](const clang::tooling::CommandLineArguments &in,
                              llvm::StringRef file) {
    clang::tooling::CommandLineArguments args = in;
    // ccache g++ ..., sccache clang ...: the compiler is the second word.
    while (args.size() > 1) {
      auto base = llvm::sys::path::filename(args[0]);
      if (base == "ccache" || base == "sccache" || base == "distcc" || base == "icecc")
        args.erase(args.begin());
      else
        break;
    }
    if (args.empty())
      return args;

    // Options the Clang driver does not know (GCC-only -fanalyzer, -fipa-pta,
    // -fconcepts-diagnostics-depth=...) would fail the whole file.
    const auto &table = clang::driver::getDriverOptTable();
    std::vector<const char *> argv;
    for (size_t i = 1; i < args.size(); ++i)
      argv.push_back(args[i].c_str());
    unsigned missingIndex = 0, missingCount = 0;
    auto parsed = table.ParseArgs(argv, missingIndex, missingCount);
    std::set<unsigned> drop;
    for (const auto *arg : parsed.filtered(clang::driver::options::OPT_UNKNOWN))
      drop.insert(arg->getIndex() + 1);
    clang::tooling::CommandLineArguments out;
    out.push_back(args[0]);
    out.push_back("-resource-dir=" + resourceDir);
    for (size_t i = 1; i < args.size(); ++i) {
      if (drop.count(i))
        continue;
      const auto &a = args[i];
      // A precompiled header is a build artifact made by another compiler run
      // with other options; the header it was made from is still included.
      if (a == "-include-pch" && i + 1 < args.size()) {
        ++i;
        continue;
      }
      if (a == "-Xclang" && i + 3 < args.size() && args[i + 1] == "-include-pch" &&
          args[i + 2] == "-Xclang") {
        i += 3;
        continue;
      }
      // Warnings cost time and say nothing about precision; -Werror would
      // turn them into errors.
      if (a.rfind("-Werror", 0) == 0 || a.rfind("-resource-dir", 0) == 0)
        continue;
      out.push_back(a);
    }
    out.push_back("-w");
    out.push_back("-fno-color-diagnostics");
    // Without carets Clang also keeps its "N errors generated." summary to itself.
    out.push_back("-fno-caret-diagnostics");
    auto withExtra = clang::tooling::getInsertArgumentAdjuster(
        extra, clang::tooling::ArgumentInsertPosition::END)(out, file);
    return withExtra;
  };
}

} // namespace twelve::analyzer
