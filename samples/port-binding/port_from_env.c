/* Compliant: the platform assigns the port through $PORT. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>

int main(void) {
  const char *port = getenv("PORT");
  if (!port) {
    fprintf(stderr, "PORT is not set\n");
    return 2;
  }
  int fd = socket(AF_INET6, SOCK_STREAM, 0);
  struct sockaddr_in6 addr;
  memset(&addr, 0, sizeof addr);
  addr.sin6_family = AF_INET6;
  addr.sin6_addr = in6addr_any;
  addr.sin6_port = htons((unsigned short)atoi(port)); // ok: port-binding/hardcoded-port
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0)
    return 1;

  /* A metrics side channel on a kernel-chosen port, announced on stdout. */
  int metrics = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in any;
  memset(&any, 0, sizeof any);
  any.sin_family = AF_INET;
  any.sin_port = htons(0); // ok: port-binding/hardcoded-port (ephemeral)
  bind(metrics, (struct sockaddr *)&any, sizeof any);
  return listen(fd, 128);
}
