#include "checks/config/secrets.h"

#include <algorithm>
#include <arpa/inet.h>
#include <cctype>
#include <cmath>
#include <map>
#include <regex>

namespace twelve::checks::secrets {

namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto &c : out)
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool contains(const std::vector<std::string> &v, const std::string &s) {
  return std::find(v.begin(), v.end(), s) != v.end();
}

bool isSpace(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// A printf conversion: "%s", "%.*s" (knot's "secret: %.*s"), "%-10lu", "%1$s",
// "%zu", "%m".
bool hasPrintfConversion(const std::string &v) {
  static const std::regex conversion(
      R"(%([0-9]+\$)?[-+ #0']*(\*|[0-9]+)?(\.(\*|[0-9]*))?(hh|h|ll|l|L|q|j|z|Z|t)?[diouxXeEfFgGaAcspnm])");
  return v.find('%') != std::string::npos && std::regex_search(v, conversion);
}

// Words that make an identifier a credential on their own.
const std::vector<std::string> kCredentialWords = {
    "password",   "passwd",    "pwd",       "pass",  "passphrase", "secret",
    "secrets",    "token",     "apikey",    "auth",  "credential", "credentials",
    "privatekey", "accesskey", "secretkey", "bearer"};
// Pairs of words: api_key, access_key, private_key, client_secret...
const std::vector<std::pair<std::string, std::string>> kCredentialPairs = {
    {"api", "key"},  {"access", "key"}, {"private", "key"}, {"secret", "key"},
    {"auth", "key"}, {"master", "key"}, {"license", "key"}};
// A last word that makes the identifier about the credential, not the credential.
const std::vector<std::string> kMetaWords = {
    "len",       "length",  "size",   "count",    "max",      "min",      "file",    "path",
    "dir",       "env",     "var",    "variable", "name",     "field",    "label",   "prompt",
    "hint",      "type",    "kind",   "id",       "header",   "param",    "regex",   "pattern",
    "format",    "fmt",     "msg",    "message",  "error",    "err",      "url",     "uri",
    "endpoint",  "method",  "mode",   "scheme",   "policy",   "flag",     "enabled", "required",
    "expiry",    "expires", "ttl",    "timeout",  "hash",     "hashed",   "digest",  "salt",
    "algorithm", "algo",    "column", "col",      "key_name", "option",   "opt",     "arg",
    "str_len",   "prefix",  "suffix", "provider", "handler",  "callback", "cb",      "buf_size",
    "index",     "idx",     "pos",    "offset",   "char",     "chars",    "charset", "alphabet",
    "digits",
    // what is said or done about it: haproxy's uri_auth_compat_req holds the
    // words of an ACL rule ("auth", "realm", "unless")
    "req",       "request", "requests", "rule",    "rules",    "acl",      "args",    "argv",
    "cmd",       "command", "keyword",  "keywords"};

} // namespace

std::vector<std::string> identifierWords(std::string_view id) {
  std::vector<std::string> words;
  std::string cur;
  auto flush = [&] {
    if (!cur.empty())
      words.push_back(lower(cur));
    cur.clear();
  };
  for (size_t i = 0; i < id.size(); ++i) {
    char c = id[i];
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      flush();
      continue;
    }
    bool upper = std::isupper(static_cast<unsigned char>(c));
    if (upper && !cur.empty()) {
      bool prevLower = std::islower(static_cast<unsigned char>(cur.back())) ||
                       std::isdigit(static_cast<unsigned char>(cur.back()));
      bool nextLower = i + 1 < id.size() && std::islower(static_cast<unsigned char>(id[i + 1]));
      if (prevLower || (nextLower && cur.size() > 1))
        flush();
    }
    cur += c;
  }
  flush();
  // "kPassword": a leading "k" or "g" constant prefix is not a word.
  if (words.size() > 1 &&
      (words[0] == "k" || words[0] == "g" || words[0] == "m" || words[0] == "s"))
    words.erase(words.begin());
  return words;
}

