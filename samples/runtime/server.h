// The small HTTP server every runtime sample shares; each sample changes one thing about it.
#pragma once

#include <arpa/inet.h>
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace sample {

inline volatile std::sig_atomic_t stopRequested = 0;

inline void onTerm(int) { stopRequested = 1; }

/// SIGTERM stops the accept loop; without SA_RESTART, accept() returns EINTR at once.
inline void stopOnSigterm() {
  struct sigaction sa {};
  sa.sa_handler = onTerm;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
}

/// The port the platform assigned; a missing PORT is a configuration error, not a default.
inline int portFromEnvironment() {
  const char *port = std::getenv("PORT");
  if (!port) {
    std::fprintf(stderr, "PORT is not set\n");
    std::exit(2);
  }
  return std::atoi(port);
}

/// Binds and listens on `addr`; exits with a message when the port is taken.
inline int listenOn(const sockaddr_in &addr) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  int one = 1;
  setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
  if (bind(fd, reinterpret_cast<const sockaddr *>(&addr), sizeof addr) != 0 ||
      listen(fd, 128) != 0) {
    std::fprintf(stderr, "cannot listen: %s\n", std::strerror(errno));
    std::exit(1);
  }
  return fd;
}

/// An address for `port` on `host` (in host byte order, e.g. INADDR_ANY).
inline sockaddr_in addressFor(uint32_t host, int port) {
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_addr.s_addr = htonl(host);
  addr.sin_port = htons(static_cast<uint16_t>(port));
  return addr;
}

/// Answers every request with 200 until SIGTERM; logs one line per request to stdout when `log`;
/// calls `onRequest` (when given) for each request before answering.
inline void serve(int listenFd, bool log, void (*onRequest)() = nullptr) {
  while (!stopRequested) {
    int c = accept(listenFd, nullptr, nullptr);
    if (c < 0)
      continue; // EINTR on SIGTERM: the loop condition decides
    if (onRequest)
      onRequest();
    char buf[2048];
    ssize_t n = read(c, buf, sizeof buf - 1);
    static const char reply[] =
        "HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 3\r\n\r\nok\n";
    ssize_t w = write(c, reply, sizeof reply - 1);
    (void)w;
    close(c);
    if (log && n > 0) {
      buf[n] = 0;
      buf[strcspn(buf, "\r\n")] = 0;
      std::printf("request: %s -> 200\n", buf);
      std::fflush(stdout);
    }
  }
}

} // namespace sample
