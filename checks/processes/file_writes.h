// Recognizes calls that open a file for writing (fopen, open, creat, rename,
// std::ofstream...) for local-file-state and pid-file.
#pragma once

#include "checks/ast_util.h"

#include <clang/AST/Expr.h>
#include <clang/ASTMatchers/ASTMatchers.h>

#include <optional>
#include <string>

namespace twelve::checks {

/// open() flags as Linux defines them; the flags are evaluated from the macros
/// of the code under analysis, so the values are compared as numbers.
constexpr long long kOpenAccessMode = 03, kOpenCreate = 0100, kOpenTruncate = 01000,
                    kOpenAppend = 02000;

/// A call or construction that opens (or renames into) a file for writing.
struct FileWrite {
  std::string api;                 // "fopen", "std::ofstream", "rename"...
  const clang::Expr *pathArg;      // the path argument
  std::optional<std::string> path; // its value when known at compile time
};

/// Matchers for the candidates: bind "fileCall", "fileCtor" or "fileMember";
/// the calls (fopen, open, rename...) are added to a check's NamedCalls.
void addFileCalls(NamedCalls &calls);
clang::ast_matchers::StatementMatcher fileCtorMatcher();
clang::ast_matchers::StatementMatcher fileMemberMatcher();

/// The write a bound candidate performs; nullopt when it only reads.
std::optional<FileWrite> fileWriteOf(const clang::Expr *candidate, const clang::ASTContext &ctx);

/// How an argument of a project's own opener says it opens: open() flags
/// written with O_* names (not a permission such as 0644 or 0777), an fopen
/// mode string ("w", "at"), or a mode character ('w', 'a'; chrony's
/// UTI_OpenFile(dir, name, ".log", 'a', 0644)).
struct OpenerMode {
  bool known = false;  // the argument is a mode or flags at all
  bool writes = false; // it writes (w, a, +, O_WRONLY, O_RDWR, O_APPEND, O_TRUNC, O_CREAT)
  bool creates = false; // it may create the file (w, a, O_CREAT)
};
OpenerMode openerMode(const clang::Expr *arg, const clang::ASTContext &ctx);

/// The path an argument names as far as the code fixes it: a literal or
/// constant, a local string never reassigned, a buffer printed once from a
/// fixed format, or a fixed directory with '*' for the name chosen at run time
/// ("/var/lib/app/uploads/*"). nullopt when nothing of it is fixed.
std::optional<std::string> pathValue(const clang::Expr *pathArg, const clang::ASTContext &ctx);

} // namespace twelve::checks
