// The pool of forked workers: the order it hands jobs out in.
#include "analyzer/worker_pool.h"

#include <gtest/gtest.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

using twelve::analyzer::runInWorkers;

namespace {

// The units of a group wait while the group's first unit (which builds their
// preamble) runs and other units are left; then they are handed out.
TEST(WorkerPool, JobsOfAGroupWaitForItsFirstJobWhileOthersAreLeft) {
  std::vector<long> groups{0, 0, -1, -1, 0};
  std::vector<size_t> started;
  auto outcomes = runInWorkers(
      groups.size(), 2, 0,
      [](size_t job) {
        if (job == 0)
          std::this_thread::sleep_for(std::chrono::milliseconds(500));
        return "job " + std::to_string(job);
      },
      [&](size_t job) { started.push_back(job); }, groups);
  ASSERT_EQ(outcomes.size(), groups.size());
  for (size_t j = 0; j < outcomes.size(); ++j)
    EXPECT_EQ(outcomes[j].bytes, "job " + std::to_string(j));
  // Only group jobs left while job 0 runs: the idle worker takes one.
  EXPECT_EQ(started, (std::vector<size_t>{0, 2, 3, 1, 4}));
  // Once the first job is done, the group's jobs go to whichever worker is free
  // (the preamble is in the store): job 3 to the worker that ran job 1.
  std::vector<long> later{0, -1, -1, 0, -1};
  std::map<size_t, int> delays{{0, 100}, {1, 400}, {2, 1000}};
  started.clear();
  runInWorkers(
      later.size(), 2, 0,
      [&](size_t job) {
        if (delays.count(job))
          std::this_thread::sleep_for(std::chrono::milliseconds(delays[job]));
        return std::to_string(job);
      },
      [&](size_t job) { started.push_back(job); }, later);
  EXPECT_EQ(started, (std::vector<size_t>{0, 1, 2, 3, 4}));
  // Without groups, in order.
  started.clear();
  runInWorkers(
      groups.size(), 2, 0, [](size_t job) { return std::to_string(job); },
      [&](size_t job) { started.push_back(job); });
  EXPECT_EQ(started, (std::vector<size_t>{0, 1, 2, 3, 4}));
}

// A finished job's outcome reaches onFinish (which may take its bytes) after
// its worker was handed the next job: the parent's work on a result overlaps
// the workers instead of keeping one idle.
TEST(WorkerPool, OnFinishGetsTheOutcomeAfterTheWorkerHasItsNextJob) {
  std::vector<std::string> events;
  std::vector<std::string> taken;
  auto outcomes = runInWorkers(
      3, 1, 0, [](size_t job) { return "result " + std::to_string(job); },
      [&](size_t job) { events.push_back("start " + std::to_string(job)); }, {},
      [&](size_t job, twelve::analyzer::JobOutcome &outcome) {
        events.push_back("finish " + std::to_string(job));
        EXPECT_EQ(outcome.kind, twelve::analyzer::JobOutcome::Kind::Done);
        taken.push_back(std::move(outcome.bytes));
      });
  EXPECT_EQ(events, (std::vector<std::string>{"start 0", "start 1", "finish 0", "start 2",
                                              "finish 1", "finish 2"}));
  EXPECT_EQ(taken, (std::vector<std::string>{"result 0", "result 1", "result 2"}));
  ASSERT_EQ(outcomes.size(), 3u);
  EXPECT_TRUE(outcomes[0].bytes.empty()); // taken by onFinish
}

} // namespace
