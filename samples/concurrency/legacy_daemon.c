/* A service that daemonizes itself the old way and writes a PID file. */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void daemonize(void) {
  int fd;
  if (fork() != 0)
    exit(0);
  setsid(); // expect: concurrency/daemonize
  if ((fd = open("/dev/null", O_RDWR, 0)) != -1) {
    dup2(fd, STDIN_FILENO);
    dup2(fd, STDOUT_FILENO);
    dup2(fd, STDERR_FILENO);
    if (fd > STDERR_FILENO)
      close(fd);
  }
}

static void write_pidfile(void) {
  FILE *fp = fopen("/var/run/legacyd.pid", "w"); // expect: concurrency/pid-file
  if (fp) {
    fprintf(fp, "%d\n", (int)getpid());
    fclose(fp);
  }
}

static void write_pid_to(const char *path) {
  FILE *fp = fopen(path, "w"); // expect: concurrency/pid-file
  if (!fp)
    return;
  fprintf(fp, "%ld\n", (long)getpid());
  fclose(fp);
}

int main(int argc, char **argv) {
  if (argc > 1 && argv[1][0] == 'd') {
    if (daemon(0, 0) < 0) // expect: concurrency/daemonize
      return 1;
  } else {
    daemonize();
  }
  write_pidfile();
  if (argc > 2)
    write_pid_to(argv[2]);
  for (;;)
    pause();
}
