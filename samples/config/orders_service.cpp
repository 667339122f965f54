// A small orders service that talks to Postgres, Redis and a payments API.
// Written the way many services start: everything hardcoded.
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

#include <arpa/inet.h>
#include <netdb.h>

namespace orders {

// Connection settings.
static const char *kDatabaseUrl = "postgresql://orders:0rd3rs-pw@db.internal:5432/orders"; // expect: config/hardcoded-url
static const char *kCacheUrl = "redis://cache.internal:6379/0"; // expect: config/hardcoded-url
static const std::string kPaymentsApiKey = "sk_live_51HxQ2bK8f9Zt3L0aB7cD1eF"; // expect: config/hardcoded-credential
static const char *kDocs = "https://www.postgresql.org/docs/current/libpq-connect.html"; // ok: config/hardcoded-url
static const char *kRoute = "/api/v1/orders";       // ok: config/hardcoded-url
static const char *kContentType = "application/json"; // ok: config/hardcoded-url

struct Settings {
  std::string region;
  std::string queue;
  std::string environment;
  int pool_size = 4;
};

Settings load_settings() {
  Settings s;
  const char *region = std::getenv("AWS_REGION");
  s.region = region ? region : "eu-west-1"; // expect: config/env-fallback
  s.queue = std::getenv("ORDERS_QUEUE") ? std::getenv("ORDERS_QUEUE") : ""; // ok: config/env-fallback
  const char *env = std::getenv("APP_ENV");
  if (!env)
    throw std::runtime_error("APP_ENV is not set");
  s.environment = env;
  if (s.environment == "production") // expect: dev-prod-parity/environment-branching
    s.pool_size = 32;
  return s;
}

// Looks up the inventory service once at start-up.
bool resolve_inventory(struct sockaddr_in *out) {
  struct addrinfo hints;
  std::memset(&hints, 0, sizeof hints);
  hints.ai_family = AF_INET;
  struct addrinfo *res = nullptr;
  if (getaddrinfo("inventory.internal", "8443", &hints, &res) != 0) // expect: config/hardcoded-endpoint
    return false;
  std::memcpy(out, res->ai_addr, sizeof *out);
  freeaddrinfo(res);
  return true;
}

bool is_sensitive_field(const std::string &name) {
  return name == "password" || name == "api_key"; // ok: config/hardcoded-credential
}

void describe(const Settings &s) {
  std::cout << "orders: region=" << s.region << " db=" << kDatabaseUrl << "\n";
  std::cout << "connecting to redis://cache.internal:6379\n"; // ok: config/hardcoded-url
  std::map<std::string, std::string> names = {{"production", "Production"}, {"staging", "Staging"}}; // ok: dev-prod-parity/environment-branching
  std::cout << names[s.environment] << kCacheUrl << kPaymentsApiKey.size() << kDocs << kRoute
            << kContentType << "\n";
}

} // namespace orders

int main() {
  auto settings = orders::load_settings();
  orders::describe(settings);
  struct sockaddr_in inventory;
  return orders::resolve_inventory(&inventory) ? 0 : 1;
}
