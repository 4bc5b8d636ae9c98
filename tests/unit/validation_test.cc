// The API server's validation of Jobs and CronJobs, message for message
// (pkg/apis/batch/validation/validation.go, pkg/apis/core/validation,
// k8s.io/apimachinery field errors), and kron's warnings.
#include <fstream>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

#include "gmock/gmock.h"
#include "gtest/gtest.h"
#include "kron/manifest.h"
#include "kron/validation.h"
#include "kron/zone.h"
#include "system_zones.h"

namespace kron {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;
using ::testing::IsEmpty;

ValidationOptions Options() {
  ValidationOptions o;
  o.now = Instant::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
  return o;
}

std::vector<std::string> Lines(const std::string& text) {
  ValidationReport r = ValidateManifestText(text, "m.yaml", Zones(), Options());
  std::vector<std::string> out;
  for (const ReportItem& i : r.items) out.push_back(i.ToString());
  return out;
}

// Findings as `field: message` for one document.
std::vector<std::string> Errors(const std::string& text) {
  ReadResult r = ReadManifestText(text, "m.yaml");
  EXPECT_TRUE(r.errors.empty());
  DecodeResult d = DecodeManifest(r.documents.at(0));
  EXPECT_TRUE(d.manifest.has_value());
  ApplyDefaults(*d.manifest);
  std::vector<std::string> out;
  for (const Finding& f : Validate(*d.manifest, Zones(), Options())) {
    out.push_back((f.severity == Severity::kWarning ? "warning: " : "") + f.ToString());
  }
  return out;
}

std::string Job(const std::string& spec, const std::string& name = "j",
                const std::string& pod = "restartPolicy: Never\n      containers: [{name: c, image: i}]") {
  return "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: " + name + "\nspec:\n" + spec +
         "  template:\n    spec:\n      " + pod + "\n";
}

std::string CronJob(const std::string& spec, const std::string& name = "c",
                    const std::string& pod = "restartPolicy: Never\n          containers: [{name: c, image: i}]") {
  return "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: " + name + "\nspec:\n" + spec +
         "  jobTemplate:\n    spec:\n      template:\n        spec:\n          " + pod + "\n";
}

std::string ReadSeed(const std::string& name) {
  std::ifstream in(std::string(KRON_SOURCE_DIR) + "/tests/data/seed/" + name, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(SeedValidation, BothSeedManifestsAreValidWithoutWarnings) {
  for (const char* name : {"job-test01.yml", "cronjob-test01.yml"}) {
    ValidationReport r = ValidateManifestText(ReadSeed(name), name, Zones(), Options());
    EXPECT_FALSE(r.unreadable) << name;
    EXPECT_FALSE(r.invalid) << name;
    EXPECT_THAT(r.items, IsEmpty()) << name << ": " << r.items[0].ToString();
    EXPECT_EQ(r.manifests.size(), 1u);
  }
}

TEST(JobValidation, RestartPolicyAlwaysIsRequiredValue) {
  EXPECT_THAT(Errors(Job("", "j", "restartPolicy: Always\n      containers: [{name: c, image: i}]")),
              ElementsAre("spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));
}

TEST(JobValidation, MissingRestartPolicyDefaultsToAlwaysAndFails) {
  EXPECT_THAT(Errors(Job("", "j", "containers: [{name: c, image: i}]")),
              ElementsAre("spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\""));
}

TEST(JobValidation, UnknownRestartPolicyFailsCoreAndJobChecks) {
  EXPECT_THAT(Errors(Job("", "j", "restartPolicy: Sometimes\n      containers: [{name: c, image: i}]")),
              ElementsAre("spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                          "\"Always\", \"OnFailure\", \"Never\"",
                          "spec.template.spec.restartPolicy: Unsupported value: \"Sometimes\": supported values: "
                          "\"OnFailure\", \"Never\""));
}

TEST(JobValidation, OnFailureIsAccepted) {
  EXPECT_THAT(Errors(Job("", "j", "restartPolicy: OnFailure\n      containers: [{name: c, image: i}]")), IsEmpty());
}

TEST(JobValidation, NegativeCounts) {
  EXPECT_THAT(Errors(Job("  parallelism: -1\n  completions: -2\n  activeDeadlineSeconds: -3\n  backoffLimit: -4\n"
                         "  ttlSecondsAfterFinished: -5\n")),
              ElementsAre("spec.parallelism: Invalid value: -1: must be greater than or equal to 0",
                          "spec.completions: Invalid value: -2: must be greater than or equal to 0",
                          "spec.activeDeadlineSeconds: Invalid value: -3: must be greater than or equal to 0",
                          "spec.backoffLimit: Invalid value: -4: must be greater than or equal to 0",
                          "spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0"));
}

TEST(JobValidation, NameMustBeDns1123Subdomain) {
  EXPECT_THAT(Errors(Job("", "Job_1")),
              ElementsAre("metadata.name: Invalid value: \"Job_1\": a lowercase RFC 1123 subdomain must consist of "
                          "lower case alphanumeric characters, '-' or '.', and must start and end with an "
                          "alphanumeric character (e.g. 'example.com', regex used for validation is "
                          "'[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"));
}

TEST(JobValidation, NameRequired) {
  EXPECT_THAT(Errors(Job("", "\"\"")), ElementsAre("metadata.name: Required value: name or generateName is required"));
}

TEST(JobValidation, CompletionModeNotSupported) {
  EXPECT_THAT(Errors(Job("  completionMode: Sequential\n")),
              ElementsAre("spec.completionMode: Unsupported value: \"Sequential\": supported values: "
                          "\"NonIndexed\", \"Indexed\""));
}

TEST(JobValidation, IndexedNeedsCompletions) {
  EXPECT_THAT(Errors(Job("  completionMode: Indexed\n  parallelism: 2\n")),
              ElementsAre("spec.completions: Required value: when completion mode is Indexed"));
}

TEST(JobValidation, IndexedParallelismLimit) {
  EXPECT_THAT(Errors(Job("  completionMode: Indexed\n  completions: 5\n  parallelism: 100001\n")),
              ElementsAre("spec.parallelism: Invalid value: 100001: must be less than or equal to 100000 when "
                          "completion mode is Indexed"));
}

TEST(JobValidation, IndexedPodHostnameMustBeALabel) {
  const std::string name(60, 'a');
  EXPECT_THAT(Errors(Job("  completionMode: Indexed\n  completions: 1000\n", name)),
              ElementsAre("metadata.name: Invalid value: \"" + name +
                          "\": will not able to create pod with invalid DNS label: " + name + "-999"));
}

TEST(JobValidation, BackoffLimitPerIndexRequiresIndexed) {
  EXPECT_THAT(Errors(Job("  backoffLimitPerIndex: 1\n  maxFailedIndexes: 1\n")),
              ElementsAre("spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode",
                          "spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode"));
}

TEST(JobValidation, MaxFailedIndexesNeedsBackoffLimitPerIndex) {
  EXPECT_THAT(Errors(Job("  completionMode: Indexed\n  completions: 3\n  maxFailedIndexes: 4\n")),
              ElementsAre("spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified",
                          "spec.maxFailedIndexes: Invalid value: 4: must be less than or equal to completions"));
}

TEST(JobValidation, HighCompletionsWithBackoffLimitPerIndex) {
  EXPECT_THAT(Errors(Job("  completionMode: Indexed\n  completions: 100001\n  parallelism: 10001\n"
                         "  backoffLimitPerIndex: 1\n", "big")),
              ElementsAre("spec.maxFailedIndexes: Required value: must be specified when completions is above 100000",
                          "spec.parallelism: Invalid value: 10001: must be less than or equal to 10000 when "
                          "completions are above 100000 and used with backoff limit per index"));
}

TEST(JobValidation, PodReplacementPolicy) {
  EXPECT_THAT(Errors(Job("  podReplacementPolicy: Never\n")),
              ElementsAre("spec.podReplacementPolicy: Unsupported value: \"Never\": supported values: \"Failed\", "
                          "\"TerminatingOrFailed\""));
}

TEST(JobValidation, PodFailurePolicyNeedsNever) {
  EXPECT_THAT(Errors(Job("  podFailurePolicy: {rules: []}\n", "j",
                         "restartPolicy: OnFailure\n      containers: [{name: c, image: i}]")),
              ElementsAre("spec.template.spec.restartPolicy: Invalid value: \"OnFailure\": only \"Never\" is "
                          "supported when podFailurePolicy is specified"));
}

TEST(JobValidation, ContainersRequired) {
  EXPECT_THAT(Errors(Job("", "j", "restartPolicy: Never\n      containers: []")),
              ElementsAre("spec.template.spec.containers: Required value"));
}

TEST(JobValidation, ContainerNameImageAndDuplicates) {
  EXPECT_THAT(
      Errors(Job("", "j", "restartPolicy: Never\n      containers: [{name: a, image: i}, {name: a}, {image: i}]")),
      ElementsAre("spec.template.spec.containers[1].name: Duplicate value: \"a\"",
                  "spec.template.spec.containers[1].image: Required value",
                  "spec.template.spec.containers[2].name: Required value"));
}

TEST(JobValidation, ContainerNameMustBeALabel) {
  EXPECT_THAT(Errors(Job("", "j", "restartPolicy: Never\n      containers: [{name: a.b, image: i}]")),
              ElementsAre("spec.template.spec.containers[0].name: Invalid value: \"a.b\": must not contain dots"));
}

TEST(JobValidation, NamespaceMustBeALabel) {
  EXPECT_THAT(Errors("apiVersion: batch/v1\nkind: Job\nmetadata: {name: j, namespace: Prod}\nspec:\n  template:\n"
                     "    spec: {restartPolicy: Never, containers: [{name: c, image: i}]}\n"),
              ElementsAre(HasSubstr("metadata.namespace: Invalid value: \"Prod\": a lowercase RFC 1123 label")));
}

TEST(CronJobValidation, ScheduleRequired) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"\"\n")), ElementsAre("spec.schedule: Required value"));
}

TEST(CronJobValidation, ScheduleParseErrorIsRobfigText) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"61 * * * *\"\n")),
              ElementsAre("spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above maximum (59): 61"));
  EXPECT_THAT(Errors(CronJob("  schedule: \"* * * *\"\n")),
              ElementsAre("spec.schedule: Invalid value: \"* * * *\": expected exactly 5 fields, found 4: [* * * *]"));
}

