// kron/timeline.h — a deterministic simulation of what the CronJob, Job and
// kubelet controllers would do with a set of Jobs and CronJobs over a window
// [from, until), and what `kubectl get` / `kubectl describe` would show at
// any instant of it. See docs/timeline.md for the model and its
// simplifications; in short:
//
//  * CronJob controller (pkg/controller/cronjob/cronjob_controllerv2.go): a
//    sync when the CronJob is created, at every requeue (next fire time +
//    100 ms, nextScheduleTimeDuration) and whenever one of its Jobs finishes.
//    Each sync runs cleanupFinishedJobs (history limits, oldest start time
//    first, then name) and then syncCronJob: SawCompletedJob for finished
//    active Jobs, suspend, the most recent unmet schedule only
//    (kron/controller.h NextScheduleTime, TooManyMissedTimes),
//    startingDeadlineSeconds (MissSchedule), Forbid (JobAlreadyActive),
//    Replace (the active Jobs are deleted), then the Job named
//    `<cronjob>-<scheduled minutes>` with the scheduled-timestamp annotation.
//  * Job controller (pkg/controller/job/job_controller.go): pods up to
//    min(parallelism, completions - succeeded), NonIndexed or Indexed names;
//    restartPolicy Never: a failed pod is replaced after the pod-failure
//    backoff (kron/backoff.h), failed > backoffLimit fails the Job;
//    OnFailure: the kubelet restarts the container with CrashLoopBackOff
//    delays and the Job fails when the restarts reach backoffLimit;
//    activeDeadlineSeconds; spec.suspend. Active pods of a failing Job are
//    deleted; deleting a Job deletes its pods.
//  * Pods start running the instant they are created and run `pod_runtime`;
//    the outcome model decides success. Controllers react with no latency.
//
// Times are Unix milliseconds. Event times are printed as the API server
// stores them (whole seconds, truncated). Nothing here reads a clock or a
// random source: pod-name suffixes come from SeededNameGenerator(seed).
//
// A Timeline owns the text of its events (TimelineText): TimelineEvent's
// `object` and `message` are views into it, valid as long as the Timeline
// (or the one it is moved into) lives. Timeline is therefore move-only.
#ifndef KRON_TIMELINE_H_
#define KRON_TIMELINE_H_

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "absl/container/inlined_vector.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/types/span.h"
#include "kron/instant.h"
#include "kron/manifest.h"
#include "kron/zone.h"

namespace kron {

// --- Inputs ------------------------------------------------------------------

// How each container run ends. Runs are counted per Job in the order they
// start (with restartPolicy Never every run is a new pod; with OnFailure a
// restart in the same pod is a new run).
struct PodOutcomeModel {
  enum class Kind : uint8_t { kSucceed, kFail, kFailFirst };
  Kind kind = Kind::kSucceed;
  int32_t fail_first = 0;  // kFailFirst: the first N runs of each Job fail

  bool RunSucceeds(int32_t run_index) const {
    return kind == Kind::kSucceed || (kind == Kind::kFailFirst && run_index >= fail_first);
  }
};

// `succeed`, `fail` or `fail:N` (N >= 0).
absl::StatusOr<PodOutcomeModel> ParsePodOutcomeModel(absl::string_view text);

// A pod runtime in Go's duration syntax (`5s`, `1m30s`, `250ms`), as whole
// milliseconds; negative durations are rejected.
absl::StatusOr<int64_t> ParsePodRuntime(absl::string_view text);

struct PlanOptions {
  Instant from;
  Instant until;  // exclusive
  PodOutcomeModel pods;
  int64_t pod_runtime_ms = 5'000;
  uint64_t seed = 0;  // SeededNameGenerator seed for pod-name suffixes
  // SawCompletedJob's message: `Saw completed job: %s, status: %v` (the
  // releases the seed was taken from) or, when set, `..., condition: %v`
  // (kubernetes master after the jobutil refactor).
  bool saw_completed_condition_wording = false;
  // Safety stop: the simulation ends with an error after this many events.
  int64_t max_events = 5'000'000;
};

// --- Output --------------------------------------------------------------------

// A timeline time (Unix milliseconds) as the API server stores it: the whole
// second at or before it (metav1.Time has second precision).
constexpr int64_t FloorToSeconds(int64_t ms) { return ms / 1000 - (ms % 1000 < 0); }

enum class EventType : uint8_t { kNormal, kWarning };
absl::string_view EventTypeName(EventType t);  // "Normal", "Warning"

// `object` and `message` view the owning Timeline's `text` (or static
// storage): they live as long as that Timeline, and moving the Timeline
// keeps them valid. An event copied out of its Timeline must not outlive it.
struct TimelineEvent {
  int64_t time_ms = 0;
  absl::string_view object;  // `CronJob/x`, `Job/x`, `Pod/x` (Timeline::text)
  EventType type = EventType::kNormal;
  absl::string_view reason;  // static storage (the controllers' constants)
  absl::string_view message;  // Timeline::text
  absl::string_view source;  // `cronjob-controller`, `job-controller` (static)
};

// Append-only storage for event text: a few large blocks that never move,
// so the views it hands out survive appends and moves (a day of a `*/1`
// CronJob is ~13,000 strings; one heap block each dominated the simulation
// and freeing the plan). Move-only: a copy would leave the copied events
// viewing the original's blocks.
class TimelineText {
 public:
  TimelineText() = default;
  TimelineText(TimelineText&& o) noexcept;
  TimelineText& operator=(TimelineText&& o) noexcept;
  TimelineText(const TimelineText&) = delete;
  TimelineText& operator=(const TimelineText&) = delete;
  ~TimelineText() = default;

