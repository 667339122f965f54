// Writes its PID to service.pid at start.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  FILE *pid = std::fopen("service.pid", "w"); // expect: concurrency/pid-file
  std::fprintf(pid, "%d\n", getpid());
  std::fclose(pid);
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