TEST(CronJobValidation, TzInScheduleIsRejected) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"CRON_TZ=UTC 0 * * * *\"\n")),
              ElementsAre("spec.schedule: Invalid value: \"CRON_TZ=UTC 0 * * * *\": cannot use TZ or CRON_TZ in "
                          "schedule, use timeZone field instead"));
}

TEST(CronJobValidation, TzWithUnknownZoneReportsBoth) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"TZ=Mars/Base 0 * * * *\"\n")),
              ElementsAre("spec.schedule: Invalid value: \"TZ=Mars/Base 0 * * * *\": provided bad location "
                          "Mars/Base: unknown time zone Mars/Base",
                          "spec.schedule: Invalid value: \"TZ=Mars/Base 0 * * * *\": cannot use TZ or CRON_TZ in "
                          "schedule, use timeZone field instead"));
}

TEST(CronJobValidation, TimeZoneChecks) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  timeZone: \"\"\n")),
              ElementsAre("spec.timeZone: Invalid value: \"\": timeZone must be nil or non-empty string"));
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  timeZone: Mars/Base\n")),
              ElementsAre("spec.timeZone: Invalid value: \"Mars/Base\": unknown time zone Mars/Base"));
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  timeZone: ../etc/passwd\n")),
              ElementsAre("spec.timeZone: Invalid value: \"../etc/passwd\": unknown time zone ../etc/passwd"));
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  timeZone: Local\n")),
              ElementsAre("spec.timeZone: Invalid value: \"Local\": timeZone must be an explicit time zone as "
                          "defined in https://www.iana.org/time-zones"));
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  timeZone: Asia/Seoul\n")), IsEmpty());
}

