// Recognizes calls that open a file for writing (fopen, open, creat, rename,
// std::ofstream...) for local-file-state and pid-file.
#pragma once

#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <optional>
#include <string>

namespace twelve::checks {

/// A call or construction that opens (or renames into) a file for writing.
struct FileWrite {
  std::string api;                 // "fopen", "std::ofstream", "rename"...
  const clang::Expr *pathArg;      // the path argument
  std::optional<std::string> path; // its value when known at compile time
};

/// Matchers for the candidates: bind "fileCall", "fileCtor" or "fileMember".
clang::ast_matchers::StatementMatcher fileCallMatcher();
clang::ast_matchers::StatementMatcher fileCtorMatcher();
clang::ast_matchers::StatementMatcher fileMemberMatcher();

/// The write a bound candidate performs; nullopt when it only reads.
std::optional<FileWrite> fileWriteOf(const clang::Expr *candidate, const clang::ASTContext &ctx);

} // namespace twelve::checks