bool isCredentialName(std::string_view identifier, const std::vector<std::string> &extra) {
  auto words = identifierWords(identifier);
  if (words.empty())
    return false;
  if (contains(kMetaWords, words.back()))
    return false;
  for (size_t i = 0; i < words.size(); ++i) {
    if (contains(kCredentialWords, words[i]) || contains(extra, words[i]))
      return true;
    if (i + 1 < words.size())
      for (const auto &[a, b] : kCredentialPairs)
        if (words[i] == a && words[i + 1] == b)
          return true;
  }
  // Multi-word extra keywords, matched against the joined identifier.
  std::string joined;
  for (const auto &w : words)
    joined += w + "_";
  for (const auto &e : extra)
    if (e.find('_') != std::string::npos && joined.find(lower(e) + "_") != std::string::npos)
      return true;
  return false;
}

bool isAmbiguousCredentialName(std::string_view identifier, const std::vector<std::string> &extra) {
  if (!isCredentialName(identifier, extra))
    return false;
  // Words that make "<word> token" a credential: access_token, apiToken...
  static const std::vector<std::string> qualifiers = {
      "access",   "refresh", "api",    "id",           "session", "csrf",   "xsrf",  "oauth",
      "client",   "service", "bot",    "github",       "gitlab",  "slack",  "jwt",   "security",
      "personal", "app",     "deploy", "registration", "invite",  "reset",  "login", "user",
      "webhook",  "hook",    "sas",    "iam",          "vault",   "consul", "npm",   "pypi"};
  auto words = identifierWords(identifier);
  bool token = false;
  for (size_t i = 0; i < words.size(); ++i) {
    const auto &w = words[i];
    if (w == "token" || w == "tokens") {
      if (i > 0 && contains(qualifiers, words[i - 1]))
        return false;
      token = true;
      continue;
    }
    // Any other credential word ("auth_token", "secret_token") settles it.
    if (contains(kCredentialWords, w) || contains(extra, w))
      return false;
    if (i + 1 < words.size())
      for (const auto &[a, b] : kCredentialPairs)
        if (w == a && words[i + 1] == b)
          return false;
  }
  return token;
}

bool isKeyword(std::string_view value) {
  if (value.empty())
    return false;
  if (std::isdigit(static_cast<unsigned char>(value.back())))
    value.remove_suffix(1);
  bool upper = false, lowerCase = false, letter = false;
  char prev = '-';
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalpha(u)) {
      (std::isupper(u) ? upper : lowerCase) = true;
      letter = true;
    } else if (c == '-' || c == '_' || c == '.') {
      if (prev == '-' || prev == '_' || prev == '.')
        return false; // "--" or a leading separator: not a word list
    } else {
      return false;
    }
    prev = c;
  }
  return letter && !(upper && lowerCase);
}

bool isWeakCredentialName(std::string_view identifier) {
  auto words = identifierWords(identifier);
  if (words.empty() || contains(kMetaWords, words.back()))
    return false;
  return words.back() == "key" || words.back() == "cookie" || words.back() == "signature";
}

bool spellsName(std::string_view identifier, std::string_view value) {
  std::string v;
  for (char c : value) {
    auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u))
      v += static_cast<char>(std::tolower(u));
    else if (c != '.' && c != '_' && c != '-')
      return false; // a key name is a word, dotted or joined
  }
  auto words = identifierWords(identifier);
  std::string suffix;
  for (size_t k = 1; k <= words.size() && suffix.size() < v.size(); ++k) {
    suffix = words[words.size() - k] + suffix;
    if (v == suffix)
      return true;
    // "i2cp.leaseSetPrivKey" under ..._LEASESET_PRIV_KEY: a prefix, then the name.
    if (k >= 2 && v.size() > suffix.size() &&
        v.compare(v.size() - suffix.size(), suffix.size(), suffix) == 0)
      return true;
  }
  return false;
}

bool isKeyName(std::string_view s) {
  if (s.empty() || s.size() > 64 || !std::isalpha(static_cast<unsigned char>(s.front())))
    return false;
  return std::all_of(s.begin(), s.end(), [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.' || c == '-';
  });
}

