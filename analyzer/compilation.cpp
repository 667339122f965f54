#include "analyzer/compilation.h"

#include "analyzer/scan.h"

#include <clang/Driver/Options.h>
#include <clang/Tooling/JSONCompilationDatabase.h>
#include <llvm/Option/ArgList.h>
#include <llvm/Option/OptTable.h>
#include <llvm/Support/Path.h>

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
  args.push_back(file.str());
  auto dir = llvm::sys::path::parent_path(file);
  return {clang::tooling::CompileCommand(dir, file, std::move(args), "")};
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
