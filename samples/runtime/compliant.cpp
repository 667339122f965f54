// A twelve-factor server: $PORT on all interfaces, logs to stdout, quick clean exit on SIGTERM.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  std::printf("SIGTERM: shutting down\n");
  return 0;
}
