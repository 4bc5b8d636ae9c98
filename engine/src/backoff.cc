// Job pod-failure backoff and kubelet CrashLoopBackOff. See kron/backoff.h.
#include "kron/backoff.h"

#include <algorithm>

namespace kron {

int64_t JobBackoffDelayMs(const JobPodFailureBackoff& policy, int32_t failures) {
  // pkg/controller/job/backoff_utils.go getRemainingTimeForFailuresCount: the
  // doubling stops as soon as it reaches the cap (so no overflow for any count).
  if (failures <= 0) return 0;
  int64_t d = policy.initial_ms;
  for (int32_t i = 1; i < failures; ++i) {
    d *= 2;
    if (d >= policy.max_ms) {
      d = policy.max_ms;
      break;
    }
  }
  return d;
}

int64_t JobRemainingBackoffMs(const JobPodFailureBackoff& policy, int32_t failures,
                              std::optional<int64_t> last_failure_ms, int64_t now_ms) {
  if (failures <= 0) return 0;
  int64_t d = JobBackoffDelayMs(policy, failures);
  // Kubernetes always has a failure time here; without one the full delay is owed.
  int64_t elapsed = last_failure_ms ? now_ms - *last_failure_ms : 0;
  if (d < elapsed) return 0;
  return d - elapsed;
}

BackoffRecord UpdateBackoffRecord(const BackoffRecord& previous,
                                  absl::Span<const int64_t> succeeded_finish_ms,
                                  absl::Span<const int64_t> failed_finish_ms) {
  // backoff_utils.go newBackoffRecord.
  BackoffRecord r = previous;
  if (failed_finish_ms.empty() && succeeded_finish_ms.empty()) return r;
  if (succeeded_finish_ms.empty()) {
    r.failures_after_last_success += static_cast<int32_t>(failed_finish_ms.size());
    r.last_failure_ms = *std::max_element(failed_finish_ms.begin(), failed_finish_ms.end());
    return r;
  }
  r.failures_after_last_success = 0;
  r.last_failure_ms.reset();
  const int64_t last_success =
      *std::max_element(succeeded_finish_ms.begin(), succeeded_finish_ms.end());
  std::vector<int64_t> failed(failed_finish_ms.begin(), failed_finish_ms.end());
  std::sort(failed.begin(), failed.end());
  for (auto it = failed.rbegin(); it != failed.rend(); ++it) {
    if (*it <= last_success) break;  // only failures strictly after the success count
    if (!r.last_failure_ms) r.last_failure_ms = *it;
    ++r.failures_after_last_success;
  }
  return r;
}

int64_t PodFinishedTimeMs(const PodFinishFacts& pod) {
  // backoff_utils.go getFinishedTime. Init containers are read as current
  // Kubernetes does (sidecars finish after the main containers).
  std::optional<int64_t> latest;
  bool all_finished = !(pod.containers.empty() && pod.init_containers.empty());
  for (const auto* list : {&pod.containers, &pod.init_containers}) {
    for (const ContainerFinish& c : *list) {
      if (!c.terminated || !c.finished_at_ms) {
        all_finished = false;
        break;
      }
      if (!latest || *latest < *c.finished_at_ms) latest = c.finished_at_ms;
    }
  }
  if (all_finished && latest) return *latest;
  if (pod.ready_status && !*pod.ready_status && pod.ready_transition_ms) {
    return *pod.ready_transition_ms;
  }
  if (pod.deletion_ms) return *pod.deletion_ms - pod.deletion_grace_seconds.value_or(0) * 1000;
  return pod.creation_ms;
}

namespace {

// client-go/util/flowcontrol Backoff for one container, as kuberuntime's
// doBackOff drives it: IsInBackOffSince(exit) then Next(exit) once the wait is over.
class ContainerBackoff {
 public:
  explicit ContainerBackoff(const CrashLoopBackoffPolicy& p) : p_(p) {}

  // The instant the container restarts after exiting at `exit_ms`.
  int64_t RestartAfterExit(int64_t exit_ms) {
    if (!has_entry_ || exit_ms - last_update_ms_ > p_.reset_after_ms) {
      // No entry (or hasExpired): not in backoff; Next starts at `initial`.
      has_entry_ = true;
      backoff_ms_ = p_.initial_ms;
      last_update_ms_ = exit_ms;
      return exit_ms;
    }
    int64_t restart = exit_ms + backoff_ms_;  // IsInBackOffSince: Since(exit) < backoff
    backoff_ms_ = std::min(backoff_ms_ * 2, p_.max_ms);
    last_update_ms_ = restart;  // Next stamps the clock's now
    return restart;
  }

