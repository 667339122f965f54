#include "tests/checks/check_test.h"

using twelve::testing::CodeOptions;
using twelve::testing::matchesMarkers;

namespace {

const char *kRule = "config/hardcoded-credential";

TEST(HardcodedCredentialCheck, VariablesNamedLikeACredential) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
const char *db_password = "hunter2";               // expect: config/hardcoded-credential
static const std::string kApiKey = "9f8e7d6c5b4a"; // expect: config/hardcoded-credential
char secret[] = "s3cr3t-value";                    // expect: config/hardcoded-credential
std::string authToken{"abcd1234efgh"};             // expect: config/hardcoded-credential
)cpp"));
}

TEST(HardcodedCredentialCheck, FieldsAndConstructorInitializers) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
struct Config {
  std::string password = "Pa55word!";   // expect: config/hardcoded-credential
  std::string client_secret;
  Config() : client_secret("q1w2e3r4") {} // expect: config/hardcoded-credential
};
)cpp"));
}

TEST(HardcodedCredentialCheck, AssignmentsAndSubscripts) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <map>
#include <string>
struct Conn { const char *passwd; };
void setup(Conn *c, std::map<std::string, std::string> &cfg) {
  c->passwd = "letmein42";   // expect: config/hardcoded-credential
  cfg["api_key"] = "k-77c1d2"; // expect: config/hardcoded-credential
  cfg["user"] = "admin";
}
)cpp"));
}

TEST(HardcodedCredentialCheck, ArgumentsByParameterNameAndSetter) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
void login(const char *user, const char *password);
struct Client { void setApiToken(const char *t); };
void f(Client &c) {
  login("admin", "admin123");      // expect: config/hardcoded-credential
  c.setApiToken("tok_live_8a7b6c"); // expect: config/hardcoded-credential
}
)cpp"));
}

TEST(HardcodedCredentialCheck, AggregateAndDesignatedInitializersInC) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
struct db_conf { const char *host; const char *user; const char *password; };
struct db_conf a = { "db", "app", "pw-2024-x" }; // expect: config/hardcoded-credential
struct db_conf b = { .host = "db", .password = "pw-2024-y" }; // expect: config/hardcoded-credential
)c", CodeOptions{"input.c"}));
}

TEST(HardcodedCredentialCheck, MacrosAndConcatenatedWideRawLiterals) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#define DB_PASSWORD "hunter2" // expect: config/hardcoded-credential
void use(const char *);
void f() { use(DB_PASSWORD); }
const wchar_t *admin_password = L"wide-pass1"; // expect: config/hardcoded-credential
const char *root_pwd = u8"utf8-pass1";         // expect: config/hardcoded-credential
const char *api_secret = "abc" "def" "123";    // expect: config/hardcoded-credential
const char *raw_token = R"(r4w-t0ken)";        // expect: config/hardcoded-credential
)cpp"));
}

TEST(HardcodedCredentialCheck, KnownTokenFormatsAnywhere) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
void use(const char *);
void f() {
  use("AKIAZ7QW3ERT5YUI8OPL");                        // expect: config/hardcoded-credential
  use("ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789");    // expect: config/hardcoded-credential
  use("xoxb-123456789012-abcdefghijkl");              // expect: config/hardcoded-credential
  use("sk_live_4eC39HqLyjWDarjtT1zdp7dc");            // expect: config/hardcoded-credential
  use("AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q");     // expect: config/hardcoded-credential
  use("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.sig_abcdefgh12"); // expect: config/hardcoded-credential
}
const char *pem =
  "-----BEGIN RSA PRIVATE KEY-----\n" // expect: config/hardcoded-credential
  "MIIEowIBAAKCAQEA\n";
)cpp"));
}

// lighttpd's mod_nss.c and mod_wolfssl.c: the markers a PEM parser looks for
// are not keys; a key is the header followed by its base64 body.
TEST(HardcodedCredentialCheck, PemMarkersWithoutKeyMaterialAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#define PEM_BEGIN_PKEY     "-----BEGIN PRIVATE KEY-----"
#define PEM_END_PKEY       "-----END PRIVATE KEY-----"
#define PEM_BEGIN_RSA_PKEY "-----BEGIN RSA PRIVATE KEY-----"
const char *find(const char *, const char *);
const char *begin(const char *pem) {
  return find(pem, PEM_BEGIN_RSA_PKEY); // ok: a marker
}
const char *marker = "-----BEGIN EC PRIVATE KEY-----\n"; // ok: a marker
const char *encrypted =
  "-----BEGIN RSA PRIVATE KEY-----\n" // expect: config/hardcoded-credential
  "Proc-Type: 4,ENCRYPTED\n"
  "DEK-Info: AES-128-CBC,5A3C\n";
)cpp"));
}

