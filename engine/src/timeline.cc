// The controller timeline simulation. See kron/timeline.h and docs/timeline.md.
#include "kron/timeline.h"

#include <algorithm>
#include <climits>
#include <memory>
#include <queue>
#include <type_traits>
#include <utility>

#include "absl/container/inlined_vector.h"
#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/strip.h"
#include "go_duration.h"
#include "kron/backoff.h"
#include "kron/controller.h"
#include "kron/fire_times.h"
#include "kron/kubectl_tables.h"
#include "kron/names.h"
#include "kron/schedule.h"

namespace kron {
namespace {

// A scheduled Job's events when its pod succeeds: SuccessfulCreate (Job and
// pod), Completed, SawCompletedJob and, past the history limit,
// SuccessfulDelete.
constexpr int64_t kEventsPerJob = 5;
// The outputs are sized up front for at most this many Jobs (a day of a
// `*/1` schedule is 1,440): beyond it they grow as needed, so that a dense
// schedule whose Jobs are skipped (Forbid) does not reserve for every tick.
constexpr int64_t kMaxReservedJobs = 1 << 14;

enum class Ev : uint8_t { kCronJobSync, kJobCreate, kJobSync, kRunEnd, kRestart };

struct QItem {
  int64_t t;
  uint64_t seq;
  Ev kind;
  int32_t id;
  bool operator>(const QItem& o) const { return t != o.t ? t > o.t : seq > o.seq; }
};

// A Job's pod template after the API server's Job defaults.
struct JobTemplate {
  JobSpec spec;
  int32_t containers = 1;
  bool on_failure = false;
};

class Simulator {
 public:
  Simulator(const TimeZones& zones, const PlanOptions& o) : zones_(zones), names_(o.seed) {
    tl_.options = o;
  }

  absl::Status AddCronJob(const CronJob& cj) {
    CronState st;
    st.cj = &cj;
    st.format = FormatSchedule(cj.spec.schedule, cj.spec.time_zone, zones_);
    absl::StatusOr<Schedule> s = ParseStandard(st.format.spec, zones_);
    if (!s.ok()) {
      return absl::InvalidArgumentError(
          absl::StrCat("CronJob/", cj.metadata.name, ": unparseable schedule: ", s.status().message()));
    }
    st.schedule.emplace(*s);
    st.tmpl = std::make_unique<JobTemplate>(MakeTemplate(cj.spec.job_template.spec));
    const int64_t from_ms = tl_.options.from.unix_seconds() * 1000;
    const Instant creation = cj.metadata.creation_timestamp.value_or(tl_.options.from);
    st.creation = creation;
    PlannedCronJob rec;
    rec.name = cj.metadata.name;
    rec.schedule = cj.spec.schedule;
    rec.time_zone = cj.spec.time_zone;
    rec.suspend = cj.spec.suspend.value_or(false);
    rec.created_ms = creation.unix_seconds() * 1000;
    rec.successful_jobs_history_limit =
        cj.spec.successful_jobs_history_limit.value_or(kDefaultSuccessfulJobsHistoryLimit);
    rec.failed_jobs_history_limit =
        cj.spec.failed_jobs_history_limit.value_or(kDefaultFailedJobsHistoryLimit);
    const int64_t first_sync_ms = std::max(from_ms, rec.created_ms);
    const int64_t ticks =
        rec.suspend ? 0 : CountTicks(*st.schedule, first_sync_ms, kMaxReservedJobs - expected_jobs_);
    rec.jobs.reserve(size_t(ticks));
    expected_jobs_ += ticks;
    tl_.cronjobs.push_back(std::move(rec));
    crons_.push_back(std::move(st));
    // addCronJob enqueues the CronJob at once.
    Push(first_sync_ms, Ev::kCronJobSync, int32_t(crons_.size() - 1));
    return absl::OkStatus();
  }

  void AddJob(const Job& job) {
    templates_.push_back(std::make_unique<JobTemplate>(MakeTemplate(job.spec)));
    const int64_t from_ms = tl_.options.from.unix_seconds() * 1000;
    int64_t created = from_ms;
    if (job.metadata.creation_timestamp) {
      created = std::max(created, job.metadata.creation_timestamp->unix_seconds() * 1000);
    }
    const int32_t id = NewJob(job.metadata.name, -1, templates_.back().get(), created);
    Push(created, Ev::kJobCreate, id);
  }

