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
  while (!sample::stopRequested) {
    int c = accept(fd, nullptr, nullptr);
    if (c < 0)
      continue;
    int status = std::system("ls /no/such/dir 2>/dev/null");
    static const char reply[] = "HTTP/1.0 200 OK\r\nContent-Length: 3\r\n\r\nok\n";
    ssize_t w = write(c, reply, sizeof reply - 1);
    (void)w;
    close(c);
    std::printf("request served, helper status %d\n", status);
    std::fflush(stdout);
  }
  return 0;
}
