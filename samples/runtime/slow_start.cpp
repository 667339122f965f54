// Warms up for 1.5 s before it listens (the probe tests pass a budget below that).
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  std::printf("warming caches...\n");
  std::fflush(stdout);
  usleep(1500 * 1000);
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