  absl::StatusOr<Timeline> Run() {
    ReserveOutputs();
    const int64_t until_ms = tl_.options.until.unix_seconds() * 1000;
    int64_t processed = 0;
    while (!queue_.empty()) {
      const QItem item = queue_.top();
      if (item.t >= until_ms) break;
      queue_.pop();
      if (++processed > tl_.options.max_events) {
        return absl::ResourceExhaustedError(
            absl::StrCat("the simulation exceeded ", tl_.options.max_events, " steps"));
      }
      switch (item.kind) {
        case Ev::kCronJobSync:
          if (crons_[item.id].requeue_ms == item.t || !crons_[item.id].synced) {
            crons_[item.id].requeue_ms = -1;
            CronJobSync(item.id, item.t);
          }
          break;
        case Ev::kJobCreate:
          JobCreated(item.id, item.t);
          break;
        case Ev::kJobSync:
          JobSync(item.id, item.t);
          break;
        case Ev::kRunEnd:
          RunEnd(item.id, item.t);
          break;
        case Ev::kRestart:
          Restart(item.id, item.t);
          break;
      }
    }
    return std::move(tl_);
  }

 private:
  struct CronState {
    const CronJob* cj = nullptr;
    FormattedSchedule format;
    std::optional<Schedule> schedule;
    std::unique_ptr<JobTemplate> tmpl;
    Instant creation;
    std::vector<int32_t> live;  // Jobs not deleted (what the Job lister returns)
    std::optional<Instant> last_schedule;
    std::vector<int32_t> active;  // status.active (job ids)
    int64_t requeue_ms = -1;
    absl::string_view object;  // `CronJob/<name>` in tl_.text, once there is an event
    // Next(last_schedule) in ms, known right after a Job was created: a sync
    // before it finds nothing due (saves the schedule walk on Job events).
    std::optional<Instant> next_after_earliest_for;
    int64_t next_after_earliest_ms = 0;
    bool synced = false;
    bool stopped = false;
  };
  struct JobState {
    const JobTemplate* tmpl = nullptr;
    int32_t backoff_limit = kDefaultBackoffLimit;
    int32_t runs_started = 0;
    BackoffRecord backoff;
    int32_t succeeded = 0;
    int32_t failed = 0;
    std::vector<bool> index_done;  // Indexed: completed indexes
    // Pod ids, creation order. Inline: one pod is the usual case, and a heap
    // block per Job would be the simulation's only allocation not kept in
    // the Timeline.
    absl::InlinedVector<int32_t, 2> active;
    int64_t backoff_sync_ms = -1;
    absl::string_view object;  // `Job/<name>` in tl_.text, once there is an event
  };
  struct PodState {
    int32_t restarts = 0;
    // client-go flowcontrol Backoff for the container, as kron/backoff.cc's
    // ContainerBackoff drives it (kuberuntime doBackOff).
    bool has_entry = false;
    int64_t backoff_ms = 0;
    int64_t last_update_ms = 0;
  };

  static JobTemplate MakeTemplate(const JobSpec& written) {
    JobTemplate t;
    t.spec = written;
    ApplyJobDefaults(t.spec);  // the API server defaults each Job on create
    t.containers = std::max<int32_t>(1, int32_t(t.spec.template_.containers.size()));
    t.on_failure = t.spec.template_.restart_policy == "OnFailure";
    return t;
  }

  // The schedule's ticks in [after, until), at most `limit`: each tick
  // normally brings one Job.
  int64_t CountTicks(const Schedule& schedule, int64_t after_ms, int64_t limit) const {
    const int64_t until_s = tl_.options.until.unix_seconds();
    int64_t ticks = 0;
    FireTimes it(schedule, Instant::FromUnixSeconds(FloorToSeconds(after_ms) - 1));
    for (std::optional<Instant> t = it.Next(); t && t->unix_seconds() < until_s && ticks < limit;
         t = it.Next()) {
      ++ticks;
    }
    return ticks;
  }

  // Sizes the outputs for the Jobs the schedules call for (one pod each, the
  // usual case): growing them by doubling moves every record several times
  // and costs more than counting the ticks.
  void ReserveOutputs() {
    const size_t jobs = templates_.size() + size_t(expected_jobs_);
    tl_.jobs.reserve(jobs);
    jobs_.reserve(jobs);
    tl_.pods.reserve(jobs);
    pods_.reserve(jobs);
    tl_.events.reserve(jobs * kEventsPerJob);
  }

  void Push(int64_t t, Ev kind, int32_t id) { queue_.push(QItem{t, seq_++, kind, id}); }

