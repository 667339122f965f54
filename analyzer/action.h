// The frontend action that runs the enabled checks over one translation unit.
#pragma once

#include "checks/check.h"
#include "core/finding.h"
#include "core/rule.h"

#include <clang/Tooling/Tooling.h>

#include <cstdint>
#include <memory>
#include <set>
#include <string>
#include <vector>

namespace twelve::analyzer {

/// What one translation unit yielded.
struct UnitResult {
  bool started = false;        // the frontend ran (false: driver error, unreadable file)
  bool sharedPreamble = false; // its first include lines came from a shared preamble
  unsigned preamblesBuilt = 0; // shared preambles its worker precompiled for it
  unsigned errors = 0;         // error diagnostics Clang recovered from
  std::string firstError;      // "file:line: message" of the first one
  std::vector<std::string> missingIncludes;
  std::set<std::string> includedFiles; // every file the unit included, resolved
  std::vector<Finding> findings;
};

/// The checks to run and their options; shared read-only by every worker.
struct CheckSet {
  std::vector<Rule> rules; // enabled rules, each with its effective severity
  checks::CheckOptions options;
};

/// A factory for one unit's action; `out` receives what the unit yielded.
/// With a shared preamble, `preambleDecls` are the IDs of its declarations to
/// match (from makePreambleActionFactory).
std::unique_ptr<clang::tooling::FrontendActionFactory>
makeScanActionFactory(const CheckSet &set, UnitResult &out,
                      const std::vector<std::uint32_t> *preambleDecls = nullptr);

/// A factory for an action that only preprocesses a unit and records what it
/// includes into `out` (no parsing, no checks): a cheap way to learn which
/// headers a unit reaches.
std::unique_ptr<clang::tooling::FrontendActionFactory>
makeIncludeScanActionFactory(UnitResult &out);

/// A factory for an action that precompiles a shared preamble (preamble.h)
/// into `pch`, left empty unless it compiled without an error or a missing
/// include; `out` receives what it included, `decls` the IDs of its top-level
/// declarations outside system headers.
std::unique_ptr<clang::tooling::FrontendActionFactory>
makePreambleActionFactory(UnitResult &out, std::string &pch, std::vector<std::uint32_t> &decls);

/// Whether the bodies of functions in system headers are skipped and the
/// declarations of system headers left out of matching (the default).
/// Undocumented switch for benchmarks: TWELVE_NO_SKIP_BODIES=1 parses and
/// matches them all, to show that skipping them changes no finding.
bool skipSystemFunctionBodies();

/// Collects Clang's diagnostics for a unit (errors only; nothing is printed).
std::unique_ptr<clang::DiagnosticConsumer> makeDiagnosticCollector(UnitResult &out);

} // namespace twelve::analyzer
