#include "checks/check.h"

#include <clang/Basic/SourceManager.h>

namespace twelve::checks {

void Check::report(clang::SourceLocation loc, const clang::SourceManager &sm, std::string message,
                   std::optional<Severity> severity) {
  if (loc.isInvalid())
    return;
  if (loc.isMacroID()) {
    // A value written in a macro (`#define DB_HOST "db.internal"`) is reported
    // where it is written; a call that a function-like macro makes
    // (nginx's `ngx_open_file(name, ...)` expanding to open()) where the macro
    // is used, as is anything from a system header's macro.
    auto spelling = sm.getSpellingLoc(loc);
    const auto &entry = sm.getSLocEntry(sm.getFileID(loc));
    bool functionMacroBody = sm.isMacroBodyExpansion(loc) && entry.isExpansion() &&
                             entry.getExpansion().isFunctionMacroExpansion();
    loc = sm.isInSystemHeader(spelling) || functionMacroBody ? sm.getExpansionLoc(loc) : spelling;
  }
  if (sm.isInSystemHeader(loc))
    return;
  auto decomposed = sm.getDecomposedLoc(loc);
  const auto *entry = sm.getFileEntryForID(decomposed.first);
  if (!entry)
    return; // <scratch space>, <built-in>: nothing a person can open

  Finding f;
  f.rule = context_.rule.id;
  f.factor = context_.rule.factor;
  f.severity = severity.value_or(context_.rule.severity);
  f.file = std::string(entry->tryGetRealPathName());
  if (f.file.empty())
    f.file = std::string(entry->getName());
  f.line = sm.getLineNumber(decomposed.first, decomposed.second);
  f.column = sm.getColumnNumber(decomposed.first, decomposed.second);
  f.message = std::move(message);

  bool invalid = false;
  auto buffer = sm.getBufferData(decomposed.first, &invalid);
  if (!invalid) {
    auto lineStart = buffer.rfind('\n', decomposed.second == 0 ? 0 : decomposed.second - 1);
    lineStart = (lineStart == llvm::StringRef::npos || decomposed.second == 0) ? 0 : lineStart + 1;
    auto lineEnd = buffer.find('\n', decomposed.second);
    f.sourceLine = buffer.slice(lineStart, lineEnd).rtrim("\r").str();
  }
  context_.sink.report(std::move(f));
}

} // namespace twelve::checks
