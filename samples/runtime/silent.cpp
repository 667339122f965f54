// Serves correctly but prints nothing at all.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, sample::portFromEnvironment()));
  sample::serve(fd, false);
  return 0;
}