  // `message` is the concatenation of its parts, copied into the Timeline's
  // text blocks (no allocation per event). `object` is already there: each
  // object's `Kind/name` is stored once and shared by its events. `reason`
  // and `source` are string constants.
  void Emit(int64_t t, absl::string_view object, EventType type, absl::string_view reason,
            std::initializer_list<absl::string_view> message, absl::string_view source) {
    TimelineEvent& e = tl_.events.emplace_back();  // in place: the vector is reserved
    e.time_ms = t;
    e.object = object;
    e.type = type;
    e.reason = reason;
    e.message = tl_.text.Append(message);
    e.source = source;
  }
  void EmitCron(int32_t c, int64_t t, EventType type, absl::string_view reason,
                std::initializer_list<absl::string_view> msg) {
    absl::string_view& object = crons_[c].object;
    if (object.empty()) object = tl_.text.Append({"CronJob/", tl_.cronjobs[c].name});
    Emit(t, object, type, reason, msg, kCronJobControllerSource);
  }
  void EmitJob(int32_t j, int64_t t, EventType type, absl::string_view reason,
               std::initializer_list<absl::string_view> msg) {
    absl::string_view& object = jobs_[j].object;
    if (object.empty()) object = tl_.text.Append({"Job/", tl_.jobs[j].name});
    Emit(t, object, type, reason, msg, kJobControllerSource);
  }

  int32_t NewJob(std::string name, int32_t cron, const JobTemplate* tmpl, int64_t created) {
    // Built in place: the records are large and the vectors are reserved.
    PlannedJob& rec = tl_.jobs.emplace_back();
    rec.name = std::move(name);
    rec.cronjob = cron;
    rec.completions = tmpl->spec.completions;
    rec.parallelism = tmpl->spec.parallelism.value_or(1);
    rec.indexed = tmpl->spec.completion_mode.value_or("") == kIndexedCompletion;
    rec.suspended = tmpl->spec.suspend.value_or(false);
    rec.backoff_limit = tmpl->spec.backoff_limit.value_or(kDefaultBackoffLimit);
    rec.active_deadline_seconds = tmpl->spec.active_deadline_seconds;
    rec.created_ms = created;
    JobState& st = jobs_.emplace_back();
    st.tmpl = tmpl;
    st.backoff_limit = tmpl->spec.backoff_limit.value_or(kDefaultBackoffLimit);
    if (rec.indexed && tmpl->spec.completions) {
      st.index_done.assign(size_t(std::max(0, *tmpl->spec.completions)), false);
    }
    return int32_t(jobs_.size() - 1);
  }

  bool JobFinishedOrGone(int32_t j) const {
    return tl_.jobs[j].condition != JobCondition::kNone || tl_.jobs[j].deleted_ms.has_value();
  }

  // --- CronJob controller (cronjob_controllerv2.go sync) --------------------

