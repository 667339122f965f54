// Runs the built twelve binary as a user would and captures what it printed.
#pragma once

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>

namespace twelve::testing {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

/// A result cache private to this test process, removed when it ends, so that
/// every test analyzes for real and none writes to the user's cache.
inline const std::string &testCacheDir() {
  struct Dir {
    std::string path = (std::filesystem::temp_directory_path() /
                        ("twelve-test-cache-" + std::to_string(::getpid())))
                           .string();
    ~Dir() {
      std::error_code ec;
      std::filesystem::remove_all(path, ec);
    }
  };
  static Dir dir;
  return dir.path;
}

/// Runs `TWELVE_BINARY args` through the shell in `cwd` (default: the source
/// tree), with `env` ("NAME=value ...") added to its environment.
inline Run twelve(const std::string &args, const std::string &cwd = TWELVE_SOURCE_DIR,
                  const std::string &env = "") {
  static int counter = 0;
  std::string errFile = "/tmp/twelve-test-err-" + std::to_string(::getpid()) + "-" +
                        std::to_string(counter++);
  std::string cmd = "cd '" + cwd + "' && TWELVE_CACHE_DIR='" + testCacheDir() + "' " + env +
                    " '" TWELVE_BINARY "' " + args + " 2>'" + errFile + "'";
  Run r;
  FILE *p = ::popen(cmd.c_str(), "r");
  if (!p)
    return r;
  char buf[4096];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, p)) > 0)
    r.out.append(buf, n);
  int status = ::pclose(p);
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(errFile);
  std::stringstream ss;
  ss << in.rdbuf();
  r.err = ss.str();
  std::remove(errFile.c_str());
  return r;
}

/// A scratch folder removed with its contents when the test ends.
struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static int counter = 0;
    path = std::filesystem::temp_directory_path() /
           ("twelve-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir &) = delete;
  TempDir &operator=(const TempDir &) = delete;
  void write(const std::string &rel, const std::string &text) const {
    std::filesystem::create_directories((path / rel).parent_path());
    std::ofstream(path / rel, std::ios::binary) << text;
  }
  std::string read(const std::string &rel) const {
    std::ifstream in(path / rel, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
  }
  std::string str() const { return path.string(); }
  std::string operator/(const std::string &rel) const { return (path / rel).string(); }
};

} // namespace twelve::testing
