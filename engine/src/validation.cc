// The API server's validation of batch/v1 Jobs and CronJobs on create.
//
// Sources (the message strings are copied verbatim):
//  * pkg/apis/batch/validation/validation.go — ValidateJob, validateJobSpec,
//    validatePodReplacementPolicy, ValidateCronJobCreate, validateCronJobSpec,
//    validateScheduleFormat, validateTimeZone, validateConcurrencyPolicy,
//    ValidateJobTemplateSpec.
//  * pkg/apis/core/validation/validation.go — validateContainers /
//    validateContainerCommon (name, image), validateRestartPolicy.
//  * k8s.io/apimachinery/pkg/api/validation — ValidateObjectMeta
//    ("name or generateName is required"), ValidateNonnegativeField
//    ("must be greater than or equal to 0").
//  * k8s.io/apimachinery/pkg/util/validation/field/errors.go — how each
//    error renders: `Required value`, `Invalid value: <v>`, `Unsupported
//    value: <v>: supported values: "a", "b"`, `Duplicate value: <v>`; strings
//    are Go-quoted (%q), numbers and booleans printed plainly.
//  * k8s.io/apimachinery/pkg/util/errors — aggregate: one error alone, several
//    as `[a, b]`, repeated messages once.
#include "kron/validation.h"

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "go_strconv.h"
#include "kron/names.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron {

std::string Finding::ToString() const {
  return field.empty() ? message : absl::StrCat(field, ": ", message);
}

namespace {

// field.Error rendering of the bad value.
std::string GoValue(absl::string_view s) { return go::Quote(s); }
std::string GoValue(int64_t v) { return absl::StrCat(v); }
std::string GoValue(bool v) { return v ? "true" : "false"; }

class Errors {
 public:
  explicit Errors(const FieldPositions& positions) : positions_(positions) {}

  void Add(std::string field, std::string message) {
    const SourcePos pos = positions_.Find(field);
    list_.push_back({Severity::kError, std::move(field), std::move(message), pos});
  }
  // field.Required
  void Required(std::string field, absl::string_view detail = "") {
    Add(std::move(field), detail.empty() ? "Required value" : absl::StrCat("Required value: ", detail));
  }
  // field.Invalid
  template <typename V>
  void Invalid(std::string field, const V& value, absl::string_view detail) {
    Add(std::move(field), absl::StrCat("Invalid value: ", GoValue(value), ": ", detail));
  }
  // field.NotSupported
  template <typename V>
  void NotSupported(std::string field, const V& value, std::initializer_list<absl::string_view> valid) {
    std::vector<std::string> quoted;
    for (absl::string_view v : valid) quoted.push_back(go::Quote(v));
    Add(std::move(field), absl::StrCat("Unsupported value: ", GoValue(value),
                                       ": supported values: ", absl::StrJoin(quoted, ", ")));
  }
  // field.Duplicate
  void Duplicate(std::string field, absl::string_view value) {
    Add(std::move(field), absl::StrCat("Duplicate value: ", GoValue(value)));
  }
  // apivalidation.ValidateNonnegativeField
  template <typename Int>
  void Nonnegative(const std::optional<Int>& v, std::string field) {
    if (v && *v < 0) Invalid(std::move(field), static_cast<int64_t>(*v), "must be greater than or equal to 0");
  }

  // field.ErrorList.ToAggregate drops repeated messages.
  std::vector<Finding> Take() {
    std::vector<Finding> out;
    absl::flat_hash_set<std::string> seen;
    for (Finding& f : list_)
      if (seen.insert(f.ToString()).second) out.push_back(std::move(f));
    return out;
  }