  void CronJobSync(int32_t c, int64_t now) {
    CronState& st = crons_[c];
    st.synced = true;
    if (st.stopped) return;
    CleanupFinishedJobs(c, now);
    // syncCronJob: finished Jobs leave status.active with SawCompletedJob.
    for (int32_t j : st.live) {
      const PlannedJob& job = tl_.jobs[j];
      if (job.condition == JobCondition::kNone) continue;
      auto it = std::find(st.active.begin(), st.active.end(), j);
      if (it == st.active.end()) continue;
      st.active.erase(it);
      const absl::string_view cond = job.condition == JobCondition::kComplete ? "Complete" : "Failed";
      EmitCron(c, now, EventType::kNormal, "SawCompletedJob",
               {"Saw completed job: ", job.name,
                tl_.options.saw_completed_condition_wording ? ", condition: " : ", status: ", cond});
    }
    if (tl_.cronjobs[c].suspend) return;  // no requeue: nothing happens until resumed
    if (st.format.unsupported_schedule_warning) {
      EmitCron(c, now, EventType::kWarning, kUnsupportedScheduleReason,
               {*st.format.unsupported_schedule_warning});
    }
    const Instant now_s = Instant::FromUnixSeconds(FloorToSeconds(now));
    if (!st.cj->spec.starting_deadline_seconds && st.last_schedule &&
        st.next_after_earliest_for == st.last_schedule && now_s.unix_seconds() * 1000 < st.next_after_earliest_ms) {
      // mostRecentScheduleTime: now < Next(earliest) → nothing due; the
      // requeue is Next(earliest) + 100 ms.
      return RequeueAt(c, st.next_after_earliest_ms + 100);
    }
    CronJobTimes times{st.creation, st.last_schedule, st.cj->spec.starting_deadline_seconds};
    absl::StatusOr<NextSchedule> next = NextScheduleTime(times, now_s, *st.schedule);
    if (!next.ok()) {
      if (absl::IsInvalidArgument(next.status())) {
        EmitCron(c, now, EventType::kWarning, "InvalidSchedule",
                 {"invalid schedule: ", st.cj->spec.schedule, " : ", next.status().message()});
      } else {
        tl_.notes.push_back(absl::StrCat("CronJob/", tl_.cronjobs[c].name, ": ",
                                         next.status().message()));
      }
      st.stopped = true;  // the controller does not requeue
      return;
    }
    if (next->too_many_missed_warning) {
      EmitCron(c, now, EventType::kWarning, kTooManyMissedTimesReason, {kTooManyMissedTimesMessage});
    }
    if (!next->scheduled) {
      Requeue(c, now_s);
      return;
    }
    const Instant scheduled = *next->scheduled;
    if (const auto& sds = st.cj->spec.starting_deadline_seconds;
        sds && scheduled.unix_seconds() * 1000 + *sds * 1000 < now) {
      EmitCron(c, now, EventType::kWarning, "MissSchedule",
               {"Missed scheduled time to start a job: ", FormatRfc1123Z(scheduled)});
      Requeue(c, now_s);
      return;
    }
    std::string job_name = CronJobJobName(tl_.cronjobs[c].name, scheduled);
    for (int32_t j : st.active) {
      if (tl_.jobs[j].name == job_name) {
        Requeue(c, now_s);
        return;
      }
    }
    if (st.last_schedule == scheduled) {
      Requeue(c, now_s);
      return;
    }
    const std::string& policy = st.cj->spec.concurrency_policy;
    if (policy == kForbidConcurrent && !st.active.empty()) {
      EmitCron(c, now, EventType::kNormal, "JobAlreadyActive",
               {"Not starting job because prior execution is running and concurrency policy is "
                "Forbid"});
      Requeue(c, now_s);
      return;
    }
    if (policy == kReplaceConcurrent) {
      const std::vector<int32_t> active = st.active;
      for (int32_t j : active) DeleteJob(c, j, now);
    }
    // CreateJob: a Job of that name that still exists answers AlreadyExists.
    for (int32_t j : st.live) {
      if (tl_.jobs[j].name == job_name) {
        if (std::find(st.active.begin(), st.active.end(), j) != st.active.end()) return;
        st.active.push_back(j);
        st.last_schedule = scheduled;
        Requeue(c, now_s);
        return;
      }
    }
    const int32_t j = NewJob(std::move(job_name), c, st.tmpl.get(), now);
    st.live.push_back(j);
    PlannedJob& job = tl_.jobs[j];
    job.scheduled = scheduled;
    absl::StatusOr<std::string> annotation =
        ScheduledTimestampAnnotation(scheduled, st.cj->spec.time_zone, zones_);
    if (annotation.ok()) job.scheduled_annotation = *std::move(annotation);
    tl_.cronjobs[c].jobs.push_back(j);
    EmitCron(c, now, EventType::kNormal, "SuccessfulCreate", {"Created job ", job.name});
    st.active.push_back(j);
    st.last_schedule = scheduled;
    const int64_t at = Requeue(c, now_s);
    if (at >= 0) {  // Next(scheduled) > now, so the requeue aimed at it
      st.next_after_earliest_for = scheduled;
      st.next_after_earliest_ms = at - 100;
    }
    JobCreated(j, now);  // the Job controller sees the new Job at once
  }

  // Returns the requeue instant (ms), or -1 when there is none.
  int64_t Requeue(int32_t c, Instant now_s) {
    CronState& st = crons_[c];
    CronJobTimes times{st.creation, st.last_schedule, st.cj->spec.starting_deadline_seconds};
    const absl::Duration d = NextScheduleTimeDuration(times, now_s, *st.schedule);
    const int64_t at = now_s.unix_seconds() * 1000 + absl::ToInt64Milliseconds(d);
    if (at < now_s.unix_seconds() * 1000) return -1;
    RequeueAt(c, at);
    return at;
  }

  void RequeueAt(int32_t c, int64_t at) {
    CronState& st = crons_[c];
    if (at >= tl_.options.until.unix_seconds() * 1000) return;
    // The work queue keeps the earliest pending time for a key.
    if (st.requeue_ms >= 0 && st.requeue_ms <= at) return;
    st.requeue_ms = at;
    Push(at, Ev::kCronJobSync, c);
  }

  // cleanupFinishedJobs / removeOldestJobs: by status.startTime (whole
  // seconds; unset last), then name.
  void CleanupFinishedJobs(int32_t c, int64_t now) {
    succeeded_scratch_.clear();
    failed_scratch_.clear();
    for (int32_t j : crons_[c].live) {
      const PlannedJob& job = tl_.jobs[j];
      if (job.condition == JobCondition::kComplete) succeeded_scratch_.push_back(j);
      if (job.condition == JobCondition::kFailed) failed_scratch_.push_back(j);
    }
    RemoveOldest(c, succeeded_scratch_, tl_.cronjobs[c].successful_jobs_history_limit, now);
    RemoveOldest(c, failed_scratch_, tl_.cronjobs[c].failed_jobs_history_limit, now);
  }