 private:
  CrashLoopBackoffPolicy p_;
  bool has_entry_ = false;
  int64_t backoff_ms_ = 0;
  int64_t last_update_ms_ = 0;
};

const RunPlan& PlanAt(absl::Span<const RunPlan> runs, size_t i) {
  return runs[std::min(i, runs.size() - 1)];
}

void FinishComplete(JobTimeline& tl, int64_t at) {
  tl.outcome = JobOutcome::kComplete;
  tl.finished_ms = at;
  tl.reason = std::string(kJobCompletedReason);
  tl.message = std::string(kJobCompletedMessage);
}

void FinishFailed(JobTimeline& tl, int64_t at) {
  tl.outcome = JobOutcome::kFailed;
  tl.finished_ms = at;
  tl.reason = std::string(kBackoffLimitExceededReason);
  tl.message = std::string(kBackoffLimitExceededMessage);
}

JobTimeline SimulateNever(const JobRetrySpec& spec) {
  JobTimeline tl;
  absl::Span<const RunPlan> runs(spec.runs);
  int32_t consecutive_failures = 0;
  int64_t t = spec.start_ms;
  for (int32_t i = 0; i < spec.max_attempts; ++i) {
    const RunPlan& p = PlanAt(runs, i);
    Attempt a{i, 0, t, t + p.runtime_ms,
              p.succeeds ? AttemptOutcome::kSucceeded : AttemptOutcome::kFailed, std::nullopt};
    if (p.succeeds) {
      ++tl.succeeded;
      consecutive_failures = 0;  // a success resets the backoff record
      if (tl.succeeded >= spec.completions) {
        tl.attempts.push_back(a);
        FinishComplete(tl, a.end_ms);
        return tl;
      }
      a.delay_before_next_ms = 0;
    } else {
      ++tl.failed;
      // job_controller.go: exceedsBackoffLimit = failed > backoffLimit.
      if (tl.failed > spec.backoff_limit) {
        tl.attempts.push_back(a);
        FinishFailed(tl, a.end_ms);
        return tl;
      }
      ++consecutive_failures;
      a.delay_before_next_ms = JobBackoffDelayMs(spec.job_backoff, consecutive_failures);
    }
    t = a.end_ms + *a.delay_before_next_ms;
    tl.attempts.push_back(a);
  }
  if (!tl.attempts.empty()) tl.attempts.back().delay_before_next_ms.reset();
  return tl;
}

JobTimeline SimulateOnFailure(const JobRetrySpec& spec) {
  JobTimeline tl;
  absl::Span<const RunPlan> runs(spec.runs);
  int32_t pod = 0;
  int32_t restarts = 0;
  ContainerBackoff kubelet(spec.kubelet_backoff);
  int64_t t = spec.start_ms;
  for (int32_t i = 0; i < spec.max_attempts; ++i) {
    const RunPlan& p = PlanAt(runs, i);
    Attempt a{pod, restarts, t, t + p.runtime_ms,
              p.succeeds ? AttemptOutcome::kSucceeded : AttemptOutcome::kFailed, std::nullopt};
    if (p.succeeds) {
      ++tl.succeeded;
      if (tl.succeeded >= spec.completions) {
        tl.attempts.push_back(a);
        FinishComplete(tl, a.end_ms);
        return tl;
      }
      // A new pod, with its own restart count and kubelet backoff entry.
      a.delay_before_next_ms = 0;
      tl.attempts.push_back(a);
      ++pod;
      restarts = 0;
      kubelet = ContainerBackoff(spec.kubelet_backoff);
      t = a.end_ms;
      continue;
    }
    const int64_t restart_at = kubelet.RestartAfterExit(a.end_ms);
    a.delay_before_next_ms = restart_at - a.end_ms;
    tl.attempts.push_back(a);
    ++restarts;
    t = restart_at;
    // job_controller.go pastBackoffLimitOnFailure: restarts of the running
    // pod reach the limit (any restart when the limit is 0). The controller
    // then deletes the pod, which counts as failed.
    const bool past = spec.backoff_limit == 0 ? restarts > 0 : restarts >= spec.backoff_limit;
    if (past) {
      tl.attempts.push_back(Attempt{pod, restarts, restart_at, restart_at,
                                    AttemptOutcome::kKilled, std::nullopt});
      ++tl.failed;
      FinishFailed(tl, restart_at);
      return tl;
    }
  }
  if (!tl.attempts.empty()) tl.attempts.back().delay_before_next_ms.reset();
  return tl;
}

}  // namespace

JobTimeline SimulateJobRetries(const JobRetrySpec& spec) {
  if (spec.runs.empty()) return JobTimeline{};
  return spec.restart_policy == RestartPolicy::kNever ? SimulateNever(spec)
                                                      : SimulateOnFailure(spec);
}

std::vector<Attempt> CrashLoopTimeline(const CrashLoopBackoffPolicy& policy, int64_t start_ms,
                                       absl::Span<const RunPlan> runs, int32_t max_runs) {
  std::vector<Attempt> out;
  if (runs.empty()) return out;
  ContainerBackoff kubelet(policy);
  int64_t t = start_ms;
  for (int32_t i = 0; i < max_runs; ++i) {
    const RunPlan& p = PlanAt(runs, i);
    Attempt a{0, i, t, t + p.runtime_ms,
              p.succeeds ? AttemptOutcome::kSucceeded : AttemptOutcome::kFailed, std::nullopt};
    if (p.succeeds) {
      out.push_back(a);
      break;
    }
    int64_t restart_at = kubelet.RestartAfterExit(a.end_ms);
    if (i + 1 < max_runs) a.delay_before_next_ms = restart_at - a.end_ms;
    out.push_back(a);
    t = restart_at;
  }
  return out;
}

int64_t CrashLoopDelayMs(const CrashLoopBackoffPolicy& policy, int32_t restart) {
  if (restart <= 1) return 0;
  int64_t d = policy.initial_ms;
  for (int32_t i = 2; i < restart && d < policy.max_ms; ++i) d *= 2;
  return std::min(d, policy.max_ms);
}

}  // namespace kron
