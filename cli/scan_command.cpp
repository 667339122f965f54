#include "cli/scan_command.h"

#include "analyzer/cache.h"
#include "analyzer/scan.h"
#include "cli/config.h"
#include "cli/exit_codes.h"
#include "cli/formats.h"
#include "cli/output.h"
#include "core/rule_selection.h"
#include "core/baseline.h"
#include "report/baseline.h"
#include "report/json.h"
#include "report/text.h"
#include "rules/catalog.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <set>
#include <iostream>
#include <sstream>

#ifndef TWELVE_VERSION
#define TWELVE_VERSION "0.0.0"
#endif

namespace twelve::cli {

namespace {

/// A setting and the layer it came from: flag or environment, file, default.
template <class T> struct Setting {
  T value;
  std::string source;
};

template <class T>
Setting<T> pick(const std::optional<T> &flag, const std::optional<T> &file, T fallback,
                const std::string &filePath) {
  if (flag)
    return {*flag, "command line or environment"};
  if (file)
    return {*file, filePath};
  return {fallback, "default"};
}

/// Paths of test code, relative to the root: test folders and test files by
/// the usual naming conventions, fuzzing harnesses and example programs.
const std::vector<std::string> &testGlobs() {
  static const std::vector<std::string> globs{
      // test/, tests/, testing/, testsuite/, and libmicrohttpd's testcurl/ and testzzuf/
      "test*/*",      "*/test*/*",      "unittest/*",    "*/unittest/*",   "unittests/*",
      "*/unittests/*",
      "*_test.c",     "*_test.cc",      "*_test.cpp",    "*_test.cxx",     "*_unittest.cc",
      "*_unittest.cpp", "*_tests.cc",   "*_tests.cpp",   "*/test_*.c",     "*/test_*.cc",
      "*/test_*.cpp", "test_*.c",       "test_*.cc",     "test_*.cpp",
      // test-signers.cc (PowerDNS), conn-test.c, FooTest.cpp / FooTests.cc (GoogleTest style)
      "test-*.c",     "test-*.cc",      "test-*.cpp",    "*/test-*.c",     "*/test-*.cc",
      "*/test-*.cpp", "*-test.c",       "*-test.cc",     "*-test.cpp",     "*Test.cc",
      "*Test.cpp",    "*Tests.cc",      "*Tests.cpp",
      // example programs of a library or service: not what is deployed
      "examples/*",   "*/examples/*",   "example/*",     "*/example/*",
      // fuzzing harnesses (OSS-Fuzz)
      "fuzz/*",       "*/fuzz/*",       "fuzzing/*",     "*/fuzzing/*",    "*_fuzzer.c",
      "*_fuzzer.cc",  "*_fuzzer.cpp",   "fuzz_*.c",      "fuzz_*.cc",      "*/fuzz_*.c",
      "*/fuzz_*.cc"};
  return globs;
}

/// The validated configuration of one scan.
struct ResolvedScan {
  analyzer::ScanOptions options;
  FileConfig file;
  Setting<std::string> format, failOn, checks, buildDir;
  Setting<unsigned> jobs;
  std::vector<OutputTarget> outputs;
};

/// Flags over environment (both in `flags`) over the file over defaults; throws
/// ConfigError for anything invalid, before any work starts.
ResolvedScan resolve(const ScanFlags &flags) {
  const auto &catalog = rules::catalog();
  ResolvedScan r;
  std::string start = flags.paths.empty() ? "." : flags.paths.front();
  std::string configPath = flags.config.empty() ? findConfigFile(start) : flags.config;
  if (!flags.config.empty() && !std::filesystem::exists(flags.config))
    throw ConfigError("--config " + flags.config + ": no such file");
  if (!configPath.empty())
    r.file = loadConfigFile(configPath, catalog);

  std::vector<std::string> formats = flags.formats;
  r.format = {"text", "default"};
  if (!formats.empty()) {
    r.format = {"", "command line or environment"};
    for (const auto &f : formats)
      r.format.value += (r.format.value.empty() ? "" : ",") + f;
  } else if (r.file.format) {
    formats.push_back(*r.file.format);
    r.format = {*r.file.format, configPath};
  }
  r.failOn = pick<std::string>(flags.failOn, r.file.failOn, "warning", configPath);
  r.checks = pick<std::string>(flags.checks, r.file.checks, "", configPath);
  r.buildDir = pick<std::string>(flags.buildDir, r.file.buildDir, "", configPath);
  r.jobs = pick<unsigned>(flags.jobs, r.file.jobs, 0, configPath);

  r.outputs = parseOutputs(formats, flags.output, reportFormats(), "text");
  if (r.failOn.value != "never" && !parseSeverity(r.failOn.value))
    throw ConfigError("--fail-on " + r.failOn.value + ": expected error, warning, note or never");
  if (flags.color != "auto" && flags.color != "always" && flags.color != "never")
    throw ConfigError("--color " + flags.color + ": expected auto, always or never");
  if (auto problem = RuleSelection::validate(r.checks.value, catalog))
    throw ConfigError("--checks: " + *problem);

  auto &o = r.options;
  if (!flags.paths.empty())
    o.paths = flags.paths;
  o.buildDir = r.buildDir.value;
  // A relative build-dir in the file is relative to the file's folder.
  if (!flags.buildDir && r.file.buildDir && !configPath.empty() &&
      std::filesystem::path(o.buildDir).is_relative())
    o.buildDir = (std::filesystem::path(configPath).parent_path() / o.buildDir).string();
  o.root = flags.root;
  o.jobs = r.jobs.value;
  o.resourceDir = flags.resourceDir;
  o.excludeGlobs = r.file.exclude;
  // Test code is not the service: its fixtures, ports and localhost endpoints are
  // what a reviewer dismisses (semgrep skips tests by default for the same reason).
  if (!flags.includeTests && !r.file.includeTests.value_or(false))
    o.excludeGlobs.insert(o.excludeGlobs.end(), testGlobs().begin(), testGlobs().end());
  o.excludeGlobs.insert(o.excludeGlobs.end(), flags.exclude.begin(), flags.exclude.end());
  o.extraArgs = flags.extraArgs;
  o.verbose = flags.verbose;
  o.reportUnusedSuppressions = flags.reportUnusedSuppressions;
  o.fileTimeout = flags.fileTimeout;
  if (flags.fileTimeout < 0)
    throw ConfigError("--file-timeout must be 0 (no limit) or more seconds");
  if (!flags.noCache)
    o.cacheDir = flags.cacheDir.empty() ? analyzer::ResultCache::defaultDir() : flags.cacheDir;
  if (!flags.shard.empty()) {
    unsigned k = 0, n = 0;
    char slash = 0, extra = 0;
    if (std::sscanf(flags.shard.c_str(), "%u%c%u%c", &k, &slash, &n, &extra) != 3 || slash != '/' ||
        n == 0 || k == 0 || k > n)
      throw ConfigError("--shard " + flags.shard + ": expected K/N with 1 <= K <= N, e.g. 2/4");
    o.shardIndex = k - 1;
    o.shardCount = n;
  }
  o.checkOptions.allowedHosts = r.file.allowedHosts;
  o.checkOptions.credentialKeywords = r.file.credentialKeywords;
  o.checkOptions.logFileFunctions = r.file.logFileFunctions;
  o.checkOptions.configFunctions = r.file.configFunctions;
  RuleSelection selection(r.checks.value, catalog);
  for (const auto &rule : catalog.rules()) {
    if (rule.kind != "static" || !selection.enabled(rule.id))
      continue;
    Rule effective = rule;
    if (auto it = r.file.severity.find(rule.id); it != r.file.severity.end())
      effective.severity = it->second;
    o.rules.push_back(std::move(effective));
  }
  return r;
}

/// The files (absolute paths) that differ from git revision `rev` in the
/// repository holding `where`: committed, staged, unstaged and untracked.
std::set<std::string> changedFiles(const std::string &rev, const std::string &where) {
  if (rev.find_first_of("'\"`$;&|<>\\ \n") != std::string::npos)
    throw std::runtime_error("not a git revision");
  namespace fs = std::filesystem;
  fs::path dir = fs::absolute(where);
  if (!fs::is_directory(dir))
    dir = dir.parent_path();
  auto run = [&](const std::string &cmd) {
    std::string full = "git -C '" + dir.string() + "' " + cmd + " 2>/dev/null";
    std::string out;
    FILE *p = ::popen(full.c_str(), "r");
    if (!p)
      throw std::runtime_error("cannot run git");
    char buf[4096];
    size_t n;
    while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
      out.append(buf, n);
    if (::pclose(p) != 0)
      throw std::runtime_error("git failed (is " + dir.string() + " in a git repository, and '" +
                               rev + "' a revision?)");
    return out;
  };
  auto top = run("rev-parse --show-toplevel");
  while (!top.empty() && (top.back() == '\n' || top.back() == '\r'))
    top.pop_back();
  run("rev-parse --verify --quiet '" + rev + "^{commit}'");
  std::set<std::string> files;
  auto add = [&](const std::string &list) {
    std::istringstream in(list);
    for (std::string line; std::getline(in, line);)
      if (!line.empty())
        files.insert((fs::path(top) / line).lexically_normal().string());
  };
  add(run("diff --name-only '" + rev + "'"));
  add(run("ls-files --others --exclude-standard"));
  return files;
}

} // namespace

ScanResult scanFor(const ScanFlags &flags) {
  ResolvedScan resolved = resolve(flags);
  resolved.options.log = [](std::string_view m) { spdlog::info("{}", m); };
  return analyzer::scan(resolved.options);
}

int scanExitCode(const ScanResult &result, const std::string &failOn) {
  // A partial result must not pass as a clean one.
  if (!result.errors.empty())
    return Incomplete;
  if (failOn != "never")
    for (const auto &f : result.findings)
      if (f.severity >= *parseSeverity(failOn))
        return Findings;
  return Success;
}

int runScan(const ScanFlags &flags) {
  const auto &catalog = rules::catalog();
  ResolvedScan resolved;
  try {
    resolved = resolve(flags);
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  if (!resolved.file.path.empty())
    spdlog::debug("configuration from {}", resolved.file.path);
  auto &options = resolved.options;
  options.log = [](std::string_view m) { spdlog::info("{}", m); };
  if (options.rules.empty())
    spdlog::warn("--checks '{}' enables no static rule: nothing to look for", resolved.checks.value);

  Baseline baseline;
  if (!flags.baseline.empty()) {
    std::ifstream in(flags.baseline);
    if (!in) {
      spdlog::error("--baseline {}: no such file", flags.baseline);
      return UsageError;
    }
    try {
      baseline = report::readBaseline(in, flags.baseline);
    } catch (const std::exception &e) {
      spdlog::error("{}", e.what());
      return UsageError;
    }
  }
  if (!flags.changedSince.empty()) {
    try {
      options.changedFiles = changedFiles(flags.changedSince, options.paths.front());
    } catch (const std::exception &e) {
      spdlog::error("--changed-since {}: {}", flags.changedSince, e.what());
      return UsageError;
    }
  }

  ScanResult result;
  try {
    result = analyzer::scan(options);
  } catch (const analyzer::InputError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  if (!flags.writeBaseline.empty()) {
    std::ostringstream text;
    report::writeBaseline(text, makeBaseline(result.findings));
    try {
      writeFileAtomically(flags.writeBaseline, text.str());
    } catch (const std::exception &e) {
      spdlog::error("{}", e.what());
      return UsageError;
    }
    spdlog::warn("wrote {} finding(s) to the baseline {}", result.findings.size(), flags.writeBaseline);
  }
  if (!flags.baseline.empty())
    applyBaseline(result, baseline);

  bool written = writeOutputs(resolved.outputs, [&](const OutputTarget &t) {
    RenderOptions render;
    render.color = t.path.empty() && useColor(flags.color);
    return cli::render(t.format, &result, nullptr, catalog, render);
  });
  if (!written)
    return UsageError;

  // A partial result must not pass as a clean one.
  if (!result.errors.empty())
    return Incomplete;
  if (!flags.writeBaseline.empty())
    return Success; // adopting: everything found is now accepted
  if (!result.unusedSuppressions.empty())
    return Findings;
  if (resolved.failOn.value != "never") {
    auto threshold = *parseSeverity(resolved.failOn.value);
    for (const auto &f : result.findings)
      if (f.severity >= threshold)
        return Findings;
  }
  return Success;
}

int runMerge(const MergeFlags &flags) {
  const auto &catalog = rules::catalog();
  if (flags.inputs.empty()) {
    spdlog::error("merge: give the JSON results to merge");
    return UsageError;
  }
  std::vector<OutputTarget> outputs;
  try {
    outputs = parseOutputs(flags.formats, flags.output, reportFormats(), "text");
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  if (flags.failOn != "never" && !parseSeverity(flags.failOn)) {
    spdlog::error("--fail-on {}: expected error, warning, note or never", flags.failOn);
    return UsageError;
  }
  ScanResult merged;
  for (const auto &path : flags.inputs) {
    std::ifstream in(path);
    if (!in) {
      spdlog::error("{}: no such file", path);
      return UsageError;
    }
    ScanResult part;
    try {
      part = report::readScanJson(in, path);
    } catch (const std::exception &e) {
      spdlog::error("{}", e.what());
      return UsageError;
    }
    for (auto &rule : part.rules)
      if (std::find(merged.rules.begin(), merged.rules.end(), rule) == merged.rules.end())
        merged.rules.push_back(rule);
    if (merged.root.empty())
      merged.root = part.root;
    else if (part.root != merged.root) {
      spdlog::error("{}: scanned {}, but {} scanned {}: results of different roots cannot be merged",
                    path, part.root, flags.inputs.front(), merged.root);
      return UsageError;
    }
    for (auto &f : part.findings)
      merged.findings.push_back(std::move(f));
    for (auto &e : part.errors)
      merged.errors.push_back(std::move(e));
    merged.stats.filesFull += part.stats.filesFull;
    merged.stats.filesReduced += part.stats.filesReduced;
    merged.stats.filesFailed += part.stats.filesFailed;
    merged.stats.suppressed += part.stats.suppressed;
    merged.stats.seconds = std::max(merged.stats.seconds, part.stats.seconds);
  }
  // A header finding can come from units of several shards: keep it once.
  std::sort(merged.findings.begin(), merged.findings.end(), findingLess);
  merged.findings.erase(std::unique(merged.findings.begin(), merged.findings.end(),
                                    [](const Finding &a, const Finding &b) {
                                      return a.file == b.file && a.line == b.line &&
                                             a.column == b.column && a.rule == b.rule;
                                    }),
                        merged.findings.end());
  std::sort(merged.rules.begin(), merged.rules.end());
  std::sort(merged.errors.begin(), merged.errors.end(),
            [](const AnalysisError &a, const AnalysisError &b) { return a.file < b.file; });

  if (!writeOutputs(outputs, [&](const OutputTarget &t) {
        RenderOptions render;
        render.color = t.path.empty() && useColor(flags.color);
        return cli::render(t.format, &merged, nullptr, catalog, render);
      }))
    return UsageError;
  if (!merged.errors.empty())
    return Incomplete;
  if (flags.failOn != "never")
    for (const auto &f : merged.findings)
      if (f.severity >= *parseSeverity(flags.failOn))
        return Findings;
  return Success;
}

int dumpConfig(const ScanFlags &flags) {
  ResolvedScan r;
  try {
    r = resolve(flags);
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return UsageError;
  }
  auto quote = [](const std::string &s) { return "\"" + s + "\""; };
  auto list = [&](const std::vector<std::string> &v) {
    std::string out = "[";
    for (size_t i = 0; i < v.size(); ++i)
      out += (i ? ", " : "") + quote(v[i]);
    return out + "]";
  };
  auto &o = r.options;
  std::cout << "# effective configuration of 'twelve scan'\n"
            << "# file: " << (r.file.path.empty() ? "(none found)" : r.file.path) << "\n"
            << "checks: " << quote(r.checks.value) << "  # " << r.checks.source << "\n"
            << "fail-on: " << r.failOn.value << "  # " << r.failOn.source << "\n"
            << "format: " << r.format.value << "  # " << r.format.source << "\n"
            << "jobs: " << r.jobs.value << "  # " << r.jobs.source << " (0: all cores)\n"
            << "build-dir: " << quote(o.buildDir) << "  # " << r.buildDir.source << "\n"
            << "exclude: " << list(o.excludeGlobs) << "\n"
            << "severity:\n";
  for (const auto &rule : o.rules)
    std::cout << "  " << rule.id << ": " << name(rule.severity) << "\n";
  std::cout << "options:\n"
            << "  allowed-hosts: " << list(r.file.allowedHosts) << "\n"
            << "  credential-keywords: " << list(r.file.credentialKeywords) << "\n"
            << "  log-file-functions: " << list(r.file.logFileFunctions) << "\n"
            << "  config-functions: " << list(r.file.configFunctions) << "\n"
            << "probe:\n"
            << "  startup-timeout: " << r.file.startupTimeout.value_or(60) << "\n"
            << "  startup-budget: " << r.file.startupBudget.value_or(10) << "\n"
            << "  grace: " << r.file.grace.value_or(30) << "\n"
            << "  port-env: " << r.file.portEnv.value_or("PORT") << "\n"
            << "  http: " << quote(r.file.healthPath.value_or("")) << "\n";
  return Success;
}

} // namespace twelve::cli