  // Stores the concatenation of `parts` and returns a view of it.
  absl::string_view Append(std::initializer_list<absl::string_view> parts);
  absl::string_view Append(absl::string_view s) { return Append({s}); }

  size_t bytes_used() const { return used_; }

 private:
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;  // free space in blocks_.back()
  size_t left_ = 0;
  size_t block_size_ = 0;  // of the last block not sized for one large string
  size_t used_ = 0;
};

inline constexpr absl::string_view kCronJobControllerSource = "cronjob-controller";
inline constexpr absl::string_view kJobControllerSource = "job-controller";

// One run of a pod's container.
struct ContainerRun {
  int64_t start_ms = 0;
  int64_t end_ms = 0;  // when it exits (may lie beyond the pod's deletion)
  bool succeeds = false;
};

struct PlannedPod {
  std::string name;
  int32_t job = 0;     // index into Timeline::jobs
  int32_t index = -1;  // completion index (Indexed Jobs), else -1
  int32_t containers = 1;
  bool on_failure = false;  // restartPolicy OnFailure
  int64_t created_ms = 0;
  std::optional<int64_t> deleted_ms;
  // In order; restart i starts runs[i]. Inline: a pod usually runs once, and
  // a heap block per pod was a tenth of the simulation's cost.
  absl::InlinedVector<ContainerRun, 1> runs;
  // Set when the pod reached Succeeded/Failed: the instant of that phase.
  std::optional<int64_t> finished_ms;
  bool succeeded = false;  // phase Succeeded (when finished_ms is set)
};

enum class JobCondition : uint8_t { kNone, kComplete, kFailed };

struct PlannedJob {
  std::string name;
  int32_t cronjob = -1;  // index into Timeline::cronjobs, or -1
  std::optional<Instant> scheduled;  // the CronJob's scheduled time
  std::string scheduled_annotation;  // batch.kubernetes.io/cronjob-scheduled-timestamp
  std::optional<int32_t> completions;
  int32_t parallelism = 1;
  bool indexed = false;
  bool suspended = false;
  int32_t backoff_limit = 6;
  std::optional<int64_t> active_deadline_seconds;
  int64_t created_ms = 0;
  std::optional<int64_t> start_ms;  // status.startTime (unset while suspended)
  std::optional<int64_t> deleted_ms;
  JobCondition condition = JobCondition::kNone;
  int64_t finished_ms = 0;  // when `condition` was set
  std::string reason;       // failure reason (BackoffLimitExceeded, DeadlineExceeded)
  // Indexes into Timeline::pods, in creation order. Inline (four fit in the
  // size of a std::vector): a Job usually has one pod.
  absl::InlinedVector<int32_t, 4> pods;
  // Pods counted as failed when the Job failed while they were active.
  std::vector<int32_t> failed_on_finish;
};

struct PlannedCronJob {
  std::string name;
  std::string schedule;
  std::optional<std::string> time_zone;
  bool suspend = false;
  int64_t created_ms = 0;
  int32_t successful_jobs_history_limit = 3;
  int32_t failed_jobs_history_limit = 1;
  // A Job is in status.active from its creation until it finishes
  // (SawCompletedJob happens at that instant) or is deleted.
  std::vector<int32_t> jobs;  // indexes into Timeline::jobs, in creation order
};

// Move-only (TimelineText): the events view `text`.
struct Timeline {
  PlanOptions options;
  TimelineText text;  // the events' object and message bytes
  std::vector<TimelineEvent> events;  // in time order; ties in causal order
  std::vector<PlannedCronJob> cronjobs;
  std::vector<PlannedJob> jobs;
  std::vector<PlannedPod> pods;
  // Set when a CronJob stopped being simulated early (e.g. the controller
  // would loop forever on its schedule): `CronJob/x: why`.
  std::vector<std::string> notes;
};

// Simulates the defaulted, valid manifests (as ValidateManifestText returns
// them). A CronJob exists from metadata.creationTimestamp when set (its
// first sync is at max(creationTimestamp, from)), else from `from`; a Job is
// created at max(creationTimestamp, from). Errors: until <= from, a
// schedule that does not parse, the event cap.
absl::StatusOr<Timeline> SimulateTimeline(absl::Span<const Manifest> manifests,
                                          const TimeZones& zones, const PlanOptions& options);

// --- State at an instant (for kubectl tables) ------------------------------

struct PodStateAt {
  bool exists = false;
  std::string ready;   // "1/1", "0/1"
  std::string status;  // Running, Completed, Error, CrashLoopBackOff
  int32_t restarts = 0;
  std::optional<int64_t> last_restart_ms;  // lastState.terminated.finishedAt
};
PodStateAt PodStateAtTime(const Timeline& tl, int32_t pod, int64_t at_ms);

struct JobStateAt {
  bool exists = false;
  std::string status;  // Running, Complete, Failed, Suspended
  int32_t active = 0;
  int32_t ready = 0;
  int32_t succeeded = 0;
  int32_t failed = 0;
};
JobStateAt JobStateAtTime(const Timeline& tl, int32_t job, int64_t at_ms);

struct CronJobStateAt {
  int32_t active = 0;
  std::optional<Instant> last_schedule;
  std::vector<int32_t> active_jobs;
};
CronJobStateAt CronJobStateAtTime(const Timeline& tl, int32_t cronjob, int64_t at_ms);

}  // namespace kron

#endif  // KRON_TIMELINE_H_
