// Runs jobs in forked worker processes, so that a crash or a time-out in one
// translation unit loses that unit, never the scan (Clang cannot be cancelled
// or survive a crash inside a thread).
#pragma once

#include <functional>
#include <string>
#include <vector>

namespace twelve::analyzer {

/// What became of one job.
struct JobOutcome {
  enum class Kind { Done, Crashed, TimedOut };
  Kind kind = Kind::Crashed;
  std::string bytes;  // the job's result, when Done
  std::string detail; // "killed by signal 11", "ran past 300 s"
};

/// Runs jobs 0..count-1 on `workers` processes forked from this one (which must
/// not have started threads). `work` runs in a worker and returns the bytes of
/// the result; `onStart` runs here when a job is handed out. A job running past
/// `timeoutSeconds` (0: no limit) is killed. Jobs are handed out in order,
/// except that the jobs of a group (`groups`, one per job, -1 for none) wait
/// while the group's first job runs, as long as other jobs are left (that job
/// builds what the group shares). `onFinish` runs here when a job is done
/// (or crashed, or timed out), after the freed worker was handed its next job,
/// so that what it does with the outcome (it may take its bytes) overlaps the
/// workers. Returns one outcome per job.
std::vector<JobOutcome>
runInWorkers(size_t count, unsigned workers, double timeoutSeconds,
             const std::function<std::string(size_t)> &work,
             const std::function<void(size_t)> &onStart = {}, const std::vector<long> &groups = {},
             const std::function<void(size_t, JobOutcome &)> &onFinish = {});

} // namespace twelve::analyzer
