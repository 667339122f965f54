// Writes its PID to logs/service.pid at start (nginx's default place), and
// stays in the foreground.
#include "server.h"

#include <sys/stat.h>

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  mkdir("logs", 0755);
  FILE *pid = std::fopen("logs/service.pid", "w"); // expect: concurrency/pid-file
  std::fprintf(pid, "%d\n", getpid());
  std::fclose(pid);
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
