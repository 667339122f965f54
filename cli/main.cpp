// twelve: 12-factor compliance linter and runtime checker for C and C++ services.
#include "cli/exit_codes.h"
#include "cli/probe_command.h"
#include "cli/report_command.h"
#include "cli/rules_command.h"
#include "cli/scan_command.h"

#include <CLI/CLI.hpp>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdio>
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

/// The options `twelve probe` and `twelve audit` share.
void addProbeOptions(CLI::App &cmd, twelve::cli::ProbeFlags &probe) {
  cmd.add_option("--port", probe.port, "Port to give the service (default: a free port)");
  cmd.add_option("--port-env", probe.portEnv, "Environment variable that carries the port (default PORT)");
  cmd.add_option("--startup-timeout", probe.startupTimeout, "Seconds to wait for the port (default 60, as Heroku)");
  cmd.add_option("--startup-budget", probe.startupBudget, "Seconds a start may take to pass (default 10)");
  cmd.add_option("--grace", probe.grace, "Seconds between SIGTERM and SIGKILL (default 30, as Kubernetes)");
  cmd.add_option("--http", probe.http, "Also GET this path once listening; a 5xx or no answer fails");
  cmd.add_option("--cwd", probe.cwd, "Working directory of the service");
  cmd.add_option("--env", probe.env, "Extra environment variable KEY=VALUE (repeatable)")->allow_extra_args(false);
  cmd.add_flag("--verbose", probe.verbose, "Pass the service's output through to stderr, live; list evidence");
  cmd.add_flag("--no-trace", probe.noTrace, "Sample /proc instead of tracing syscalls (for benchmarks)");
  cmd.add_option("--observe", probe.observe, "Seconds to keep the service running before SIGTERM (e.g. under load)");
  cmd.add_option("--artifact", probe.artifact,
                 "Repository file that SARIF and Code Quality probe results point at (e.g. Dockerfile)");
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
  std::string buildDir, checks, failOn;
  unsigned jobs = 0;
  auto *scanCmd = app.add_subcommand("scan", "Find hardcoded config, local state and log files in C/C++ code");
  scanCmd->add_option("paths", scan.paths, "Files or directories to scan (default: .)");
  auto *buildDirOpt = scanCmd->add_option("-p,--build-dir", buildDir,
                      "Folder holding compile_commands.json (default: found in PATH, PATH/build or above)");
  auto *jobsOpt = scanCmd->add_option("-j,--jobs", jobs, "Translation units parsed in parallel (default: all cores)")
      ->envname("TWELVE_JOBS")->check(CLI::Range(0u, 1024u));
  const std::string formatHelp =
      "Report format, repeatable: text (default), json, sarif, junit, codeclimate, markdown, html; "
      "NAME=FILE writes that one to FILE";
  scanCmd->add_option("--format", scan.formats, formatHelp)
      ->envname("TWELVE_FORMAT")->delimiter(',')->allow_extra_args(false);
  scanCmd->add_option("-o,--output", scan.output, "Write the format given without a file to FILE (atomically)");
  auto *checksOpt = scanCmd->add_option("--checks", checks,
                      "Comma-separated rule globs, '-' to disable: '-*,config/*,-config/env-fallback'")
      ->envname("TWELVE_CHECKS");
  auto *failOnOpt = scanCmd->add_option("--fail-on", failOn,
                      "Exit 1 on findings at or above: error, warning (default), note, never")
      ->envname("TWELVE_FAIL_ON");
  scanCmd->add_option("--config", scan.config,
                      "Configuration file (default: .twelve.yaml found upward from the first path)")
      ->envname("TWELVE_CONFIG");
  scanCmd->add_option("--color", scan.color, "Colour: auto (default), always, never");
  scanCmd->add_option("--root", scan.root, "Report paths relative to this folder (default: the scanned folder)");
  scanCmd->add_option("--resource-dir", scan.resourceDir, "Clang's resource directory (builtin headers)");
  scanCmd->add_flag("--include-tests", scan.includeTests,
                    "Also scan test and example code (test*/, unittest/, fuzz/, examples/, *_test.cc, test_*.c, test-*.cc, FooTest.cpp ...), skipped by default");
  scanCmd->add_option("--exclude", scan.exclude, "Path glob to leave out, relative to the root (repeatable)")
      ->allow_extra_args(false);
  scanCmd->add_option("--extra-arg", scan.extraArgs, "Compiler argument appended to every command (repeatable)")
      ->allow_extra_args(false);
  scanCmd->add_option("--baseline", scan.baseline,
                      "Report only findings not in this baseline file (fixed entries are listed)")
      ->envname("TWELVE_BASELINE");
  scanCmd->add_option("--write-baseline", scan.writeBaseline,
                      "Write the current findings to this baseline file and exit 0");
  scanCmd->add_flag("--report-unused-suppressions", scan.reportUnusedSuppressions,
                    "List NOLINT comments naming twelve rules that silence nothing (exit 1 if any)");
  scanCmd->add_option("--changed-since", scan.changedSince,
                      "Report only findings in files changed since this git revision (for pull requests)");
  scanCmd->add_flag("--no-cache", scan.noCache, "Do not reuse or store per-file results");
  scanCmd->add_option("--cache-dir", scan.cacheDir,
                      "Result cache folder (default: $TWELVE_CACHE_DIR, $XDG_CACHE_HOME/twelve, ~/.cache/twelve)")
      ->envname("TWELVE_CACHE_DIR");
  scanCmd->add_option("--file-timeout", scan.fileTimeout,
                      "Seconds one translation unit may take before it is stopped and reported (0: no limit; default 300)");
  scanCmd->add_option("--shard", scan.shard,
                      "Analyze part K of N (e.g. 2/4) for CI matrices; combine with 'twelve merge'")
      ->envname("TWELVE_SHARD");

  MergeFlags merge;
  auto *mergeCmd = app.add_subcommand("merge", "Combine JSON results of sharded scans: twelve merge a.json b.json");
  mergeCmd->add_option("inputs", merge.inputs, "JSON results of 'twelve scan --format json'")->required();
  mergeCmd->add_option("--format", merge.formats, formatHelp)->delimiter(',')->allow_extra_args(false);
  mergeCmd->add_option("-o,--output", merge.output, "Write the format given without a file to FILE (atomically)");
  mergeCmd->add_option("--fail-on", merge.failOn, "Exit 1 on findings at or above: error, warning (default), note, never");
  mergeCmd->add_option("--color", merge.color, "Colour: auto (default), always, never");

  // `twelve config --dump [PATH]`: the effective configuration a scan of PATH would use.
  bool dump = false;
  auto *configCmd = app.add_subcommand("config", "Show the effective configuration: twelve config --dump [PATH]");
  configCmd->add_flag("--dump", dump, "Print the effective configuration and where each value comes from")
      ->required();
  configCmd->add_option("paths", scan.paths, "The path a scan would start from (default: .)");
  configCmd->add_option("--config", scan.config, "Configuration file")->envname("TWELVE_CONFIG");

  // `twelve probe`: run (or attach to) a service and measure factors VI, VII, VIII, IX and XI.
  ProbeFlags probe;
  auto *probeCmd = app.add_subcommand("probe", "Run a service and measure it: twelve probe [options] -- COMMAND [ARGS...]");
  probeCmd->add_option("command", probe.command, "The service to launch, after --; {port} in ARGS becomes the port");
  probeCmd->add_option("--pid", probe.pid, "Attach to this running process instead (no signals are sent)");
  addProbeOptions(*probeCmd, probe);
  probeCmd->add_option("--format", probe.formats, formatHelp)->delimiter(',')->allow_extra_args(false);
  probeCmd->add_option("-o,--output", probe.output, "Write the format given without a file to FILE (atomically)");
  probeCmd->add_option("--fail-on", probe.failOn, "Exit 1 on: error (a failed check, default), warning, never");
  probeCmd->add_option("--color", probe.color, "Colour: auto (default), always, never");

  // `twelve report`: the readiness report from saved scan and probe results.
  ReportFlags report;
  auto *reportCmd = app.add_subcommand(
      "report", "Write the 12-factor readiness report from saved results: twelve report --scan s.json --probe p.json");
  reportCmd->add_option("--scan", report.scan, "JSON result of 'twelve scan --format json'");
  reportCmd->add_option("--probe", report.probe, "JSON result of 'twelve probe --format json'");
  reportCmd->add_option("--format", report.formats,
                        "html (default), markdown or sarif; NAME=FILE writes that one to FILE (repeatable)")
      ->delimiter(',')->allow_extra_args(false);
  reportCmd->add_option("-o,--output", report.output, "Write the format given without a file to FILE (atomically)");
  reportCmd->add_option("--title", report.title, "Title of the report (default: 12-factor readiness report)");

  // `twelve audit PATH [-- COMMAND...]`: scan, probe when a command is given, and the report in one go.
  AuditFlags audit;
  auto *auditCmd = app.add_subcommand(
      "audit", "Scan (and probe, given a command after --) and write the readiness report: twelve audit PATH [-- COMMAND...]");
  auditCmd->add_option("paths", audit.scan.paths, "Files or directories to scan (default: .)");
  auditCmd->add_option("-p,--build-dir", audit.scan.buildDir, "Folder holding compile_commands.json");
  auditCmd->add_option("-j,--jobs", audit.scan.jobs, "Translation units parsed in parallel (default: all cores)")
      ->check(CLI::Range(0u, 1024u));
  auditCmd->add_option("--checks", audit.scan.checks, "Comma-separated rule globs for the scan");
  auditCmd->add_option("--config", audit.scan.config, "Configuration file (default: .twelve.yaml found upward)")
      ->envname("TWELVE_CONFIG");
  auditCmd->add_flag("--include-tests", audit.scan.includeTests, "Also scan test and example code");
  auditCmd->add_option("--exclude", audit.scan.exclude, "Path glob to leave out of the scan (repeatable)")
      ->allow_extra_args(false);
  addProbeOptions(*auditCmd, audit.probe);
  auditCmd->add_option("--format", audit.formats,
                       "html (default), markdown or sarif; NAME=FILE writes that one to FILE (repeatable)")
      ->delimiter(',')->allow_extra_args(false);
  auditCmd->add_option("-o,--output", audit.output,
                       "Write the format given without a file to FILE (default: twelve-report.html or .md)");
  auditCmd->add_option("--title", audit.title, "Title of the report (default: 12-factor readiness report)");
  auditCmd->add_option("--fail-on", audit.failOn,
                       "Exit 1 on findings or probe checks at or above: error, warning (default), never");

  RulesFlags rules;
  auto *rulesCmd = app.add_subcommand("rules", "List the rules, or explain one: twelve rules RULE-ID");
  rulesCmd->add_option("id", rules.id, "Rule id, e.g. config/hardcoded-credential");
  rulesCmd->add_flag("--markdown", rules.markdown, "Print the rule's documentation page as Markdown");

  // The first word that is not an option must be a command.
  for (int i = 1; i < argc; ++i) {
    std::string word = argv[i];
    if (word.empty() || word[0] == '-')
      continue;
    std::string names;
    bool known = false;
    for (const auto *sub : app.get_subcommands({})) {
      known |= sub->get_name() == word;
      names += (names.empty() ? "" : ", ") + sub->get_name();
    }
    if (!known) {
      std::fprintf(stderr, "twelve: error: '%s' is not a twelve command (expected one of: %s)\n",
                   word.c_str(), names.c_str());
      return UsageError;
    }
    break;
  }
  // `twelve audit PATH -- COMMAND...`: everything after `--` is the service's
  // command line, not more paths (CLI11 would append it to the paths).
  std::vector<std::string> auditCommand;
  for (int i = 1; i < argc; ++i) {
    if (std::string(argv[i]) == "--")
      break;
    if (std::string(argv[i]) == "audit") {
      for (int j = i + 1; j < argc; ++j)
        if (std::string(argv[j]) == "--") {
          auditCommand.assign(argv + j + 1, argv + argc);
          argc = j;
          break;
        }
      break;
    }
  }
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
  // Only what was given (as a flag or in the environment) overrides the file.
  if (buildDirOpt->count())
    scan.buildDir = buildDir;
  if (jobsOpt->count())
    scan.jobs = jobs;
  if (checksOpt->count())
    scan.checks = checks;
  if (failOnOpt->count())
    scan.failOn = failOn;
  if (scanCmd->parsed())
    return runScan(scan);
  if (probeCmd->parsed())
    return runProbe(probe);
  if (rulesCmd->parsed())
    return runRules(rules);
  if (configCmd->parsed())
    return dumpConfig(scan);
  if (mergeCmd->parsed())
    return runMerge(merge);
  if (reportCmd->parsed())
    return runReport(report);
  if (auditCmd->parsed()) {
    audit.scan.verbose = verbose;
    audit.probe.command = auditCommand;
    audit.probe.config = audit.scan.config;
    return runAudit(audit);
  }
  return UsageError;
}