bool isPlaceholderOrNotASecret(std::string_view value) {
  if (value.size() < 3)
    return true;
  auto v = lower(value);
  for (char c : value)
    if (isSpace(c) || static_cast<unsigned char>(c) < 0x20)
      return true; // a message, a label, a prompt
  // Format strings and templates.
  if (hasPrintfConversion(std::string(value)) || v.find("${") != std::string::npos ||
      v.find("{{") != std::string::npos || v.find("$(") != std::string::npos || v == "{}")
    return true;
  if (v.front() == '<' && v.back() == '>')
    return true;
  // Repeated masking characters: "xxx", "****", "...".
  if (std::all_of(v.begin(), v.end(), [&](char c) { return c == v.front(); }) &&
      (v.front() == 'x' || v.front() == '*' || v.front() == '.' || v.front() == '#' ||
       v.front() == '-' || v.front() == '_' || v.front() == '?'))
    return true;
  static const std::vector<std::string> words = {
      "changeme", "change_me", "change-me", "todo", "fixme", "dummy", "example", "sample",
      "placeholder", "your_password_here", "your-password-here", "yourpassword", "your_token",
      "your_api_key", "your-api-key", "yourapikey", "secret", "password", "passwd", "token", "none",
      "null", "nil", "undefined", "redacted", "hidden", "masked", "removed", "xxxxxx", "basic",
      "bearer", "digest", "plain", "md5", "scram-sha-256", "true", "false", "required", "optional",
      "oauth", "oauth2", "api_key", "apikey", "access_token", "refresh_token", "client_secret",
      "id_token", "auth_token", "private_key", "secret_key", "access_key", "authorization",
      "x-api-key", "x-auth-token", "******", "test", "fake", "mock",
      // SASL and HTTP authentication mechanisms: "AUTH=LOGIN" is an IMAP capability
      "login", "cram-md5", "digest-md5", "external", "gssapi", "xoauth2", "oauthbearer",
      "scram-sha-1", "scram-sha-1-plus", "scram-sha-256-plus", "ntlm", "anonymous", "negotiate",
      "kerberos", "apop"};
  if (contains(words, v))
    return true;
  // An alphabet for encoding or generating a value: "0123456789abcdef",
  // base64's "ABC...XYZabc...xyz012...789+/". Most of it runs in order.
  {
    size_t inRuns = 0, run = 1, longest = 0;
    for (size_t i = 1; i <= value.size(); ++i) {
      if (i < value.size() && value[i] == value[i - 1] + 1) {
        ++run;
        continue;
      }
      if (run >= 4)
        inRuns += run;
      longest = std::max(longest, run);
      run = 1;
    }
    // "abcd1234efgh" is a weak password, not an alphabet: a whole alphabet is long.
    if (value.size() >= 16 && longest >= 10 && inRuns * 10 >= value.size() * 8)
      return true;
  }
  // A marker framed by punctuation: "::__:SAVEBUFF:__::", "--NOPASS--". The
  // only letters are one upper-case word; a password is not mostly punctuation.
  {
    size_t punct = 0, upper = 0, words = 0;
    bool inWord = false, other = false;
    for (char c : value) {
      auto u = static_cast<unsigned char>(c);
      if (std::isupper(u)) {
        ++upper;
        words += inWord ? 0 : 1;
        inWord = true;
        continue;
      }
      inWord = false;
      if (std::ispunct(u))
        ++punct;
      else
        other = true;
    }
    if (!other && words == 1 && punct >= 4 && punct >= upper)
      return true;
  }
  for (const char *needle : {"changeme", "your_", "your-", "<your", "placeholder", "example",
                             "dummy", "xxxx", "****", "redacted"})
    if (v.find(needle) != std::string::npos)
      return true;
  // An environment variable name: DB_PASSWORD, API_TOKEN.
  bool envName = std::isupper(static_cast<unsigned char>(value[0])) &&
                 value.find('_') != std::string_view::npos &&
                 std::all_of(value.begin(), value.end(), [](char c) {
                   return std::isupper(static_cast<unsigned char>(c)) ||
                          std::isdigit(static_cast<unsigned char>(c)) || c == '_';
                 });
  if (envName)
    return true;
  // An HTTP header name: Title-Case words joined by '-' ("WWW-Authenticate",
  // "Proxy-Authorization", "X-Vault-Token"), chosen by code such as
  // `auto auth_key = proxy ? "Proxy-Authenticate" : "WWW-Authenticate"`.
  {
    bool header = value.find('-') != std::string_view::npos;
    bool segmentStart = true;
    for (char c : value) {
      auto u = static_cast<unsigned char>(c);
      if (c == '-') {
        header = header && !segmentStart;
        segmentStart = true;
      } else if (segmentStart) {
        header = header && std::isupper(u);
        segmentStart = false;
      } else {
        header = header && std::isalpha(u);
      }
    }
    if (header && !segmentStart)
      return true;
  }
  // A header or field name such as "X-Api-Key", "api-token", "password_hash".
  auto words2 = identifierWords(value);
  if (value.find_first_of("-_") != std::string_view::npos &&
      std::all_of(value.begin(), value.end(),
                  [](char c) {
                    return std::isalpha(static_cast<unsigned char>(c)) || c == '-' || c == '_';
                  }) &&
      std::any_of(words2.begin(), words2.end(), [](const std::string &w) {
        return contains(kCredentialWords, w) || w == "key" || w == "api";
      }))
    return true;
  return false;
}

