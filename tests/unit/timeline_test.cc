// The controller timeline (kron/timeline.h). Expectations: the seed document
// (NOTES.md: job-test01, cronjob-test01), the controllers' event texts
// (cronjob_controllerv2.go, job_controller.go, controller_utils.go), the
// pod-failure backoff of kron/backoff.h cross-checked against
// SimulateJobRetries, and hand-computed schedules.
#include "kron/timeline.h"

#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <type_traits>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/backoff.h"
#include "kron/kubectl_tables.h"
#include "kron/validation.h"
#include "system_zones.h"

namespace kron {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::MatchesRegex;

std::string ReadSeed(absl::string_view name) {
  std::ifstream in(absl::StrCat(KRON_SOURCE_DIR, "/tests/data/seed/", name));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

Instant T(absl::string_view s) { return *ParseInstant(s); }
int64_t Ms(absl::string_view s) { return T(s).unix_seconds() * 1000; }

std::vector<Manifest> Load(const std::string& text) {
  ValidationOptions vo;
  vo.now = T("2026-01-01T00:00:00Z");
  ValidationReport r = ValidateManifestText(text, "test.yml", Zones(), vo);
  EXPECT_FALSE(r.invalid);
  EXPECT_FALSE(r.unreadable);
  return r.manifests;
}

Timeline Plan(const std::string& text, absl::string_view from, absl::string_view until,
              absl::string_view pods = "succeed", int64_t runtime_ms = 5000) {
  PlanOptions o;
  o.from = T(from);
  o.until = T(until);
  o.pods = *ParsePodOutcomeModel(pods);
  o.pod_runtime_ms = runtime_ms;
  o.seed = 1;
  absl::StatusOr<Timeline> tl = SimulateTimeline(Load(text), Zones(), o);
  EXPECT_TRUE(tl.ok()) << tl.status();
  return *std::move(tl);
}

// "time reason message" lines for one object, times as RFC 3339 seconds.
std::vector<std::string> Lines(const Timeline& tl, absl::string_view object) {
  std::vector<std::string> out;
  for (const TimelineEvent& e : tl.events) {
    if (e.object != object) continue;
    out.push_back(absl::StrCat(FormatRfc3339Utc(Instant::FromUnixSeconds(e.time_ms / 1000)), " ",
                               e.reason, " ", e.message));
  }
  return out;
}

std::string CronJobYaml(absl::string_view extra_spec, absl::string_view restart = "Never",
                        absl::string_view job_extra = "") {
  return absl::StrCat(R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: cj
spec:
  schedule: "*/1 * * * *"
)",
                      extra_spec, R"(  jobTemplate:
    spec:
)",
                      job_extra, R"(      template:
        spec:
          containers:
            - name: c
              image: busybox
          restartPolicy: )",
                      restart, "\n");
}

std::string JobYaml(absl::string_view extra_spec, absl::string_view restart = "Never") {
  return absl::StrCat(R"(apiVersion: batch/v1
kind: Job
metadata:
  name: job
spec:
)",
                      extra_spec, R"(  template:
    spec:
      containers:
        - name: c
          image: busybox
      restartPolicy: )",
                      restart, "\n");
}

// --- The seed ------------------------------------------------------------------

TEST(SeedJob, CompletesWithOnePod) {
  const Timeline tl = Plan(ReadSeed("job-test01.yml"), "2026-01-01T08:00:00Z", "2026-01-01T08:10:00Z");
  ASSERT_EQ(tl.events.size(), 2u);
  EXPECT_EQ(tl.events[0].reason, "SuccessfulCreate");
  EXPECT_THAT(std::string(tl.events[0].message), MatchesRegex("Created pod: job-test01-[bcdfghjklmnpqrstvwxz2456789]{5}"));
  EXPECT_EQ(tl.events[0].source, "job-controller");
  EXPECT_EQ(tl.events[0].object, "Job/job-test01");
  EXPECT_EQ(tl.events[1].reason, "Completed");
  EXPECT_EQ(tl.events[1].message, "Job completed");
  EXPECT_EQ(tl.events[1].time_ms, Ms("2026-01-01T08:00:05Z"));

  const Instant at = T("2026-01-01T08:05:42Z");
  const KubectlTable jobs = GetJobsTable(tl, at);
  ASSERT_EQ(jobs.rows.size(), 1u);
  EXPECT_THAT(jobs.rows[0], ElementsAre("job-test01", "Complete", "1/1", "5s", "5m42s"));
  EXPECT_EQ(PodsStatuses(JobStateAtTime(tl, 0, at.unix_seconds() * 1000)),
            "0 Active (0 Ready) / 1 Succeeded / 0 Failed");
  const KubectlTable pods = GetPodsTable(tl, at);
  ASSERT_EQ(pods.rows.size(), 1u);  // the pod stays after completion
  EXPECT_THAT(pods.rows[0], ElementsAre(tl.pods[0].name, "0/1", "Completed", "0", "5m42s"));
  const std::string describe = DescribeJob(tl, 0, at);
  EXPECT_THAT(describe, HasSubstr("Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n"));
  EXPECT_THAT(describe, HasSubstr("Completion Mode:  NonIndexed\n"));
  EXPECT_THAT(describe, HasSubstr("  Normal  Completed         5m37s  job-controller  Job completed\n"));
}