  void RemoveOldest(int32_t c, std::vector<int32_t>& js, int32_t limit, int64_t now) {
    const int64_t to_delete = int64_t(js.size()) - limit;
    if (to_delete <= 0) return;
    // Only the first `to_delete` in that order go (usually one of a few).
    std::partial_sort(js.begin(), js.begin() + to_delete, js.end(), [&](int32_t a, int32_t b) {
      const PlannedJob& x = tl_.jobs[a];
      const PlannedJob& y = tl_.jobs[b];
      if (!x.start_ms && y.start_ms) return false;
      if (x.start_ms && !y.start_ms) return true;
      if (x.start_ms && y.start_ms) {
        const int64_t xs = FloorToSeconds(*x.start_ms), ys = FloorToSeconds(*y.start_ms);
        if (xs != ys) return xs < ys;
      }
      return x.name < y.name;
    });
    for (int64_t i = 0; i < to_delete; ++i) DeleteJob(c, js[size_t(i)], now);
  }

  // deleteJob: the Job goes (background propagation takes its pods with it)
  // and leaves status.active.
  void DeleteJob(int32_t c, int32_t j, int64_t now) {
    PlannedJob& job = tl_.jobs[j];
    job.deleted_ms = now;
    for (int32_t p : job.pods) {
      if (!tl_.pods[p].deleted_ms) tl_.pods[p].deleted_ms = now;
    }
    jobs_[j].active.clear();
    auto& active = crons_[c].active;
    active.erase(std::remove(active.begin(), active.end(), j), active.end());
    auto& live = crons_[c].live;
    live.erase(std::remove(live.begin(), live.end(), j), live.end());
    EmitCron(c, now, EventType::kNormal, "SuccessfulDelete", {"Deleted job ", job.name});
  }

  // --- Job controller (job_controller.go syncJob) ----------------------------

  void JobCreated(int32_t j, int64_t now) {
    PlannedJob& job = tl_.jobs[j];
    if (job.deleted_ms) return;
    if (job.suspended) {
      EmitJob(j, now, EventType::kNormal, "Suspended", {"Job suspended"});
      return;
    }
    job.start_ms = now;
    if (const auto& ads = jobs_[j].tmpl->spec.active_deadline_seconds) {
      Push(now + *ads * 1000, Ev::kJobSync, j);
    }
    JobSync(j, now);
  }

  void JobSync(int32_t j, int64_t now) {
    if (JobFinishedOrGone(j) || tl_.jobs[j].suspended) return;
    PlannedJob& job = tl_.jobs[j];
    JobState& st = jobs_[j];
    const JobSpec& spec = st.tmpl->spec;
    // Failure first (exceedsBackoffLimit / pastBackoffLimitOnFailure), then
    // the deadline (pastActiveDeadline), as syncJob orders them.
    bool past_limit = st.failed > st.backoff_limit;
    if (st.tmpl->on_failure) {
      int64_t restarts = 0;
      for (int32_t p : st.active) restarts += pods_[p].restarts;
      past_limit |= st.backoff_limit == 0 ? restarts > 0 : restarts >= st.backoff_limit;
    }
    if (past_limit) return FailJob(j, now, kBackoffLimitExceededReason, kBackoffLimitExceededMessage);
    if (spec.active_deadline_seconds && job.start_ms &&
        now - *job.start_ms >= *spec.active_deadline_seconds * 1000) {
      return FailJob(j, now, "DeadlineExceeded", "Job was active longer than specified deadline");
    }
    const bool complete = job.completions ? st.succeeded >= *job.completions
                                          : st.succeeded > 0 && st.active.empty();
    if (complete) {
      job.condition = JobCondition::kComplete;
      job.finished_ms = now;
      EmitJob(j, now, EventType::kNormal, kJobCompletedReason, {kJobCompletedMessage});
      return JobFinished(j, now);
    }
    ManageJob(j, now);
  }

  void ManageJob(int32_t j, int64_t now) {
    PlannedJob& job = tl_.jobs[j];
    JobState& st = jobs_[j];
    const int32_t active = int32_t(st.active.size());
    int32_t want = 0;
    if (!job.completions) {
      want = st.succeeded > 0 ? active : job.parallelism;
    } else {
      want = std::clamp(*job.completions - st.succeeded, 0, job.parallelism);
    }
    int32_t diff = want - active;
    if (diff <= 0) return;
    const int64_t remaining = JobRemainingBackoffMs(JobPodFailureBackoff::Current(),
                                                    st.backoff.failures_after_last_success,
                                                    st.backoff.last_failure_ms, now);
    if (remaining > 0) {
      if (st.backoff_sync_ms != now + remaining) {
        st.backoff_sync_ms = now + remaining;
        Push(now + remaining, Ev::kJobSync, j);
      }
      return;
    }
    std::vector<int32_t> indexes;
    if (job.indexed && job.completions) {
      // firstPendingIndexes: the lowest indexes neither completed nor active.
      std::vector<bool> busy = st.index_done;
      for (int32_t p : st.active) busy[size_t(tl_.pods[p].index)] = true;
      for (int32_t i = 0; i < *job.completions && int32_t(indexes.size()) < diff; ++i) {
        if (!busy[size_t(i)]) indexes.push_back(i);
      }
      diff = int32_t(indexes.size());
    }
    for (int32_t k = 0; k < diff; ++k) {
      const int32_t index = indexes.empty() ? -1 : indexes[size_t(k)];
      CreatePod(j, index, now);
    }
  }

