/* A small TCP echo service whose listening port is fixed in the code. */
#include <arpa/inet.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#define ECHO_PORT 7007

static int open_listener(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = htons(ECHO_PORT); // expect: port-binding/hardcoded-port
  if (bind(fd, (struct sockaddr *)&addr, sizeof addr) < 0 || listen(fd, 64) < 0)
    return -1;
  return fd;
}

/* Forwards a copy of each message to the audit service next to us. */
static int open_audit_link(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in peer;
  memset(&peer, 0, sizeof peer);
  peer.sin_family = AF_INET;
  peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  peer.sin_port = htons(7100); // ok: port-binding/hardcoded-port (an outgoing connection)
  if (connect(fd, (struct sockaddr *)&peer, sizeof peer) < 0)
    return -1;
  return fd;
}

int main(void) {
  int listener = open_listener();
  int audit = open_audit_link();
  if (listener < 0)
    return 1;
  for (;;) {
    int client = accept(listener, NULL, NULL);
    char buf[512];
    ssize_t n;
    while ((n = read(client, buf, sizeof buf)) > 0) {
      write(client, buf, (size_t)n);
      if (audit >= 0)
        write(audit, buf, (size_t)n);
    }
    close(client);
  }
}
