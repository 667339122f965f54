// The plain-C++ helpers of the config checks, without Clang.
#include "checks/config/secrets.h"

#include <gtest/gtest.h>

using namespace twelve::checks::secrets;

TEST(Secrets, CredentialNames) {
  EXPECT_TRUE(isCredentialName("db_password"));
  EXPECT_TRUE(isCredentialName("kApiKey"));
  EXPECT_TRUE(isCredentialName("AWS_SECRET_ACCESS_KEY"));
  EXPECT_TRUE(isCredentialName("authToken"));
  EXPECT_FALSE(isCredentialName("tokenizer"));
  EXPECT_FALSE(isCredentialName("password_length"));
  EXPECT_FALSE(isCredentialName("kPasswordEnv"));
  EXPECT_FALSE(isCredentialName("author"));
  EXPECT_FALSE(isCredentialName("uri_auth_compat_req")); // haproxy: an ACL rule's words
  EXPECT_FALSE(isCredentialName("auth_rules"));
  EXPECT_TRUE(isCredentialName("auth_request_token"));
}

TEST(Secrets, AmbiguousTokenNamesAndKeywords) {
  EXPECT_TRUE(isAmbiguousCredentialName("token"));
  EXPECT_TRUE(isAmbiguousCredentialName("next_token"));
  EXPECT_FALSE(isAmbiguousCredentialName("auth_token"));
  EXPECT_FALSE(isAmbiguousCredentialName("accessToken"));
  EXPECT_FALSE(isAmbiguousCredentialName("password"));
  EXPECT_FALSE(isAmbiguousCredentialName("token_type")); // not a credential name at all
  EXPECT_TRUE(isKeyword("WITHSCORES"));
  EXPECT_TRUE(isKeyword("AUTH2"));
  EXPECT_TRUE(isKeyword("end-of-line"));
  EXPECT_FALSE(isKeyword("abc123"));
  EXPECT_FALSE(isKeyword("r4w-t0ken"));
  EXPECT_FALSE(isKeyword("Xk9pQ"));
  EXPECT_FALSE(isKeyword("MixedCase"));
}

TEST(Secrets, HttpHeaderNamesAreNotSecrets) {
  EXPECT_TRUE(isPlaceholderOrNotASecret("WWW-Authenticate"));
  EXPECT_TRUE(isPlaceholderOrNotASecret("Proxy-Authenticate"));
  EXPECT_TRUE(isPlaceholderOrNotASecret("X-Vault-Token"));
  EXPECT_FALSE(isPlaceholderOrNotASecret("Pa55-Word"));
  EXPECT_FALSE(isPlaceholderOrNotASecret("gw-7f3a9c2e11d84b6f"));
  EXPECT_FALSE(isPlaceholderOrNotASecret("Hunter-"));
}

TEST(Secrets, ExtraCredentialKeywords) {
  EXPECT_FALSE(isCredentialName("license"));
  EXPECT_TRUE(isCredentialName("license", {"license"}));
  EXPECT_TRUE(isCredentialName("kSigningSeed", {"signing_seed"}));
}

TEST(Secrets, Placeholders) {
  for (const char *v : {"", "changeme", "<your-key>", "${VAR}", "xxx", "****", "your_password_here",
                        "TODO", "dummy", "example", "password: %s", "invalid password",
                        "DB_PASSWORD", "%.*s", "%1$s", "%-10lu", "%zu", "%m"})
    EXPECT_TRUE(isPlaceholderOrNotASecret(v)) << v;
  EXPECT_FALSE(isPlaceholderOrNotASecret("hunter2"));
  EXPECT_FALSE(isPlaceholderOrNotASecret("Pa%%w0rd!"));
}

