// Plain-C++ helpers of the config checks: credential names, token formats,
// placeholders, entropy, URL and DSN parsing. No Clang includes, so they are
// fast and unit-testable on their own.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace twelve::checks::secrets {

/// The lower-case words of an identifier: "kDbPassword" -> {"k", "db", "password"},
/// "API_KEY" -> {"api", "key"}.
std::vector<std::string> identifierWords(std::string_view identifier);

/// Whether an identifier names a credential (password, secret, token, api key,
/// ...), or one of `extraKeywords`; "password_length", "tokenizer" and
/// "kPasswordEnv" do not.
bool isCredentialName(std::string_view identifier,
                      const std::vector<std::string> &extraKeywords = {});

/// Whether an identifier is a credential name only through a bare "token",
/// a word that as often names a lexer's or a protocol's token ("token",
/// "next_token", "redisCommandArg::token") as a secret. "auth_token",
/// "access_token" and "apiToken" are not ambiguous.
bool isAmbiguousCredentialName(std::string_view identifier,
                               const std::vector<std::string> &extraKeywords = {});

/// A keyword rather than a secret: letters of one case, words joined by '-',
/// '_' or '.', at most one trailing digit ("GET", "WITHSCORES", "AUTH2",
/// "identifier", "end-of-line"). "abc123", "r4w-t0ken" and "Xk9pQ" are not.
bool isKeyword(std::string_view value);

/// Whether a string is written like the name of a setting: a letter, then up
/// to 63 letters, digits, '_', '.' or '-' ("sasl.password", "DB_PASSWORD",
/// "api-key"); "AUTH %s" and "Sup3rPass!" are not.
bool isKeyName(std::string_view s);

/// Whether an identifier names a key that is only a credential when its value
/// looks random ("hmac_key", "signing_key"): "key" alone is also a map key.
bool isWeakCredentialName(std::string_view identifier);

/// Whether `value` spells the last words of `identifier`: the constant holds
/// the name of a key, not its value (i2pd's I2P_SERVER_TUNNEL_WEBIRC_PASSWORD =
/// "webircpassword", I2CP_PARAM_LEASESET_PRIV_KEY = "i2cp.leaseSetPrivKey").
bool spellsName(std::string_view identifier, std::string_view value);

/// Placeholders and values that are not secrets even where a secret belongs:
/// "", "changeme", "<your-key>", "${VAR}", "xxx", "****", format strings,
/// messages (with spaces), environment variable names ("DB_PASSWORD"), and the
/// credential keyword itself ("password", used as a field name).
bool isPlaceholderOrNotASecret(std::string_view value);

/// The kind of a well-known token format the value contains ("AWS access key
/// id", "PEM private key", "JSON Web Token", ...), if any.
std::optional<std::string> knownTokenFormat(std::string_view value);

/// A credential inside a literal: "password=...", "Authorization: Bearer ...";
/// the kind found, if any.
std::optional<std::string> inlineCredential(std::string_view value,
                                            const std::vector<std::string> &extraKeywords = {});

/// Shannon entropy in bits per character.
double shannonEntropy(std::string_view value);

/// Long, random-looking: at least 16 characters of one token, high entropy.
bool looksRandom(std::string_view value);

/// A backing-service URL or DSN.
struct ServiceUrl {
  std::string scheme;   // "postgresql", or "dsn" for key=value connection strings
  std::string host;     // may be empty for DSNs without host
  bool hasPassword = false;
};

/// Parses a literal that is a whole connection URL (postgres://, redis://, ...)
/// or a key=value DSN ("host=db dbname=app", "Server=db;Database=app").
/// Templates ("%s", "${...}", "{}") and bare schemes ("postgres://") are not.
std::optional<ServiceUrl> parseServiceUrl(std::string_view value);

/// The host of a literal handed to a network API: a host name, an IP address,
/// "host:port", or a URL with any scheme. nullopt when it is not one.
std::optional<std::string> endpointHost(std::string_view value);

/// Documentation hosts (example.com, example.org, *.example, *.invalid, *.test).
bool isExampleHost(std::string_view host);

/// Addresses that mean "listen on all interfaces", not an endpoint.
bool isBindAllAddress(std::string_view host);

/// Multicast (224.0.0.0/4, ff00::/8) and broadcast (255.255.255.255)
/// addresses: groups a protocol defines (ff02::1:2 is All_DHCP_Relay_Agents_and_Servers,
/// 224.0.0.251 is mDNS), not a backing service's host.
bool isProtocolGroupAddress(std::string_view host);

/// localhost, 127.0.0.0/8 and ::1 (bracketed or not).
bool isLoopbackHost(std::string_view host);

/// Glob match (* and ?), case-insensitive, of a host against patterns.
bool hostAllowed(std::string_view host, const std::vector<std::string> &patterns);

/// Environment names: strong ones ("production", "staging", "development", ...)
/// and weak ones that are also ordinary words ("dev", "test", "qa", "stage").
enum class EnvName { None, Weak, Strong };
EnvName environmentName(std::string_view value);

} // namespace twelve::checks::secrets