// mosquitto_ctrl's help: "password:", then columns of alignment, then the
// name of a command.
TEST(HardcodedCredentialCheck, HelpTextAlignedInColumnsIsNotAKeyValuePair) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <stdio.h>
void usage(void) {
  printf("Set a client password:       setClientPassword <username> [password]\n"); /* ok */
  printf("  --password          setClientPassword\n");                            /* ok */
}
const char *dsn = "host=db user=app password=Sh1pIt-99"; /* expect: config/hardcoded-credential */
)c", CodeOptions{"input.c"}));
}

TEST(HardcodedCredentialCheck, AwsDocumentationExampleKeyIsFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *id = "AKIAIOSFODNN7EXAMPLE"; // ok: AWS's documented example
)cpp"));
}

TEST(HardcodedCredentialCheck, AuthorizationHeaderAndKeyValuePairs) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
void add_header(const char *);
void f() {
  add_header("Authorization: Bearer a1b2c3d4e5f6"); // expect: config/hardcoded-credential
  add_header("Authorization: Bearer %s");           // ok: a format string
  add_header("X-Trace: 1");
  const char *conninfo = "host=db user=app password=Pr0dPass"; // expect: config/hardcoded-credential
  const char *q = "UPDATE users SET password=? WHERE id=?";   // ok: bind parameters
  add_header("Wrong passphrase: retrying");         // ok: a sentence (stunnel's log line)
  add_header("passphrase: retrying2");              // expect: config/hardcoded-credential
  add_header("Can't calculate authCookie: csk_i is not provided"); // ok: a sentence (i2pd)
  add_header("auth_zones_pickup_zonemd_verify: zone name too long"); // ok: a log message (unbound)
  add_header("    secret: %.*s\n");                 // ok: a format (knot's keymgr prints a new key)
  add_header("token: %1$s");                        // ok: a positional conversion
  add_header("token: Xk9pQ2 expired");              // ok: the message goes on
  add_header("token: Xk9pQ2\nuser: app");           // expect: config/hardcoded-credential
  add_header("AUTH=LOGIN");                         // ok: an IMAP capability (nginx)
  add_header("AUTH=CRAM-MD5");                      // ok: a SASL mechanism
  add_header("host=db user=app password=admin");    // expect: config/hardcoded-credential
}
)cpp"));
}

TEST(HardcodedCredentialCheck, EntropyUnderKeyLikeNames) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *hmac_key = "a8f5f167f44f4964e6c998dee827110c"; // expect: config/hardcoded-credential
const char *cache_key = "users_by_id";                      // ok: low entropy, a map key
)cpp"));
}

TEST(HardcodedCredentialCheck, PlaceholdersAndEmptyStrings) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *password = "";
const char *password2 = "changeme";
const char *api_key = "<your-key>";
const char *token = "${API_TOKEN}";
const char *secret = "xxx";
const char *db_pass = "****";
const char *pwd = "your_password_here";
const char *auth_token = "TODO";
const char *access_key = "dummy";
const char *private_key = "example";
)cpp"));
}

TEST(HardcodedCredentialCheck, AlphabetsAndFileMarkersAreNotSecrets) {
  // pgbouncer's scram.c and znc's savebuff/awaystore modules.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#define MD5_PASSWD_CHARSET "0123456789abcdef"
#define LEGACY_VERIFICATION_TOKEN "::__:SAVEBUFF:__::"
#define CRYPT_LAME_PASS "::__:NOPASS:__::"
const char *charset = MD5_PASSWD_CHARSET;
const char *token = LEGACY_VERIFICATION_TOKEN;
const char *password = CRYPT_LAME_PASS;
const char *token_alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const char *db_password = "abcd1234efgh"; // expect: config/hardcoded-credential
)cpp"));
}

// i2pd's parameter names: the constant holds the key's name, not its value.
TEST(HardcodedCredentialCheck, ConstantsHoldingTheirKeysName) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char I2P_SERVER_TUNNEL_WEBIRC_PASSWORD[] = "webircpassword";
const char I2CP_PARAM_LEASESET_PRIV_KEY[] = "i2cp.leaseSetPrivKey";
const char *kDbPassword = "db_password";
const char *admin_password = "admin";         // expect: config/hardcoded-credential
const char *db_password = "password123";      // expect: config/hardcoded-credential
const char *signing_key = "k3Q9x7LmP2vR8sT4wY6z"; // expect: config/hardcoded-credential
)cpp"));
}

TEST(HardcodedCredentialCheck, EnvironmentVariableNamesAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
const char *password = getenv("DB_PASSWORD");
const char *kPasswordEnv = "DB_PASSWORD";
const char *token_var = "GITHUB_TOKEN";
)cpp"));
}

