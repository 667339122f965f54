// The classic daemon: double fork, setsid, stdio to /dev/null.
#include "server.h"

#include <fcntl.h>

int main() {
  int port = sample::portFromEnvironment();
  if (fork() > 0)
    return 0;
  setsid(); // expect: concurrency/daemonize
  if (fork() > 0)
    return 0;
  int null = open("/dev/null", O_RDWR);
  dup2(null, 0);
  dup2(null, 1);
  dup2(null, 2);
  sample::stopOnSigterm();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  sample::serve(fd, true);
  return 0;
}
