// Compile commands: from compile_commands.json, or inferred for a fresh clone.
#pragma once

#include "analyzer/sources.h"

#include <clang/Tooling/ArgumentsAdjusters.h>
#include <clang/Tooling/CompilationDatabase.h>

#include <memory>
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
/// extension (gnu++17, gnu17), headers as headers, and the project's include dirs.
class InferredCompilationDatabase : public clang::tooling::CompilationDatabase {
public:
  explicit InferredCompilationDatabase(IncludeDirs includeDirs)
      : includeDirs_(std::move(includeDirs)) {}

  std::vector<clang::tooling::CompileCommand> getCompileCommands(llvm::StringRef file) const override;

  /// The arguments (without the compiler and the file) for a file of `language`.
  static std::vector<std::string> argumentsFor(Language language);

private:
  IncludeDirs includeDirs_;
};

/// Adjusts every command: drops compiler launchers (ccache) and options Clang
/// does not know (GCC-only flags), points at Clang's builtin headers, silences
/// warnings (only errors matter to precision) and appends `extra`.
clang::tooling::ArgumentsAdjuster makeArgumentsAdjuster(const std::string &resourceDir,
                                                       const std::vector<std::string> &extra);

} // namespace twelve::analyzer