std::optional<std::string> knownTokenFormat(std::string_view value) {
  // Each format has fixed text that a match must contain: std::regex is slow,
  // and most literals contain none of it (this check runs on every literal).
  struct Format {
    const char *kind;
    std::vector<std::string_view> anchors;
    std::regex re;
  };
  static const std::vector<Format> formats = [] {
    std::vector<Format> f;
    f.push_back(
        {"AWS access key id", {"AKIA", "ASIA"}, std::regex(R"(\b(AKIA|ASIA)[0-9A-Z]{16}\b)")});
    f.push_back(
        {"GitHub token", {"gh"}, std::regex(R"(\b(ghp|gho|ghs|ghu|ghr)_[A-Za-z0-9]{36}\b)")});
    f.push_back(
        {"GitHub token", {"github_pat_"}, std::regex(R"(\bgithub_pat_[A-Za-z0-9_]{40,}\b)")});
    f.push_back({"Slack token", {"xox"}, std::regex(R"(\bxox[bpars]-[A-Za-z0-9-]{10,}\b)")});
    f.push_back(
        {"Stripe secret key", {"_live_"}, std::regex(R"(\b(sk|rk)_live_[A-Za-z0-9]{16,}\b)")});
    f.push_back({"Google API key", {"AIza"}, std::regex(R"(\bAIza[0-9A-Za-z_\-]{35}\b)")});
    // The header followed by key material (base64, or an encrypted key's
    // Proc-Type line): the header alone is a marker a PEM parser searches for.
    f.push_back({"PEM private key",
                 {"-----BEGIN"},
                 std::regex(R"(-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----\s*)"
                            R"(([A-Za-z0-9+/]{16}|Proc-Type:))")});
    f.push_back({"JSON Web Token",
                 {"eyJ"},
                 std::regex(R"(\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,})")});
    return f;
  }();
  if (value.size() < 16)
    return std::nullopt;
  std::string v(value);
  for (const auto &f : formats) {
    if (std::none_of(f.anchors.begin(), f.anchors.end(),
                     [&](std::string_view a) { return value.find(a) != std::string_view::npos; }))
      continue;
    if (std::regex_search(v, f.re)) {
      // "AKIAIOSFODNN7EXAMPLE" is AWS's documented example key.
      if (v.find("EXAMPLE") != std::string::npos)
        return std::nullopt;
      return std::string(f.kind);
    }
  }
  return std::nullopt;
}

