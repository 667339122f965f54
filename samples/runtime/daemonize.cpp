// The classic daemon: double fork, setsid, stdio to /dev/null; with a
// housekeeping thread, as memcached has.
#include "server.h"

#include <csignal>
#include <fcntl.h>
#include <thread>

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
  // SIGTERM must reach the thread that serves: the helper blocks it.
  sigset_t term, old;
  sigemptyset(&term);
  sigaddset(&term, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &term, &old);
  std::thread([] {
    for (;;)
      ::pause();
  }).detach();
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  int fd = sample::listenOn(sample::addressFor(INADDR_ANY, port));
  sample::serve(fd, true);
  return 0;
}
