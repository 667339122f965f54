/* A C worker that appends orders to a file next to the binary. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static const char kOrders[] = "var/orders.dat";

int record_order(const char *line) {
  int fd = open(kOrders, O_WRONLY | O_CREAT | O_APPEND, 0644); // expect: processes/local-file-state
  if (fd < 0)
    return -1;
  write(fd, line, strlen(line));
  return close(fd);
}

int read_prices(char *buf, size_t n) {
  int fd = open("prices.txt", O_RDONLY); // ok: processes/local-file-state
  ssize_t got = read(fd, buf, n);
  close(fd);
  return (int)got;
}

int main(int argc, char **argv) {
  char buf[128];
  read_prices(buf, sizeof buf);
  FILE *report = fopen(argc > 1 ? argv[1] : "/dev/stdout", "w"); /* ok: processes/local-file-state */
  fprintf(report, "ok\n");
  return record_order("1,book\n");
}