std::optional<std::string> inlineCredential(std::string_view value,
                                            const std::vector<std::string> &extra) {
  // Both patterns need a ':' or '=': most literals have neither.
  if (value.find_first_of(":=") == std::string_view::npos)
    return std::nullopt;
  std::string v(value);
  static const std::regex auth(
      R"((^|[\s"'])authorization\s*:\s*(bearer|basic|token)\s+([^\s"'\\]+))", std::regex::icase);
  std::smatch m;
  if (lower(value).find("authorization") != std::string::npos && std::regex_search(v, m, auth) &&
      !isPlaceholderOrNotASecret(m[3].str()))
    return std::string("Authorization header");
  // At most one space around the separator: "password=x", "token: x",
  // "pass = x"; text aligned in columns ("Set a client password:    setClientPassword
  // <username>", mosquitto_ctrl's help) is prose, not a key and its value.
  static const std::regex kv(
      R"((^|[\s;&?,{"'])([A-Za-z_][A-Za-z0-9_.-]*)\s?[=:]\s?['"]?([^\s;&'",}]+))");
  for (auto it = std::sregex_iterator(v.begin(), v.end(), kv); it != std::sregex_iterator(); ++it) {
    auto key = (*it)[2].str();
    auto val = (*it)[3].str();
    if (!isCredentialName(key, extra))
      continue;
    // "password: %s", "token={}", "password=?" (a bind parameter).
    if (val == "?" || val.rfind(":", 0) == 0 || val.rfind("$", 0) == 0 ||
        isPlaceholderOrNotASecret(val) || val.size() < 4)
      continue;
    // "Wrong passphrase: retrying" (stunnel): in a sentence, a colon followed
    // by a lower-case word is prose, not a key and its value. So is a colon
    // whose "value" goes on in words: "Can't calculate authCookie: csk_i is not
    // provided" (i2pd), "auth_zones_pickup_zonemd_verify: zone name too long"
    // (unbound, a function's name leading its log message).
    auto keyAt = static_cast<size_t>(it->position(2));
    auto sep = v.find_first_of(":=", keyAt + key.size());
    bool sentence = keyAt > 0 && v.find_last_of(" \t", keyAt - 1) != std::string::npos &&
                    std::any_of(v.begin(), v.begin() + keyAt,
                                [](char c) { return std::isalpha(static_cast<unsigned char>(c)); });
    auto after = static_cast<size_t>(it->position(3) + it->length(3));
    bool continues = after + 1 < v.size() && v[after] == ' ' &&
                     std::isalpha(static_cast<unsigned char>(v[after + 1]));
    if (sep != std::string::npos && v[sep] == ':' &&
        (continues || (sentence && std::all_of(val.begin(), val.end(), [](char c) {
                         return std::islower(static_cast<unsigned char>(c)) || c == '_';
                       }))))
      continue;
    return "value for '" + key + "'";
  }
  return std::nullopt;
}

double shannonEntropy(std::string_view value) {
  if (value.empty())
    return 0;
  std::map<char, int> counts;
  for (char c : value)
    ++counts[c];
  double h = 0;
  for (const auto &[c, n] : counts) {
    double p = static_cast<double>(n) / value.size();
    h -= p * std::log2(p);
  }
  return h;
}

bool looksRandom(std::string_view value) {
  if (value.size() < 16 || isPlaceholderOrNotASecret(value))
    return false;
  bool digit = false, alpha = false;
  for (char c : value) {
    if (isSpace(c))
      return false;
    digit |= std::isdigit(static_cast<unsigned char>(c)) != 0;
    alpha |= std::isalpha(static_cast<unsigned char>(c)) != 0;
  }
  return digit && alpha && shannonEntropy(value) >= 3.5;
}