TEST(SeedJob, RunningPodIsReady) {
  const Timeline tl = Plan(ReadSeed("job-test01.yml"), "2026-01-01T08:00:00Z", "2026-01-01T08:10:00Z");
  const Instant at = T("2026-01-01T08:00:03Z");
  EXPECT_THAT(GetPodsTable(tl, at).rows[0], ElementsAre(tl.pods[0].name, "1/1", "Running", "0", "3s"));
  EXPECT_THAT(GetJobsTable(tl, at).rows[0], ElementsAre("job-test01", "Running", "0/1", "3s", "3s"));
  EXPECT_EQ(PodsStatuses(JobStateAtTime(tl, 0, at.unix_seconds() * 1000)),
            "1 Active (1 Ready) / 0 Succeeded / 0 Failed");
}

TEST(SeedJob, EveryPodFailingMeansFourPodsThenBackoffLimitExceeded) {
  const Timeline tl = Plan(ReadSeed("job-test01.yml"), "2026-01-01T08:00:00Z",
                           "2026-01-01T09:00:00Z", "fail");
  ASSERT_EQ(tl.pods.size(), 4u);  // backoffLimit 3: failed > 3 after the 4th
  // Created at 0 s; each fails 5 s later; retries 10 s, 20 s, 40 s after each failure.
  EXPECT_EQ(tl.pods[0].created_ms, Ms("2026-01-01T08:00:00Z"));
  EXPECT_EQ(tl.pods[1].created_ms, Ms("2026-01-01T08:00:15Z"));
  EXPECT_EQ(tl.pods[2].created_ms, Ms("2026-01-01T08:00:40Z"));
  EXPECT_EQ(tl.pods[3].created_ms, Ms("2026-01-01T08:01:25Z"));
  const std::vector<std::string> lines = Lines(tl, "Job/job-test01");
  ASSERT_EQ(lines.size(), 5u);
  EXPECT_EQ(lines[4], "2026-01-01T08:01:30Z BackoffLimitExceeded Job has reached the specified backoff limit");
  EXPECT_EQ(tl.events.back().type, EventType::kWarning);

  // The same instants as kron/backoff.h's whole-Job simulation.
  JobRetrySpec spec;
  spec.backoff_limit = 3;
  spec.start_ms = Ms("2026-01-01T08:00:00Z");
  spec.runs = {RunPlan{5000, false}};
  const JobTimeline ref = SimulateJobRetries(spec);
  ASSERT_EQ(ref.attempts.size(), 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_EQ(ref.attempts[i].start_ms, tl.pods[i].created_ms);
  EXPECT_EQ(ref.finished_ms, tl.jobs[0].finished_ms);

  const Instant at = T("2026-01-01T08:02:00Z");
  EXPECT_THAT(GetJobsTable(tl, at).rows[0], ElementsAre("job-test01", "Failed", "0/1", "2m", "2m"));
  EXPECT_EQ(PodsStatuses(JobStateAtTime(tl, 0, at.unix_seconds() * 1000)),
            "0 Active (0 Ready) / 0 Succeeded / 4 Failed");
  EXPECT_EQ(GetPodsTable(tl, at).rows[0][2], "Error");
}

TEST(SeedJob, FailFirstTwoThenSucceed) {
  const Timeline tl = Plan(ReadSeed("job-test01.yml"), "2026-01-01T08:00:00Z",
                           "2026-01-01T09:00:00Z", "fail:2");
  ASSERT_EQ(tl.pods.size(), 3u);
  EXPECT_EQ(tl.jobs[0].condition, JobCondition::kComplete);
  EXPECT_EQ(tl.jobs[0].finished_ms, Ms("2026-01-01T08:00:45Z"));  // 0+5, +10, 15+5, +20, 40+5
}

TEST(SeedCronJob, CreatesJobsNamedByScheduledMinute) {
  const Timeline tl = Plan(ReadSeed("cronjob-test01.yml"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:02:00Z");
  EXPECT_THAT(Lines(tl, "CronJob/cronjob-test01"),
              ElementsAre("2026-01-01T08:00:00Z SuccessfulCreate Created job cronjob-test01-29454240",
                          "2026-01-01T08:00:05Z SawCompletedJob Saw completed job: cronjob-test01-29454240, status: Complete",
                          "2026-01-01T08:01:00Z SuccessfulCreate Created job cronjob-test01-29454241",
                          "2026-01-01T08:01:05Z SawCompletedJob Saw completed job: cronjob-test01-29454241, status: Complete"));
  ASSERT_EQ(tl.jobs.size(), 2u);
  EXPECT_EQ(tl.jobs[0].scheduled_annotation, "2026-01-01T08:00:00Z");
  EXPECT_EQ(tl.jobs[0].created_ms, Ms("2026-01-01T08:00:00Z") + 100);  // requeue at fire + 100 ms
  EXPECT_THAT(tl.pods[0].name, MatchesRegex("cronjob-test01-29454240-[a-z2-9]{5}"));
  EXPECT_THAT(tl.pods[1].name, MatchesRegex("cronjob-test01-29454241-[a-z2-9]{5}"));
  // `kubectl get cronjob` 5 s after the second run started (seed: ACTIVE 1, LAST SCHEDULE 5s).
  const KubectlTable cj = GetCronJobsTable(tl, T("2026-01-01T08:01:04Z"));
  EXPECT_THAT(cj.rows[0], ElementsAre("cronjob-test01", "*/1 * * * *", "<none>", "False", "1", "4s", "94s"));
}

TEST(SeedCronJob, HistoryLimitKeepsTheNewestThreeSuccessfulJobs) {
  const Timeline tl = Plan(ReadSeed("cronjob-test01.yml"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:10:30Z");
  const KubectlTable jobs = GetJobsTable(tl, T("2026-01-01T08:10:30Z"));
  ASSERT_EQ(jobs.rows.size(), 3u);
  EXPECT_EQ(jobs.rows[0][0], "cronjob-test01-29454248");
  EXPECT_EQ(jobs.rows[1][0], "cronjob-test01-29454249");
  EXPECT_EQ(jobs.rows[2][0], "cronjob-test01-29454250");
  EXPECT_EQ(GetPodsTable(tl, T("2026-01-01T08:10:30Z")).rows.size(), 3u);  // deleted with their Jobs
  std::vector<std::string> deletes;
  for (const std::string& l : Lines(tl, "CronJob/cronjob-test01")) {
    if (l.find("SuccessfulDelete") != std::string::npos) deletes.push_back(l);
  }
  ASSERT_EQ(deletes.size(), 8u);  // 240 … 247
  // The 4th completion (08:03:05) deletes the oldest, before SawCompletedJob
  // (cleanupFinishedJobs runs before syncCronJob).
  EXPECT_EQ(deletes[0], "2026-01-01T08:03:05Z SuccessfulDelete Deleted job cronjob-test01-29454240");
  EXPECT_EQ(deletes[7], "2026-01-01T08:10:05Z SuccessfulDelete Deleted job cronjob-test01-29454247");
  const std::vector<std::string> all = Lines(tl, "CronJob/cronjob-test01");
  const auto it = std::find(all.begin(), all.end(), deletes[0]);
  ASSERT_NE(it + 1, all.end());
  EXPECT_EQ(*(it + 1), "2026-01-01T08:03:05Z SawCompletedJob Saw completed job: cronjob-test01-29454243, status: Complete");
}

TEST(SeedCronJob, FailedHistoryKeepsOne) {
  const Timeline tl = Plan(ReadSeed("cronjob-test01.yml"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:10:30Z", "fail");
  const KubectlTable jobs = GetJobsTable(tl, T("2026-01-01T08:10:30Z"));
  // backoffLimit 6: each Job fails 5+10+5+20+5+40+5+80+5+160+5+320+5 = 665 s after it starts,
  // so every minute adds an active Job; none has failed by 08:10:30.
  EXPECT_EQ(jobs.rows.size(), 11u);
  const Timeline later = Plan(ReadSeed("cronjob-test01.yml"), "2026-01-01T07:59:30Z",
                              "2026-01-01T08:30:00Z", "fail");
  int failed = 0;
  for (const auto& row : GetJobsTable(later, T("2026-01-01T08:30:00Z")).rows) failed += row[1] == "Failed";
  EXPECT_EQ(failed, 1);
}

// --- CronJob policies ----------------------------------------------------------

TEST(CronJobPolicy, ForbidSkipsThenStartsTheMissedRunWhenTheJobFinishes) {
  const Timeline tl = Plan(CronJobYaml("  concurrencyPolicy: Forbid\n"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:02:00Z", "succeed", 90'000);
  EXPECT_THAT(Lines(tl, "CronJob/cj"),
              ElementsAre("2026-01-01T08:00:00Z SuccessfulCreate Created job cj-29454240",
                          "2026-01-01T08:01:00Z JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
                          "2026-01-01T08:01:30Z SawCompletedJob Saw completed job: cj-29454240, status: Complete",
                          "2026-01-01T08:01:30Z SuccessfulCreate Created job cj-29454241"));
}

TEST(CronJobPolicy, ForbidWithStartingDeadlineDropsTheMissedRun) {
  const Timeline tl = Plan(CronJobYaml("  concurrencyPolicy: Forbid\n  startingDeadlineSeconds: 10\n"),
                           "2026-01-01T07:59:30Z", "2026-01-01T08:02:30Z", "succeed", 90'000);
  EXPECT_THAT(Lines(tl, "CronJob/cj"),
              ElementsAre("2026-01-01T08:00:00Z SuccessfulCreate Created job cj-29454240",
                          "2026-01-01T08:01:00Z JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid",
                          "2026-01-01T08:01:30Z SawCompletedJob Saw completed job: cj-29454240, status: Complete",
                          "2026-01-01T08:02:00Z SuccessfulCreate Created job cj-29454242"));
}

TEST(CronJobPolicy, ReplaceDeletesTheRunningJob) {
  const Timeline tl = Plan(CronJobYaml("  concurrencyPolicy: Replace\n"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:01:30Z", "succeed", 90'000);
  EXPECT_THAT(Lines(tl, "CronJob/cj"),
              ElementsAre("2026-01-01T08:00:00Z SuccessfulCreate Created job cj-29454240",
                          "2026-01-01T08:01:00Z SuccessfulDelete Deleted job cj-29454240",
                          "2026-01-01T08:01:00Z SuccessfulCreate Created job cj-29454241"));
  const KubectlTable pods = GetPodsTable(tl, T("2026-01-01T08:01:10Z"));
  ASSERT_EQ(pods.rows.size(), 1u);  // the replaced Job's pod went with it
  EXPECT_THAT(pods.rows[0][0], HasSubstr("cj-29454241-"));
}

TEST(CronJobPolicy, AllowRunsConcurrently) {
  const Timeline tl = Plan(CronJobYaml(""), "2026-01-01T07:59:30Z", "2026-01-01T08:02:30Z",
                           "succeed", 150'000);
  const KubectlTable cj = GetCronJobsTable(tl, T("2026-01-01T08:02:20Z"));
  EXPECT_EQ(cj.rows[0][4], "3");  // 08:00, 08:01 and 08:02 are all running
}

TEST(CronJobPolicy, SuspendedCronJobDoesNothing) {
  const Timeline tl = Plan(CronJobYaml("  suspend: true\n"), "2026-01-01T07:59:30Z",
                           "2026-01-01T09:00:00Z");
  EXPECT_TRUE(tl.events.empty());
  EXPECT_THAT(GetCronJobsTable(tl, T("2026-01-01T08:30:00Z")).rows[0],
              ElementsAre("cj", "*/1 * * * *", "<none>", "True", "0", "<none>", "30m"));
}

TEST(CronJobPolicy, OldCreationTimestampRunsOnlyTheMostRecentMissedTime) {
  // Created a day earlier, never synced: the controller starts only the most
  // recent missed time and warns that too many were missed.
  const Timeline tl = Plan(CronJobYaml("").insert(std::string("metadata:\n").size() +
                                                      std::string("apiVersion: batch/v1\nkind: CronJob\n").size(),
                                                  "  creationTimestamp: \"2025-12-31T08:00:00Z\"\n"),
                           "2026-01-01T08:00:30Z", "2026-01-01T08:00:40Z");
  EXPECT_THAT(Lines(tl, "CronJob/cj"),
              ElementsAre("2026-01-01T08:00:30Z TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew",
                          "2026-01-01T08:00:30Z SuccessfulCreate Created job cj-29454240",
                          "2026-01-01T08:00:35Z SawCompletedJob Saw completed job: cj-29454240, status: Complete"));
}

TEST(CronJobPolicy, TimeZoneAnnotationAndColumn) {
  const Timeline tl = Plan(CronJobYaml("  timeZone: Asia/Seoul\n"), "2026-01-01T07:59:30Z",
                           "2026-01-01T08:00:30Z");
  ASSERT_EQ(tl.jobs.size(), 1u);
  EXPECT_EQ(tl.jobs[0].scheduled_annotation, "2026-01-01T17:00:00+09:00");
  EXPECT_EQ(GetCronJobsTable(tl, T("2026-01-01T08:00:30Z")).rows[0][2], "Asia/Seoul");
}

// --- Job controller ------------------------------------------------------------

TEST(JobController, ActiveDeadlineDeletesThePodThenFails) {
  const Timeline tl = Plan(JobYaml("  activeDeadlineSeconds: 30\n"), "2026-01-01T08:00:00Z",
                           "2026-01-01T08:05:00Z", "succeed", 60'000);
  const std::vector<std::string> lines = Lines(tl, "Job/job");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], absl::StrCat("2026-01-01T08:00:30Z SuccessfulDelete Deleted pod: ", tl.pods[0].name));
  EXPECT_EQ(lines[2], "2026-01-01T08:00:30Z DeadlineExceeded Job was active longer than specified deadline");
  EXPECT_EQ(PodsStatuses(JobStateAtTime(tl, 0, Ms("2026-01-01T08:01:00Z"))),
            "0 Active (0 Ready) / 0 Succeeded / 1 Failed");
  EXPECT_TRUE(GetPodsTable(tl, T("2026-01-01T08:01:00Z")).rows.empty());
}

TEST(JobController, ParallelCompletions) {
  const Timeline tl = Plan(JobYaml("  completions: 3\n  parallelism: 2\n"), "2026-01-01T08:00:00Z",
                           "2026-01-01T08:05:00Z");
  ASSERT_EQ(tl.pods.size(), 3u);
  EXPECT_EQ(tl.pods[1].created_ms, Ms("2026-01-01T08:00:00Z"));
  EXPECT_EQ(tl.pods[2].created_ms, Ms("2026-01-01T08:00:05Z"));
  EXPECT_EQ(tl.jobs[0].finished_ms, Ms("2026-01-01T08:00:10Z"));
  EXPECT_EQ(GetJobsTable(tl, T("2026-01-01T08:00:07Z")).rows[0][2], "2/3");
}

TEST(JobController, IndexedPodNames) {
  const Timeline tl = Plan(JobYaml("  completions: 3\n  parallelism: 3\n  completionMode: Indexed\n"),
                           "2026-01-01T08:00:00Z", "2026-01-01T08:05:00Z");
  ASSERT_EQ(tl.pods.size(), 3u);
  EXPECT_THAT(tl.pods[0].name, MatchesRegex("job-0-[a-z2-9]{5}"));
  EXPECT_THAT(tl.pods[1].name, MatchesRegex("job-1-[a-z2-9]{5}"));
  EXPECT_THAT(tl.pods[2].name, MatchesRegex("job-2-[a-z2-9]{5}"));
  EXPECT_EQ(tl.jobs[0].condition, JobCondition::kComplete);
}

TEST(JobController, IndexedRetriesTheFailedIndex) {
  const Timeline tl = Plan(JobYaml("  completions: 2\n  parallelism: 2\n  completionMode: Indexed\n"),
                           "2026-01-01T08:00:00Z", "2026-01-01T08:05:00Z", "fail:1");
  ASSERT_EQ(tl.pods.size(), 3u);
  EXPECT_EQ(tl.pods[2].index, 0);  // index 0's first pod failed
  // Index 1 succeeded at the same instant: a success resets the backoff
  // record (newBackoffRecord counts only failures after the last success).
  EXPECT_EQ(tl.pods[2].created_ms, Ms("2026-01-01T08:00:05Z"));
}

TEST(JobController, OnFailureRestartsInPlaceWithCrashLoopBackOff) {
  const Timeline tl = Plan(JobYaml("  backoffLimit: 3\n", "OnFailure"), "2026-01-01T08:00:00Z",
                           "2026-01-01T08:05:00Z", "fail");
  ASSERT_EQ(tl.pods.size(), 1u);
  // Runs at 0, 5 (immediate restart), 20 (+10 s), 45 (+20 s): the 3rd restart reaches the limit.
  ASSERT_EQ(tl.pods[0].runs.size(), 4u);
  EXPECT_EQ(tl.pods[0].runs[3].start_ms, Ms("2026-01-01T08:00:45Z"));
  const std::vector<std::string> lines = Lines(tl, "Job/job");
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[1], absl::StrCat("2026-01-01T08:00:45Z SuccessfulDelete Deleted pod: ", tl.pods[0].name));
  EXPECT_EQ(lines[2], "2026-01-01T08:00:45Z BackoffLimitExceeded Job has reached the specified backoff limit");
  JobRetrySpec spec;
  spec.restart_policy = RestartPolicy::kOnFailure;
  spec.backoff_limit = 3;
  spec.start_ms = Ms("2026-01-01T08:00:00Z");
  spec.runs = {RunPlan{5000, false}};
  EXPECT_EQ(SimulateJobRetries(spec).finished_ms, tl.jobs[0].finished_ms);
  // Between runs the pod waits in CrashLoopBackOff.
  EXPECT_THAT(GetPodsTable(tl, T("2026-01-01T08:00:12Z")).rows[0],
              ElementsAre(tl.pods[0].name, "0/1", "CrashLoopBackOff", "1 (2s ago)", "12s"));
  EXPECT_THAT(GetPodsTable(tl, T("2026-01-01T08:00:22Z")).rows[0],
              ElementsAre(tl.pods[0].name, "1/1", "Running", "2 (12s ago)", "22s"));
}

TEST(JobController, SuspendedJobCreatesNoPods) {
  const Timeline tl = Plan(JobYaml("  suspend: true\n"), "2026-01-01T08:00:00Z", "2026-01-01T08:05:00Z");
  EXPECT_THAT(Lines(tl, "Job/job"), ElementsAre("2026-01-01T08:00:00Z Suspended Job suspended"));
  EXPECT_THAT(GetJobsTable(tl, T("2026-01-01T08:01:00Z")).rows[0],
              ElementsAre("job", "Suspended", "0/1", "", "60s"));
}

// --- Options and determinism --------------------------------------------------

TEST(PlanOptions, OutcomeModelParsing) {
  EXPECT_EQ(ParsePodOutcomeModel("succeed")->kind, PodOutcomeModel::Kind::kSucceed);
  EXPECT_EQ(ParsePodOutcomeModel("fail")->kind, PodOutcomeModel::Kind::kFail);
  EXPECT_EQ(ParsePodOutcomeModel("fail:3")->fail_first, 3);
  EXPECT_FALSE(ParsePodOutcomeModel("fail:").ok());
  EXPECT_FALSE(ParsePodOutcomeModel("fail:-1").ok());
  EXPECT_FALSE(ParsePodOutcomeModel("ok").ok());
  EXPECT_EQ(*ParsePodRuntime("1m30s"), 90'000);
  EXPECT_FALSE(ParsePodRuntime("-5s").ok());
  EXPECT_FALSE(ParsePodRuntime("5").ok());
}

TEST(PlanOptions, EmptyWindowIsAnError) {
  PlanOptions o;
  o.from = o.until = T("2026-01-01T08:00:00Z");
  EXPECT_FALSE(SimulateTimeline({}, Zones(), o).ok());
}

TEST(PlanOptions, SeedMakesNamesReproducible) {
  const std::string text = ReadSeed("cronjob-test01.yml");
  const Timeline a = Plan(text, "2026-01-01T07:59:30Z", "2026-01-01T08:05:00Z");
  const Timeline b = Plan(text, "2026-01-01T07:59:30Z", "2026-01-01T08:05:00Z");
  EXPECT_EQ(RenderPlanJson(a, T("2026-01-01T08:05:00Z")), RenderPlanJson(b, T("2026-01-01T08:05:00Z")));
  PlanOptions o;
  o.from = T("2026-01-01T07:59:30Z");
  o.until = T("2026-01-01T08:05:00Z");
  o.seed = 2;
  const Timeline c = *SimulateTimeline(Load(text), Zones(), o);
  EXPECT_NE(a.pods[0].name, c.pods[0].name);
}

TEST(PlanOptions, ConditionWording) {
  PlanOptions o;
  o.from = T("2026-01-01T07:59:30Z");
  o.until = T("2026-01-01T08:00:30Z");
  o.saw_completed_condition_wording = true;
  const Timeline tl = *SimulateTimeline(Load(ReadSeed("cronjob-test01.yml")), Zones(), o);
  EXPECT_EQ(tl.events.back().message, "Saw completed job: cronjob-test01-29454240, condition: Complete");
}

TEST(PlanDay, OneDayOfEveryMinute) {
  const Timeline tl = Plan(ReadSeed("cronjob-test01.yml"), "2025-12-31T23:59:30Z", "2026-01-01T23:59:30Z");
  // A CronJob created at 00:00:00 first fires at 00:01 (Next is strictly after creation).
  EXPECT_EQ(tl.jobs.size(), 1440u);
  EXPECT_EQ(GetJobsTable(tl, T("2026-01-01T23:59:30Z")).rows.size(), 3u);
}

// The events' text lives in the Timeline: views stay valid across appends
// that open new blocks and across moves of the Timeline.
TEST(TimelineText, ViewsSurviveGrowthAndMoves) {
  TimelineText text;
  std::vector<absl::string_view> views;
  std::vector<std::string> want;
  for (int i = 0; i < 20000; ++i) {  // several blocks (~290 KB)
    want.push_back(absl::StrCat("Pod/cronjob-test01-", i));
    views.push_back(text.Append({"Pod/", "cronjob-test01-", absl::StrCat(i)}));
  }
  const std::string big(1 << 20, 'x');  // larger than any block
  views.push_back(text.Append(big));
  want.push_back(big);
  views.push_back(text.Append({}));
  want.push_back("");
  TimelineText moved = std::move(text);
  TimelineText assigned;
  assigned.Append("replaced");
  assigned = std::move(moved);
  for (size_t i = 0; i < want.size(); ++i) ASSERT_EQ(views[i], want[i]) << i;
  size_t total = 0;
  for (const std::string& w : want) total += w.size();
  EXPECT_EQ(assigned.bytes_used(), total);
}

TEST(TimelineText, EventsViewTheMovedTimeline) {
  std::optional<Timeline> holder;
  std::string first_object;
  {
    Timeline tl = Plan(ReadSeed("cronjob-test01.yml"), "2026-01-01T07:59:30Z", "2026-01-01T09:00:00Z");
    first_object = std::string(tl.events.front().object);
    holder.emplace(std::move(tl));
  }
  EXPECT_EQ(holder->events.front().object, first_object);
  EXPECT_EQ(holder->events.front().message, "Created job cronjob-test01-29454240");
  static_assert(!std::is_copy_constructible_v<Timeline>);
  static_assert(std::is_nothrow_move_constructible_v<Timeline>);
}

// metav1.Time keeps whole seconds: a time in milliseconds is stored as the
// second at or before it, also before 1970.
TEST(FloorToSeconds, RoundsTowardThePast) {
  EXPECT_EQ(FloorToSeconds(0), 0);
  EXPECT_EQ(FloorToSeconds(1'767'254'400'100), 1'767'254'400);
  EXPECT_EQ(FloorToSeconds(1'999), 1);
  EXPECT_EQ(FloorToSeconds(-1), -1);
  EXPECT_EQ(FloorToSeconds(-1'000), -1);
  EXPECT_EQ(FloorToSeconds(-1'001), -2);
}

}  // namespace
}  // namespace kron
