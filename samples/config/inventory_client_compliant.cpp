// The compliant version: every setting comes from the environment, and a
// missing one stops the service at start-up.
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <stdexcept>
#include <string>

#include <netdb.h>

namespace inventory {

std::string require_env(const char *name) {
  const char *value = std::getenv(name);
  if (!value || !*value)
    throw std::runtime_error(std::string(name) + " is not set");
  return value;
}

struct Settings {
  std::string database_url = require_env("DATABASE_URL");
  std::string redis_url = require_env("REDIS_URL");
  std::string api_token = require_env("INVENTORY_API_TOKEN"); // ok: config/hardcoded-credential
  int pool_size = std::atoi(require_env("DB_POOL_SIZE").c_str());
  bool tls = require_env("TLS_ENABLED") == "true";
};

int lookup(const Settings &s, struct addrinfo **res) {
  std::string host = require_env("SEARCH_HOST");
  return getaddrinfo(host.c_str(), "443", nullptr, res); // ok: config/hardcoded-endpoint
}

} // namespace inventory

int main() {
  try {
    inventory::Settings settings;
    struct addrinfo *res = nullptr;
    if (inventory::lookup(settings, &res) == 0)
      freeaddrinfo(res);
    std::printf("inventory: pool of %d, tls %s\n", settings.pool_size, settings.tls ? "on" : "off");
    std::printf("see https://12factor.net/config and postgres://HOST/DB in the docs\n"); // ok: config/hardcoded-url
  } catch (const std::exception &e) {
    std::fprintf(stderr, "inventory: %s\n", e.what());
    return 2;
  }
  return 0;
}