 private:
  const FieldPositions& positions_;
  std::vector<Finding> list_;
};

// ValidateObjectMeta with ValidateReplicationControllerName (NameIsDNSSubdomain).
void ValidateObjectMeta(const ObjectMeta& m, Errors& errs) {
  if (m.name.empty() && m.generate_name.empty()) {
    errs.Required("metadata.name", kNameRequiredMessage);
  } else if (!m.name.empty()) {
    for (const std::string& msg : IsDns1123Subdomain(m.name)) errs.Invalid("metadata.name", m.name, msg);
  }
  // kubectl fills in the namespace from the context when it is not written.
  if (m.namespace_ && !m.namespace_->empty()) {
    for (const std::string& msg : IsDns1123Label(*m.namespace_))
      errs.Invalid("metadata.namespace", *m.namespace_, msg);
  }
}

// The parts of ValidatePodTemplateSpec kron models.
void ValidatePodTemplate(const PodTemplateSpec& t, const std::string& path, Errors& errs) {
  const std::string spec = path + ".spec";
  const std::string containers = spec + ".containers";
  if (t.containers.empty()) errs.Required(containers);
  absl::flat_hash_set<std::string> names;
  for (size_t i = 0; i < t.containers.size(); ++i) {
    const Container& c = t.containers[i];
    const std::string p = absl::StrCat(containers, "[", i, "]");
    if (c.name.empty()) {
      errs.Required(p + ".name");
    } else {
      for (const std::string& msg : IsDns1123Label(c.name)) errs.Invalid(p + ".name", c.name, msg);
      if (!names.insert(c.name).second) errs.Duplicate(p + ".name", c.name);
    }
    if (c.image.empty()) errs.Required(p + ".image");
  }
  // core validateRestartPolicy (after defaulting, "" has become Always).
  const std::string& rp = t.restart_policy;
  if (!rp.empty() && rp != "Always" && rp != "OnFailure" && rp != "Never")
    errs.NotSupported(spec + ".restartPolicy", absl::string_view(rp), {"Always", "OnFailure", "Never"});
}

constexpr int32_t kMaxParallelismForIndexedJob = 100000;
constexpr int32_t kMaxFailedIndexesForIndexedJob = 100000;
constexpr int32_t kCompletionsSoftLimit = 100000;
constexpr int32_t kParallelismLimitForHighCompletions = 10000;
constexpr int32_t kMaxFailedIndexesLimitForHighCompletions = 10000;

// validateJobSpec.
void ValidateJobSpec(const JobSpec& s, const std::string& path, Errors& errs) {
  errs.Nonnegative(s.parallelism, path + ".parallelism");
  errs.Nonnegative(s.completions, path + ".completions");
  errs.Nonnegative(s.active_deadline_seconds, path + ".activeDeadlineSeconds");
  errs.Nonnegative(s.backoff_limit, path + ".backoffLimit");
  errs.Nonnegative(s.ttl_seconds_after_finished, path + ".ttlSecondsAfterFinished");
  errs.Nonnegative(s.backoff_limit_per_index, path + ".backoffLimitPerIndex");
  if (s.max_failed_indexes) {
    errs.Nonnegative(s.max_failed_indexes, path + ".maxFailedIndexes");
    if (!s.backoff_limit_per_index)
      errs.Required(path + ".backoffLimitPerIndex", "when maxFailedIndexes is specified");
  }
  if (s.completion_mode) {
    const std::string& mode = *s.completion_mode;
    if (mode != kNonIndexedCompletion && mode != kIndexedCompletion)
      errs.NotSupported(path + ".completionMode", absl::string_view(mode), {kNonIndexedCompletion, kIndexedCompletion});
    if (mode == kIndexedCompletion) {
      if (!s.completions) errs.Required(path + ".completions", "when completion mode is Indexed");
      if (s.parallelism && *s.parallelism > kMaxParallelismForIndexedJob)
        errs.Invalid(path + ".parallelism", int64_t{*s.parallelism},
                     absl::StrCat("must be less than or equal to ", kMaxParallelismForIndexedJob,
                                  " when completion mode is Indexed"));
      if (s.completions && s.max_failed_indexes && *s.max_failed_indexes > *s.completions)
        errs.Invalid(path + ".maxFailedIndexes", int64_t{*s.max_failed_indexes},
                     "must be less than or equal to completions");
      if (s.max_failed_indexes && *s.max_failed_indexes > kMaxFailedIndexesForIndexedJob)
        errs.Invalid(path + ".maxFailedIndexes", int64_t{*s.max_failed_indexes},
                     absl::StrCat("must be less than or equal to ", kMaxFailedIndexesForIndexedJob));
      if (s.completions && *s.completions > kCompletionsSoftLimit && s.backoff_limit_per_index) {
        if (!s.max_failed_indexes)
          errs.Required(path + ".maxFailedIndexes",
                        absl::StrCat("must be specified when completions is above ", kCompletionsSoftLimit));
        if (s.parallelism && *s.parallelism > kParallelismLimitForHighCompletions)
          errs.Invalid(path + ".parallelism", int64_t{*s.parallelism},
                       absl::StrCat("must be less than or equal to ", kParallelismLimitForHighCompletions,
                                    " when completions are above ", kCompletionsSoftLimit,
                                    " and used with backoff limit per index"));
        if (s.max_failed_indexes && *s.max_failed_indexes > kMaxFailedIndexesLimitForHighCompletions)
          errs.Invalid(path + ".maxFailedIndexes", int64_t{*s.max_failed_indexes},
                       absl::StrCat("must be less than or equal to ", kMaxFailedIndexesLimitForHighCompletions,
                                    " when completions are above ", kCompletionsSoftLimit,
                                    " and used with backoff limit per index"));
      }
    }
  }
  if (!s.completion_mode || *s.completion_mode == kNonIndexedCompletion) {
    if (s.backoff_limit_per_index)
      errs.Invalid(path + ".backoffLimitPerIndex", int64_t{*s.backoff_limit_per_index},
                   "requires indexed completion mode");
    if (s.max_failed_indexes)
      errs.Invalid(path + ".maxFailedIndexes", int64_t{*s.max_failed_indexes}, "requires indexed completion mode");
  }
  // validatePodReplacementPolicy.
  if (s.pod_replacement_policy) {
    const std::string& p = *s.pod_replacement_policy;
    if (s.has_pod_failure_policy) {
      if (p != "Failed") errs.NotSupported(path + ".podReplacementPolicy", absl::string_view(p), {"Failed"});
    } else if (p != "Failed" && p != "TerminatingOrFailed") {
      errs.NotSupported(path + ".podReplacementPolicy", absl::string_view(p), {"Failed", "TerminatingOrFailed"});
    }
  }
  ValidatePodTemplate(s.template_, path + ".template", errs);
  // "spec.Template.Spec.RestartPolicy can be defaulted as RestartPolicyAlways".
  const std::string rp_path = path + ".template.spec.restartPolicy";
  const std::string& rp = s.template_.restart_policy;
  if (rp == "Always" || rp.empty()) {
    errs.Required(rp_path, "valid values: \"OnFailure\", \"Never\"");
  } else if (rp != "OnFailure" && rp != "Never") {
    errs.NotSupported(rp_path, absl::string_view(rp), {"OnFailure", "Never"});
  } else if (s.has_pod_failure_policy && rp != "Never") {
    errs.Invalid(rp_path, absl::string_view(rp), "only \"Never\" is supported when podFailurePolicy is specified");
  }
}

// https://data.iana.org/time-zones/theory.html#naming, as validation.go
// checks it: ^[A-Za-z\.\-_0-9+]{1,14}$ per `/`-separated part.
bool ValidTimeZonePart(absl::string_view part) {
  if (part.empty() || part.size() > 14 || part == "." || part == ".." || part[0] == '-') return false;
  for (char c : part)
    if (!absl::ascii_isalnum(c) && c != '.' && c != '-' && c != '_' && c != '+') return false;
  return true;
}

void ValidateTimeZone(const std::optional<std::string>& tz, const TimeZones& zones, Errors& errs) {
  if (!tz) return;
  const std::string path = "spec.timeZone";
  if (tz->empty()) {
    errs.Invalid(path, absl::string_view(*tz), "timeZone must be nil or non-empty string");
    return;
  }
  for (absl::string_view part : absl::StrSplit(*tz, '/')) {
    if (!ValidTimeZonePart(part)) {
      errs.Invalid(path, absl::string_view(*tz), absl::StrCat("unknown time zone ", *tz));
      return;
    }
  }
  if (absl::EqualsIgnoreCase(*tz, "Local"))
    errs.Invalid(path, absl::string_view(*tz),
                 "timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones");
  if (absl::StatusOr<const Zone*> z = zones.Find(*tz); !z.ok())
    errs.Invalid(path, absl::string_view(*tz), z.status().message());
}

}  // namespace

