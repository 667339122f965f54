// Compliant look-alikes: a foreground supervisor that spawns commands and
// prints its PID as a log line.
#include <cstdio>
#include <fcntl.h>
#include <iostream>
#include <sys/wait.h>
#include <unistd.h>

static pid_t run_command(char *const argv[]) {
  pid_t pid = fork();
  if (pid == 0) {
    setsid(); // ok: concurrency/daemonize (a child in its own session, then exec)
    int null = open("/dev/null", O_RDONLY);
    dup2(null, STDIN_FILENO);
    execvp(argv[0], argv);
    _exit(127);
  }
  return pid;
}

int main() {
  std::cout << "worker pid " << getpid() << std::endl; // ok: concurrency/pid-file
  std::fprintf(stderr, "started %d\n", (int)getpid()); // ok: concurrency/pid-file
  char cmd[] = "true";
  char *argv[] = {cmd, nullptr};
  pid_t child = run_command(argv);
  int status = 0;
  waitpid(child, &status, 0);
  freopen("/dev/null", "r", stdin); // ok: concurrency/daemonize (only stdin)
  return WEXITSTATUS(status);
}
