// twelve: 12-factor compliance linter and runtime checker for C and C++ services.
#include "cli/exit_codes.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <string>

#ifndef TWELVE_VERSION
#define TWELVE_VERSION "0.0.0"
#endif

namespace {

void setUpLogging(bool verbose, bool quiet) {
  // Our own logs go to stderr; stdout carries the report alone.
  auto logger = spdlog::stderr_logger_mt("twelve");
  logger->set_pattern("twelve: %^%l%$: %v");
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

} // namespace

int main(int argc, char **argv) {
  using namespace twelve::cli;
  CLI::App app{"twelve: checks that C and C++ services follow the twelve-factor methodology,\n"
               "statically (scan) and at run time (probe)."};
  app.set_version_flag("--version", std::string("twelve ") + TWELVE_VERSION);
  app.require_subcommand(1);
  app.fallthrough();

  bool verbose = false, quiet = false;
  app.add_flag("-v,--verbose", verbose, "Progress and per-file precision on stderr");
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");

  ScanFlags scan;
  auto *scanCmd = app.add_subcommand("scan", "Find hardcoded config, local state and log files in C/C++ code");
  scanCmd->add_option("paths", scan.paths, "Files or directories to scan (default: .)");
  scanCmd->add_option("-p,--build-dir", scan.buildDir,
                      "Folder holding compile_commands.json (default: found in PATH, PATH/build or above)");
  scanCmd->add_option("-j,--jobs", scan.jobs, "Translation units parsed in parallel (default: all cores)")
      ->envname("TWELVE_JOBS")->check(CLI::Range(0u, 1024u));
  scanCmd->add_option("--format", scan.format, "Output format: text or json")->envname("TWELVE_FORMAT");
  scanCmd->add_option("-o,--output", scan.output, "Write the report to this file (atomically)");
  scanCmd->add_option("--checks", scan.checks,
                      "Comma-separated rule globs, '-' to disable: '-*,config/*,-config/env-fallback'")
      ->envname("TWELVE_CHECKS");
  scanCmd->add_option("--fail-on", scan.failOn,
                      "Exit 1 on findings at or above: error, warning (default), note, never")
      ->envname("TWELVE_FAIL_ON");
  scanCmd->add_option("--color", scan.color, "Colour: auto (default), always, never");
  scanCmd->add_option("--root", scan.root, "Report paths relative to this folder (default: the scanned folder)");
  scanCmd->add_option("--resource-dir", scan.resourceDir, "Clang's resource directory (builtin headers)");
  scanCmd->add_option("--exclude", scan.exclude, "Path glob to leave out, relative to the root (repeatable)")
      ->allow_extra_args(false);
  scanCmd->add_option("--extra-arg", scan.extraArgs, "Compiler argument appended to every command (repeatable)")
      ->allow_extra_args(false);

  RulesFlags rules;
  auto *rulesCmd = app.add_subcommand("rules", "List the rules, or explain one: twelve rules RULE-ID");
  rulesCmd->add_option("id", rules.id, "Rule id, e.g. config/hardcoded-credential");
  rulesCmd->add_flag("--markdown", rules.markdown, "Print the rule's documentation page as Markdown");

  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp &e) {
    return app.exit(e);
  } catch (const CLI::CallForVersion &e) {
    return app.exit(e);
  } catch (const CLI::ParseError &e) {
    app.exit(e);
    return UsageError;
  }
  setUpLogging(verbose, quiet);
  scan.verbose = verbose;
  if (scanCmd->parsed())
    return runScan(scan);
  if (rulesCmd->parsed())
    return runRules(rules);
  return UsageError;
}
