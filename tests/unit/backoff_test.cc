// Job pod-failure backoff and kubelet CrashLoopBackOff (kron/backoff.h).
// Tables from pkg/controller/job/backoff_utils_test.go (TestNewBackoffRecord,
// TestGetFinishedTime, TestGetRemainingBackoffTime), the seed document's
// backoffLimit: 3 example, and hand-computed timelines.
#include "kron/backoff.h"

#include <string>
#include <vector>

#include "gtest/gtest.h"

namespace kron {
namespace {

constexpr int64_t kSec = 1000;
// 2009-11-10T23:00:00Z, the upstream tests' defaultTestTime, in ms.
constexpr int64_t kT = 1257894000LL * kSec;

// --- backoff_utils_test.go TestNewBackoffRecord ---------------------------

struct RecordCase {
  const char* name;
  BackoffRecord initial;
  std::vector<int64_t> succeeded;
  std::vector<int64_t> failed;
  BackoffRecord want;
};

TEST(BackoffRecord, UpstreamTable) {
  const std::vector<RecordCase> cases = {
      {"Empty backoff store and one new failure", {}, {}, {kT}, {1, kT}},
      {"Empty backoff store and two new failures", {}, {}, {kT, kT - 1}, {2, kT}},
      {"Empty backoff store, two failures followed by success",
       {}, {kT}, {kT - 2, kT - 1}, {0, std::nullopt}},
      {"Empty backoff store, two failures, one success and two more failures",
       {}, {kT - 2}, {kT, kT - 4, kT - 3, kT - 1}, {2, kT}},
      {"Backoff store having failure count 2 and one new failure",
       {2, std::nullopt}, {}, {kT}, {3, kT}},
      {"Empty backoff store with success and failure at same timestamp",
       {}, {kT}, {kT}, {0, std::nullopt}},
      {"Empty backoff store with no success/failure", {}, {}, {}, {0, std::nullopt}},
      {"Empty backoff store with one success", {}, {kT}, {}, {0, std::nullopt}},
  };
  for (const RecordCase& c : cases) {
    BackoffRecord got = UpdateBackoffRecord(c.initial, c.succeeded, c.failed);
    EXPECT_EQ(got.failures_after_last_success, c.want.failures_after_last_success) << c.name;
    EXPECT_EQ(got.last_failure_ms, c.want.last_failure_ms) << c.name;
  }
}

// --- backoff_utils_test.go TestGetFinishedTime ----------------------------

ContainerFinish Done(int64_t at) { return {true, at}; }
ContainerFinish Running() { return {false, std::nullopt}; }
ContainerFinish DoneNoTime() { return {true, std::nullopt}; }

TEST(PodFinishedTime, UpstreamTable) {
  const int64_t t30 = kT - 30 * kSec;
  struct Case {
    const char* name;
    PodFinishFacts pod;
    int64_t want;
  };
  std::vector<Case> cases;
  {
    PodFinishFacts p;
    p.containers = {Done(kT - kSec), Done(kT), Done(kT - 2 * kSec)};
    cases.push_back({"Pod with multiple containers and all containers terminated", p, kT});
  }
  {
    PodFinishFacts p;
    p.containers = {Done(kT - kSec), Running(), Done(kT - 2 * kSec)};
    p.deletion_ms = kT;
    cases.push_back({"two containers terminated, one running; fallback to deletionTimestamp", p,
                     kT});
  }
  {
    PodFinishFacts p;
    p.containers = {Running()};
    p.deletion_ms = kT;
    cases.push_back({"fallback to deletionTimestamp", p, kT});
  }
  {
    PodFinishFacts p;
    p.containers = {Running()};
    p.deletion_ms = kT;
    p.deletion_grace_seconds = 30;
    cases.push_back({"fallback to deletionTimestamp, decremented by grace period", p, t30});
  }
  {
    PodFinishFacts p;
    p.containers = {DoneNoTime()};
    p.ready_status = false;
    p.ready_transition_ms = kT;
    cases.push_back({"fallback to PodReady.LastTransitionTime when status is False", p, kT});
  }
  {
    PodFinishFacts p;
    p.containers = {DoneNoTime()};
    p.ready_status = true;
    p.ready_transition_ms = t30;
    p.deletion_ms = kT;
    cases.push_back({"skip fallback to PodReady.LastTransitionTime when status is True", p, kT});
  }
  {
    PodFinishFacts p;
    p.containers = {DoneNoTime()};
    p.creation_ms = kT;
    cases.push_back({"fallback to creationTimestamp", p, kT});
  }
  {
    PodFinishFacts p;
    p.containers = {Done(kT - kSec)};
    p.init_containers = {Done(kT)};
    cases.push_back({"Pod with init container and all containers terminated", p, kT});
  }
  for (const Case& c : cases) EXPECT_EQ(PodFinishedTimeMs(c.pod), c.want) << c.name;
}

// --- backoff_utils_test.go TestGetRemainingBackoffTime --------------------

TEST(JobRemainingBackoff, UpstreamTable) {
  const JobPodFailureBackoff p{5 * kSec, 700 * kSec};
  struct Case {
    const char* name;
    int32_t failures;
    std::optional<int64_t> last;
    int64_t now;
    int64_t want;
  };
  const std::vector<Case> cases = {
      {"no failures", 0, std::nullopt, 0, 0},
      {"one failure; current time and failure time are same", 1, kT, kT, 5 * kSec},
      {"one failure; current time == 1 second + failure time", 1, kT, kT + kSec, 4 * kSec},
      {"one failure; current time == expected backoff time", 1, kT, kT + 5 * kSec, 0},
      {"one failure; current time == expected backoff time + 1 Second", 1, kT, kT + 6 * kSec,
       0},
      {"three failures; current time and failure time are same", 3, kT, kT, 20 * kSec},
      {"eight failures; backoff not exceeding maxBackoff", 8, kT, kT, 640 * kSec},
      {"nine failures; backoff exceeding maxBackoff", 9, kT, kT, 700 * kSec},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(JobRemainingBackoffMs(p, c.failures, c.last, c.now), c.want) << c.name;
  }
}

TEST(JobBackoffDelay, PresetsAndCap) {
  const auto cur = JobPodFailureBackoff::Current();
  const auto old = JobPodFailureBackoff::Legacy();
  EXPECT_EQ(cur.initial_ms, 10 * kSec);
  EXPECT_EQ(cur.max_ms, 600 * kSec);
  EXPECT_EQ(old.max_ms, 360 * kSec);
  const int64_t want_cur[] = {0, 10, 20, 40, 80, 160, 320, 600, 600};
  const int64_t want_old[] = {0, 10, 20, 40, 80, 160, 320, 360, 360};
  for (int n = 0; n <= 8; ++n) {
    EXPECT_EQ(JobBackoffDelayMs(cur, n), want_cur[n] * kSec) << n;
    EXPECT_EQ(JobBackoffDelayMs(old, n), want_old[n] * kSec) << n;
  }
  // No overflow for huge counts.
  EXPECT_EQ(JobBackoffDelayMs(cur, 1'000'000), 600 * kSec);
}

// --- Job timelines ---------------------------------------------------------

std::vector<int64_t> Delays(const JobTimeline& tl) {
  std::vector<int64_t> out;
  for (const Attempt& a : tl.attempts) {
    if (a.delay_before_next_ms) out.push_back(*a.delay_before_next_ms / kSec);
  }
  return out;
}

TEST(JobTimeline, SeedBackoffLimitThreeRestartNever) {
  // job-test01 with backoffLimit: 3 whose pod always fails after 2 s.
  JobRetrySpec spec;
  spec.backoff_limit = 3;
  spec.start_ms = kT;
  spec.runs = {{2 * kSec, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  ASSERT_EQ(tl.attempts.size(), 4u);  // failed pods must exceed 3
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{10, 20, 40}));
  EXPECT_EQ(tl.outcome, JobOutcome::kFailed);
  EXPECT_EQ(tl.reason, "BackoffLimitExceeded");
  EXPECT_EQ(tl.message, "Job has reached the specified backoff limit");
  EXPECT_EQ(tl.failed, 4);
  EXPECT_EQ(tl.succeeded, 0);
  // Pod k starts at: 0, 2+10, 14+20, 36+40 s; the Job fails when pod 4 ends.
  const int64_t starts[] = {0, 12, 34, 76};
  for (int i = 0; i < 4; ++i) {
    EXPECT_EQ(tl.attempts[i].pod, i);
    EXPECT_EQ(tl.attempts[i].start_ms, kT + starts[i] * kSec);
    EXPECT_EQ(tl.attempts[i].end_ms, kT + (starts[i] + 2) * kSec);
    EXPECT_EQ(tl.attempts[i].outcome, AttemptOutcome::kFailed);
  }
  EXPECT_EQ(tl.finished_ms, kT + 78 * kSec);
}

TEST(JobTimeline, DefaultBackoffLimitSixAllowsSevenPods) {
  JobRetrySpec spec;
  spec.runs = {{0, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  EXPECT_EQ(tl.attempts.size(), 7u);
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{10, 20, 40, 80, 160, 320}));
  EXPECT_EQ(tl.finished_ms, (10 + 20 + 40 + 80 + 160 + 320) * kSec);
}

TEST(JobTimeline, CapCurrentVersusLegacy) {
  JobRetrySpec spec;
  spec.backoff_limit = 9;
  spec.runs = {{kSec, false}};
  EXPECT_EQ(Delays(SimulateJobRetries(spec)),
            (std::vector<int64_t>{10, 20, 40, 80, 160, 320, 600, 600, 600}));
  spec.job_backoff = JobPodFailureBackoff::Legacy();
  EXPECT_EQ(Delays(SimulateJobRetries(spec)),
            (std::vector<int64_t>{10, 20, 40, 80, 160, 320, 360, 360, 360}));
}

TEST(JobTimeline, FirstPodSucceeds) {
  JobRetrySpec spec;
  spec.backoff_limit = 3;
  spec.start_ms = kT;
  spec.runs = {{265 * kSec, true}};
  JobTimeline tl = SimulateJobRetries(spec);
  ASSERT_EQ(tl.attempts.size(), 1u);
  EXPECT_EQ(tl.outcome, JobOutcome::kComplete);
  EXPECT_EQ(tl.reason, "Completed");
  EXPECT_EQ(tl.message, "Job completed");
  EXPECT_EQ(tl.succeeded, 1);
  EXPECT_EQ(tl.finished_ms, kT + 265 * kSec);
  EXPECT_FALSE(tl.attempts[0].delay_before_next_ms.has_value());
}

TEST(JobTimeline, SucceedsOnThirdPod) {
  JobRetrySpec spec;
  spec.backoff_limit = 3;
  spec.runs = {{kSec, false}, {kSec, false}, {kSec, true}};
  JobTimeline tl = SimulateJobRetries(spec);
  EXPECT_EQ(tl.outcome, JobOutcome::kComplete);
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{10, 20}));
  EXPECT_EQ(tl.failed, 2);
  EXPECT_EQ(tl.succeeded, 1);
  EXPECT_EQ(tl.finished_ms, (1 + 10 + 1 + 20 + 1) * kSec);
}

