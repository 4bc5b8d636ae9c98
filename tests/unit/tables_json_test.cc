// RenderTablesJson (kron/kubectl_tables.h): the playground's "kubectl at an
// instant" JSON. Expectations are hand-computed from what kubectl prints
// for a `*/5` CronJob with successfulJobsHistoryLimit 2, twelve minutes in:
// printers.go's columns, describe.go's blocks, apimachinery HumanDuration
// ages, and the controllers' event texts (cronjob_controllerv2.go,
// job_controller.go, controller_utils.go). The same tables and blocks are
// checked against RenderPlanText's, which prints them laid out.
#include <algorithm>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/kubectl_tables.h"
#include "kron/timeline.h"
#include "kron/validation.h"
#include "system_zones.h"

namespace kron {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

constexpr char kCronJob[] = R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: hello
spec:
  schedule: "*/5 * * * *"
  successfulJobsHistoryLimit: 2
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: c
              image: busybox
          restartPolicy: Never
)";

Instant T(absl::string_view s) { return *ParseInstant(s); }

// 09:59:30 to 10:14: Jobs at 10:00, 10:05 and 10:10 (`hello-<minutes since
// the epoch>`: 29454360, 29454365, 29454370), each pod running 5 s; at
// 10:10:05 the third completion leaves three finished Jobs for a limit of
// two, so cleanupFinishedJobs deletes hello-29454360 (and its pod).
Timeline Plan() {
  ValidationOptions vo;
  vo.now = T("2026-01-01T09:59:30Z");
  const ValidationReport r = ValidateManifestText(kCronJob, "hello.yml", Zones(), vo);
  EXPECT_FALSE(r.invalid);
  PlanOptions o;
  o.from = T("2026-01-01T09:59:30Z");
  o.until = T("2026-01-01T10:14:00Z");
  return *SimulateTimeline(r.manifests, Zones(), o);
}

std::string PodOf(const Timeline& tl, absl::string_view job) {
  for (const PlannedJob& j : tl.jobs) {
    if (j.name == job) return tl.pods[size_t(j.pods.at(0))].name;
  }
  ADD_FAILURE() << "no job " << job;
  return "";
}