TEST(Secrets, ValuesThatSpellTheirName) {
  EXPECT_TRUE(spellsName("I2P_SERVER_TUNNEL_WEBIRC_PASSWORD", "webircpassword"));
  EXPECT_TRUE(spellsName("I2CP_PARAM_LEASESET_PRIV_KEY", "i2cp.leaseSetPrivKey"));
  EXPECT_TRUE(spellsName("kApiToken", "api-token"));
  EXPECT_FALSE(spellsName("admin_password", "admin"));
  EXPECT_FALSE(spellsName("password", "xpassword")) << "one word must match whole";
  EXPECT_FALSE(spellsName("db_password", "s3cr3t!password"));
}

TEST(Secrets, AlphabetsAndMarkersAreNotSecrets) {
  // pgbouncer's MD5_PASSWD_CHARSET, base64's alphabet; znc's file markers.
  for (const char *v : {"0123456789abcdef", "0123456789ABCDEF",
                        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
                        "::__:SAVEBUFF:__::", "::__:NOPASS:__::", "--==AWAY==--"})
    EXPECT_TRUE(isPlaceholderOrNotASecret(v)) << v;
  // Sequences in a short value, and punctuation in a password, are still secrets.
  for (const char *v : {"abcd1234efgh", "abcdefgh12345678", "P@SS!!!!word", "!!ADMIN!!",
                        "::__:Hunter2:__::"})
    EXPECT_FALSE(isPlaceholderOrNotASecret(v)) << v;
  EXPECT_FALSE(isCredentialName("MD5_PASSWD_CHARSET", {}));
  EXPECT_FALSE(isCredentialName("kTokenAlphabet", {}));
}

TEST(Secrets, Entropy) {
  EXPECT_TRUE(looksRandom("a8f5f167f44f4964e6c998dee827110c"));
  EXPECT_FALSE(looksRandom("aaaaaaaaaaaaaaaaaaaa1"));
  EXPECT_FALSE(looksRandom("users_by_id"));
}

TEST(Secrets, ServiceUrls) {
  auto u = parseServiceUrl("postgresql://app:s3cret@db.internal:5432/orders");
  ASSERT_TRUE(u);
  EXPECT_EQ(u->host, "db.internal");
  EXPECT_TRUE(u->hasPassword);
  EXPECT_TRUE(parseServiceUrl("redis://cache:6379/0"));
  EXPECT_TRUE(parseServiceUrl("mongodb+srv://cluster0.mongo.net/app"));
  EXPECT_TRUE(parseServiceUrl("host=db dbname=app user=svc"));
  EXPECT_TRUE(parseServiceUrl("Server=sql1;Database=Orders;Trusted_Connection=True;"));
  EXPECT_FALSE(parseServiceUrl("postgres://"));
  EXPECT_FALSE(parseServiceUrl("postgres://%s:%s@%s/%s"));
  EXPECT_FALSE(parseServiceUrl("https://docs.example.com/setup"));
  EXPECT_FALSE(parseServiceUrl("/api/v1/users"));
  EXPECT_FALSE(parseServiceUrl("application/json"));
}

TEST(Secrets, EndpointHosts) {
  EXPECT_EQ(endpointHost("10.0.0.5"), "10.0.0.5");
  EXPECT_EQ(endpointHost("https://api.stripe.com/v1/charges"), "api.stripe.com");
  EXPECT_EQ(endpointHost("payments.internal:50051"), "payments.internal");
  EXPECT_EQ(endpointHost("[fd00::1]:443"), "fd00::1");
  EXPECT_FALSE(endpointHost("%s"));
  EXPECT_TRUE(isBindAllAddress("0.0.0.0"));
  EXPECT_TRUE(hostAllowed("orders.default.svc.cluster.local", {"*.svc.cluster.local"}));
  EXPECT_FALSE(hostAllowed("db.internal", {"127.0.0.1"}));
}

TEST(Secrets, EnvironmentNames) {
  EXPECT_EQ(environmentName("Production"), EnvName::Strong);
  EXPECT_EQ(environmentName("test"), EnvName::Weak);
  EXPECT_EQ(environmentName("productive"), EnvName::None);
}
