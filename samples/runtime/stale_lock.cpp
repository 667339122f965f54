// Creates a lock file at start and never removes it: the next start refuses to run.
#include "server.h"

#include <fcntl.h>

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  int lock =
      open("service.lock", O_CREAT | O_EXCL | O_WRONLY, 0644); // expect: processes/local-file-state
  if (lock < 0) {
    std::fprintf(stderr, "service.lock exists: another instance is running\n");
    return 1;
  }
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
