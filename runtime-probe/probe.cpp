// Launch, trace, sample, signal, judge. One Instance per start of the service; the
// lifecycle starts it three times: graceful shutdown, crash (SIGKILL), restart.
#include "runtime-probe/probe.h"
#include "runtime-probe/proc.h"

#include <algorithm>
#include <filesystem>
#include <arpa/inet.h>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <cstddef>
#include <cstring>
#include <dirent.h>
#include <fcntl.h>
#include <fstream>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <map>
#include <memory>
#include <mutex>
#include <netinet/in.h>
#include <poll.h>
#include <set>
#include <sstream>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/user.h>
#include <sys/wait.h>
#include <thread>
#include <tuple>
#include <unistd.h>
#if defined(__x86_64__)
#include <linux/audit.h>
#endif

namespace twelve::probe {
namespace {

using Clock = std::chrono::steady_clock;
volatile std::sig_atomic_t gInterrupted = 0;
void onSignal(int) { gInterrupted = 1; }

double msBetween(Clock::time_point a, Clock::time_point b) {
  return std::chrono::duration<double, std::milli>(b - a).count();
}
std::string fmtMs(double ms) { return std::to_string(static_cast<long long>(ms + 0.5)); }

std::string readFile(const std::string &path, size_t limit = 1 << 20) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return {};
  std::string out;
  char buf[8192];
  ssize_t n;
  while (out.size() < limit && (n = ::read(fd, buf, sizeof buf)) > 0)
    out.append(buf, static_cast<size_t>(n));
  ::close(fd);
  return out;
}

std::string readLink(const std::string &path) {
  char buf[4096];
  ssize_t n = ::readlink(path.c_str(), buf, sizeof buf - 1);
  return n < 0 ? std::string() : std::string(buf, static_cast<size_t>(n));
}

bool alive(int pid) {
  if (::kill(pid, 0) != 0 && errno == ESRCH)
    return false;
  auto st = parseProcStat(readFile("/proc/" + std::to_string(pid) + "/stat"));
  return st && st->state != 'Z' && st->state != 'X';
}

std::vector<int> allPids() {
  std::vector<int> out;
  if (DIR *d = ::opendir("/proc")) {
    while (auto *e = ::readdir(d))
      if (int p = std::atoi(e->d_name); p > 0)
        out.push_back(p);
    ::closedir(d);
  }
  return out;
}

std::vector<int> fdsOf(int pid) {
  std::vector<int> out;
  if (DIR *d = ::opendir(("/proc/" + std::to_string(pid) + "/fd").c_str())) {
    while (auto *e = ::readdir(d))
      if (e->d_name[0] != '.')
        out.push_back(std::atoi(e->d_name));
    ::closedir(d);
  }
  return out;
}

int pickFreePort() {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_ANY);
  socklen_t len = sizeof a;
  int port = 0;
  if (::bind(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0 &&
      ::getsockname(s, reinterpret_cast<sockaddr *>(&a), &len) == 0)
    port = ntohs(a.sin_port);
  ::close(s);
  return port;
}

bool connectTo(int port, int family) {
  int s = ::socket(family, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (s < 0)
    return false;
  bool ok;
  if (family == AF_INET) {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ok = ::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
  } else {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<uint16_t>(port));
    a.sin6_addr = in6addr_loopback;
    ok = ::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0;
  }
  ::close(s);
  return ok;
}

/// GET path; returns the status code, 0 on no answer. Bounded by a 5 s timeout.
int httpGet(int port, const std::string &path, std::string &statusLine) {
  int s = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  timeval tv{5, 0};
  ::setsockopt(s, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  ::setsockopt(s, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  int code = 0;
  if (::connect(s, reinterpret_cast<sockaddr *>(&a), sizeof a) == 0) {
    std::string req = "GET " + path + " HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n";
    if (::send(s, req.data(), req.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(req.size())) {
      char buf[512];
      ssize_t n = ::recv(s, buf, sizeof buf - 1, 0);
      if (n > 0) {
        std::string r(buf, static_cast<size_t>(n));
        statusLine = r.substr(0, r.find('\r'));
        if (r.rfind("HTTP/", 0) == 0 && r.size() > 12)
          code = std::atoi(r.c_str() + 9);
      }
    }
  }
  ::close(s);
  return code;
}

struct FileEvent {
  int pid;
  std::string op; // create, write, append, truncate, rename, unlink, mkdir, open-for-write
  std::string path;
};

struct Listener {
  TcpSocket socket;
  int pid;
};

/// Bounded capture of one output stream: counts everything, keeps the start and the last line.
struct Capture {
  size_t bytes = 0, lines = 0;
  std::string head, tail;
  static constexpr size_t kHead = 16384, kTail = 4096;
  void add(const char *p, size_t n) {
    bytes += n;
    for (size_t i = 0; i < n; ++i)
      lines += p[i] == '\n';
    if (head.size() < kHead)
      head.append(p, std::min(n, kHead - head.size()));
    tail.append(p, n);
    if (tail.size() > kTail)
      tail.erase(0, tail.size() - kTail);
  }
  std::string lastLine() const {
    auto t = tail;
    while (!t.empty() && (t.back() == '\n' || t.back() == '\r'))
      t.pop_back();
    auto nl = t.find_last_of('\n');
    return nl == std::string::npos ? t : t.substr(nl + 1);
  }
};

#if defined(__x86_64__)
// Only file-creating/writing and process-shape syscalls stop the tracee; reads run at full speed.
std::vector<sock_filter> seccompProgram() {
  std::vector<sock_filter> f;
  auto nrOff = static_cast<uint32_t>(offsetof(seccomp_data, nr));
  auto argOff = [](int i) { return static_cast<uint32_t>(offsetof(seccomp_data, args) + 8 * i); };
  f.push_back(
      BPF_STMT(BPF_LD | BPF_W | BPF_ABS, static_cast<uint32_t>(offsetof(seccomp_data, arch))));
  f.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, AUDIT_ARCH_X86_64, 1, 0));
  f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  f.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, nrOff));
  const uint32_t writeMask = O_WRONLY | O_RDWR | O_CREAT | O_TRUNC | O_APPEND;
  auto flagged = [&](int nr, int arg, uint32_t mask) {
    f.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, 4));
    f.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, argOff(arg)));
    f.push_back(BPF_JUMP(BPF_JMP | BPF_JSET | BPF_K, mask, 0, 1));
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  };
  auto stdioTarget = [&](int nr) { // dup2/dup3 onto fd 0, 1 or 2 only
    f.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, 4));
    f.push_back(BPF_STMT(BPF_LD | BPF_W | BPF_ABS, argOff(1)));
    f.push_back(BPF_JUMP(BPF_JMP | BPF_JGT | BPF_K, 2, 1, 0));
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  };
  flagged(SYS_open, 1, writeMask);
  flagged(SYS_openat, 2, writeMask);
  stdioTarget(SYS_dup2);
  stdioTarget(SYS_dup3);
  for (int nr : {SYS_creat, SYS_openat2, SYS_rename, SYS_renameat, SYS_renameat2, SYS_unlink,
                 SYS_unlinkat, SYS_mkdir, SYS_mkdirat, SYS_truncate, SYS_setsid}) {
    f.push_back(BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, static_cast<uint32_t>(nr), 0, 1));
    f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_TRACE));
  }
  f.push_back(BPF_STMT(BPF_RET | BPF_K, SECCOMP_RET_ALLOW));
  return f;
}
constexpr bool kCanTrace = true;
#else
constexpr bool kCanTrace = false;
#endif

/// One start of the service, with its tracer and output reader threads.
class Instance {
public:
  Instance(const ProbeOptions &o, std::vector<std::string> argv, int port)
      : opts_(o), argv_(std::move(argv)), port_(port) {}
  ~Instance() { stop(); }

