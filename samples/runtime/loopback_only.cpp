// Binds 127.0.0.1: reachable from the host itself, not from a container's router.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  int fd = sample::listenOn(sample::addressFor(INADDR_LOOPBACK, port));
  std::printf("listening on 127.0.0.1:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
