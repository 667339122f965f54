#include "analyzer/worker_pool.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstring>
#include <fcntl.h>
#include <malloc.h>
#include <map>
#include <optional>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

namespace twelve::analyzer {

namespace {

using Clock = std::chrono::steady_clock;

bool writeAll(int fd, const void *data, size_t n) {
  const char *p = static_cast<const char *>(data);
  while (n) {
    ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool readAll(int fd, void *data, size_t n) {
  char *p = static_cast<char *>(data);
  while (n) {
    ssize_t r = ::read(fd, p, n);
    if (r < 0 && errno == EINTR)
      continue;
    if (r <= 0)
      return false;
    p += r;
    n -= static_cast<size_t>(r);
  }
  return true;
}

struct Worker {
  pid_t pid = -1;
  int jobFd = -1;    // parent writes job numbers
  int resultFd = -1; // parent reads results
  long job = -1;     // the job it runs, or -1 when idle
  Clock::time_point started;
  std::string buffer;
};

[[noreturn]] void workerLoop(int jobFd, int resultFd,
                             const std::function<std::string(size_t)> &work) {
  std::uint64_t job;
  while (readAll(jobFd, &job, sizeof job)) {
    std::string bytes = work(static_cast<size_t>(job));
    std::uint64_t size = bytes.size();
    if (!writeAll(resultFd, &size, sizeof size) || !writeAll(resultFd, bytes.data(), bytes.size()))
      break;
  }
  // Skip static destructors and atexit handlers that belong to the parent.
  ::_exit(0);
}

// `others` are the pool's workers: a new worker must not hold their pipe ends,
// or a worker would never see the end of its job pipe.
bool spawn(Worker &w, const std::vector<Worker> &others,
           const std::function<std::string(size_t)> &work) {
  int jobs[2], results[2];
  if (::pipe2(jobs, O_CLOEXEC) != 0)
    return false;
  if (::pipe2(results, O_CLOEXEC) != 0) {
    ::close(jobs[0]);
    ::close(jobs[1]);
    return false;
  }
  pid_t parent = ::getpid();
  pid_t pid = ::fork();
  if (pid < 0) {
    for (int fd : {jobs[0], jobs[1], results[0], results[1]})
      ::close(fd);
    return false;
  }
  if (pid == 0) {
    // A worker does not outlive the scan (killed by a CI time-out, say) while
    // it runs a long unit.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (::getppid() != parent)
      ::_exit(0);
    ::close(jobs[1]);
    ::close(results[0]);
    for (const Worker &o : others)
      for (int fd : {o.jobFd, o.resultFd})
        if (fd >= 0)
          ::close(fd);
    ::signal(SIGPIPE, SIG_DFL);
    // Jobs allocate and free much the same memory one after the other: keep
    // it in the heap instead of returning it to the kernel after each job and
    // faulting it back in for the next (page faults and munmap's TLB flushes
    // were ~10% of a C unit's time).
    ::mallopt(M_MMAP_THRESHOLD, 256 << 20);
    ::mallopt(M_TRIM_THRESHOLD, 1 << 30);
    workerLoop(jobs[0], results[1], work);
  }
  ::close(jobs[0]);
  ::close(results[1]);
  w = Worker{};
  w.pid = pid;
  w.jobFd = jobs[1];
  w.resultFd = results[0];
  return true;
}

void retire(Worker &w) {
  if (w.jobFd >= 0)
    ::close(w.jobFd);
  if (w.resultFd >= 0)
    ::close(w.resultFd);
  if (w.pid > 0) {
    int status;
    while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  w = Worker{};
}

std::string describe(int status) {
  if (WIFSIGNALED(status))
    return std::string("the analysis crashed (signal ") + std::to_string(WTERMSIG(status)) + ", " +
           ::strsignal(WTERMSIG(status)) + ")";
  if (WIFEXITED(status))
    return "the analysis process exited with status " + std::to_string(WEXITSTATUS(status));
  return "the analysis process ended unexpectedly";
}

} // namespace

std::vector<JobOutcome> runInWorkers(size_t count, unsigned workers, double timeoutSeconds,
                                     const std::function<std::string(size_t)> &work,
                                     const std::function<void(size_t)> &onStart,
                                     const std::vector<long> &groups,
                                     const std::function<void(size_t, JobOutcome &)> &onFinish) {
  std::vector<JobOutcome> outcomes(count);
  if (count == 0)
    return outcomes;
  // A write to a worker that just died must fail with EPIPE, not kill us.
  auto previousPipe = ::signal(SIGPIPE, SIG_IGN);
  std::vector<Worker> pool(std::min<size_t>(std::max(1u, workers), count));
  size_t finished = 0;

  // Jobs go out in order, except that a job of a group whose first job is
  // still running waits while other jobs are left: that first job builds what
  // the group shares, which the others would wait for.
  std::vector<char> taken(count, 0), done(count, 0);
  size_t first = 0;                 // no job before it is left
  std::map<long, size_t> firstJobs; // of each group handed out
  auto pick = [&]() -> std::optional<size_t> {
    while (first < count && taken[first])
      ++first;
    if (first >= count)
      return std::nullopt;
    if (groups.empty())
      return first;
    for (size_t j = first; j < count; ++j) {
      if (taken[j])
        continue;
      auto started = firstJobs.find(groups[j]);
      if (groups[j] < 0 || started == firstJobs.end() || done[started->second])
        return j;
    }
    return first; // only jobs of groups being built are left
  };

  auto finish = [&](size_t job) {
    done[job] = 1;
    ++finished;
  };
  auto report = [&](size_t job) {
    if (onFinish)
      onFinish(job, outcomes[job]);
  };

  auto assign = [&](Worker &w) {
    while (auto next = pick()) {
      if (w.pid < 0 && !spawn(w, pool, work)) {
        outcomes[*next].detail = "could not start an analysis process";
        taken[*next] = 1;
        finish(*next);
        report(*next);
        continue;
      }
      std::uint64_t job = *next;
      if (onStart)
        onStart(*next);
      if (!writeAll(w.jobFd, &job, sizeof job)) {
        retire(w);
        continue; // respawn and retry the same job
      }
      taken[*next] = 1;
      if (!groups.empty() && groups[*next] >= 0)
        firstJobs.emplace(groups[*next], *next);
      w.job = static_cast<long>(*next);
      w.started = Clock::now();
      w.buffer.clear();
      return;
    }
    retire(w); // nothing left: closing its job pipe lets it exit
  };
  for (auto &w : pool)
    assign(w);

  while (finished < count) {
    std::vector<pollfd> fds;
    std::vector<Worker *> owners;
    int waitMs = -1;
    auto now = Clock::now();
    for (auto &w : pool) {
      if (w.job < 0)
        continue;
      fds.push_back({w.resultFd, POLLIN, 0});
      owners.push_back(&w);
      if (timeoutSeconds > 0) {
        auto left = std::chrono::duration<double>(timeoutSeconds) - (now - w.started);
        int ms = std::max(
            0, static_cast<int>(std::chrono::duration<double, std::milli>(left).count()) + 1);
        waitMs = waitMs < 0 ? ms : std::min(waitMs, ms);
      }
    }
    if (fds.empty())
      break;
    int ready = ::poll(fds.data(), fds.size(), waitMs);
    if (ready < 0 && errno != EINTR)
      break;
    now = Clock::now();
    for (size_t i = 0; i < fds.size(); ++i) {
      Worker &w = *owners[i];
      size_t job = static_cast<size_t>(w.job);
      if (fds[i].revents & (POLLIN | POLLHUP | POLLERR)) {
        char chunk[65536];
        ssize_t n = ::read(w.resultFd, chunk, sizeof chunk);
        if (n > 0) {
          w.buffer.append(chunk, static_cast<size_t>(n));
          std::uint64_t size;
          if (w.buffer.size() >= sizeof size) {
            std::memcpy(&size, w.buffer.data(), sizeof size);
            if (w.buffer.size() >= sizeof size + size) {
              outcomes[job].kind = JobOutcome::Kind::Done;
              outcomes[job].bytes = w.buffer.substr(sizeof size, size);
              finish(job);
              w.job = -1;
              assign(w); // the worker's next job first: the parent's work overlaps it
              report(job);
            }
          }
          continue;
        }
        if (n < 0 && errno == EINTR)
          continue;
        // End of file before a whole result: the worker died on this job.
        ::close(w.jobFd);
        w.jobFd = -1;
        int status = 0;
        while (::waitpid(w.pid, &status, 0) < 0 && errno == EINTR) {
        }
        w.pid = -1;
        outcomes[job].kind = JobOutcome::Kind::Crashed;
        outcomes[job].detail = describe(status);
        finish(job);
        retire(w);
        assign(w);
        report(job);
        continue;
      }
      if (timeoutSeconds > 0 && now - w.started > std::chrono::duration<double>(timeoutSeconds)) {
        ::kill(w.pid, SIGKILL);
        retire(w);
        outcomes[job].kind = JobOutcome::Kind::TimedOut;
        char text[64];
        std::snprintf(text, sizeof text, "ran past the per-file time limit of %g s",
                      timeoutSeconds);
        outcomes[job].detail = text;
        finish(job);
        assign(w);
        report(job);
      }
    }
  }
  for (auto &w : pool)
    retire(w);
  ::signal(SIGPIPE, previousPipe);
  return outcomes;
}

} // namespace twelve::analyzer
