#include "cli/probe_command.h"

#include "cli/config.h"
#include "cli/exit_codes.h"
#include "cli/formats.h"
#include "cli/output.h"
#include "rules/catalog.h"

#include <spdlog/spdlog.h>

#include <filesystem>

namespace twelve::cli {

probe::ProbeOptions resolveProbe(const ProbeFlags &f) {
  if (f.pid && !f.command.empty())
    throw ConfigError("give either --pid N or a command after --, not both");
  if (!f.pid && f.command.empty())
    throw ConfigError("nothing to probe: twelve probe [options] -- COMMAND [ARGS...], or --pid N");
  if (f.pid < 0)
    throw ConfigError("--pid " + std::to_string(f.pid) + ": expected a process id");
  if (f.port < 0 || f.port > 65535)
    throw ConfigError("--port " + std::to_string(f.port) + ": expected 1-65535");
  if (f.failOn != "error" && f.failOn != "warning" && f.failOn != "never")
    throw ConfigError("--fail-on " + f.failOn + ": expected error (a failed check), warning or never");

  // Flags over the file's probe section over the defaults.
  FileConfig file;
  if (!f.config.empty() && !std::filesystem::exists(f.config))
    throw ConfigError("--config " + f.config + ": no such file");
  std::string configPath = f.config.empty() ? findConfigFile(f.cwd.empty() ? "." : f.cwd) : f.config;
  if (!configPath.empty())
    file = loadConfigFile(configPath, rules::catalog());

  probe::ProbeOptions o;
  o.command = f.command;
  o.pid = f.pid;
  o.port = f.port;
  o.portEnv = f.portEnv.value_or(file.portEnv.value_or("PORT"));
  o.startupTimeout = f.startupTimeout.value_or(file.startupTimeout.value_or(60));
  o.startupBudget = f.startupBudget.value_or(file.startupBudget.value_or(10));
  o.grace = f.grace.value_or(file.grace.value_or(30));
  o.httpPath = f.http.value_or(file.healthPath.value_or(""));
  if (o.portEnv.empty())
    throw ConfigError("--port-env: expected a variable name");
  for (double v : {o.startupTimeout, o.startupBudget, o.grace})
    if (!(v > 0))
      throw ConfigError("--startup-timeout, --startup-budget and --grace take positive seconds");
  if (!o.httpPath.empty() && o.httpPath[0] != '/')
    throw ConfigError("--http " + o.httpPath + ": expected a path starting with /");
  o.cwd = f.cwd;
  o.verbose = f.verbose;
  o.trace = !f.noTrace;
  if (f.observe < 0)
    throw ConfigError("--observe takes seconds >= 0");
  o.observe = f.observe;
  for (auto &kv : f.env) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw ConfigError("--env " + kv + ": expected KEY=VALUE");
    o.env.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return o;
}

int probeExitCode(const ProbeResult &result, const std::string &failOn) {
  if (!result.error.empty())
    return ExitCode::Incomplete;
  bool failed = false, warned = false;
  for (auto &c : result.checks) {
    failed |= c.status == ProbeStatus::Fail;
    warned |= c.status == ProbeStatus::Warn;
  }
  if (failOn == "never")
    return ExitCode::Success;
  if (failed || (warned && failOn == "warning"))
    return ExitCode::Findings;
  return ExitCode::Success;
}

int runProbe(const ProbeFlags &flags) {
  probe::ProbeOptions options;
  std::vector<OutputTarget> outputs;
  try {
    options = resolveProbe(flags);
    outputs = parseOutputs(flags.formats, flags.output, reportFormats(), "text");
  } catch (const ConfigError &e) {
    spdlog::error("{}", e.what());
    return ExitCode::UsageError;
  }
  ProbeResult result = probe::run(options);
  bool written = writeOutputs(outputs, [&](const OutputTarget &t) {
    RenderOptions render;
    render.color = t.path.empty() && useColor(flags.color);
    render.verbose = flags.verbose;
    render.probeArtifact = flags.artifact;
    return cli::render(t.format, nullptr, &result, rules::catalog(), render);
  });
  if (!written)
    return ExitCode::UsageError;
  return probeExitCode(result, flags.failOn);
}

} // namespace twelve::cli