  void start() {
    int out[2], err[2];
    if (::pipe2(out, O_CLOEXEC) || ::pipe2(err, O_CLOEXEC) || ::pipe2(info_, O_CLOEXEC)) {
      execErrno_ = errno;
      return;
    }
    outFd_[0] = out[0];
    outFd_[1] = err[0];
    childOut_[0] = out[1];
    childOut_[1] = err[1];
    std::unique_lock<std::mutex> lk(startMutex_);
    tracer_ = std::thread([this] { tracerMain(); });
    startCv_.wait(lk, [this] { return started_; });
    ::close(childOut_[0]);
    ::close(childOut_[1]);
    ::close(info_[1]);
    struct stat st;
    for (int i = 0; i < 2; ++i)
      if (::fstat(outFd_[i], &st) == 0)
        pipeInode_[i] = st.st_ino;
    reader_ = std::thread([this] { readerMain(); });
  }

  int pid() const { return pid_; }
  int pgid() const { return pid_; }
  bool traced() const { return traced_; }
  Clock::time_point execTime() {
    std::lock_guard<std::mutex> g(mu_);
    return execTime_;
  }

  /// errno of a failed exec (the command does not exist...), 0 otherwise.
  int execErrno() {
    if (execErrno_ == 0 && info_[0] >= 0) {
      int e = 0;
      int fl = ::fcntl(info_[0], F_GETFL);
      ::fcntl(info_[0], F_SETFL, fl | O_NONBLOCK);
      if (::read(info_[0], &e, sizeof e) == sizeof e)
        execErrno_ = e;
    }
    return execErrno_;
  }

  bool mainExited(int *status = nullptr, Clock::time_point *when = nullptr) {
    std::lock_guard<std::mutex> g(mu_);
    if (status)
      *status = mainStatus_;
    if (when)
      *when = mainExit_;
    return mainExited_;
  }

  /// Every process of this start we know of and that still runs.
  std::set<int> livePids() {
    discover();
    std::set<int> live;
    std::lock_guard<std::mutex> g(mu_);
    for (int p : known_)
      if (p == pid_ ? !mainExited_ : alive(p))
        live.insert(p);
    return live;
  }

  bool anyAlive() { return !livePids().empty(); }

  /// Remembers the processes alive once the port answers: the service. A helper
  /// of an entry script that came and went before (`envsubst < t > nginx.conf`)
  /// had its stdout on a file for its own work, not the service's.
  /// A redirection undone by then (a shell running `echo x > f` in its own
  /// process, or a vforked helper attributed to its parent) is dropped too.
  void markServing() {
    auto live = livePids();
    std::lock_guard<std::mutex> g(mu_);
    serving_ = std::move(live);
    for (const auto &entry : stdio_) {
      int pid = std::atoi(entry.c_str());
      auto fd = entry.find(":fd"), arrow = entry.find("->");
      if (!serving_.count(pid) || fd == std::string::npos || arrow == std::string::npos)
        continue;
      std::string link = "/proc/" + std::to_string(pid) + "/fd/" + entry.substr(fd + 3, arrow - fd - 3);
      if (parseFdLink(readLink(link)).path != entry.substr(arrow + 2))
        undone_.insert(entry);
    }
    for (auto it = devnullStdio_.begin(); it != devnullStdio_.end();) {
      auto [pid, fd] = *it;
      bool still = serving_.count(pid) &&
                   readLink("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd)) ==
                       "/dev/null";
      it = still ? std::next(it) : devnullStdio_.erase(it);
    }
  }

  /// Before the service is stopped: the stdio redirections that a process
  /// still has. A helper the service runs per request (`system("cmd
  /// 2>/dev/null")`, possibly running as the port first answered) and that has
  /// exited since did not move the service's output.
  void settleStdio() {
    std::lock_guard<std::mutex> g(mu_);
    auto running = [&](int pid) { return pid == pid_ ? !mainExited_ : alive(pid); };
    for (auto it = devnullStdio_.begin(); it != devnullStdio_.end();) {
      auto [pid, fd] = *it;
      bool still = running(pid) &&
                   readLink("/proc/" + std::to_string(pid) + "/fd/" + std::to_string(fd)) ==
                       "/dev/null";
      it = still ? std::next(it) : devnullStdio_.erase(it);
    }
    for (const auto &entry : stdio_)
      if (!running(std::atoi(entry.c_str())))
        undone_.insert(entry);
  }

  /// The stdio redirections of the service's processes (all, if it never served).
  std::set<std::string> serviceStdio() {
    std::lock_guard<std::mutex> g(mu_);
    if (serving_.empty())
      return stdio_;
    std::set<std::string> out;
    for (const auto &s : stdio_)
      if (serving_.count(std::atoi(s.c_str())) && !undone_.count(s))
        out.insert(s);
    return out;
  }

  /// /proc sampling: new descendants (by parent, group, session) and their fds.
  void sample() {
    discover();
    for (int p : livePids()) {
      // A thread shares its process's descriptors: the process is sampled
      // (memcached's 9 threads are not "10 processes" with stdio on /dev/null).
      auto tgid = parseStatusTgid(readFile("/proc/" + std::to_string(p) + "/status"));
      if (tgid && *tgid != p)
        continue;
      for (int fd : fdsOf(p)) {
        std::string base = "/proc/" + std::to_string(p);
        auto target = parseFdLink(readLink(base + "/fd/" + std::to_string(fd)));
        if (target.kind == FdTarget::Gone)
          continue; // exited (or closed it) since fdsOf(): nothing to learn
        // Where fds 1 and 2 point (stdin is nobody's event stream): tinyproxy
        // closes them and its clients' sockets take their numbers.
        if ((fd == 1 || fd == 2) && target.kind != FdTarget::Pipe) {
          std::lock_guard<std::mutex> g(mu_);
          stdio_.insert(std::to_string(p) + ":fd" + std::to_string(fd) + "->" + target.path);
        }
        if (fd <= 2 && target.kind == FdTarget::Pipe && fd > 0 &&
            target.inode != pipeInode_[fd - 1] && pipeInode_[fd - 1]) {
          std::lock_guard<std::mutex> g(mu_);
          stdio_.insert(std::to_string(p) + ":fd" + std::to_string(fd) + "->" + target.path);
        }
        if (target.kind != FdTarget::File && target.kind != FdTarget::Deleted)
          continue;
        auto flags = parseFdinfoFlags(readFile(base + "/fdinfo/" + std::to_string(fd)));
        if (flags && writeFlags(*flags)) {
          std::lock_guard<std::mutex> g(mu_);
          sampledWrites_.insert(
              {p, (*flags & O_APPEND) ? "append" : "open-for-write", target.path});
        }
      }
    }
  }

  void signalAll(int sig) {
    ::kill(-pid_, sig);
    for (int p : livePids())
      ::kill(p, sig);
  }

  /// SIGKILL everything, then wait (bounded) for the tracer to see every exit.
  void stop() {
    if (pid_ <= 0 || stopped_)
      return;
    stopped_ = true;
    auto until = Clock::now() + std::chrono::seconds(10);
    do {
      ::kill(-pid_, SIGKILL);
      std::set<int> pids;
      {
        std::lock_guard<std::mutex> g(mu_);
        pids = known_;
      }
      bool any = false;
      for (int p : pids)
        if (p == pid_ ? !mainExited() : alive(p)) {
          ::kill(p, SIGKILL);
          any = true;
        }
      discover();
      if (tracerDone_ && !any)
        break;
      std::this_thread::sleep_for(std::chrono::milliseconds(5));
    } while (Clock::now() < until);
    if (tracer_.joinable())
      tracer_.join();
    // Orphans re-parented to us (we are a subreaper) that the tracer did not wait for.
    for (int st; ::waitpid(-1, &st, WNOHANG | __WALL) > 0;) {
    }
    if (reader_.joinable())
      reader_.join();
    for (int &fd : outFd_)
      if (fd >= 0)
        ::close(fd), fd = -1;
    if (info_[0] >= 0)
      ::close(info_[0]), info_[0] = -1;
  }

  // Observations, read after stop() or under the lock.
  std::mutex mu_;
  std::vector<FileEvent> files_;
  std::set<std::tuple<int, std::string, std::string>> sampledWrites_;
  std::vector<std::string> procEvents_; // setsid, stdio to /dev/null, fork-and-exit...
  std::set<std::string> stdio_;         // fds 0-2 pointing elsewhere than given: "pid:fdN->path"
  std::set<int> serving_;               // processes alive when the port first answered
  std::set<std::string> undone_;        // stdio_ entries no longer true by then
  std::set<int> known_;
  Capture out_[2];
  bool setsid_ = false;
  /// fds 1-2 pointed at /dev/null, by pid. A shell silencing one builtin
  /// (`command -v x 2>/dev/null` saves fd 2, points it at /dev/null, restores
  /// it) or a helper that has exited by the time the port answers did not
  /// detach the service: markServing() drops those.
  std::set<std::pair<int, int>> devnullStdio_;

private:
  void discover() {
    if (pid_ <= 0)
      return;
    std::set<int> known;
    {
      std::lock_guard<std::mutex> g(mu_);
      known = known_;
    }
    bool grew = false;
    int self = ::getpid();
    for (int p : allPids()) {
      if (known.count(p))
        continue;
      auto st = parseProcStat(readFile("/proc/" + std::to_string(p) + "/stat"));
      // The probe is a child subreaper: orphans of a detaching service become our children.
      if (st && (st->pgrp == pid_ || known.count(st->ppid) || st->ppid == self)) {
        known.insert(p);
        grew = true;
      }
    }
    if (grew) {
      std::lock_guard<std::mutex> g(mu_);
      known_.insert(known.begin(), known.end());
    }
  }

  void readerMain() {
    pollfd p[2] = {{outFd_[0], POLLIN, 0}, {outFd_[1], POLLIN, 0}};
    int open = 2;
    char buf[65536];
    while (open > 0) {
      if (::poll(p, 2, 200) < 0 && errno != EINTR)
        break;
      for (int i = 0; i < 2; ++i) {
        if (p[i].fd < 0 || !(p[i].revents & (POLLIN | POLLHUP | POLLERR)))
          continue;
        ssize_t n = ::read(p[i].fd, buf, sizeof buf);
        if (n <= 0) {
          p[i].fd = -1;
          --open;
          continue;
        }
        {
          std::lock_guard<std::mutex> g(mu_);
          out_[i].add(buf, static_cast<size_t>(n));
        }
        if (opts_.verbose) {
          ssize_t w = ::write(2, buf, static_cast<size_t>(n));
          (void)w;
        }
      }
      // Every writer gone (including daemons that kept a copy): EOF on both.
      if (tracerDone_ && stopped_ && open > 0) {
        // Drain what is left without blocking, then stop: a daemon that escaped the
        // tracer may hold the pipe open, and it has been killed by now.
        for (int i = 0; i < 2; ++i)
          if (p[i].fd >= 0)
            ::fcntl(p[i].fd, F_SETFL, O_NONBLOCK);
        bool any = false;
        for (int i = 0; i < 2; ++i)
          while (p[i].fd >= 0) {
            ssize_t n = ::read(p[i].fd, buf, sizeof buf);
            if (n <= 0)
              break;
            any = true;
            std::lock_guard<std::mutex> g(mu_);
            out_[i].add(buf, static_cast<size_t>(n));
          }
        if (!any)
          break;
      }
    }
  }

  void childMain(bool wantTrace) {
    ::setpgid(0, 0);
    sigset_t none;
    sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGINT, SIG_DFL);
    ::signal(SIGTERM, SIG_DFL);
    ::signal(SIGPIPE, SIG_DFL);
    int null = ::open("/dev/null", O_RDONLY);
    ::dup2(null, 0);
    ::dup2(childOut_[0], 1);
    ::dup2(childOut_[1], 2);
    // A platform starts the service with fds 0-2 only; descriptors the probe's own caller
    // leaked (a CI runner's log file) must not count as the service's writes.
    if (::syscall(SYS_close_range, 3U, ~0U, 4U /* CLOSE_RANGE_CLOEXEC */) != 0)
      for (int fd = 3; fd < 4096; ++fd)
        ::fcntl(fd, F_SETFD, FD_CLOEXEC);
    if (!opts_.cwd.empty() && ::chdir(opts_.cwd.c_str()) != 0) {
      char mode = 'N';
      (void)!::write(info_[1], &mode, 1);
      int e = errno;
      (void)!::write(info_[1], &e, sizeof e);
      ::_exit(127);
    }
    ::setenv(opts_.portEnv.c_str(), std::to_string(port_).c_str(), 1);
    for (auto &[k, v] : opts_.env)
      ::setenv(k.c_str(), v.c_str(), 1);
    std::vector<char *> argv;
    for (auto &a : argv_)
      argv.push_back(const_cast<char *>(a.c_str()));
    argv.push_back(nullptr);
    char mode = 'N';
    if (wantTrace && ::ptrace(PTRACE_TRACEME, 0, nullptr, nullptr) == 0)
      mode = 'T';
    (void)!::write(info_[1], &mode, 1);
#if defined(__x86_64__)
    if (mode == 'T') {
      ::raise(SIGSTOP); // the tracer sets its options now
      static auto prog = seccompProgram();
      sock_fprog fprog{static_cast<unsigned short>(prog.size()), prog.data()};
      if (::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0)
        ::prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &fprog);
    }
#endif
    ::execvp(argv[0], argv.data());
    int e = errno;
    (void)!::write(info_[1], &e, sizeof e);
    ::_exit(127);
  }

  void tracerMain() {
    bool wantTrace = opts_.trace && kCanTrace;
    int pid = ::fork();
    if (pid == 0)
      childMain(wantTrace);
    auto forkTime = Clock::now();
    char mode = 'N';
    if (pid > 0) {
      ::setpgid(pid, pid); // both sides, so that killpg works at once
      (void)!::read(info_[0], &mode, 1);
    }
    {
      std::lock_guard<std::mutex> g(mu_);
      pid_ = pid;
      execTime_ = forkTime;
      if (pid > 0)
        known_.insert(pid);
      traced_ = mode == 'T';
    }
    {
      std::lock_guard<std::mutex> lk(startMutex_);
      started_ = true;
      if (pid < 0)
        execErrno_ = errno;
    }
    startCv_.notify_all();
    if (pid < 0) {
      tracerDone_ = true;
      return;
    }
    if (traced_)
      traceLoop(pid);
    else
      waitLoop(pid);
    tracerDone_ = true;
  }

  void waitLoop(int pid) {
    int st;
    while (::waitpid(pid, &st, 0) < 0 && errno == EINTR) {
    }
    std::lock_guard<std::mutex> g(mu_);
    mainExited_ = true;
    mainStatus_ = st;
    mainExit_ = Clock::now();
  }