TEST(HardcodedCredentialCheck, FormatStringsMessagesAndLabels) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdio>
#include <stdexcept>
void f(const char *password) {
  printf("password: %s\n", password);
  fprintf(stderr, "invalid password\n");
  const char *password_prompt = "Password:";
  const char *password_label = "Enter your password";
  throw std::runtime_error("token expired");
}
)cpp"));
}

TEST(HardcodedCredentialCheck, ComparisonsThatCheckAFieldName) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstring>
#include <string>
bool sensitive(const char *key, const std::string &k2) {
  return strcmp(key, "password") == 0 || k2 == "api_key" || strcmp(key, "auth_token") == 0;
}
)cpp"));
}

TEST(HardcodedCredentialCheck, TokenizerWordsAreFine) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
struct Lexer { bool expect_token(const char *token); };
const char *token_type = "identifier";
const char *next_token = "(";
void parse(Lexer &l) { l.expect_token("identifier"); l.expect_token("{"); }
)cpp"));
}

// Redis's generated command table fills a field called `token` with the
// command's keywords ("COUNT", "WITHSCORES", "AUTH2"): grammar, not secrets.
TEST(HardcodedCredentialCheck, KeywordsInATokenFieldAreGrammar) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
struct commandArg { const char *name; int type; const char *token; const char *since; };
struct commandArg args[] = {
  {"count", 1, "COUNT", 0},
  {"withscores", 2, "WITHSCORES", "2.0.0"},
  {"username_password", 3, "AUTH2", "6.0.0"},
  {"ip:port", 4, "LADDR", 0},
  {0}
};
struct session { const char *token; const char *auth_token; };
struct session s1 = { "a9f3k2m8q1" }; // expect: config/hardcoded-credential
struct session s2 = { .auth_token = "ADMINTOKEN" }; // expect: config/hardcoded-credential
const char *access_token = "supersecretvalue"; // expect: config/hardcoded-credential
const char *token = "COUNT";
)c", CodeOptions{"input.c"}));
}

// haproxy's cfgparse.c builds an ACL rule word by word in an array named
// after what it is for: the words of a request, not credentials.
TEST(HardcodedCredentialCheck, WordsOfARuleInAnAuthNamedArray) {
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
void build(const char *realm) {
  const char *uri_auth_compat_req[10];
  int i = 0;
  uri_auth_compat_req[i++] = "auth";
  uri_auth_compat_req[i++] = "realm";
  uri_auth_compat_req[i++] = realm;
  uri_auth_compat_req[i++] = "unless";
  uri_auth_compat_req[i++] = "http_auth(.internal-stats-userlist)";
  const char *auth_pass[2];
  auth_pass[0] = "hunter2secret"; // expect: config/hardcoded-credential
}
)c", CodeOptions{"input.c"}));
}

// cpp-httplib picks the header that carries the challenge; a header name is
// not a secret even in a variable called auth_key.
TEST(HardcodedCredentialCheck, HeaderNamesInAKeyNamedVariable) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
void challenge(bool is_proxy) {
  auto auth_key = is_proxy ? "Proxy-Authenticate" : "WWW-Authenticate";
  const char *api_key = "Xk-9pQ-77c1";  // expect: config/hardcoded-credential
  (void)auth_key; (void)api_key;
}
)cpp"));
}

// cpp-httplib's set_basic_auth(username, password): the setter's name says
// "auth", but only the argument for `password` is the credential.
TEST(HardcodedCredentialCheck, SetterWithSeveralParametersNamesEachArgument) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <string>
struct Client {
  void set_basic_auth(const std::string &username, const std::string &password);
  void set_bearer_token_auth(const std::string &token);
  void set_auth(const char *, const char *);
};
void f(Client &cli) {
  cli.set_basic_auth("hello",
                     "world"); // expect: config/hardcoded-credential
  cli.set_bearer_token_auth("a1b2c3d4e5"); // expect: config/hardcoded-credential
  cli.set_auth("k9x-77", "k9x-78"); // expect: config/hardcoded-credential
}
)cpp"));
}

TEST(HardcodedCredentialCheck, TestFixturesAreStillReported) {
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
const char *test_password = "fixture-pass-1"; // expect: config/hardcoded-credential
)cpp", CodeOptions{"tests/login_test.cpp"}));
}

} // namespace

namespace {

// options.credential-keywords: the project's own words for secrets.
TEST(HardcodedCredentialCheck, ExtraKeywordsFromTheConfiguration) {
  const char *code = R"cpp(
const char *pepper = "blue-harbor-42"; // expect: config/hardcoded-credential
)cpp";
  auto plain = twelve::testing::runCheck("config/hardcoded-credential", code);
  EXPECT_TRUE(plain.findings.empty()) << "'pepper' is no credential word by default";
  twelve::testing::CodeOptions options;
  options.checkOptions.credentialKeywords = {"pepper"};
  EXPECT_TRUE(twelve::testing::matchesMarkers("config/hardcoded-credential", code, options));
}

