#include "report_fixture.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace twelve::testing {

namespace fs = std::filesystem;

namespace {

Rule rule(const char *text) { return parseRule(text, "fixture"); }

} // namespace

const RuleCatalog &fixtureCatalog() {
  static const RuleCatalog catalog({
      rule(R"(---
id: config/hardcoded-credential
name: Hardcoded credential
severity: error
kind: static
summary: A password, token, API key or private key is written in the source code.
---
## What it does
Finds credentials in string literals.

## Why is this bad
Factor III: config varies between deploys; secrets in code leak with the code.

## Use instead
Read the secret from the environment at start-up:

```cpp
const char *password = std::getenv("DB_PASSWORD");
```
)"),
      rule(R"(---
id: config/hardcoded-url
name: Hardcoded backing-service URL
severity: warning
kind: static
summary: A connection URL or DSN of a backing service is written in the source code.
---
## What it does
Finds connection URLs such as `postgres://...`.

## Use instead
Take the URL from an environment variable such as `DATABASE_URL`.
)"),
      rule(R"(---
id: config/env-fallback
name: Hardcoded fallback for an environment variable
severity: note
kind: static
summary: getenv() falls back to a hardcoded value.
---
## What it does
TODO

## Use instead
TODO
)"),
      rule(R"(---
id: logs/file-sink
name: Log file sink
severity: warning
kind: static
summary: Logs are written to a file instead of stdout.
---
## What it does
Finds file sinks of logging libraries.

## Use instead
- Log to stdout with `spdlog::stdout_color_mt`.
- Let the platform route the stream.
)"),
      rule(R"(---
id: port-binding/hardcoded-port
name: Hardcoded port
severity: warning
kind: static
summary: The service listens on a port written in the code.
---
## Use instead
Read the port from `PORT`.
)"),
      rule(R"(---
id: processes/local-file-state
name: Local file state
severity: warning
kind: static
summary: Data that outlives a request is written to a local file.
---
## Use instead
Keep state in a backing service.
)"),
      rule(R"(---
id: concurrency/daemonize
name: Daemonizes itself
severity: error
kind: static
summary: The process detaches from its parent.
---
## Use instead
Stay in the foreground.
)"),
      rule(R"(---
id: disposability/graceful-shutdown
name: Graceful shutdown on SIGTERM
severity: error
kind: runtime
summary: After SIGTERM the process exits by itself, cleanly, within the grace period.
---
## Use instead
Handle SIGTERM: stop accepting, finish requests, exit 0.
)"),
      rule(R"(---
id: disposability/startup-time
name: Fast startup
severity: warning
kind: runtime
summary: The service accepts connections soon after start.
---
## Use instead
Defer slow work.
)"),
      rule(R"(---
id: port-binding/listens-on-port
name: Listens on $PORT
severity: error
kind: runtime
summary: The service listens on the port given in its environment.
---
## Use instead
Bind to the port in `PORT`.
)"),
      rule(R"(---
id: logs/stdout
name: Logs to stdout
severity: warning
kind: runtime
summary: The service writes its log stream to stdout or stderr.
---
## Use instead
Write logs to stdout.
)"),
      rule(R"(---
id: concurrency/foreground
name: Stays in the foreground
severity: error
kind: runtime
summary: The launched process does not fork away.
---
## Use instead
Do not daemonize.
)"),
  });
  return catalog;
}

