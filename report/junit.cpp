#include "report/junit.h"

#include "report/escape.h"

#include <algorithm>
#include <map>
#include <sstream>

namespace twelve::report {

namespace {

struct TestCase {
  std::string name;
  std::string classname;
  enum Kind { Passed, Failure, Error, Skipped } kind = Passed;
  std::string type;    // failure/error type
  std::string message; // one line
  std::string body;    // details
  std::string systemOut;
};

struct Suite {
  std::string name;
  std::vector<TestCase> cases;
};

std::string suiteName(Factor f) {
  return std::string(info(f).roman) + ". " + std::string(info(f).title);
}

std::string oneLine(std::string s) {
  for (auto &c : s)
    if (c == '\n' || c == '\r')
      c = ' ';
  return s;
}

void write(std::ostream &out, const std::vector<Suite> &suites, double seconds) {
  size_t tests = 0, failures = 0, errors = 0, skipped = 0;
  for (const auto &s : suites)
    for (const auto &c : s.cases) {
      ++tests;
      failures += c.kind == TestCase::Failure;
      errors += c.kind == TestCase::Error;
      skipped += c.kind == TestCase::Skipped;
    }
  std::ostringstream time;
  time << seconds;
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
  out << "<testsuites name=\"twelve\" tests=\"" << tests << "\" failures=\"" << failures
      << "\" errors=\"" << errors << "\" skipped=\"" << skipped << "\" time=\"" << time.str()
      << "\">\n";
  for (const auto &s : suites) {
    size_t f = 0, e = 0, k = 0;
    for (const auto &c : s.cases) {
      f += c.kind == TestCase::Failure;
      e += c.kind == TestCase::Error;
      k += c.kind == TestCase::Skipped;
    }
    out << "  <testsuite name=\"" << xmlEscape(s.name) << "\" tests=\"" << s.cases.size()
        << "\" failures=\"" << f << "\" errors=\"" << e << "\" skipped=\"" << k << "\">\n";
    for (const auto &c : s.cases) {
      out << "    <testcase name=\"" << xmlEscape(c.name) << "\" classname=\""
          << xmlEscape(c.classname) << "\"";
      if (c.kind == TestCase::Passed && c.systemOut.empty()) {
        out << "/>\n";
        continue;
      }
      out << ">\n";
      const char *tag = c.kind == TestCase::Failure   ? "failure"
                        : c.kind == TestCase::Error   ? "error"
                        : c.kind == TestCase::Skipped ? "skipped"
                                                      : nullptr;
      if (tag) {
        out << "      <" << tag << " message=\"" << xmlEscape(oneLine(c.message)) << "\"";
        if (!c.type.empty())
          out << " type=\"" << xmlEscape(c.type) << "\"";
        if (c.body.empty())
          out << "/>\n";
        else
          out << ">" << xmlEscape(c.body) << "</" << tag << ">\n";
      }
      if (!c.systemOut.empty())
        out << "      <system-out>" << xmlEscape(c.systemOut) << "</system-out>\n";
      out << "    </testcase>\n";
    }
    out << "  </testsuite>\n";
  }
  out << "</testsuites>\n";
}

std::string classname(const std::string &ruleId) {
  std::string c = "twelve." + ruleId;
  std::replace(c.begin(), c.end(), '/', '.');
  return c;
}

} // namespace

void writeScanJUnit(std::ostream &out, const ScanResult &result, const RuleCatalog &catalog,
                    const JUnitOptions &options) {
  std::vector<std::string> enabled = options.enabledRules;
  if (enabled.empty())
    for (const auto &r : catalog.rules())
      if (r.kind == "static" && r.lifecycle == Lifecycle::Stable)
        enabled.push_back(r.id);
  std::sort(enabled.begin(), enabled.end());

  std::map<int, Suite> byFactor;
  std::map<std::string, size_t> findingsPerRule;
  for (const auto &f : result.findings) {
    ++findingsPerRule[f.rule];
    TestCase c;
    c.name = f.rule + " " + f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column);
    c.classname = classname(f.rule);
    c.kind = TestCase::Failure;
    c.type = std::string(name(f.severity));
    c.message = f.message;
    c.body = f.file + ":" + std::to_string(f.line) + ":" + std::to_string(f.column) + ": " +
             std::string(name(f.severity)) + ": " + f.message + " [" + f.rule + "]";
    if (!f.sourceLine.empty())
      c.body += "\n    " + f.sourceLine;
    if (const Rule *rule = catalog.find(f.rule))
      c.body += "\n" + rule->helpUri();
    byFactor[number(f.factor)].cases.push_back(std::move(c));
  }
  for (const auto &id : enabled) {
    const Rule *rule = catalog.find(id);
    if (!rule || rule->kind == "runtime" || findingsPerRule.count(id))
      continue;
    TestCase c;
    c.name = id;
    c.classname = classname(id);
    byFactor[number(rule->factor)].cases.push_back(std::move(c));
  }
  std::vector<Suite> suites;
  for (auto &[factor, suite] : byFactor) {
    suite.name = suiteName(static_cast<Factor>(factor));
    // Passing rules first, then findings in scan order, for a stable reading order.
    std::stable_partition(suite.cases.begin(), suite.cases.end(),
                          [](const TestCase &c) { return c.kind == TestCase::Passed; });
    suites.push_back(std::move(suite));
  }
  if (!result.errors.empty()) {
    Suite analysis{"analysis", {}};
    for (const auto &e : result.errors) {
      TestCase c;
      c.name = "analyze " + e.file;
      c.classname = "twelve.analysis";
      c.kind = TestCase::Error;
      c.type = "analysis-error";
      c.message = e.message;
      analysis.cases.push_back(std::move(c));
    }
    suites.push_back(std::move(analysis));
  }
  write(out, suites, result.stats.seconds);
}

void writeProbeJUnit(std::ostream &out, const ProbeResult &result, const RuleCatalog &catalog) {
  std::map<int, Suite> byFactor;
  for (const auto &check : result.checks) {
    TestCase c;
    c.name = check.id;
    c.classname = classname(check.id);
    c.message = check.message;
    switch (check.status) {
    case ProbeStatus::Pass:
      c.kind = TestCase::Passed;
      break;
    case ProbeStatus::Warn:
      c.kind = TestCase::Failure;
      c.type = "warning";
      break;
    case ProbeStatus::Fail:
      c.kind = TestCase::Failure;
      c.type = "error";
      break;
    case ProbeStatus::Skip:
      c.kind = TestCase::Skipped;
      break;
    }
    if (c.kind == TestCase::Failure) {
      c.body = check.message;
      if (const Rule *rule = catalog.find(check.id))
        c.body += "\n" + rule->helpUri();
    }
    std::string evidence;
    if (c.kind == TestCase::Passed && !check.message.empty())
      evidence += check.message + "\n";
    for (const auto &[key, value] : check.evidence)
      evidence += key + ": " + value + "\n";
    c.systemOut = evidence;
    byFactor[number(check.factor)].cases.push_back(std::move(c));
  }
  std::vector<Suite> suites;
  for (auto &[factor, suite] : byFactor) {
    suite.name = suiteName(static_cast<Factor>(factor));
    suites.push_back(std::move(suite));
  }
  if (!result.error.empty()) {
    TestCase c;
    c.name = "run the target";
    c.classname = "twelve.probe";
    c.kind = TestCase::Error;
    c.type = "probe-error";
    c.message = result.error;
    suites.push_back({"probe", {c}});
  }
  write(out, suites, result.seconds);
}

} // namespace twelve::report
