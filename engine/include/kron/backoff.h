// kron/backoff.h — when a failing Job retries, and when it gives up.
//
// Two mechanisms, as in Kubernetes:
//
//  * The Job controller's pod-failure backoff (restartPolicy: Never). After
//    the n-th consecutive failure since the last success, the replacement pod
//    is created `initial · 2^(n-1)` after that failure, capped at `max`
//    (pkg/controller/job/backoff_utils.go getRemainingTimeForFailuresCount;
//    DefaultJobPodFailureBackOff = 10s, MaxJobPodFailureBackOff = 10m in
//    current job_controller.go, 360s in older releases). A success resets the
//    count. The Job fails when failed pods > backoffLimit (job_controller.go:
//    `job.Status.Failed > *job.Spec.BackoffLimit`), so backoffLimit 3 allows 4
//    pods, retried 10 s, 20 s, 40 s after each failure.
//
//  * The kubelet's CrashLoopBackOff (restartPolicy: OnFailure restarts the
//    container inside the same pod). client-go/util/flowcontrol/backoff.go as
//    driven by kuberuntime_manager.go doBackOff: the first exit restarts at
//    once; each later exit waits the current delay (10 s, 20 s, … capped at
//    300 s, pkg/kubelet/kubelet.go MaxContainerBackOff), measured from the
//    exit. When the container ran longer than 2·max (10 min) since its last
//    restart, the delay starts over (hasExpired). The Job controller counts
//    container restarts of running/pending pods and fails the Job when the sum
//    reaches backoffLimit (> 0 when backoffLimit is 0): pastBackoffLimitOnFailure.
//
// Failed Jobs carry reason `BackoffLimitExceeded` and message `Job has
// reached the specified backoff limit`; complete Jobs emit `Completed` /
// `Job completed`.
//
// Times are milliseconds on any common timeline (e.g. Unix milliseconds).
// Not modelled: parallelism > 1, podFailurePolicy, activeDeadlineSeconds,
// per-index backoff, jitter, the controllers' sync latency (Kubernetes acts a
// little after the instants given here, never before).
#ifndef KRON_BACKOFF_H_
#define KRON_BACKOFF_H_

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/string_view.h"
#include "absl/types/span.h"

namespace kron {

inline constexpr int32_t kDefaultBackoffLimit = 6;  // batch/v1 JobSpec default

inline constexpr absl::string_view kBackoffLimitExceededReason = "BackoffLimitExceeded";
inline constexpr absl::string_view kBackoffLimitExceededMessage =
    "Job has reached the specified backoff limit";
inline constexpr absl::string_view kJobCompletedReason = "Completed";  // event reason
inline constexpr absl::string_view kJobCompletedMessage = "Job completed";

// --- Job controller pod-failure backoff ------------------------------------

struct JobPodFailureBackoff {
  int64_t initial_ms = 10'000;
  int64_t max_ms = 600'000;

  // Current Kubernetes: 10 s doubling to 10 min.
  static constexpr JobPodFailureBackoff Current() { return {10'000, 600'000}; }
  // Older releases (MaxJobBackOff = 360 s).
  static constexpr JobPodFailureBackoff Legacy() { return {10'000, 360'000}; }
};

// The delay owed after `failures` consecutive failures since the last
// success: 0 for 0, else initial doubled (failures - 1) times, stopping at max.
int64_t JobBackoffDelayMs(const JobPodFailureBackoff& policy, int32_t failures);

// getRemainingTime: what is left of that delay at `now_ms` (never negative).
int64_t JobRemainingBackoffMs(const JobPodFailureBackoff& policy, int32_t failures,
                              std::optional<int64_t> last_failure_ms, int64_t now_ms);

// backoffRecord: consecutive failures since the last success and when the
// latest of them finished.
struct BackoffRecord {
  int32_t failures_after_last_success = 0;
  std::optional<int64_t> last_failure_ms;
  friend bool operator==(const BackoffRecord&, const BackoffRecord&) = default;
};

// newBackoffRecord: folds newly finished pods (by finish time, any order)
// into `previous`. A success resets the count; failures finished strictly
// after the latest success count again.
BackoffRecord UpdateBackoffRecord(const BackoffRecord& previous,
                                  absl::Span<const int64_t> succeeded_finish_ms,
                                  absl::Span<const int64_t> failed_finish_ms);

// What getFinishedTime reads from a pod.
struct ContainerFinish {
  bool terminated = false;
  std::optional<int64_t> finished_at_ms;  // unset = zero FinishedAt
};
struct PodFinishFacts {
  std::vector<ContainerFinish> init_containers;
  std::vector<ContainerFinish> containers;
  // The Ready condition, if present: its status and lastTransitionTime.
  std::optional<bool> ready_status;
  std::optional<int64_t> ready_transition_ms;
  std::optional<int64_t> deletion_ms;
  std::optional<int64_t> deletion_grace_seconds;
  int64_t creation_ms = 0;
};

// getFinishedTime: the latest container finish when every container has
// terminated with a time; else Ready=False's transition time; else deletion
// time minus grace period; else creation time.
int64_t PodFinishedTimeMs(const PodFinishFacts& pod);

// --- kubelet CrashLoopBackOff ------------------------------------------------

struct CrashLoopBackoffPolicy {
  int64_t initial_ms = 10'000;
  int64_t max_ms = 300'000;
  // flowcontrol's hasExpired: an exit more than this long after the last
  // restart starts the delays over (2 · max).
  int64_t reset_after_ms = 600'000;

