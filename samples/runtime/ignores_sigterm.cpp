// Ignores SIGTERM: the platform has to SIGKILL it after the grace period.
#include "server.h"

int main() {
  signal(SIGTERM, SIG_IGN);
  int port = sample::portFromEnvironment();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
