// kron/validation.h — what the API server would say about a Job or CronJob on
// `kubectl apply` (create), plus kron's own warnings.
//
// Errors reproduce pkg/apis/batch/validation/validation.go (ValidateJob,
// ValidateCronJobCreate and what they call in pkg/apis/core/validation and
// k8s.io/apimachinery): the same field paths, the same order, the same words,
// rendered as apimachinery's field.Error does (`Required value`,
// `Invalid value: "x": detail`, `Unsupported value: "x": supported values:
// "OnFailure", "Never"`), duplicates dropped as field.ErrorList.ToAggregate
// drops them. Validation runs on the object *after* ApplyDefaults, as the API
// server defaults before it validates (so a missing restartPolicy is reported
// as `Required value`, like `Always`).
//
// Not reproduced (kron does not model them): selector and label checks,
// podFailurePolicy / successPolicy rules, pod-spec fields other than
// restartPolicy and the containers' name and image, metadata.labels and
// annotations syntax, generateName.
//
// Warnings are kron's own, each a plain-words explanation:
//  * the schedule can never fire (kron::CanEverFire);
//  * timeZone has daylight-saving transitions whose skipped or repeated
//    wall-clock times the schedule names (runs skipped or doubled, with dates);
//  * day-of-month and day-of-week are both restricted: cron's OR rule;
//  * `@every` under one minute: Job names (`<name>-<minutes>`) collide.
#ifndef KRON_VALIDATION_H_
#define KRON_VALIDATION_H_

#include <string>
#include <vector>

#include "kron/instant.h"
#include "kron/manifest.h"
#include "kron/zone.h"

namespace kron {

enum class Severity : uint8_t { kError, kWarning };

struct Finding {
  Severity severity = Severity::kError;
  std::string field;    // the API path (`spec.schedule`); may be empty
  std::string message;  // errors: field.Error's body; warnings: kron's explanation
  SourcePos pos;        // where the field (or its nearest written parent) is

  // `field: message`, as field.Error.Error() prints it.
  std::string ToString() const;
};

struct ValidationOptions {
  // Warnings look at zone transitions in [now, now + dst_horizon_days).
  Instant now;
  int dst_horizon_days = 366;
  // At most this many transition dates are listed in the DST warning.
  int max_dst_dates = 4;
};

// The API server's errors for a defaulted Job (ValidateJob on create).
std::vector<Finding> ValidateJob(const Job& job, const FieldPositions& positions);

// The API server's errors for a defaulted CronJob (ValidateCronJobCreate).
// `zones` answers time.LoadLocation for spec.timeZone and TZ= prefixes.
std::vector<Finding> ValidateCronJob(const CronJob& cronjob, const FieldPositions& positions,
                                     const TimeZones& zones);

// kron's warnings for a CronJob whose schedule and time zone are valid.
std::vector<Finding> CronJobWarnings(const CronJob& cronjob, const FieldPositions& positions,
                                     const TimeZones& zones, const ValidationOptions& options);

// Errors then warnings for a defaulted manifest.
std::vector<Finding> Validate(const Manifest& manifest, const TimeZones& zones,
                              const ValidationOptions& options);

// The API server's whole message for the errors among `findings`, as kubectl
// prints it: `The CronJob "x" is invalid: spec.schedule: Invalid value: ...`,
// several joined as `[a, b]` (apimachinery's aggregate). Empty when no errors.
std::string InvalidMessage(const Manifest& manifest, const std::vector<Finding>& findings);

// --- Whole files: read, decode, default, validate ---------------------------

// One line of a report.
struct ReportItem {
  std::string file;
  SourcePos pos;
  std::string object;  // `Kind/name` when the document got that far, else ""
  Severity severity = Severity::kError;
  std::string field;   // may be empty (then `message` carries the whole story)
  std::string message;
  bool unreadable = false;  // a syntax or type error: the document could not be read

  // `FILE:LINE: [warning: ]Kind/name: field.path: message` (parts that are
  // empty are left out; unreadable input adds the column: `FILE:LINE:COL:`).
  std::string ToString() const;
};

struct ValidationReport {
  std::vector<Manifest> manifests;  // defaulted, one per readable Job/CronJob document
  std::vector<ReportItem> items;    // in document order
  bool unreadable = false;          // some document could not be read
  bool invalid = false;             // some error (not warning) was found
};

// ReadManifestText + DecodeManifest + ApplyDefaults + Validate for one file.
// Unsupported kinds and unknown fields (strict decoding) count as invalid.
ValidationReport ValidateManifestText(absl::string_view text, absl::string_view file,
                                      const TimeZones& zones, const ValidationOptions& options);

}  // namespace kron

#endif  // KRON_VALIDATION_H_
