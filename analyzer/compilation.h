// Compile commands: from compile_commands.json, or inferred for a fresh clone.
#pragma once

#include "analyzer/sources.h"

#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>

#include <memory>
#include <set>
#include <string>
#include <vector>

namespace twelve::analyzer {

/// The compile_commands.json to use: in `buildDir` when given (an error if it
/// has none), else in the first path, its build/ folder, or a folder above it,
/// as clang-tidy looks. Empty when there is none.
std::string findCompilationDatabase(const std::string &firstPath, const std::string &buildDir);

/// Loads compile_commands.json; throws InputError naming the file and problem.
std::unique_ptr<clang::tooling::CompilationDatabase> loadCompilationDatabase(const std::string &file);

/// Compile commands for a project without a database: the language standard by
/// extension (gnu++17, gnu17), headers as headers, the project's include dirs
/// and `defines` (configureHeaderMacros: what its configure step would find).
class InferredCompilationDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit InferredCompilationDatabase(IncludeDirs includeDirs,
                                       std::vector<std::string> defines = {})
      : includeDirs_(std::move(includeDirs)), defines_(std::move(defines)) {}

  std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef file) const override;

  /// The arguments (without the compiler and the file) for a file of `language`.
  static std::vector<std::string> argumentsFor(Language language);

private:
  IncludeDirs includeDirs_;
  std::vector<std::string> defines_;
};

/// What this system's C library declares with _GNU_SOURCE (glibc's and the
/// POSIX headers it has, parsed once): function, variable and type names, and
/// struct, union and enum tags.
struct SystemDeclarations {
  std::set<std::string> names, tags;
};
SystemDeclarations systemDeclarations(const std::string &resourceDir);

/// Of the HAVE_... `macros` a fresh clone tests (testedConfigureMacros), those
/// its configure step would define on this system, as -DNAME=1: a function or
/// type the C library declares (HAVE_TIMEGM, HAVE_LSTAT, HAVE_SOCKLEN_T), a
/// struct (HAVE_STRUCT_POLLFD) or a declaration (HAVE_DECL_STRNLEN). Header
/// macros are configureHeaderMacros'; library checks (HAVE_LIBZ) and members
/// (HAVE_STRUCT_STAT_ST_MTIM) are not guessed.
std::vector<std::string> configureDeclarationMacros(const std::vector<std::string> &macros,
                                                    const SystemDeclarations &declared);

/// Adjusts every command: drops compiler launchers (ccache) and options Clang
/// does not know (GCC-only flags), points at Clang's builtin headers, silences
/// warnings (only errors matter to precision) and appends `extra`.
clang::tooling::ArgumentsAdjuster makeArgumentsAdjuster(const std::string &resourceDir,
                                                       const std::vector<std::string> &extra);

} // namespace twelve::analyzer
