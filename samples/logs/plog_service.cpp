// A small cache warmer that logs with plog.
#include <plog/Appenders/ConsoleAppender.h>
#include <plog/Formatters/TxtFormatter.h>
#include <plog/Log.h>

int main(int argc, char **argv) {
  if (argc > 1) {
    plog::init(plog::debug, "warmer.log", 1000000, 3); // expect: logs/file-sink
  } else {
    static plog::ConsoleAppender<plog::TxtFormatter> console;
    plog::init(plog::info, &console); // ok: logs/file-sink
  }
  PLOGI << "warmer started";
  return 0;
}
