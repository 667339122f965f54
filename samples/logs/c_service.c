/* A C queue consumer that keeps its own log file and also talks to syslog. */
#include <stdio.h>
#include <string.h>
#include <syslog.h>

static FILE *log_fp;

static void log_line(const char *msg) {
  if (log_fp) {
    fprintf(log_fp, "%s\n", msg);
    fflush(log_fp);
  }
}

int main(void) {
  log_fp = fopen("/var/log/consumer/consumer.log", "a"); // expect: logs/file-sink
  openlog("consumer", LOG_PID, LOG_DAEMON); // expect: logs/syslog
  syslog(LOG_INFO, "consumer started"); // ok: logs/syslog (openlog is the setup)
  log_line("consumer started");
  closelog();
  return 0;
}