TEST(JobTimeline, SuccessResetsDelayButNotFailedCount) {
  // completions 3: F F S F S F F -> failed counts 5 > backoffLimit 4 at the end.
  JobRetrySpec spec;
  spec.backoff_limit = 4;
  spec.completions = 3;
  spec.runs = {{kSec, false}, {kSec, false}, {kSec, true}, {kSec, false},
               {kSec, true},  {kSec, false}, {kSec, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{10, 20, 0, 10, 0, 10}));
  EXPECT_EQ(tl.outcome, JobOutcome::kFailed);
  EXPECT_EQ(tl.failed, 5);
  EXPECT_EQ(tl.succeeded, 2);
}

TEST(JobTimeline, BackoffLimitZeroFailsOnFirstFailure) {
  JobRetrySpec spec;
  spec.backoff_limit = 0;
  spec.runs = {{3 * kSec, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  ASSERT_EQ(tl.attempts.size(), 1u);
  EXPECT_EQ(tl.outcome, JobOutcome::kFailed);
  EXPECT_EQ(tl.finished_ms, 3 * kSec);
}

TEST(JobTimeline, AttemptCap) {
  JobRetrySpec spec;
  spec.backoff_limit = 1'000'000;
  spec.max_attempts = 5;
  spec.runs = {{kSec, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  EXPECT_EQ(tl.outcome, JobOutcome::kAttemptCapReached);
  EXPECT_EQ(tl.attempts.size(), 5u);
  EXPECT_FALSE(tl.attempts.back().delay_before_next_ms.has_value());
  EXPECT_TRUE(SimulateJobRetries(JobRetrySpec{}).attempts.empty());  // no runs planned
}

TEST(JobTimeline, OnFailureCountsContainerRestarts) {
  // Quick crashes in one pod: restarts after 0, 10, 20, 40, 80, 160 s; the
  // sixth restart reaches backoffLimit 6 and the Job fails at that instant.
  JobRetrySpec spec;
  spec.restart_policy = RestartPolicy::kOnFailure;
  spec.runs = {{kSec, false}};
  JobTimeline tl = SimulateJobRetries(spec);
  ASSERT_EQ(tl.attempts.size(), 7u);
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{0, 10, 20, 40, 80, 160}));
  for (int i = 0; i < 7; ++i) {
    EXPECT_EQ(tl.attempts[i].pod, 0);
    EXPECT_EQ(tl.attempts[i].restart_count, i);
  }
  EXPECT_EQ(tl.attempts.back().outcome, AttemptOutcome::kKilled);
  EXPECT_EQ(tl.outcome, JobOutcome::kFailed);
  EXPECT_EQ(tl.reason, "BackoffLimitExceeded");
  EXPECT_EQ(tl.failed, 1);
  EXPECT_EQ(tl.finished_ms, (6 + 0 + 10 + 20 + 40 + 80 + 160) * kSec);
}

TEST(JobTimeline, OnFailureLimitZeroAndOneFailAtFirstRestart) {
  for (int32_t limit : {0, 1}) {
    JobRetrySpec spec;
    spec.restart_policy = RestartPolicy::kOnFailure;
    spec.backoff_limit = limit;
    spec.runs = {{5 * kSec, false}};
    JobTimeline tl = SimulateJobRetries(spec);
    ASSERT_EQ(tl.attempts.size(), 2u) << limit;
    EXPECT_EQ(tl.outcome, JobOutcome::kFailed);
    EXPECT_EQ(tl.finished_ms, 5 * kSec);  // first restart is immediate
  }
}

TEST(JobTimeline, OnFailureRecoversBeforeLimit) {
  JobRetrySpec spec;
  spec.restart_policy = RestartPolicy::kOnFailure;
  spec.backoff_limit = 3;
  spec.runs = {{kSec, false}, {kSec, false}, {kSec, true}};
  JobTimeline tl = SimulateJobRetries(spec);
  EXPECT_EQ(tl.outcome, JobOutcome::kComplete);
  EXPECT_EQ(Delays(tl), (std::vector<int64_t>{0, 10}));
  EXPECT_EQ(tl.finished_ms, (1 + 0 + 1 + 10 + 1) * kSec);
  EXPECT_EQ(tl.failed, 0);
}

// --- kubelet CrashLoopBackOff ----------------------------------------------

TEST(CrashLoop, DelaysDoubleToFiveMinutes) {
  const auto p = CrashLoopBackoffPolicy::Default();
  const int64_t want[] = {0, 0, 10, 20, 40, 80, 160, 300, 300, 300};
  for (int n = 1; n <= 9; ++n) EXPECT_EQ(CrashLoopDelayMs(p, n), want[n] * kSec) << n;
  std::vector<RunPlan> runs = {{kSec, false}};
  std::vector<Attempt> tl = CrashLoopTimeline(p, 0, runs, 10);
  ASSERT_EQ(tl.size(), 10u);
  for (int i = 0; i + 1 < 10; ++i) {
    EXPECT_EQ(*tl[i].delay_before_next_ms, CrashLoopDelayMs(p, i + 1)) << i;
    EXPECT_EQ(tl[i + 1].start_ms, tl[i].end_ms + *tl[i].delay_before_next_ms);
  }
  EXPECT_FALSE(tl.back().delay_before_next_ms.has_value());
}

TEST(CrashLoop, ResetAfterRunningLongerThanTenMinutes) {
  const auto p = CrashLoopBackoffPolicy::Default();
  // Three quick crashes (delays 0, 10, 20), then a run of 601 s: the exit is
  // more than 600 s after the last restart, so the restart is immediate and
  // the next quick crash waits 10 s again.
  std::vector<RunPlan> runs = {{kSec, false}, {kSec, false}, {kSec, false},
                               {601 * kSec, false}, {kSec, false}, {kSec, false}};
  std::vector<Attempt> tl = CrashLoopTimeline(p, 0, runs, 6);
  std::vector<int64_t> delays;
  for (const Attempt& a : tl) {
    if (a.delay_before_next_ms) delays.push_back(*a.delay_before_next_ms / kSec);
  }
  EXPECT_EQ(delays, (std::vector<int64_t>{0, 10, 20, 0, 10}));
}

TEST(CrashLoop, NoResetAtExactlyTenMinutes) {
  const auto p = CrashLoopBackoffPolicy::Default();
  std::vector<RunPlan> runs = {{kSec, false}, {kSec, false}, {600 * kSec, false}, {kSec, false}};
  std::vector<Attempt> tl = CrashLoopTimeline(p, 0, runs, 4);
  std::vector<int64_t> delays;
  for (const Attempt& a : tl) {
    if (a.delay_before_next_ms) delays.push_back(*a.delay_before_next_ms / kSec);
  }
  EXPECT_EQ(delays, (std::vector<int64_t>{0, 10, 20}));
}

TEST(CrashLoop, StopsAtSuccessAndReducedDecayPreset) {
  std::vector<RunPlan> runs = {{kSec, false}, {kSec, true}};
  EXPECT_EQ(CrashLoopTimeline(CrashLoopBackoffPolicy::Default(), 0, runs, 10).size(), 2u);
  const auto r = CrashLoopBackoffPolicy::ReducedDecay();
  EXPECT_EQ(CrashLoopDelayMs(r, 2), 1 * kSec);
  EXPECT_EQ(CrashLoopDelayMs(r, 8), 60 * kSec);
}

}  // namespace
}  // namespace kron