#if defined(__x86_64__)
  std::string readString(int pid, unsigned long long addr) {
    std::string s;
    errno = 0;
    while (s.size() < 4096) {
      long word =
          ::ptrace(PTRACE_PEEKDATA, pid, reinterpret_cast<void *>(addr + s.size()), nullptr);
      if (errno)
        break;
      const char *c = reinterpret_cast<const char *>(&word);
      for (size_t i = 0; i < sizeof word; ++i) {
        if (!c[i])
          return s;
        s.push_back(c[i]);
      }
    }
    return s;
  }

  /// The absolute path a syscall names, as /proc shows it (mosquitto opens
  /// "/var/lib/mosquitto/" + "/mosquitto.db.new": one file, not two).
  std::string resolve(int pid, long long dirfd, const std::string &path) {
    if (path.empty())
      return path;
    if (path[0] == '/')
      return std::filesystem::path(path).lexically_normal().string();
    std::string base = static_cast<int>(dirfd) == AT_FDCWD
                           ? readLink("/proc/" + std::to_string(pid) + "/cwd")
                           : readLink("/proc/" + std::to_string(pid) + "/fd/" +
                                      std::to_string(static_cast<int>(dirfd)));
    return (std::filesystem::path(base) / path).lexically_normal().string();
  }

  struct Pending {
    std::string op, path;
    int fd = -1;
  };

  void onSeccomp(int pid, std::map<int, Pending> &pending) {
    user_regs_struct r;
    if (::ptrace(PTRACE_GETREGS, pid, nullptr, &r) != 0)
      return;
    auto openOp = [&](long long dirfd, unsigned long long pathAddr, long long flags) {
      Pending p;
      p.path = resolve(pid, dirfd, readString(pid, pathAddr));
      struct stat st;
      bool existed = ::stat(p.path.c_str(), &st) == 0;
      p.op = (!existed && (flags & O_CREAT)) ? "create"
             : (flags & O_TRUNC)             ? "truncate"
             : (flags & O_APPEND)            ? "append"
                                             : "write";
      if ((flags & O_ACCMODE) == O_RDONLY && !(flags & (O_CREAT | O_TRUNC | O_APPEND)))
        return;
      pending[pid] = p;
    };
    long long nr = static_cast<long long>(r.orig_rax);
    switch (nr) {
    case SYS_open:
      openOp(AT_FDCWD, r.rdi, static_cast<long long>(r.rsi));
      break;
    case SYS_openat:
      openOp(static_cast<long long>(r.rdi), r.rsi, static_cast<long long>(r.rdx));
      break;
    case SYS_openat2: {
      errno = 0;
      long flags = ::ptrace(PTRACE_PEEKDATA, pid, reinterpret_cast<void *>(r.rdx), nullptr);
      openOp(static_cast<long long>(r.rdi), r.rsi, errno ? O_WRONLY : flags);
      break;
    }
    case SYS_creat:
      openOp(AT_FDCWD, r.rdi, O_CREAT | O_WRONLY | O_TRUNC);
      break;
    case SYS_rename:
      pending[pid] = {"rename", resolve(pid, AT_FDCWD, readString(pid, r.rsi)) + " (from " +
                                    resolve(pid, AT_FDCWD, readString(pid, r.rdi)) + ")"};
      break;
    case SYS_renameat:
    case SYS_renameat2:
      pending[pid] = {
          "rename", resolve(pid, static_cast<long long>(r.rdx), readString(pid, r.r10)) +
                        " (from " +
                        resolve(pid, static_cast<long long>(r.rdi), readString(pid, r.rsi)) + ")"};
      break;
    case SYS_unlink:
      pending[pid] = {"unlink", resolve(pid, AT_FDCWD, readString(pid, r.rdi))};
      break;
    case SYS_unlinkat:
      pending[pid] = {"unlink",
                      resolve(pid, static_cast<long long>(r.rdi), readString(pid, r.rsi))};
      break;
    case SYS_mkdir:
      pending[pid] = {"mkdir", resolve(pid, AT_FDCWD, readString(pid, r.rdi))};
      break;
    case SYS_mkdirat:
      pending[pid] = {"mkdir", resolve(pid, static_cast<long long>(r.rdi), readString(pid, r.rsi))};
      break;
    case SYS_truncate:
      pending[pid] = {"truncate", resolve(pid, AT_FDCWD, readString(pid, r.rdi))};
      break;
    case SYS_setsid:
      pending[pid] = {"setsid", ""};
      break;
    case SYS_dup2:
    case SYS_dup3: {
      Pending p{"dup", readLink("/proc/" + std::to_string(pid) + "/fd/" +
                                std::to_string(static_cast<int>(r.rdi)))};
      p.fd = static_cast<int>(r.rsi);
      pending[pid] = p;
      break;
    }
    default:
      break;
    }
  }

  void onSyscallExit(int pid, Pending &p) {
    user_regs_struct r;
    if (::ptrace(PTRACE_GETREGS, pid, nullptr, &r) != 0)
      return;
    long long ret = static_cast<long long>(r.rax);
    if (ret < 0)
      return;
    std::lock_guard<std::mutex> g(mu_);
    if (p.op == "setsid") {
      setsid_ = true;
      procEvents_.push_back("pid " + std::to_string(pid) + " called setsid()");
    } else if (p.op == "dup") {
      auto t = parseFdLink(p.path);
      if (t.kind == FdTarget::Device && p.path == "/dev/null" && p.fd > 0) {
        if (p.fd <= 2)
          devnullStdio_.insert({pid, p.fd});
        procEvents_.push_back("pid " + std::to_string(pid) + " pointed fd " + std::to_string(p.fd) +
                              " at /dev/null");
      } else if (t.kind == FdTarget::File && (p.fd == 1 || p.fd == 2)) {
        stdio_.insert(std::to_string(pid) + ":fd" + std::to_string(p.fd) + "->" + p.path);
      }
    } else if (!isPseudoPath(p.path)) {
      files_.push_back({pid, p.op, p.path});
    }
  }

  void traceLoop(int pid) {
    int st;
    if (::waitpid(pid, &st, __WALL) != pid || !WIFSTOPPED(st)) {
      std::lock_guard<std::mutex> g(mu_);
      mainExited_ = true;
      mainStatus_ = st;
      mainExit_ = Clock::now();
      return;
    }
    long options = PTRACE_O_TRACEFORK | PTRACE_O_TRACEVFORK | PTRACE_O_TRACECLONE |
                   PTRACE_O_TRACEEXEC | PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACESECCOMP |
                   PTRACE_O_EXITKILL;
    ::ptrace(PTRACE_SETOPTIONS, pid, nullptr, reinterpret_cast<void *>(options));
    ::ptrace(PTRACE_CONT, pid, nullptr, nullptr);
    std::set<int> tracees{pid}, attachedStopSeen;
    std::map<int, Pending> pending;
    bool execSeen = false;
    while (true) {
      int p = ::waitpid(-1, &st, __WALL);
      if (p < 0) {
        if (errno == EINTR)
          continue;
        break; // ECHILD: nothing left to wait for
      }
      if (WIFEXITED(st) || WIFSIGNALED(st)) {
        tracees.erase(p);
        pending.erase(p);
        if (p == pid) {
          std::lock_guard<std::mutex> g(mu_);
          mainExited_ = true;
          mainStatus_ = st;
          mainExit_ = Clock::now();
        }
        continue;
      }
      if (!WIFSTOPPED(st))
        continue;
      if (!tracees.count(p)) {
        tracees.insert(p);
        std::lock_guard<std::mutex> g(mu_);
        known_.insert(p);
      }
      int sig = WSTOPSIG(st);
      int event = st >> 16;
      if (sig == SIGTRAP && event) {
        if (event == PTRACE_EVENT_FORK || event == PTRACE_EVENT_VFORK ||
            event == PTRACE_EVENT_CLONE) {
          unsigned long child = 0;
          ::ptrace(PTRACE_GETEVENTMSG, p, nullptr, &child);
          tracees.insert(static_cast<int>(child));
          std::lock_guard<std::mutex> g(mu_);
          known_.insert(static_cast<int>(child));
          if (event != PTRACE_EVENT_CLONE)
            procEvents_.push_back("pid " + std::to_string(p) + " forked " + std::to_string(child));
        } else if (event == PTRACE_EVENT_EXEC) {
          if (p == pid && !execSeen) {
            execSeen = true;
            std::lock_guard<std::mutex> g(mu_);
            execTime_ = Clock::now();
          }
        } else if (event == PTRACE_EVENT_SECCOMP) {
          onSeccomp(p, pending);
          if (pending.count(p)) {
            ::ptrace(PTRACE_SYSCALL, p, nullptr, nullptr); // stop once more at the syscall's exit
            continue;
          }
        }
        ::ptrace(PTRACE_CONT, p, nullptr, nullptr);
        continue;
      }
      if (sig == (SIGTRAP | 0x80)) {
        auto it = pending.find(p);
        if (it != pending.end()) {
          onSyscallExit(p, it->second);
          pending.erase(it);
        }
        ::ptrace(PTRACE_CONT, p, nullptr, nullptr);
        continue;
      }
      if (sig == SIGSTOP && p != pid && !attachedStopSeen.count(p)) {
        attachedStopSeen.insert(p); // the stop every auto-attached child starts with
        ::ptrace(PTRACE_CONT, p, nullptr, nullptr);
        continue;
      }
      ::ptrace(PTRACE_CONT, p, nullptr, reinterpret_cast<void *>(static_cast<long>(sig)));
    }
  }
