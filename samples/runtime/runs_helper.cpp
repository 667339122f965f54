// A twelve-factor server that runs a helper command for each request, the
// helper's errors silenced (2>/dev/null): the helper's stderr is not the service's.
#include "server.h"

#include <cstdlib>

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true, [] {
    int status = std::system("ls /no/such/dir 2>/dev/null");
    std::printf("helper status %d\n", status);
  });
  return 0;
}