TEST(CronJobValidation, NameAtMost52Characters) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n", std::string(52, 'c'))), IsEmpty());
  const std::string name(53, 'c');
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n", name)),
              ElementsAre("metadata.name: Invalid value: \"" + name + "\": must be no more than 52 characters"));
}

TEST(CronJobValidation, ConcurrencyPolicyNotSupported) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  concurrencyPolicy: allow\n")),
              ElementsAre("spec.concurrencyPolicy: Unsupported value: \"allow\": supported values: \"Allow\", "
                          "\"Forbid\", \"Replace\""));
}

TEST(CronJobValidation, NegativeDeadlineAndHistoryLimits) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n  startingDeadlineSeconds: -1\n"
                             "  successfulJobsHistoryLimit: -2\n  failedJobsHistoryLimit: -3\n")),
              ElementsAre("spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
                          "spec.successfulJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0",
                          "spec.failedJobsHistoryLimit: Invalid value: -3: must be greater than or equal to 0"));
}

TEST(CronJobValidation, JobTemplateRulesUseTemplatePaths) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@daily\"\n", "c", "containers: [{name: c, image: i}]")),
              ElementsAre("spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "
                          "\"OnFailure\", \"Never\""));
}

TEST(CronJobValidation, ManualSelectorInTemplate) {
  const std::string text =
      "apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: c}\nspec:\n  schedule: '@daily'\n  jobTemplate:\n"
      "    spec:\n      manualSelector: true\n      template: {spec: {restartPolicy: Never, containers: [{name: c, "
      "image: i}]}}\n";
  EXPECT_THAT(Errors(text), ElementsAre("spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported "
                                        "values: \"nil\", \"false\""));
}