ScanResult fixtureScan() {
  ScanResult r;
  r.root = "/srv/checkout/orders service";
  auto add = [&](const char *ruleId, Factor factor, Severity severity, const char *file,
                 unsigned line, unsigned column, const char *message, const char *source,
                 const char *fp) {
    Finding f;
    f.rule = ruleId;
    f.factor = factor;
    f.severity = severity;
    f.file = file;
    f.line = line;
    f.column = column;
    f.message = message;
    f.sourceLine = source;
    f.fingerprint = fp;
    r.findings.push_back(f);
  };
  add("config/env-fallback", Factor::Config, Severity::Note, "src/config.cpp", 12, 22,
      "getenv(\"LOG_LEVEL\") falls back to the hardcoded \"debug\"",
      "  const char *lvl = getenv(\"LOG_LEVEL\") ?: \"debug\";", "1a2b3c4d5e6f7081");
  add("config/hardcoded-credential", Factor::Config, Severity::Error, "src/db.cpp", 8, 27,
      "hardcoded credential assigned to 'password'",
      "static const char *password = \"<script>alert(1)</script>\";", "0f1e2d3c4b5a6978");
  add("config/hardcoded-url", Factor::Config, Severity::Warning, "src/db.cpp", 9, 23,
      "hardcoded postgres:// URL of a backing service",
      "static const char *dsn = \"postgres://db.internal:5432/orders\"; // a|b `tick`",
      "8899aabbccddeeff");
  add("logs/file-sink", Factor::Logs, Severity::Warning, "src/main.cpp", 31, 17,
      "spdlog::basic_logger_mt writes logs to the file \"logs/orders.log\"",
      "  auto logger = spdlog::basic_logger_mt(\"orders\", \"logs/orders.log\");",
      "2233445566778899");
  add("port-binding/hardcoded-port", Factor::PortBinding, Severity::Warning, "src/main.cpp", 40, 26,
      "the service listens on the hardcoded port 8080", "  addr.sin_port = htons(8080);",
      "aabbccddeeff0011");
  r.errors.push_back({"src/legacy.c", "fatal error: unterminated conditional directive"});
  r.stats.filesFull = 5;
  r.stats.filesReduced = 1;
  r.stats.filesFailed = 1;
  r.stats.seconds = 1.5;
  return r;
}

ProbeResult fixtureProbe() {
  ProbeResult p;
  p.command = {"./build/orders-service", "--listen"};
  p.pid = 4242;
  p.port = 8080;
  p.seconds = 3.25;
  p.checks.push_back({"port-binding/listens-on-port",
                      Factor::PortBinding,
                      ProbeStatus::Pass,
                      "listens on $PORT (8080) on all interfaces",
                      {{"port", "8080"}, {"address", "0.0.0.0"}}});
  p.checks.push_back({"disposability/startup-time",
                      Factor::Disposability,
                      ProbeStatus::Pass,
                      "accepted a connection 180 ms after start",
                      {{"startup_ms", "180"}}});
  p.checks.push_back({"disposability/graceful-shutdown",
                      Factor::Disposability,
                      ProbeStatus::Fail,
                      "still running 10 s after SIGTERM; killed with SIGKILL",
                      {{"grace_ms", "10000"}, {"exit", "SIGKILL"}}});
  p.checks.push_back({"logs/stdout",
                      Factor::Logs,
                      ProbeStatus::Warn,
                      "wrote 0 bytes to stdout/stderr but 4 KiB to logs/orders.log",
                      {{"stdout_bytes", "0"}, {"file", "logs/orders.log"}}});
  p.checks.push_back({"concurrency/foreground",
                      Factor::Concurrency,
                      ProbeStatus::Skip,
                      "not measured: ptrace is not permitted",
                      {}});
  return p;
}

std::string writeOutput(const std::string &name, const std::string &content) {
  fs::create_directories("report-out");
  auto path = fs::path("report-out") / name;
  std::ofstream(path, std::ios::binary) << content;
  return fs::absolute(path).string();
}

void expectGolden(const std::string &name, const std::string &actual) {
  writeOutput(name, actual);
  auto path = fs::path(__FILE__).parent_path() / "golden" / name;
  const char *update = std::getenv("TWELVE_UPDATE_GOLDEN");
  if (update && std::string(update) == "1") {
    std::ofstream(path, std::ios::binary) << actual;
    return;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in) << "missing golden " << path << "; run with TWELVE_UPDATE_GOLDEN=1 to create it";
  std::stringstream expected;
  expected << in.rdbuf();
  EXPECT_EQ(expected.str(), actual)
      << "golden " << path << " differs; if the change is intended, rerun with "
      << "TWELVE_UPDATE_GOLDEN=1 and review the diff";
}

} // namespace twelve::testing