  // pkg/kubelet/kubelet.go: 10 s doubling to 300 s, reset after 10 min.
  static constexpr CrashLoopBackoffPolicy Default() { return {10'000, 300'000, 600'000}; }
  // The alpha ReduceDefaultCrashLoopBackOffDecay gate (1 s to 60 s); the reset
  // is taken as 2 · max like every flowcontrol backoff.
  static constexpr CrashLoopBackoffPolicy ReducedDecay() { return {1'000, 60'000, 120'000}; }
};

// --- Whole timelines ---------------------------------------------------------

enum class RestartPolicy { kNever, kOnFailure };

// One container run as planned: how long it runs and whether it exits 0.
struct RunPlan {
  int64_t runtime_ms = 0;
  bool succeeds = false;
};

enum class AttemptOutcome {
  kSucceeded,
  kFailed,
  kKilled,  // still starting/running when the Job failed (OnFailure)
};

struct Attempt {
  int32_t pod = 0;            // 0-based ordinal of the pod the Job created
  int32_t restart_count = 0;  // container restarts in that pod before this run
  int64_t start_ms = 0;
  int64_t end_ms = 0;
  AttemptOutcome outcome = AttemptOutcome::kFailed;
  // Time from this run's end to the next run's start; unset for the last run.
  std::optional<int64_t> delay_before_next_ms;
};

enum class JobOutcome { kComplete, kFailed, kAttemptCapReached };

struct JobTimeline {
  std::vector<Attempt> attempts;
  JobOutcome outcome = JobOutcome::kAttemptCapReached;
  int64_t finished_ms = 0;  // when the Complete/Failed condition is set
  int32_t succeeded = 0;    // job.status.succeeded
  int32_t failed = 0;       // job.status.failed (pods, not container restarts)
  std::string reason;       // kBackoffLimitExceededReason or kJobCompletedReason
  std::string message;
};

struct JobRetrySpec {
  RestartPolicy restart_policy = RestartPolicy::kNever;
  int32_t backoff_limit = kDefaultBackoffLimit;
  int32_t completions = 1;  // parallelism 1, NonIndexed
  int64_t start_ms = 0;     // when the first pod starts
  // The i-th container run of the whole Job uses runs[i]; the last entry
  // repeats. Must not be empty.
  std::vector<RunPlan> runs;
  JobPodFailureBackoff job_backoff = JobPodFailureBackoff::Current();
  CrashLoopBackoffPolicy kubelet_backoff = CrashLoopBackoffPolicy::Default();
  int32_t max_attempts = 10'000;  // safety stop for plans that never finish
};

// The whole retry history of a Job under `spec`.
JobTimeline SimulateJobRetries(const JobRetrySpec& spec);

// The kubelet alone: a container with restartPolicy Always/OnFailure that
// runs `runs` (last repeats) from `start_ms`, stopped after `max_runs` runs or
// its first success. Delays follow CrashLoopBackOff.
std::vector<Attempt> CrashLoopTimeline(const CrashLoopBackoffPolicy& policy, int64_t start_ms,
                                       absl::Span<const RunPlan> runs, int32_t max_runs);

// The kubelet's restart delays for a container that always exits quickly
// (within the reset window): 0, 10 s, 20 s, 40 s, … capped at max.
// `restart` is 1-based: the delay before restart number `restart`.
int64_t CrashLoopDelayMs(const CrashLoopBackoffPolicy& policy, int32_t restart);

}  // namespace kron

#endif  // KRON_BACKOFF_H_