TEST(InvalidMessage, OneAndSeveralErrorsAsKubectlPrintsThem) {
  ReadResult r = ReadManifestText(CronJob("  schedule: \"61 * * * *\"\n"), "m.yaml");
  DecodeResult d = DecodeManifest(r.documents.at(0));
  ApplyDefaults(*d.manifest);
  EXPECT_EQ(InvalidMessage(*d.manifest, Validate(*d.manifest, Zones(), Options())),
            "The CronJob \"c\" is invalid: spec.schedule: Invalid value: \"61 * * * *\": end of range (61) above "
            "maximum (59): 61");
  r = ReadManifestText(Job("  backoffLimit: -1\n", "j", "containers: [{name: c, image: i}]"), "m.yaml");
  d = DecodeManifest(r.documents.at(0));
  ApplyDefaults(*d.manifest);
  EXPECT_EQ(InvalidMessage(*d.manifest, Validate(*d.manifest, Zones(), Options())),
            "The Job \"j\" is invalid: [spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0, "
            "spec.template.spec.restartPolicy: Required value: valid values: \"OnFailure\", \"Never\"]");
}

TEST(Warnings, NeverFires) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"0 0 30 2 *\"\n")),
              ElementsAre(AllOf(HasSubstr("warning: spec.schedule: \"0 0 30 2 *\" never fires"),
                                HasSubstr("suspend: true"))));
}

TEST(Warnings, DayOfMonthDayOfWeekOrRule) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"0 0 13 * 5\"\n")),
              ElementsAre(HasSubstr("warning: spec.schedule: day-of-month \"13\" and day-of-week \"5\" are both "
                                    "restricted, so cron's OR rule applies")));
  // A star in either field: AND, no warning.
  EXPECT_THAT(Errors(CronJob("  schedule: \"0 0 * * 5\"\n")), IsEmpty());
  EXPECT_THAT(Errors(CronJob("  schedule: \"0 0 13 * *\"\n")), IsEmpty());
}