  void CreatePod(int32_t j, int32_t index, int64_t now) {
    PlannedJob& job = tl_.jobs[j];
    JobState& st = jobs_[j];
    const int32_t id = int32_t(tl_.pods.size());
    PlannedPod& pod = tl_.pods.emplace_back();
    if (index >= 0) {
      pod.name = names_.GenerateName(IndexedPodGenerateNamePrefix(job.name, index));
    } else {
      // PodGenerateNamePrefix (`<job name>-`), in a reused buffer.
      prefix_scratch_.assign(job.name);
      prefix_scratch_ += '-';
      pod.name = names_.GenerateName(prefix_scratch_);
    }
    pod.job = j;
    pod.index = index;
    pod.containers = st.tmpl->containers;
    pod.on_failure = st.tmpl->on_failure;
    pod.created_ms = now;
    const int64_t end = now + tl_.options.pod_runtime_ms;
    pod.runs.push_back(ContainerRun{now, end, tl_.options.pods.RunSucceeds(st.runs_started++)});
    EmitJob(j, now, EventType::kNormal, "SuccessfulCreate", {"Created pod: ", pod.name});
    pods_.emplace_back();
    job.pods.push_back(id);
    st.active.push_back(id);
    Push(end, Ev::kRunEnd, id);
  }

  void RemoveActive(int32_t j, int32_t p) {
    auto& a = jobs_[j].active;
    a.erase(std::remove(a.begin(), a.end(), p), a.end());
  }

  void RunEnd(int32_t p, int64_t now) {
    PlannedPod& pod = tl_.pods[p];
    const int32_t j = pod.job;
    if (pod.deleted_ms || JobFinishedOrGone(j)) return;
    JobState& st = jobs_[j];
    const ContainerRun& run = pod.runs.back();
    if (run.succeeds) {
      pod.finished_ms = now;
      pod.succeeded = true;
      RemoveActive(j, p);
      if (pod.index >= 0) {
        if (!st.index_done[size_t(pod.index)]) {
          st.index_done[size_t(pod.index)] = true;
          ++st.succeeded;
        }
      } else {
        ++st.succeeded;
      }
      const int64_t done[] = {now};
      st.backoff = UpdateBackoffRecord(st.backoff, done, {});
      return JobSync(j, now);
    }
    if (!pod.on_failure) {
      pod.finished_ms = now;
      pod.succeeded = false;
      RemoveActive(j, p);
      ++st.failed;
      const int64_t failed[] = {now};
      st.backoff = UpdateBackoffRecord(st.backoff, {}, failed);
      return JobSync(j, now);
    }
    // OnFailure: the kubelet restarts the container in place.
    PodState& ps = pods_[p];
    const CrashLoopBackoffPolicy policy = CrashLoopBackoffPolicy::Default();
    int64_t restart_at = now;
    if (!ps.has_entry || now - ps.last_update_ms > policy.reset_after_ms) {
      ps.has_entry = true;
      ps.backoff_ms = policy.initial_ms;
      ps.last_update_ms = now;
    } else {
      restart_at = now + ps.backoff_ms;
      ps.backoff_ms = std::min(ps.backoff_ms * 2, policy.max_ms);
      ps.last_update_ms = restart_at;
    }
    Push(restart_at, Ev::kRestart, p);
  }

  void Restart(int32_t p, int64_t now) {
    PlannedPod& pod = tl_.pods[p];
    const int32_t j = pod.job;
    if (pod.deleted_ms || JobFinishedOrGone(j)) return;
    ++pods_[p].restarts;
    const int64_t end = now + tl_.options.pod_runtime_ms;
    pod.runs.push_back(ContainerRun{now, end, tl_.options.pods.RunSucceeds(jobs_[j].runs_started++)});
    Push(end, Ev::kRunEnd, p);
    JobSync(j, now);  // the restart count changed
  }

