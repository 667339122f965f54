// Listens on a port written in the code instead of $PORT.
#include "server.h"

int main() {
  sample::stopOnSigterm();
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(INADDR_ANY);
  addr.sin_port = htons(18089); // expect: port-binding/hardcoded-port
  int fd = sample::listenOn(addr);
  std::printf("listening on 0.0.0.0:18089\n");
  std::fflush(stdout);
  sample::serve(fd, true);
  return 0;
}