TEST(Warnings, EveryUnderAMinute) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"@every 30s\"\n")),
              ElementsAre(HasSubstr("warning: spec.schedule: \"@every 30s\" runs every 30s, more than once a minute")));
  EXPECT_THAT(Errors(CronJob("  schedule: \"@every 1m\"\n")), IsEmpty());
}

// America/New_York 2026: DST starts 2026-03-08 02:00 → 03:00, ends
// 2026-11-01 02:00 → 01:00 (hand-checked against the tz rules: second Sunday
// of March, first Sunday of November).
TEST(Warnings, DstGapSkipsRun) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"30 2 * * *\"\n  timeZone: America/New_York\n")),
              ElementsAre("warning: spec.timeZone: time zone America/New_York changes its clocks at times this "
                          "schedule names; upcoming: 2026-03-08: clocks jump from 02:00 to 03:00, so the run at "
                          "02:30 is skipped"));
}

TEST(Warnings, DstOverlapDoublesRun) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"15 1 * * *\"\n  timeZone: America/New_York\n")),
              ElementsAre("warning: spec.timeZone: time zone America/New_York changes its clocks at times this "
                          "schedule names; upcoming: 2026-11-01: clocks go back from 02:00 to 01:00, so the run at "
                          "01:15 happens twice"));
}

TEST(Warnings, HourlyScheduleHitsBothTransitions) {
  const std::vector<std::string> e = Errors(CronJob("  schedule: \"0 * * * *\"\n  timeZone: Europe/Berlin\n"));
  ASSERT_EQ(e.size(), 1u);
  EXPECT_THAT(e[0], HasSubstr("2026-03-29: clocks jump from 02:00 to 03:00, so the run at 02:00 is skipped"));
  EXPECT_THAT(e[0], HasSubstr("2026-10-25: clocks go back from 03:00 to 02:00, so the run at 02:00 happens twice"));
}

TEST(Warnings, NoDstNoWarning) {
  EXPECT_THAT(Errors(CronJob("  schedule: \"30 2 * * *\"\n  timeZone: Asia/Seoul\n")), IsEmpty());
  EXPECT_THAT(Errors(CronJob("  schedule: \"30 2 * * *\"\n")), IsEmpty());
}

TEST(Report, LinesCarryFileLineObjectAndField) {
  EXPECT_THAT(Lines(Job("  backoffLimit: -1\n")),
              ElementsAre("m.yaml:6: Job/j: spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0"));
  EXPECT_THAT(Lines(CronJob("  schedule: \"0 0 13 * 5\"\n")),
              ElementsAre(HasSubstr("m.yaml:6: warning: CronJob/c: spec.schedule: day-of-month")));
  EXPECT_THAT(Lines("a: [1\n"), ElementsAre(HasSubstr("m.yaml:2:1: yaml: ")));
}

TEST(Report, ExitCategories) {
  ValidationReport ok = ValidateManifestText(ReadSeed("job-test01.yml"), "j", Zones(), Options());
  EXPECT_FALSE(ok.invalid || ok.unreadable);
  ValidationReport bad = ValidateManifestText(Job("  backoffLimit: -1\n"), "j", Zones(), Options());
  EXPECT_TRUE(bad.invalid);
  EXPECT_FALSE(bad.unreadable);
  ValidationReport unsupported =
      ValidateManifestText("apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n", "p", Zones(), Options());
  EXPECT_TRUE(unsupported.invalid);
  ValidationReport typed = ValidateManifestText(Job("  backoffLimit: x\n"), "j", Zones(), Options());
  EXPECT_TRUE(typed.unreadable);
  ValidationReport unknown = ValidateManifestText(Job("  backoffLimt: 1\n"), "j", Zones(), Options());
  EXPECT_TRUE(unknown.invalid);
  EXPECT_THAT(unknown.items.at(0).ToString(),
              "j:6: Job/j: strict decoding error: unknown field \"spec.backoffLimt\"");
}

}  // namespace
}  // namespace kron