std::vector<Finding> ValidateJob(const Job& job, const FieldPositions& positions) {
  Errors errs(positions);
  ValidateObjectMeta(job.metadata, errs);
  ValidateJobSpec(job.spec, "spec", errs);
  // ValidateJob: an Indexed Job's last pod hostname must be a DNS-1123 label.
  const JobSpec& s = job.spec;
  if (s.completion_mode == kIndexedCompletion && s.completions && *s.completions > 0) {
    const std::string host = absl::StrCat(job.metadata.name, "-", *s.completions - 1);
    if (!IsDns1123Label(host).empty())
      errs.Invalid("metadata.name", absl::string_view(job.metadata.name),
                   absl::StrCat("will not able to create pod with invalid DNS label: ", host));
  }
  return errs.Take();
}

std::vector<Finding> ValidateCronJob(const CronJob& cj, const FieldPositions& positions,
                                     const TimeZones& zones) {
  Errors errs(positions);
  ValidateObjectMeta(cj.metadata, errs);
  const CronJobSpec& s = cj.spec;
  if (s.schedule.empty()) {
    errs.Required("spec.schedule");
  } else {
    // validateScheduleFormat: robfig's error, and TZ in the schedule (both
    // may be reported).
    if (absl::StatusOr<Schedule> parsed = ParseStandard(s.schedule, zones); !parsed.ok())
      errs.Invalid("spec.schedule", absl::string_view(s.schedule), parsed.status().message());
    if (absl::StrContains(s.schedule, "TZ"))
      errs.Invalid("spec.schedule", absl::string_view(s.schedule),
                   "cannot use TZ or CRON_TZ in schedule, use timeZone field instead");
  }
  errs.Nonnegative(s.starting_deadline_seconds, "spec.startingDeadlineSeconds");
  ValidateTimeZone(s.time_zone, zones, errs);
  const std::string& cp = s.concurrency_policy;
  if (cp.empty()) {
    errs.Required("spec.concurrencyPolicy");
  } else if (cp != kAllowConcurrent && cp != kForbidConcurrent && cp != kReplaceConcurrent) {
    errs.NotSupported("spec.concurrencyPolicy", absl::string_view(cp),
                      {kAllowConcurrent, kForbidConcurrent, kReplaceConcurrent});
  }
  // ValidateJobTemplateSpec.
  ValidateJobSpec(s.job_template.spec, "spec.jobTemplate.spec", errs);
  if (s.job_template.spec.manual_selector && *s.job_template.spec.manual_selector)
    errs.NotSupported("spec.jobTemplate.spec.manualSelector", true, {"nil", "false"});
  errs.Nonnegative(s.successful_jobs_history_limit, "spec.successfulJobsHistoryLimit");
  errs.Nonnegative(s.failed_jobs_history_limit, "spec.failedJobsHistoryLimit");
  // ValidateCronJobCreate: `-<minutes>` must fit in a 63-character Job name.
  if (static_cast<int>(cj.metadata.name.size()) > kMaxCronJobNameLength)
    errs.Invalid("metadata.name", absl::string_view(cj.metadata.name), kCronJobNameTooLongMessage);
  return errs.Take();
}