#else
  void traceLoop(int pid) { waitLoop(pid); }
#endif

  const ProbeOptions &opts_;
  std::vector<std::string> argv_;
  int port_;
  int pid_ = 0;
  int info_[2] = {-1, -1};
  int outFd_[2] = {-1, -1};
  int childOut_[2] = {-1, -1};
  unsigned long pipeInode_[2] = {0, 0};
  int execErrno_ = 0;
  bool traced_ = false;
  std::atomic<bool> tracerDone_{false}, stopped_{false};
  bool mainExited_ = false;
  int mainStatus_ = 0;
  Clock::time_point mainExit_, execTime_;
  std::thread tracer_, reader_;
  std::mutex startMutex_;
  std::condition_variable startCv_;
  bool started_ = false;
};

std::vector<Listener> listenersOf(const std::set<int> &pids) {
  std::map<unsigned long, int> inodes;
  for (int p : pids)
    for (int fd : fdsOf(p)) {
      auto t = parseFdLink(readLink("/proc/" + std::to_string(p) + "/fd/" + std::to_string(fd)));
      if (t.kind == FdTarget::Socket)
        inodes.emplace(t.inode, p);
    }
  std::vector<Listener> out;
  for (bool v6 : {false, true})
    for (auto &s : parseProcNetTcp(readFile(v6 ? "/proc/net/tcp6" : "/proc/net/tcp"), v6))
      if (s.listening())
        if (auto it = inodes.find(s.inode); it != inodes.end())
          out.push_back({s, it->second});
  return out;
}

