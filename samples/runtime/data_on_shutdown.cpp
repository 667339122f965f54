// Dumps its state to data.db when SIGTERM arrives.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int port = sample::portFromEnvironment();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  std::printf("listening on 0.0.0.0:%d\n", port);
  std::fflush(stdout);
  sample::serve(fd, true);
  // The path as code builds it ("./" + "/data.db"): one file all the same.
  FILE *db = std::fopen(".//data.db", "w"); // expect: processes/local-file-state
  std::fprintf(db, "requests served\n");
  std::fclose(db);
  std::printf("state saved to data.db\n");
  return 0;
}
