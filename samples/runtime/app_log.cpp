// Logs to app.log in its working directory instead of stdout.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  FILE *log = std::fopen("app.log", "a"); // expect: logs/file-sink
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::fprintf(log, "listening on 0.0.0.0:%d\n", port);
  std::fflush(log);
  sample::serve(fd, false);
  std::fprintf(log, "shutting down\n");
  std::fclose(log);
  return 0;
}