namespace {

const std::vector<std::string> kServiceSchemes = {
    "postgres",   "postgresql", "mysql",        "mariadb", "mongodb",   "mongodb+srv",
    "redis",      "rediss",     "amqp",         "amqps",   "kafka",     "nats",
    "memcached",  "cassandra",  "clickhouse",   "mssql",   "sqlserver", "jdbc:postgresql",
    "jdbc:mysql", "couchdb",    "elasticsearch"};

bool isTemplate(std::string_view v) {
  // Percent-encoding ("amqp://rabbit/%2f") is not a printf conversion.
  static const std::regex percent("%[0-9A-Fa-f]{2}");
  std::string s = std::regex_replace(std::string(v), percent, "");
  return hasPrintfConversion(s) || s.find("${") != std::string::npos ||
         s.find("{}") != std::string::npos || s.find("{{") != std::string::npos ||
         s.find("<") != std::string::npos;
}

std::string_view trim(std::string_view v) {
  while (!v.empty() && isSpace(v.front()))
    v.remove_prefix(1);
  while (!v.empty() && isSpace(v.back()))
    v.remove_suffix(1);
  return v;
}

// host of "[user[:pass]@]host[:port][,host2...][/path][?query]"
std::string authorityHost(std::string_view rest, bool *hasPassword) {
  auto end = rest.find_first_of("/?#");
  auto authority = rest.substr(0, end);
  auto at = authority.rfind('@');
  if (at != std::string_view::npos) {
    auto userinfo = authority.substr(0, at);
    auto colon = userinfo.find(':');
    if (hasPassword && colon != std::string_view::npos && colon + 1 < userinfo.size() &&
        !isPlaceholderOrNotASecret(userinfo.substr(colon + 1)))
      *hasPassword = true;
    authority = authority.substr(at + 1);
  }
  authority = authority.substr(0, authority.find(','));
  if (!authority.empty() && authority.front() == '[') {
    auto close = authority.find(']');
    return std::string(
        authority.substr(1, close == std::string_view::npos ? authority.npos : close - 1));
  }
  auto colon = authority.find(':');
  return lower(authority.substr(0, colon));
}

} // namespace

std::optional<ServiceUrl> parseServiceUrl(std::string_view raw) {
  auto v = trim(raw);
  if (v.empty() || isTemplate(v))
    return std::nullopt;
  auto sep = v.find("://");
  if (sep != std::string_view::npos) {
    auto scheme = lower(v.substr(0, sep));
    if (!contains(kServiceSchemes, scheme))
      return std::nullopt;
    auto rest = v.substr(sep + 3);
    for (char c : rest)
      if (isSpace(c))
        return std::nullopt;
    ServiceUrl url;
    url.scheme = scheme;
    url.host = authorityHost(rest, &url.hasPassword);
    // "redis:///var/run/redis.sock" has a path, not a host: still a connection string.
    if (url.host.empty() && (rest.empty() || rest.front() != '/'))
      return std::nullopt;
    return url;
  }
  // key=value DSNs: libpq "host=db dbname=app user=x", ODBC/ADO "Server=db;Database=app;".
  // Two pairs at least, so two '=' (checked first: the regex below is slow).
  if (std::count(v.begin(), v.end(), '=') < 2)
    return std::nullopt;
  std::map<std::string, std::string> pairs;
  std::string s(v);
  static const std::regex pair(R"(([A-Za-z ]+?)\s*=\s*('[^']*'|[^\s;]*))");
  size_t covered = 0;
  for (auto it = std::sregex_iterator(s.begin(), s.end(), pair); it != std::sregex_iterator();
       ++it) {
    std::string key = lower(std::string(trim((*it)[1].str())));
    pairs[key] = (*it)[2].str();
    covered += it->length();
  }
  auto has = [&](std::initializer_list<const char *> keys) {
    for (const char *k : keys)
      if (pairs.count(k))
        return true;
    return false;
  };
  if (pairs.size() < 2 || covered * 2 < s.size())
    return std::nullopt;
  bool hostKey = has({"host", "hostaddr", "server", "data source", "address", "addr"});
  bool dbKey = has({"dbname", "database", "initial catalog", "user", "user id", "uid"});
  if (!hostKey || !dbKey)
    return std::nullopt;
  ServiceUrl url;
  url.scheme = "dsn";
  for (const char *k : {"host", "hostaddr", "server", "data source", "address", "addr"})
    if (pairs.count(k)) {
      auto h = pairs[k];
      if (!h.empty() && h.front() == '\'')
        h = h.substr(1, h.size() - 2);
      if (h.rfind("tcp:", 0) == 0)
        h = h.substr(4);
      url.host = lower(h.substr(0, h.find_first_of(",:")));
      break;
    }
  for (const char *k : {"password", "pwd", "passwd"})
    if (pairs.count(k) && !isPlaceholderOrNotASecret(pairs[k]))
      url.hasPassword = true;
  return url;
}

