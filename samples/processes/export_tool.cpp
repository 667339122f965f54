// Compliant look-alikes: a command-line export to a path the user chose,
// scratch files, read-only configuration and a request-scoped map.
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iostream>
#include <map>
#include <string>

int main(int argc, char **argv) {
  if (argc < 2) {
    std::cerr << "usage: export_tool OUTPUT\n";
    return 2;
  }
  std::ofstream out(argv[1]); // ok: processes/local-file-state (the user's --output)
  std::ifstream config("export.conf"); // ok: processes/local-file-state (read-only)
  FILE *scratch = std::tmpfile(); // ok: processes/local-file-state (scratch)
  char name[] = "/tmp/export-XXXXXX";
  int fd = mkstemp(name); // ok: processes/local-file-state (scratch)
  std::map<std::string, int> sessions; // ok: processes/in-memory-session-state (a local)
  sessions["batch"] = 1;
  out << sessions.size() << '\n';
  std::fclose(scratch);
  return fd < 0;
}
