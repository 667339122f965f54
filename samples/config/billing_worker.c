/* A billing worker in C: pulls invoices from a queue and charges them. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BILLING_DB_DSN "host=billing-db.internal port=5432 dbname=billing user=worker password=B1ll1ng!" /* expect: config/hardcoded-url, config/hardcoded-credential */
#define QUEUE_URL "amqp://rabbit.internal:5672/%2f" /* expect: config/hardcoded-url */

struct gateway_conf {
  const char *host;
  const char *user;
  const char *api_token;
};

static struct gateway_conf gateway = {
    .host = "gateway.internal",
    .user = "billing",
    .api_token = "gw-7f3a9c2e11d84b6f", /* expect: config/hardcoded-credential */
};

static const char *worker_name(void) {
  const char *name = getenv("WORKER_NAME");
  if (!name)
    name = "billing-worker-1"; /* expect: config/env-fallback */
  return name;
}

static int gateway_address(struct sockaddr_in *sa) {
  memset(sa, 0, sizeof *sa);
  sa->sin_family = AF_INET;
  return inet_pton(AF_INET, "10.20.0.15", &sa->sin_addr); /* expect: config/hardcoded-endpoint */
}

static int verbose(void) {
  const char *stage = getenv("DEPLOY_STAGE");
  return stage && strcmp(stage, "staging") == 0; /* expect: dev-prod-parity/environment-branching */
}

int main(int argc, char **argv) {
  struct sockaddr_in sa;
  if (argc > 1 && strcmp(argv[1], "test") == 0) /* ok: dev-prod-parity/environment-branching */
    return 0;
  if (gateway_address(&sa) != 1)
    return 1;
  if (verbose())
    fprintf(stderr, "worker %s using %s and %s\n", worker_name(), BILLING_DB_DSN, QUEUE_URL);
  fprintf(stderr, "gateway %s as %s (%zu)\n", gateway.host, gateway.user, strlen(gateway.api_token));
  fprintf(stderr, "password: %s\n", "(hidden)"); /* ok: config/hardcoded-credential */
  return 0;
}