std::string endpoint(const TcpSocket &s) {
  return (s.v6 ? "[" + s.address + "]" : s.address) + ":" + std::to_string(s.port);
}

std::string describeStatus(int st) {
  if (WIFEXITED(st))
    return "exited " + std::to_string(WEXITSTATUS(st));
  if (WIFSIGNALED(st))
    return std::string("killed by ") + (WTERMSIG(st) == SIGTERM ? "SIGTERM"
                                        : WTERMSIG(st) == SIGKILL
                                            ? "SIGKILL"
                                            : "signal " + std::to_string(WTERMSIG(st)));
  return "status " + std::to_string(st);
}

ProbeCheckResult makeCheck(const std::string &id, Factor f) {
  ProbeCheckResult c;
  c.id = id;
  c.factor = f;
  return c;
}

struct StartOutcome {
  bool listening = false;
  double startupMs = 0;
  bool exitedEarly = false;
  bool interrupted = false;
};

/// Waits until the port accepts connections, every process is gone, or the timeout.
StartOutcome waitForPort(Instance &inst, int port, double timeoutS) {
  StartOutcome o;
  auto until = inst.execTime() +
               std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(timeoutS));
  int n = 0;
  while (Clock::now() < until) {
    if (gInterrupted) {
      o.interrupted = true;
      return o;
    }
    if (connectTo(port, AF_INET) || connectTo(port, AF_INET6)) {
      o.listening = true;
      o.startupMs = msBetween(inst.execTime(), Clock::now());
      inst.markServing();
      return o;
    }
    if (++n % 10 == 0) {
      inst.sample();
      if (inst.mainExited() && !inst.anyAlive()) {
        o.exitedEarly = true;
        return o;
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  return o;
}

ProbeResult attach(const ProbeOptions &opts);

} // namespace

const std::vector<std::string> &checkIds() {
  static const std::vector<std::string> ids = {"port-binding/listens-on-port",
                                               "disposability/startup-time",
                                               "disposability/graceful-shutdown",
                                               "disposability/crash-restart",
                                               "logs/stdout",
                                               "logs/no-log-files",
                                               "processes/no-local-writes",
                                               "concurrency/foreground"};
  return ids;
}

ProbeResult run(const ProbeOptions &opts) {
  if (opts.pid > 0)
    return attach(opts);
  auto t0 = Clock::now();
  ProbeResult result;
  result.command = opts.command;
  if (opts.command.empty()) {
    result.error = "no command to run";
    return result;
  }
  struct sigaction sa {
  }, oldInt{}, oldTerm{};
  sa.sa_handler = onSignal;
  sigemptyset(&sa.sa_mask);
  gInterrupted = 0;
  ::sigaction(SIGINT, &sa, &oldInt);
  ::sigaction(SIGTERM, &sa, &oldTerm);
  struct Restore {
    struct sigaction i, t;
    ~Restore() {
      ::sigaction(SIGINT, &i, nullptr);
      ::sigaction(SIGTERM, &t, nullptr);
    }
  } restore{oldInt, oldTerm};

  ::prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0);
  int port = opts.port ? opts.port : pickFreePort();
  result.port = port;
  std::vector<std::string> argv;
  for (auto a : opts.command) {
    for (size_t at; (at = a.find("{port}")) != std::string::npos;)
      a.replace(at, 6, std::to_string(port));
    argv.push_back(a);
  }

  auto listens = makeCheck("port-binding/listens-on-port", Factor::PortBinding);
  auto startup = makeCheck("disposability/startup-time", Factor::Disposability);
  auto graceful = makeCheck("disposability/graceful-shutdown", Factor::Disposability);
  auto crash = makeCheck("disposability/crash-restart", Factor::Disposability);
  auto logsOut = makeCheck("logs/stdout", Factor::Logs);
  auto logFiles = makeCheck("logs/no-log-files", Factor::Logs);
  auto local = makeCheck("processes/no-local-writes", Factor::Processes);
  auto fg = makeCheck("concurrency/foreground", Factor::Concurrency);
  std::vector<std::unique_ptr<Instance>> instances;
  double serviceMs = 0; // time spent waiting on the service itself, for the overhead figure

  auto finish = [&]() {
    for (auto &i : instances)
      i->stop();
    result.checks = {listens, startup, graceful, crash, logsOut, logFiles, local, fg};
    result.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
    (void)serviceMs;
    return result;
  };
  auto interrupted = [&]() {
    result.error = "interrupted: every process of the service was stopped";
    return finish();
  };

  // 1. First start: port, startup time, HTTP, graceful shutdown.
  instances.push_back(std::make_unique<Instance>(opts, argv, port));
  Instance &a = *instances.back();
  a.start();
  result.pid = a.pid();
  result.reducedPrecision = !a.traced();
  auto sa1 = waitForPort(a, port, opts.startupTimeout);
  if (sa1.interrupted)
    return interrupted();
  if (int e = a.execErrno()) {
    result.error = "could not run '" + opts.command[0] + "': " + std::strerror(e);
    listens.status = ProbeStatus::Fail;
    listens.message = result.error;
    for (auto *c : {&startup, &graceful, &crash, &logsOut, &logFiles, &local, &fg})
      c->message = "not measured: the command could not be started";
    return finish();
  }
  a.sample();
  auto live = a.livePids();
  auto listeners = listenersOf(live);
  std::string others;
  for (auto &l : listeners)
    if (l.socket.port != port)
      others += (others.empty() ? "" : ", ") + endpoint(l.socket);
  listens.evidence.push_back({"port", std::to_string(port)});
  if (sa1.listening) {
    std::string on;
    bool loopbackOnly = true;
    for (auto &l : listeners)
      if (l.socket.port == port) {
        on +=
            (on.empty() ? "" : ", ") + endpoint(l.socket) + " (pid " + std::to_string(l.pid) + ")";
        if (!l.socket.loopbackOnly())
          loopbackOnly = false;
      }
    listens.evidence.push_back({"listening", on});
    listens.evidence.push_back({"startup_ms", fmtMs(sa1.startupMs)});
    listens.status = ProbeStatus::Pass;
    listens.message = "accepts connections on $" + opts.portEnv + "=" + std::to_string(port);
    if (!on.empty() && loopbackOnly) {
      listens.status = ProbeStatus::Warn;
      listens.message = "listens on " + on +
                        " only: bind 0.0.0.0 or :: so that the platform's router "
                        "(containers, Cloud Run) can reach it";
    } else if (!on.empty()) {
      listens.message += " on " + on;
    }
    if (!opts.httpPath.empty()) {
      std::string line;
      int code = httpGet(port, opts.httpPath, line);
      listens.evidence.push_back({"http", line.empty() ? "no answer" : line});
      if (code == 0 || code >= 500) {
        listens.status = ProbeStatus::Fail;
        listens.message = "GET " + opts.httpPath +
                          (code ? " answered " + line : " got no HTTP answer") + " on port " +
                          std::to_string(port);
      }
    }
    startup.evidence.push_back({"startup_ms", fmtMs(sa1.startupMs)});
    startup.evidence.push_back({"budget_ms", fmtMs(opts.startupBudget * 1000)});
    startup.status =
        sa1.startupMs <= opts.startupBudget * 1000 ? ProbeStatus::Pass : ProbeStatus::Fail;
    startup.message = startup.status == ProbeStatus::Pass
                          ? "accepted connections " + fmtMs(sa1.startupMs) + " ms after exec"
                          : "took " + fmtMs(sa1.startupMs) +
                                " ms to accept connections, over the " +
                                fmtMs(opts.startupBudget * 1000) +
                                " ms budget: defer warm-up work until after listening";
    serviceMs += sa1.startupMs;
  } else if (sa1.exitedEarly) {
    int st = 0;
    a.mainExited(&st);
    result.error = "'" + opts.command[0] + "' " + describeStatus(st) +
                   " before listening on port " + std::to_string(port);
    std::string last = a.out_[1].lastLine().empty() ? a.out_[0].lastLine() : a.out_[1].lastLine();
    if (!last.empty())
      result.error += ": " + last;
    listens.status = ProbeStatus::Fail;
    listens.message = result.error;
    startup.status = ProbeStatus::Fail;
    startup.message = "never accepted connections";
  } else {
    listens.status = ProbeStatus::Fail;
    listens.message =
        "nothing accepted connections on $" + opts.portEnv + "=" + std::to_string(port) +
        " within " + fmtMs(opts.startupTimeout * 1000) + " ms" +
        (others.empty()
             ? ""
             : "; it listens on " + others + " instead: read the port from $" + opts.portEnv);
    startup.status = ProbeStatus::Fail;
    startup.message = "never accepted connections on port " + std::to_string(port) +
                      " within the " + fmtMs(opts.startupTimeout * 1000) + " ms timeout";
  }
  if (!others.empty())
    listens.evidence.push_back({"other_ports", others});

  // Fork-and-exit: the launched process is gone while its descendants serve.
  bool forkedAndExited = false;
  int earlyStatus = 0;
  if (a.mainExited(&earlyStatus) && !live.empty())
    forkedAndExited = true;

  // Let the service run (under the caller's load, for instance) before it is stopped.
  for (auto until = Clock::now() + std::chrono::duration_cast<Clock::duration>(
                                       std::chrono::duration<double>(opts.observe));
       sa1.listening && Clock::now() < until;) {
    if (gInterrupted)
      return interrupted();
    a.sample();
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }

  // The launched process may have exited just after its daemon child started serving.
  if (!forkedAndExited && a.mainExited(&earlyStatus) && a.anyAlive())
    forkedAndExited = true;

  if (sa1.listening)
    a.settleStdio();

  // Graceful shutdown: SIGTERM to the service (its remaining processes if it detached).
  if (!sa1.exitedEarly) {
    auto termAt = Clock::now();
    if (!a.mainExited())
      ::kill(a.pid(), SIGTERM);
    else
      for (int p : a.livePids())
        ::kill(p, SIGTERM);
    auto until = termAt + std::chrono::duration_cast<Clock::duration>(
                              std::chrono::duration<double>(opts.grace));
    bool gone = false;
    while (Clock::now() < until) {
      if (gInterrupted)
        return interrupted();
      bool mainGone = a.mainExited();
      if (mainGone && (forkedAndExited ? !a.anyAlive() : true)) {
        gone = true;
        break;
      }
      a.sample();
      std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    double ms = msBetween(termAt, Clock::now());
    int st = 0;
    Clock::time_point exitAt;
    if (gone && !forkedAndExited && a.mainExited(&st, &exitAt))
      ms = msBetween(termAt, exitAt);
    graceful.evidence.push_back({"grace_ms", fmtMs(opts.grace * 1000)});
    if (!gone) {
      a.signalAll(SIGKILL);
      graceful.status = ProbeStatus::Fail;
      graceful.message =
          "still running " + fmtMs(opts.grace * 1000) +
          " ms after SIGTERM and had to be SIGKILLed: handle SIGTERM, stop accepting, finish "
          "in-flight work and exit";
      graceful.evidence.push_back({"exit", "SIGKILL"});
    } else {
      serviceMs += ms;
      std::string how = forkedAndExited ? "its detached processes exited" : describeStatus(st);
      graceful.evidence.push_back({"exit", how});
      graceful.evidence.push_back({"exit_ms", fmtMs(ms)});
      bool clean = forkedAndExited ||
                   (WIFEXITED(st) && (WEXITSTATUS(st) == 0 || WEXITSTATUS(st) == 143)) ||
                   (WIFSIGNALED(st) && WTERMSIG(st) == SIGTERM);
      graceful.status = clean ? ProbeStatus::Pass : ProbeStatus::Warn;
      graceful.message = how + " after SIGTERM in " + fmtMs(ms) + " ms";
      if (!clean)
        graceful.message += ": exit with status 0 (or by SIGTERM) on a requested shutdown";
    }
  } else {
    graceful.message = "not measured: the service exited before listening";
    crash.message = "not measured: the service exited before listening";
  }
  a.stop();

  // 2. Crash and restart: start, SIGKILL the whole group, start again.
  if (sa1.listening) {
    instances.push_back(std::make_unique<Instance>(opts, argv, port));
    Instance &b = *instances.back();
    b.start();
    auto sb = waitForPort(b, port, opts.startupTimeout);
    if (sb.interrupted)
      return interrupted();
    b.sample();
    if (!sb.listening) {
      crash.status = ProbeStatus::Fail;
      std::string last = b.out_[1].lastLine().empty() ? b.out_[0].lastLine() : b.out_[1].lastLine();
      crash.message = "a second start after a clean shutdown " +
                      std::string(sb.exitedEarly ? "exited" : "did not listen") + " within " +
                      fmtMs(opts.startupTimeout * 1000) + " ms" +
                      (last.empty() ? "" : ": " + last) +
                      " (stale PID or lock file? port still in use?)";
      crash.evidence.push_back({"restart", "after SIGTERM"});
      if (!last.empty())
        crash.evidence.push_back({"output", last});
      b.stop();
    } else {
      b.signalAll(SIGKILL);
      b.stop();
      instances.push_back(std::make_unique<Instance>(opts, argv, port));
      Instance &c = *instances.back();
      c.start();
      auto sc = waitForPort(c, port, opts.startupTimeout);
      if (sc.interrupted)
        return interrupted();
      c.sample();
      crash.evidence.push_back({"restart", "after SIGKILL of the process group"});
      if (sc.listening) {
        crash.status = ProbeStatus::Pass;
        crash.message =
            "listened again " + fmtMs(sc.startupMs) + " ms after a restart following SIGKILL";
        crash.evidence.push_back({"restart_ms", fmtMs(sc.startupMs)});
        serviceMs += sb.startupMs + sc.startupMs;
      } else {
        crash.status = ProbeStatus::Fail;
        std::string last =
            c.out_[1].lastLine().empty() ? c.out_[0].lastLine() : c.out_[1].lastLine();
        crash.message = "after SIGKILL a fresh start " +
                        std::string(sc.exitedEarly ? "exited" : "did not listen") + " within " +
                        fmtMs(opts.startupTimeout * 1000) + " ms" +
                        (last.empty() ? "" : ": " + last) +
                        " (stale PID or lock file? address in use?)";
        if (!last.empty())
          crash.evidence.push_back({"output", last});
      }
      c.stop();
    }
  } else if (!sa1.exitedEarly) {
    crash.message = "not measured: the service never listened on port " + std::to_string(port);
  }
  for (auto &i : instances)
    i->stop();

  // 3. What every start did, aggregated.
  size_t outBytes = 0, errBytes = 0, lines = 0;
  std::set<std::string> stdio;
  std::vector<FileEvent> files;
  std::vector<std::string> procEvents;
  bool setsid = false;
  std::map<int, std::set<int>> nulled; // pid -> which of fds 1 and 2 point at /dev/null
  for (auto &i : instances) {
    // Where the output goes is judged on the first start, the one observed
    // and settled before its stop: the restarts are measured for their
    // start-up only, killed as soon as the port answers, possibly while a
    // helper the first request ran is still alive.
    bool first = i == instances.front();
    auto serviceStdio = first ? i->serviceStdio() : std::set<std::string>{};
    std::lock_guard<std::mutex> g(i->mu_);
    outBytes += i->out_[0].bytes;
    errBytes += i->out_[1].bytes;
    lines += i->out_[0].lines + i->out_[1].lines;
    stdio.insert(serviceStdio.begin(), serviceStdio.end());
    files.insert(files.end(), i->files_.begin(), i->files_.end());
    if (!i->traced())
      for (auto &[p, op, path] : i->sampledWrites_)
        files.push_back({p, op, path});
    procEvents.insert(procEvents.end(), i->procEvents_.begin(), i->procEvents_.end());
    setsid |= i->setsid_;
    for (auto [pid, fd] : i->devnullStdio_)
      if (first)
        nulled[pid].insert(fd);
  }
  for (auto &e : stdio)
    if (e.size() > 13 && e.compare(e.size() - 11, 11, "->/dev/null") == 0) {
      auto fd = e.find(":fd");
      if (fd != std::string::npos)
        nulled[std::atoi(e.c_str())].insert(std::atoi(e.c_str() + fd + 3));
    }
  // Both of a serving process's output fds on /dev/null: it hides its output, as
  // a daemon does. One of them (lighttpd -D points stdout there and logs to
  // stderr): what is printed there is lost, but the event stream still flows.
  bool devnull = false;
  std::set<int> oneNulled;
  for (auto &[pid, fds] : nulled) {
    devnull |= fds.count(1) && fds.count(2);
    oneNulled.insert(fds.begin(), fds.end());
  }
  bool otherRedirects = std::any_of(stdio.begin(), stdio.end(), [](const std::string &e) {
    return e.size() < 11 || e.compare(e.size() - 11, 11, "->/dev/null") != 0;
  });
  // Traced runs see every write; sampled runs add what was held open at a sample.
  if (!result.reducedPrecision)
    for (auto &i : instances) {
      std::lock_guard<std::mutex> g(i->mu_);
      for (auto &[p, op, path] : i->sampledWrites_) {
        bool seen = false;
        for (auto &f : files)
          seen |= f.path == path;
        if (!seen)
          files.push_back({p, op, path});
      }
    }

  logsOut.evidence = {{"stdout_bytes", std::to_string(outBytes)},
                      {"stderr_bytes", std::to_string(errBytes)},
                      {"lines", std::to_string(lines)}};
  // One entry per target ("fd1->/dev/null in 4 processes"), not one per process.
  std::map<std::string, int> byTarget;
  for (auto &s : stdio) {
    auto target = s.substr(s.find(':') + 1);
    auto socket = target.find("->socket:[");
    if (socket != std::string::npos)
      target = target.substr(0, socket) + "->a socket"; // each process's own inode
    ++byTarget[target];
  }
  std::string redirected;
  for (auto &[t, n] : byTarget)
    redirected += (redirected.empty() ? "" : ", ") + t +
                  (n > 1 ? " in " + std::to_string(n) + " processes" : "");
  if (otherRedirects || devnull) {
    logsOut.status = ProbeStatus::Fail;
    logsOut.message = "stdout/stderr moved away from what it was given (" +
                      (redirected.empty() ? std::string("/dev/null") : redirected) +
                      "): keep writing the event stream to fds 1 and 2";
    logsOut.evidence.push_back({"redirected", redirected.empty() ? "/dev/null" : redirected});
  } else if (!oneNulled.empty()) {
    bool out = oneNulled.count(1) > 0;
    logsOut.status = ProbeStatus::Warn;
    logsOut.message = std::string(out ? "stdout" : "stderr") + " pointed at /dev/null (" +
                      (out ? "stderr" : "stdout") + " kept, " +
                      std::to_string(out ? errBytes : outBytes) +
                      " bytes): what is printed there is lost; keep both where they were given";
    logsOut.evidence.push_back({"redirected", redirected.empty() ? "/dev/null" : redirected});
  } else if (outBytes + errBytes == 0) {
    logsOut.status = ProbeStatus::Warn;
    logsOut.message =
        "wrote nothing to stdout or stderr during the whole run: log requests and lifecycle "
        "events there";
  } else {
    logsOut.status = ProbeStatus::Pass;
    logsOut.message = "wrote " + std::to_string(lines) + " lines (" +
                      std::to_string(outBytes + errBytes) + " bytes) to stdout/stderr";
  }

  // Files. A temporary folder is scratch space, except the service's own working
  // directory (a checkout under /tmp): files written there are its local state.
  std::error_code cwdError;
  std::string serviceDir =
      (opts.cwd.empty() ? std::filesystem::current_path(cwdError)
                        : std::filesystem::absolute(opts.cwd, cwdError))
          .lexically_normal()
          .string();
  while (serviceDir.size() > 1 && serviceDir.back() == '/')
    serviceDir.pop_back();
  auto scratch = [&](const std::string &path) {
    bool inServiceDir = !serviceDir.empty() && serviceDir != "/" &&
                        (path == serviceDir || path.rfind(serviceDir + "/", 0) == 0);
    return isTemporaryPath(path) && !inServiceDir;
  };
  std::vector<std::string> logPaths, writes, pidFiles;
  std::set<std::string> seenLog, seenWrite;
  for (auto &f : files) {
    std::string path = f.path;
    auto from = path.find(" (from ");
    std::string target = from == std::string::npos ? path : path.substr(0, from);
    if (isPseudoPath(target))
      continue;
    if ((f.op == "create" || f.op == "write" || f.op == "append" || f.op == "truncate" ||
         f.op == "open-for-write") &&
        (looksLikeLogFile(target) || f.op == "append") && seenLog.insert(target).second)
      logPaths.push_back(target + " (" + f.op + ")");
    if (looksLikePidFile(target) && f.op != "unlink")
      pidFiles.push_back(target);
    if (scratch(target))
      continue;
    std::string entry = f.op + " " + path;
    if (seenWrite.insert(entry).second)
      writes.push_back(entry);
  }
  auto join = [](const std::vector<std::string> &v) {
    std::string s;
    for (auto &x : v)
      s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  if (!logPaths.empty()) {
    logFiles.status = ProbeStatus::Fail;
    logFiles.message =
        "opened log files for writing: " + join(logPaths) + ": write the log stream to stdout";
    logFiles.evidence.push_back({"files", join(logPaths)});
  } else {
    logFiles.status = ProbeStatus::Pass;
    logFiles.message = "opened no log file for writing";
  }
  if (!writes.empty()) {
    local.status = ProbeStatus::Fail;
    local.message = std::to_string(writes.size()) +
                    " local file operation(s) outside scratch folders: " + join(writes) +
                    ": keep state in a backing service";
    local.evidence.push_back({"operations", join(writes)});
  } else {
    local.status = ProbeStatus::Pass;
    local.message = "created or wrote no file outside temporary folders";
  }
  if (result.reducedPrecision) {
    local.evidence.push_back(
        {"precision", "reduced: /proc sampling (ptrace not permitted) misses short-lived files"});
    logFiles.evidence.push_back({"precision", "reduced: /proc sampling"});
  }

  // Foreground.
  std::vector<std::string> why;
  if (forkedAndExited)
    why.push_back("the launched process " + describeStatus(earlyStatus) +
                  " while its children kept serving (fork and exit)");
  if (setsid)
    why.push_back("called setsid() to leave the session");
  if (devnull)
    why.push_back("pointed stdio at /dev/null");
  if (!pidFiles.empty())
    why.push_back("wrote a PID file: " + pidFiles.front());
  if (!procEvents.empty()) {
    // A shell wrapper forks hundreds of helpers: the first events tell the story.
    const size_t kMaxEvents = 20;
    size_t more = procEvents.size() > kMaxEvents ? procEvents.size() - kMaxEvents : 0;
    procEvents.resize(procEvents.size() - more);
    fg.evidence.push_back(
        {"events", join(procEvents) + (more ? " and " + std::to_string(more) + " more" : "")});
  }
  if (why.size() == 1 && !pidFiles.empty() && !sa1.exitedEarly) {
    // nginx with `daemon off;` still writes its `pid` file.
    fg.status = ProbeStatus::Fail;
    fg.message = "stayed in the foreground as pid " + std::to_string(result.pid) +
                 " but wrote a PID file: " + pidFiles.front() +
                 ": a PID file is for self-managed daemons; let the platform track the process";
  } else if (!why.empty()) {
    fg.status = ProbeStatus::Fail;
    fg.message =
        "daemonized: " + join(why) + ": stay in the foreground and let the platform supervise";
  } else if (!sa1.exitedEarly) {
    fg.status = ProbeStatus::Pass;
    fg.message = "stayed in the foreground as pid " + std::to_string(result.pid);
  } else {
    fg.message = "not measured: the service exited before listening";
  }
  return finish();
}

namespace {

ProbeResult attach(const ProbeOptions &opts) {
  auto t0 = Clock::now();
  ProbeResult result;
  result.pid = opts.pid;
  result.reducedPrecision = true;
  std::string base = "/proc/" + std::to_string(opts.pid);
  auto st = parseProcStat(readFile(base + "/stat"));
  if (!st || !alive(opts.pid)) {
    result.error = "no process with pid " + std::to_string(opts.pid);
    return result;
  }
  // The process and its descendants.
  std::set<int> pids{opts.pid};
  for (bool grew = true; grew;) {
    grew = false;
    for (int p : allPids())
      if (!pids.count(p))
        if (auto s = parseProcStat(readFile("/proc/" + std::to_string(p) + "/stat"));
            s && pids.count(s->ppid))
          grew = pids.insert(p).second || grew;
  }
  auto envPort = environValue(readFile(base + "/environ"), opts.portEnv);
  int port = opts.port ? opts.port : (envPort ? std::atoi(envPort->c_str()) : 0);
  result.port = port;
  auto listens = makeCheck("port-binding/listens-on-port", Factor::PortBinding);
  auto startup = makeCheck("disposability/startup-time", Factor::Disposability);
  auto graceful = makeCheck("disposability/graceful-shutdown", Factor::Disposability);
  auto crash = makeCheck("disposability/crash-restart", Factor::Disposability);
  auto logsOut = makeCheck("logs/stdout", Factor::Logs);
  auto logFiles = makeCheck("logs/no-log-files", Factor::Logs);
  auto local = makeCheck("processes/no-local-writes", Factor::Processes);
  auto fg = makeCheck("concurrency/foreground", Factor::Concurrency);
  std::string noSignals = "skipped in attach mode: --pid never signals the process; launch it with "
                          "'twelve probe -- COMMAND' to measure this";
  startup.message = graceful.message = crash.message = noSignals;

  auto listeners = listenersOf(pids);
  std::string on, all;
  bool loopbackOnly = true;
  for (auto &l : listeners) {
    all += (all.empty() ? "" : ", ") + endpoint(l.socket);
    if (l.socket.port == port) {
      on += (on.empty() ? "" : ", ") + endpoint(l.socket);
      loopbackOnly &= l.socket.loopbackOnly();
    }
  }
  listens.evidence.push_back({"listening", all.empty() ? "none" : all});
  if (!port) {
    listens.status = listeners.empty() ? ProbeStatus::Fail : ProbeStatus::Warn;
    listens.message =
        "no $" + opts.portEnv + " in its environment" +
        (all.empty() ? " and it listens on nothing"
                     : "; it listens on " + all + ": read the port from $" + opts.portEnv);
  } else {
    listens.evidence.insert(listens.evidence.begin(), {"port", std::to_string(port)});
    if (on.empty()) {
      listens.status = ProbeStatus::Fail;
      listens.message = "does not listen on $" + opts.portEnv + "=" + std::to_string(port) +
                        (all.empty() ? "" : "; it listens on " + all);
    } else if (loopbackOnly) {
      listens.status = ProbeStatus::Warn;
      listens.message = "listens on " + on + " only: bind 0.0.0.0 or ::";
    } else {
      listens.status = ProbeStatus::Pass;
      listens.message = "listens on " + on;
    }
  }

  // fds 1 and 2, and files held open for writing.
  std::vector<std::string> logs, writes;
  std::string fd1, fd2;
  for (int p : pids)
    for (int fd : fdsOf(p)) {
      auto t = parseFdLink(readLink("/proc/" + std::to_string(p) + "/fd/" + std::to_string(fd)));
      if (p == opts.pid && fd == 1)
        fd1 = t.path;
      if (p == opts.pid && fd == 2)
        fd2 = t.path;
      if (t.kind != FdTarget::File && t.kind != FdTarget::Deleted)
        continue;
      auto flags = parseFdinfoFlags(
          readFile("/proc/" + std::to_string(p) + "/fdinfo/" + std::to_string(fd)));
      if (!flags || !writeFlags(*flags))
        continue;
      // nginx's master and worker hold the same logs: each is listed once.
      if ((looksLikeLogFile(t.path) || (*flags & O_APPEND)) &&
          std::find(logs.begin(), logs.end(), t.path) == logs.end())
        logs.push_back(t.path);
      if (!isTemporaryPath(t.path))
        writes.push_back(t.path + " (pid " + std::to_string(p) + ", fd " + std::to_string(fd) +
                         ")");
    }
  logsOut.evidence = {{"fd1", fd1}, {"fd2", fd2}};
  auto bad = [](const std::string &t) {
    // Closed (no link to read), /dev/null or a file: nothing reaches the platform.
    auto kind = parseFdLink(t).kind;
    return t == "/dev/null" || kind == FdTarget::File || kind == FdTarget::Gone;
  };
  bool toFile = parseFdLink(fd1).kind == FdTarget::File || parseFdLink(fd2).kind == FdTarget::File;
  if ((bad(fd1) && bad(fd2)) || toFile) {
    logsOut.status = ProbeStatus::Fail;
    logsOut.message =
        "fd 1 -> " + fd1 + ", fd 2 -> " + fd2 + ": the log stream does not reach the platform";
  } else if (bad(fd1) || bad(fd2)) {
    // lighttpd under systemd: stdout on /dev/null, stderr to the journal.
    logsOut.status = ProbeStatus::Warn;
    logsOut.message = "fd 1 -> " + fd1 + ", fd 2 -> " + fd2 + ": what is printed to fd " +
                      (bad(fd1) ? "1" : "2") + " is lost; the other reaches the platform";
  } else {
    logsOut.status = ProbeStatus::Pass;
    logsOut.message =
        "fd 1 -> " + fd1 + ", fd 2 -> " + fd2 + " (output volume is not measured when attached)";
  }
  auto join = [](const std::vector<std::string> &v) {
    std::string s;
    for (auto &x : v)
      s += (s.empty() ? "" : "; ") + x;
    return s;
  };
  logFiles.status = logs.empty() ? ProbeStatus::Pass : ProbeStatus::Fail;
  logFiles.message = logs.empty() ? "holds no log file open for writing"
                                  : "holds log files open for writing: " + join(logs);
  if (!logs.empty())
    logFiles.evidence.push_back({"files", join(logs)});
  local.status = writes.empty() ? ProbeStatus::Pass : ProbeStatus::Fail;
  local.message =
      writes.empty()
          ? "holds no local file open for writing (a snapshot: earlier writes are not seen)"
          : "holds local files open for writing: " + join(writes);
  if (!writes.empty())
    local.evidence.push_back({"files", join(writes)});
  local.evidence.push_back({"precision", "reduced: one /proc snapshot"});

  std::string fd0 = readLink(base + "/fd/0");
  fg.evidence = {{"ppid", std::to_string(st->ppid)},
                 {"session_leader", st->session == opts.pid ? "yes" : "no"},
                 {"tty", st->ttyNr ? "yes" : "no"}};
  bool reparented = st->ppid == 1 && opts.pid != 1;
  if (reparented && st->session == opts.pid && !st->ttyNr && fd0 == "/dev/null" &&
      fd1 == "/dev/null") {
    fg.status = ProbeStatus::Fail;
    fg.message =
        "daemonized: re-parented to pid 1, session leader without a terminal, stdio on /dev/null";
  } else if (reparented && st->session == opts.pid && !st->ttyNr) {
    fg.status = ProbeStatus::Warn;
    fg.message =
        "re-parented to pid 1 and a session leader without a terminal: a daemon, or a service "
        "started by a supervisor such as systemd";
  } else {
    fg.status = ProbeStatus::Pass;
    fg.message = "not detached (parent " + std::to_string(st->ppid) + ")";
  }
  result.checks = {listens, startup, graceful, crash, logsOut, logFiles, local, fg};
  result.seconds = std::chrono::duration<double>(Clock::now() - t0).count();
  return result;
}

} // namespace
} // namespace twelve::probe