std::vector<Finding> Validate(const Manifest& m, const TimeZones& zones, const ValidationOptions& options) {
  if (m.kind == ManifestKind::kJob) return ValidateJob(m.job, m.positions);
  std::vector<Finding> out = ValidateCronJob(m.cronjob, m.positions, zones);
  bool schedule_ok = true;
  for (const Finding& f : out)
    if (f.field == "spec.schedule" || f.field == "spec.timeZone") schedule_ok = false;
  if (schedule_ok) {
    std::vector<Finding> warnings = CronJobWarnings(m.cronjob, m.positions, zones, options);
    for (Finding& w : warnings) out.push_back(std::move(w));
  }
  return out;
}

std::string InvalidMessage(const Manifest& m, const std::vector<Finding>& findings) {
  std::vector<std::string> parts;
  absl::flat_hash_set<std::string> seen;
  for (const Finding& f : findings) {
    if (f.severity != Severity::kError) continue;
    std::string s = f.ToString();
    if (seen.insert(s).second) parts.push_back(std::move(s));
  }
  if (parts.empty()) return "";
  std::string body = parts.size() == 1 ? parts[0] : absl::StrCat("[", absl::StrJoin(parts, ", "), "]");
  return absl::StrCat("The ", m.kind_name(), " ", go::Quote(m.metadata().name), " is invalid: ", body);
}

}  // namespace kron