TEST(RenderTablesJson, CronJobWithHistoryLimitAtAnInstant) {
  const Timeline tl = Plan();
  ASSERT_EQ(tl.jobs.size(), 3u);
  const Instant at = T("2026-01-01T10:12:03Z");
  const std::string pod65 = PodOf(tl, "hello-29454365");
  const std::string pod70 = PodOf(tl, "hello-29454370");
  ASSERT_EQ(pod65.size(), 20u);  // hello-29454365- + five generated characters
  ASSERT_EQ(pod70.size(), 20u);
  ASSERT_LT(pod65, pod70);

  // Ages at 10:12:03: the CronJob exists since 09:59:30 (12m33s → `12m`),
  // the last schedule was 10:10:00 (123 s → `2m3s`); the Jobs were created
  // at 10:05 (`7m3s`) and 10:10 (`2m3s`) and took 5 s.
  const std::string cron_text =
      "Name:                          hello\n"
      "Namespace:                     default\n"
      "Schedule:                      */5 * * * *\n"
      "Suspend:                       False\n"
      "Successful Job History Limit:  2\n"
      "Failed Job History Limit:      1\n"
      "Last Schedule Time:            Thu, 01 Jan 2026 10:10:00 +0000\n"
      "Active Jobs:                   <none>\n"
      "Events:\n"
      "  Type    Reason            Age    From                Message\n"
      "  ----    ------            ----   ----                -------\n"
      "  Normal  SuccessfulCreate  12m    cronjob-controller  Created job hello-29454360\n"
      "  Normal  SawCompletedJob   11m    cronjob-controller  Saw completed job: hello-29454360, status: Complete\n"
      "  Normal  SuccessfulCreate  7m3s   cronjob-controller  Created job hello-29454365\n"
      "  Normal  SawCompletedJob   6m58s  cronjob-controller  Saw completed job: hello-29454365, status: Complete\n"
      "  Normal  SuccessfulCreate  2m3s   cronjob-controller  Created job hello-29454370\n"
      "  Normal  SuccessfulDelete  118s   cronjob-controller  Deleted job hello-29454360\n"
      "  Normal  SawCompletedJob   118s   cronjob-controller  Saw completed job: hello-29454370, status: Complete\n";
  // describe job: labels padded to `Completion Mode:` + 2; the Events
  // table's Age column to its widest cell + 2.
  auto job_text = [](absl::string_view name, absl::string_view minute, absl::string_view pod,
                     absl::string_view created_age, absl::string_view completed_age) {
    const size_t age_width = std::max({size_t(3), created_age.size(), completed_age.size()}) + 2;
    auto age = [&](absl::string_view a) { return absl::StrCat(a, std::string(age_width - a.size(), ' ')); };
    return absl::StrCat(
        "Name:             ", name, "\n",
        "Namespace:        default\n"
        "Parallelism:      1\n"
        "Completions:      1\n"
        "Completion Mode:  NonIndexed\n"
        "Suspend:          false\n"
        "Backoff Limit:    6\n"
        "Start Time:       Thu, 01 Jan 2026 10:", minute, ":00 +0000\n",
        "Completed At:     Thu, 01 Jan 2026 10:", minute, ":05 +0000\n",
        "Duration:         5s\n"
        "Pods Statuses:    0 Active (0 Ready) / 1 Succeeded / 0 Failed\n"
        "Events:\n",
        "  Type    Reason            ", age("Age"), "From            Message\n",
        "  ----    ------            ", age("----"), "----            -------\n",
        "  Normal  SuccessfulCreate  ", age(created_age), "job-controller  Created pod: ", pod, "\n",
        "  Normal  Completed         ", age(completed_age), "job-controller  Job completed\n");
  };
  const std::string job65 = job_text("hello-29454365", "05", pod65, "7m3s", "6m58s");
  const std::string job70 = job_text("hello-29454370", "10", pod70, "2m3s", "118s");

  auto trimmed = [](std::string s) {
    while (!s.empty() && s.back() == '\n') s.pop_back();
    return s;
  };
  const std::string want = absl::StrCat(
      R"({"at":"2026-01-01T10:12:03Z",)",
      R"("cronjobs":{"columns":["NAME","SCHEDULE","TIMEZONE","SUSPEND","ACTIVE","LAST SCHEDULE","AGE"],)",
      R"("rows":[["hello","*/5 * * * *","<none>","False","0","2m3s","12m"]]},)",
      R"("jobs":{"columns":["NAME","STATUS","COMPLETIONS","DURATION","AGE"],)",
      R"("rows":[["hello-29454365","Complete","1/1","5s","7m3s"],)",
      R"(["hello-29454370","Complete","1/1","5s","2m3s"]]},)",
      R"("pods":{"columns":["NAME","READY","STATUS","RESTARTS","AGE"],)",
      R"("rows":[[")", pod65, R"(","0/1","Completed","0","7m3s"],)",
      R"([")", pod70, R"(","0/1","Completed","0","2m3s"]]},)",
      R"("describe":[{"object":"CronJob/hello","text":)", JsonQuote(trimmed(cron_text)), "},",
      R"({"object":"Job/hello-29454365","text":)", JsonQuote(trimmed(job65)), "},",
      R"({"object":"Job/hello-29454370","text":)", JsonQuote(trimmed(job70)), "}]}");
  EXPECT_EQ(RenderTablesJson(tl, at), want);

  // The same tables and blocks, as `kron plan --at` lays them out.
  const std::string text = RenderPlanText(tl, at);
  EXPECT_THAT(text, HasSubstr(
      "$ kubectl get cronjobs   # at 2026-01-01T10:12:03Z\n"
      "NAME    SCHEDULE      TIMEZONE   SUSPEND   ACTIVE   LAST SCHEDULE   AGE\n"
      "hello   */5 * * * *   <none>     False     0        2m3s            12m\n"));
  EXPECT_THAT(text, HasSubstr(absl::StrCat(
      "$ kubectl get jobs   # at 2026-01-01T10:12:03Z\n"
      "NAME             STATUS     COMPLETIONS   DURATION   AGE\n"
      "hello-29454365   Complete   1/1           5s         7m3s\n"
      "hello-29454370   Complete   1/1           5s         2m3s\n")));
  EXPECT_THAT(text, HasSubstr(absl::StrCat(
      "$ kubectl get pods   # at 2026-01-01T10:12:03Z\n"
      "NAME                   READY   STATUS      RESTARTS   AGE\n",
      pod65, "   0/1     Completed   0          7m3s\n",
      pod70, "   0/1     Completed   0          2m3s\n")));
  EXPECT_THAT(text, HasSubstr(absl::StrCat(
      "$ kubectl describe cronjob hello   # at 2026-01-01T10:12:03Z\n", cron_text)));
  EXPECT_THAT(text, HasSubstr(absl::StrCat(
      "$ kubectl describe job hello-29454365   # at 2026-01-01T10:12:03Z\n", job65)));
  EXPECT_THAT(text, HasSubstr(absl::StrCat(
      "$ kubectl describe job hello-29454370   # at 2026-01-01T10:12:03Z\n", job70)));
  EXPECT_THAT(text, Not(HasSubstr("describe job hello-29454360")));  // deleted at 10:10:05
}

TEST(RenderTablesJson, BeforeTheCronJobExists) {
  // Nothing exists yet: empty tables, no describe entries.
  const Timeline tl = Plan();
  EXPECT_EQ(RenderTablesJson(tl, T("2026-01-01T09:00:00Z")),
            R"({"at":"2026-01-01T09:00:00Z",)"
            R"("cronjobs":{"columns":["NAME","SCHEDULE","TIMEZONE","SUSPEND","ACTIVE","LAST SCHEDULE","AGE"],"rows":[]},)"
            R"("jobs":{"columns":["NAME","STATUS","COMPLETIONS","DURATION","AGE"],"rows":[]},)"
            R"("pods":{"columns":["NAME","READY","STATUS","RESTARTS","AGE"],"rows":[]},)"
            R"("describe":[]})");
}

}  // namespace
}  // namespace kron