std::optional<std::string> endpointHost(std::string_view raw) {
  auto v = trim(raw);
  if (v.empty() || isTemplate(v))
    return std::nullopt;
  auto sep = v.find("://");
  std::string host;
  if (sep != std::string_view::npos) {
    host = authorityHost(v.substr(sep + 3), nullptr);
  } else if (v.front() == '[' || std::count(v.begin(), v.end(), ':') >= 2) {
    // IPv6, possibly bracketed with a port.
    if (v.front() == '[')
      host = std::string(v.substr(1, v.find(']') - 1));
    else
      host = std::string(v);
  } else {
    host = authorityHost(v, nullptr);
  }
  if (host.empty())
    return std::nullopt;
  for (char c : host)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '.' || c == '-' || c == ':' ||
          c == '_' || c == '%'))
      return std::nullopt;
  return lower(host);
}

bool isExampleHost(std::string_view h) {
  auto host = lower(h);
  auto endsWith = [&](const std::string &s) {
    return host.size() >= s.size() && host.compare(host.size() - s.size(), s.size(), s) == 0;
  };
  return host == "example.com" || host == "example.org" || host == "example.net" ||
         endsWith(".example.com") || endsWith(".example.org") || endsWith(".example.net") ||
         endsWith(".example") || endsWith(".invalid") || endsWith(".test") || host == "example" ||
         host == "host" || host == "hostname" || host == "your-host";
}

bool isBindAllAddress(std::string_view h) {
  return h == "0.0.0.0" || h == "::" || h == "*" || h == "0" || h == "[::]" || h == "::0";
}

bool isLoopbackHost(std::string_view h) {
  if (h.size() > 2 && h.front() == '[' && h.back() == ']')
    h = h.substr(1, h.size() - 2);
  auto l = lower(h);
  if (l == "localhost" || l == "localhost.localdomain" || l == "ip6-localhost" || l == "::1")
    return true;
  unsigned char v4[4];
  return ::inet_pton(AF_INET, l.c_str(), v4) == 1 && v4[0] == 127;
}

bool isProtocolGroupAddress(std::string_view h) {
  if (h.size() > 2 && h.front() == '[' && h.back() == ']')
    h = h.substr(1, h.size() - 2);
  std::string text(h);
  unsigned char v4[4], v6[16];
  if (::inet_pton(AF_INET, text.c_str(), v4) == 1)
    return (v4[0] >= 224 && v4[0] <= 239) || text == "255.255.255.255";
  if (::inet_pton(AF_INET6, text.c_str(), v6) == 1)
    return v6[0] == 0xff;
  return false;
}

namespace {
bool glob(const char *p, const char *s) {
  if (*p == '\0')
    return *s == '\0';
  if (*p == '*')
    return glob(p + 1, s) || (*s && glob(p, s + 1));
  if (*s && (*p == '?' || std::tolower(static_cast<unsigned char>(*p)) ==
                              std::tolower(static_cast<unsigned char>(*s))))
    return glob(p + 1, s + 1);
  return false;
}
} // namespace

bool hostAllowed(std::string_view host, const std::vector<std::string> &patterns) {
  std::string h(host);
  for (const auto &p : patterns)
    if (glob(p.c_str(), h.c_str()))
      return true;
  return false;
}

EnvName environmentName(std::string_view value) {
  auto v = lower(trim(value));
  static const std::vector<std::string> strong = {
      "production",     "prod", "staging", "development", "preprod",
      "pre-production", "uat",  "sandbox", "prd",         "stg"};
  static const std::vector<std::string> weak = {"dev", "test", "qa", "stage", "testing", "local"};
  if (contains(strong, v))
    return EnvName::Strong;
  if (contains(weak, v))
    return EnvName::Weak;
  return EnvName::None;
}

} // namespace twelve::checks::secrets