TEST(HardcodedCredentialCheck, LiteralsOfDeclarationsClangDroppedAreReadFromTheText) {
  // Qt's headers are not installed: the function is dropped with its
  // literals, which are judged from the text around them.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <QSqlDatabase_missing>
void open() {
  QSqlDatabase db = QSqlDatabase::addDatabase("QPSQL");
  db.setPassword("Sup3rS3cret!");                 // expect: config/hardcoded-credential
  const QString apiToken("tok_9f8a7b6c5d4e3f2a1b0c"); // expect: config/hardcoded-credential
  QString dsn = "host=db user=app password=Pr0dPass"; // expect: config/hardcoded-credential
  db.setPasswordPrompt("Enter password: ");       // ok: a prompt
  db.setPassword(getenv("DB_PASSWORD"));          // ok: from the environment
  QString label("password");                      // ok: a field name
  db.set_token_type("bearer");                    // ok: about a token
  if (db.password() == "changeme") return;        // ok: a placeholder
  return foo("x9Kq2pZ8s");                        // ok: no credential name
  SomeType secret_name("db-password-key");        // ok: names a secret
}
)cpp",
                             twelve::testing::reducedPrecision()));
}

TEST(HardcodedCredentialCheck, ValuesOfCredentialKeys) {
  // A key and its value side by side: a client library's setting, an
  // environment variable set in code, a map's pair. A row of positional values
  // (mysql_real_connect's) or a command with its argument is not a key/value.
  EXPECT_TRUE(matchesMarkers(kRule, R"cpp(
#include <cstdlib>
#include <map>
#include <string>
struct Conf { int set(const std::string &name, const std::string &value, std::string &err); };
struct Cfg { std::string get(const std::string &name, const std::string &fallback); };
int connect_db(void *c, const char *a, const char *b, const char *d, const char *e);
int command(void *c, const char *format, const char *arg);
std::string t_s(const std::string &english, const std::string &context);
typedef enum { CURLOPT_URL = 10002, CURLOPT_USERPWD = 10005 } CURLoption;
extern "C" int curl_easy_setopt(void *h, CURLoption option, ...);
void setup(Conf &conf, Cfg &cfg, void *c) {
  std::string err;
  conf.set("sasl.password", "kafkaS3cret", err);              // expect: config/hardcoded-credential
  conf.set("bootstrap.servers", "kafka-1:9092", err);         // ok: not a credential
  setenv("DB_PASSWORD", "hunter2x", 1);                       // expect: config/hardcoded-credential
  std::map<std::string, std::string> m = {{"password", "Pr0dPw!"}}; // expect: config/hardcoded-credential
  cfg.get("db.password", "changeme");                         // ok: a placeholder
  connect_db(c, "db", "app", "Sup3rPass!", "shop");           // ok: a row of values, no names
  command(c, "AUTH %s", "r3d1sPw");                           // ok: not a key
  t_s("Password", "listservers");                             // ok: a word (znc's translation context)
  curl_easy_setopt(c, CURLOPT_USERPWD, "svc:Pr0d-p4ss!");     // expect: config/hardcoded-credential
  curl_easy_setopt(c, CURLOPT_URL, "https://x.example.com/"); // ok: not a credential option
}
)cpp"));
}

TEST(HardcodedCredentialCheck, PasswordArgumentsOfKnownClientsByName) {
  // Without the client libraries' headers the parameters have no names: where
  // the well-known clients take a password is known by the function's name.
  EXPECT_TRUE(matchesMarkers(kRule, R"c(
#include <mysql/mysql_missing.h>
#include <libpq-fe_missing.h>
#include <curl/curl_missing.h>
void go(void *conn, void *h, void *m) {
  mysql_real_connect(conn, "db", "root", "Sup3rPass!", "shop", 3306, 0, 0); // expect: config/hardcoded-credential
  mysql_real_connect(conn, "db", "root", getenv("DB_PW"), "shop", 3306, 0, 0);
  PQsetdbLogin("pg", "5432", 0, 0, "orders", "svc", "pgPassw0rd");       // expect: config/hardcoded-credential
  mosquitto_username_pw_set(m, "svc", "mqttPassw0rd");                   // expect: config/hardcoded-credential
  curl_easy_setopt(h, CURLOPT_PASSWORD, "curlPassw0rd");                 // expect: config/hardcoded-credential
  curl_easy_setopt(h, CURLOPT_USERAGENT, "svc/1.0");                     // ok: not a credential option
}
)c",
                             CodeOptions{"input.c", {}, {}, {}, true}));
}

} // namespace