  void FailJob(int32_t j, int64_t now, absl::string_view reason, absl::string_view message) {
    PlannedJob& job = tl_.jobs[j];
    JobState& st = jobs_[j];
    // deleteActivePods, then the Failed condition and its event.
    for (int32_t p : st.active) {
      tl_.pods[p].deleted_ms = now;
      job.failed_on_finish.push_back(p);
      ++st.failed;
      EmitJob(j, now, EventType::kNormal, "SuccessfulDelete", {"Deleted pod: ", tl_.pods[p].name});
    }
    st.active.clear();
    job.condition = JobCondition::kFailed;
    job.finished_ms = now;
    job.reason = std::string(reason);
    EmitJob(j, now, EventType::kWarning, reason, {message});
    JobFinished(j, now);
  }

  void JobFinished(int32_t j, int64_t now) {
    // The CronJob controller's Job informer enqueues the owner at once.
    if (tl_.jobs[j].cronjob >= 0) CronJobSync(tl_.jobs[j].cronjob, now);
  }

  const TimeZones& zones_;
  SeededNameGenerator names_;
  Timeline tl_;
  std::vector<CronState> crons_;
  std::vector<JobState> jobs_;
  std::vector<PodState> pods_;
  std::vector<std::unique_ptr<JobTemplate>> templates_;
  int64_t expected_jobs_ = 0;  // the CronJobs' schedule ticks, up to kMaxReservedJobs
  // CleanupFinishedJobs' candidates, kept to reuse their capacity (it runs
  // at every CronJob sync). Not reentered: DeleteJob does not sync.
  std::vector<int32_t> succeeded_scratch_;
  std::vector<int32_t> failed_scratch_;
  std::string prefix_scratch_;  // CreatePod's GenerateName
  std::priority_queue<QItem, std::vector<QItem>, std::greater<QItem>> queue_;
  uint64_t seq_ = 0;
};

}  // namespace

static_assert(!std::is_copy_constructible_v<Timeline>,
              "a copied Timeline's events would view the original's text");

// Blocks start small (most plans in tests are a few events) and double up
// to kMaxTextBlock; a string larger than a block gets a block of its own.
constexpr size_t kMinTextBlock = 4 << 10;
constexpr size_t kMaxTextBlock = 256 << 10;

TimelineText::TimelineText(TimelineText&& o) noexcept
    : blocks_(std::move(o.blocks_)),
      next_(std::exchange(o.next_, nullptr)),
      left_(std::exchange(o.left_, 0)),
      block_size_(std::exchange(o.block_size_, 0)),
      used_(std::exchange(o.used_, 0)) {
  o.blocks_.clear();  // moved-from: empty, so appends to it cannot reach our blocks
}

TimelineText& TimelineText::operator=(TimelineText&& o) noexcept {
  if (this != &o) {
    blocks_ = std::move(o.blocks_);
    o.blocks_.clear();
    next_ = std::exchange(o.next_, nullptr);
    left_ = std::exchange(o.left_, 0);
    block_size_ = std::exchange(o.block_size_, 0);
    used_ = std::exchange(o.used_, 0);
  }
  return *this;
}

absl::string_view TimelineText::Append(std::initializer_list<absl::string_view> parts) {
  size_t size = 0;
  for (absl::string_view part : parts) size += part.size();
  if (size == 0) return absl::string_view();
  if (size > left_) {
    block_size_ = block_size_ == 0 ? kMinTextBlock : std::min(block_size_ * 2, kMaxTextBlock);
    const size_t n = std::max(size, block_size_);
    // Value-initialization would zero the block first: default-init it.
    blocks_.push_back(std::unique_ptr<char[]>(new char[n]));
    next_ = blocks_.back().get();
    left_ = n;
  }
  char* const begin = next_;
  char* end = begin;
  for (absl::string_view part : parts) end = std::copy(part.begin(), part.end(), end);
  next_ = end;
  left_ -= size;
  used_ += size;
  return absl::string_view(begin, size);
}

absl::string_view EventTypeName(EventType t) {
  return t == EventType::kNormal ? "Normal" : "Warning";
}

absl::StatusOr<PodOutcomeModel> ParsePodOutcomeModel(absl::string_view text) {
  PodOutcomeModel m;
  if (text == "succeed") return m;
  if (text == "fail") {
    m.kind = PodOutcomeModel::Kind::kFail;
    return m;
  }
  if (absl::ConsumePrefix(&text, "fail:")) {
    int32_t n = 0;
    if (absl::SimpleAtoi(text, &n) && n >= 0 && !text.empty() && text[0] != '+') {
      m.kind = PodOutcomeModel::Kind::kFailFirst;
      m.fail_first = n;
      return m;
    }
  }
  return absl::InvalidArgumentError(
      absl::StrCat("pod outcome must be succeed, fail or fail:N (N >= 0), not \"", text, "\""));
}

absl::StatusOr<int64_t> ParsePodRuntime(absl::string_view text) {
  absl::StatusOr<int64_t> ns = go::ParseDuration(text);
  if (!ns.ok()) return ns.status();
  if (*ns < 0) return absl::InvalidArgumentError("pod runtime must not be negative");
  return *ns / 1'000'000;
}

absl::StatusOr<Timeline> SimulateTimeline(absl::Span<const Manifest> manifests,
                                          const TimeZones& zones, const PlanOptions& options) {
  if (!(options.from < options.until)) {
    return absl::InvalidArgumentError("the window is empty: --until must be after --from");
  }
  if (options.pod_runtime_ms < 0) return absl::InvalidArgumentError("pod runtime must be >= 0");
  Simulator sim(zones, options);
  for (const Manifest& m : manifests) {
    if (m.kind == ManifestKind::kCronJob) {
      if (absl::Status s = sim.AddCronJob(m.cronjob); !s.ok()) return s;
    } else {
      sim.AddJob(m.job);
    }
  }
  return sim.Run();
}

// --- State at an instant -------------------------------------------------------

PodStateAt PodStateAtTime(const Timeline& tl, int32_t p, int64_t at) {
  PodStateAt s;
  const PlannedPod& pod = tl.pods[size_t(p)];
  if (at < pod.created_ms || (pod.deleted_ms && *pod.deleted_ms <= at)) return s;
  s.exists = true;
  // The last run that started by `at`.
  size_t k = 0;
  while (k + 1 < pod.runs.size() && pod.runs[k + 1].start_ms <= at) ++k;
  const ContainerRun& run = pod.runs[k];
  s.restarts = int32_t(k);
  if (k > 0) s.last_restart_ms = pod.runs[k - 1].end_ms;
  const std::string n = absl::StrCat(pod.containers);
  if (at < run.end_ms) {
    s.ready = absl::StrCat(n, "/", n);
    s.status = "Running";
  } else if (run.succeeds) {
    s.ready = absl::StrCat("0/", n);
    s.status = "Completed";
  } else if (!pod.on_failure) {
    s.ready = absl::StrCat("0/", n);
    s.status = "Error";
  } else {
    // Waiting for the kubelet's restart: lastState is this run.
    s.ready = absl::StrCat("0/", n);
    s.status = "CrashLoopBackOff";
    s.last_restart_ms = run.end_ms;
  }
  return s;
}

JobStateAt JobStateAtTime(const Timeline& tl, int32_t j, int64_t at) {
  JobStateAt s;
  const PlannedJob& job = tl.jobs[size_t(j)];
  if (at < job.created_ms || (job.deleted_ms && *job.deleted_ms <= at)) return s;
  s.exists = true;
  const bool finished = job.condition != JobCondition::kNone && job.finished_ms <= at;
  if (finished) {
    s.status = job.condition == JobCondition::kComplete ? "Complete" : "Failed";
  } else {
    s.status = job.suspended ? "Suspended" : "Running";
  }
  std::vector<bool> done_index;
  for (int32_t p : job.pods) {
    const PlannedPod& pod = tl.pods[size_t(p)];
    if (pod.created_ms > at) continue;
    if (pod.finished_ms && *pod.finished_ms <= at) {
      if (!pod.succeeded) {
        ++s.failed;
      } else if (pod.index < 0) {
        ++s.succeeded;
      } else {
        if (done_index.size() <= size_t(pod.index)) done_index.resize(size_t(pod.index) + 1);
        if (!done_index[size_t(pod.index)]) ++s.succeeded;
        done_index[size_t(pod.index)] = true;
      }
      continue;
    }
    if (pod.deleted_ms && *pod.deleted_ms <= at) continue;
    ++s.active;
    if (PodStateAtTime(tl, p, at).status == "Running") ++s.ready;
  }
  if (finished) s.failed += int32_t(job.failed_on_finish.size());
  return s;
}

CronJobStateAt CronJobStateAtTime(const Timeline& tl, int32_t c, int64_t at) {
  CronJobStateAt s;
  for (int32_t j : tl.cronjobs[size_t(c)].jobs) {
    const PlannedJob& job = tl.jobs[size_t(j)];
    if (job.created_ms > at) continue;
    if (job.scheduled && (!s.last_schedule || *s.last_schedule < *job.scheduled)) {
      s.last_schedule = job.scheduled;
    }
    int64_t left = INT64_MAX;
    if (job.condition != JobCondition::kNone) left = job.finished_ms;
    if (job.deleted_ms) left = std::min(left, *job.deleted_ms);
    if (at < left) s.active_jobs.push_back(j);
  }
  s.active = int32_t(s.active_jobs.size());
  return s;
}

}  // namespace kron
