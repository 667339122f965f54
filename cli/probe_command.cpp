#include "cli/probe_command.h"

#include "cli/exit_codes.h"
#include "cli/output.h"
#include "report/probe_json.h"
#include "report/probe_text.h"
#include "runtime-probe/probe.h"

#include <spdlog/spdlog.h>

#include <iostream>
#include <sstream>
#include <stdexcept>

namespace twelve::cli {
namespace {

struct BadFlags : std::runtime_error {
  using std::runtime_error::runtime_error;
};

probe::ProbeOptions validate(const ProbeFlags &f) {
  if (f.pid && !f.command.empty())
    throw BadFlags("give either --pid N or a command after --, not both");
  if (!f.pid && f.command.empty())
    throw BadFlags("nothing to probe: twelve probe [options] -- COMMAND [ARGS...], or --pid N");
  if (f.pid < 0)
    throw BadFlags("--pid " + std::to_string(f.pid) + ": expected a process id");
  if (f.port < 0 || f.port > 65535)
    throw BadFlags("--port " + std::to_string(f.port) + ": expected 1-65535");
  if (f.portEnv.empty())
    throw BadFlags("--port-env: expected a variable name");
  for (double v : {f.startupTimeout, f.startupBudget, f.grace})
    if (!(v > 0))
      throw BadFlags("--startup-timeout, --startup-budget and --grace take positive seconds");
  if (f.format != "text" && f.format != "json")
    throw BadFlags("--format " + f.format + ": expected text or json");
  if (f.failOn != "error" && f.failOn != "warning" && f.failOn != "never")
    throw BadFlags("--fail-on " + f.failOn + ": expected error (a failed check), warning or never");
  if (!f.http.empty() && f.http[0] != '/')
    throw BadFlags("--http " + f.http + ": expected a path starting with /");
  probe::ProbeOptions o;
  o.command = f.command;
  o.pid = f.pid;
  o.port = f.port;
  o.portEnv = f.portEnv;
  o.startupTimeout = f.startupTimeout;
  o.startupBudget = f.startupBudget;
  o.grace = f.grace;
  o.httpPath = f.http;
  o.cwd = f.cwd;
  o.verbose = f.verbose;
  o.trace = !f.noTrace;
  if (f.observe < 0)
    throw BadFlags("--observe takes seconds >= 0");
  o.observe = f.observe;
  for (auto &kv : f.env) {
    auto eq = kv.find('=');
    if (eq == std::string::npos || eq == 0)
      throw BadFlags("--env " + kv + ": expected KEY=VALUE");
    o.env.emplace_back(kv.substr(0, eq), kv.substr(eq + 1));
  }
  return o;
}

} // namespace

int runProbe(const ProbeFlags &flags) {
  probe::ProbeOptions options;
  try {
    options = validate(flags);
  } catch (const BadFlags &e) {
    spdlog::error("{}", e.what());
    return ExitCode::UsageError;
  }
  ProbeResult result = probe::run(options);
  std::ostringstream out;
  if (flags.format == "json")
    report::writeProbeJson(out, result);
  else
    report::writeProbeText(out, result, flags.output.empty() && useColor(flags.color),
                           flags.verbose);
  try {
    if (flags.output.empty())
      std::cout << out.str() << std::flush;
    else
      writeFileAtomically(flags.output, out.str());
  } catch (const std::exception &e) {
    spdlog::error("{}", e.what());
    return ExitCode::UsageError;
  }
  if (!result.error.empty())
    return ExitCode::Incomplete;
  bool failed = false, warned = false;
  for (auto &c : result.checks) {
    failed |= c.status == ProbeStatus::Fail;
    warned |= c.status == ProbeStatus::Warn;
  }
  if (flags.failOn == "never")
    return ExitCode::Success;
  if (failed || (warned && flags.failOn == "warning"))
    return ExitCode::Findings;
  return ExitCode::Success;
}

} // namespace twelve::cli
