#include "cli/config.h"

#include "core/rule_selection.h"

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <set>

namespace fs = std::filesystem;

namespace twelve::cli {

namespace {

class Reader {
public:
  Reader(std::string path) : path_(std::move(path)) {}

  [[noreturn]] void fail(const YAML::Node &node, const std::string &key, const std::string &what) const {
    auto mark = node.Mark();
    std::string where = path_;
    if (mark.line >= 0)
      where += ":" + std::to_string(mark.line + 1);
    throw ConfigError(where + ": " + (key.empty() ? "" : "'" + key + "': ") + what);
  }

  void expectMap(const YAML::Node &node, const std::string &key,
                 const std::set<std::string> &allowed) const {
    if (!node.IsMap())
      fail(node, key, "expected a mapping of keys");
    for (const auto &kv : node) {
      auto k = kv.first.as<std::string>();
      if (!allowed.count(k)) {
        std::string list;
        for (const auto &a : allowed)
          list += (list.empty() ? "" : ", ") + a;
        fail(kv.first, (key.empty() ? "" : key + ".") + k, "unknown key (expected one of: " + list + ")");
      }
    }
  }

  std::string string(const YAML::Node &node, const std::string &key) const {
    if (!node.IsScalar())
      fail(node, key, "expected a string");
    return node.as<std::string>();
  }

  std::vector<std::string> strings(const YAML::Node &node, const std::string &key) const {
    std::vector<std::string> out;
    if (node.IsScalar()) {
      out.push_back(node.as<std::string>());
      return out;
    }
    if (!node.IsSequence())
      fail(node, key, "expected a list of strings");
    for (const auto &item : node)
      out.push_back(string(item, key));
    return out;
  }

  double number(const YAML::Node &node, const std::string &key, double min, double max) const {
    if (!node.IsScalar())
      fail(node, key, "expected a number");
    double v;
    try {
      v = node.as<double>();
    } catch (const YAML::Exception &) {
      fail(node, key, "expected a number, got '" + node.as<std::string>() + "'");
    }
    if (v < min || v > max)
      fail(node, key, "must be between " + std::to_string(min) + " and " + std::to_string(max));
    return v;
  }

private:
  std::string path_;
};

} // namespace

std::string findConfigFile(const std::string &start) {
  std::error_code ec;
  fs::path dir = fs::absolute(start).lexically_normal();
  if (!fs::is_directory(dir, ec))
    dir = dir.parent_path();
  for (; !dir.empty(); dir = dir.parent_path()) {
    for (const char *name : {".twelve.yaml", ".twelve.yml"})
      if (fs::is_regular_file(dir / name, ec))
        return (dir / name).string();
    if (dir == dir.parent_path())
      break;
  }
  return {};
}

FileConfig loadConfigFile(const std::string &path, const RuleCatalog &catalog) {
  YAML::Node root;
  try {
    root = YAML::LoadFile(path);
  } catch (const YAML::BadFile &) {
    throw ConfigError(path + ": cannot be read");
  } catch (const YAML::ParserException &e) {
    throw ConfigError(path + ":" + std::to_string(e.mark.line + 1) + ": not valid YAML: " + e.msg);
  }
  FileConfig c;
  c.path = path;
  if (root.IsNull())
    return c; // an empty file is a valid, empty configuration
  Reader r(path);
  r.expectMap(root, "", {"checks", "fail-on", "format", "jobs", "build-dir", "exclude", "include-tests", "severity",
                         "options", "probe"});

  if (auto n = root["checks"]) {
    auto globs = r.strings(n, "checks");
    std::string joined;
    for (const auto &g : globs)
      joined += (joined.empty() ? "" : ",") + g;
    if (auto problem = RuleSelection::validate(joined, catalog))
      r.fail(n, "checks", *problem);
    c.checks = joined;
  }
  if (auto n = root["fail-on"]) {
    auto v = r.string(n, "fail-on");
    if (v != "never" && !parseSeverity(v))
      r.fail(n, "fail-on", "expected error, warning, note or never, got '" + v + "'");
    c.failOn = v;
  }
  if (auto n = root["format"])
    c.format = r.string(n, "format");
  if (auto n = root["jobs"])
    c.jobs = static_cast<unsigned>(r.number(n, "jobs", 0, 1024));
  if (auto n = root["build-dir"])
    c.buildDir = r.string(n, "build-dir");
  if (auto n = root["exclude"])
    c.exclude = r.strings(n, "exclude");
  if (auto n = root["include-tests"]) {
    if (!n.IsScalar() || (n.Scalar() != "true" && n.Scalar() != "false"))
      r.fail(n, "include-tests", "expected true or false");
    c.includeTests = n.Scalar() == "true";
  }
  if (auto n = root["severity"]) {
    if (!n.IsMap())
      r.fail(n, "severity", "expected a mapping of rule id to error, warning or note");
    for (const auto &kv : n) {
      auto id = kv.first.as<std::string>();
      if (!catalog.find(id))
        r.fail(kv.first, "severity." + id, "unknown rule id (see 'twelve rules')");
      auto s = parseSeverity(r.string(kv.second, "severity." + id));
      if (!s)
        r.fail(kv.second, "severity." + id, "expected error, warning or note");
      c.severity[id] = *s;
    }
  }
  if (auto n = root["options"]) {
    r.expectMap(n, "options",
                {"allowed-hosts", "credential-keywords", "log-file-functions", "config-functions"});
    if (auto m = n["allowed-hosts"])
      c.allowedHosts = r.strings(m, "options.allowed-hosts");
    if (auto m = n["credential-keywords"])
      c.credentialKeywords = r.strings(m, "options.credential-keywords");
    if (auto m = n["log-file-functions"])
      c.logFileFunctions = r.strings(m, "options.log-file-functions");
    if (auto m = n["config-functions"])
      c.configFunctions = r.strings(m, "options.config-functions");
  }
  if (auto n = root["probe"]) {
    r.expectMap(n, "probe", {"startup-timeout", "startup-budget", "grace", "port-env", "http"});
    if (auto m = n["startup-timeout"])
      c.startupTimeout = r.number(m, "probe.startup-timeout", 0.1, 3600);
    if (auto m = n["startup-budget"])
      c.startupBudget = r.number(m, "probe.startup-budget", 0.1, 3600);
    if (auto m = n["grace"])
      c.grace = r.number(m, "probe.grace", 0.1, 3600);
    if (auto m = n["port-env"])
      c.portEnv = r.string(m, "probe.port-env");
    if (auto m = n["http"])
      c.healthPath = r.string(m, "probe.http");
  }
  return c;
}

} // namespace twelve::cli
