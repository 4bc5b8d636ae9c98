// kron/schedule.h — the schedule grammar of robfig/cron v3 `ParseStandard`,
// which is what the Kubernetes API server and CronJob controller use.
//
//   minute hour day-of-month month day-of-week      (exactly 5 fields)
//   @yearly @annually @monthly @weekly @daily @midnight @hourly
//   @every <Go duration>
//   TZ=<zone> <spec>   CRON_TZ=<zone> <spec>
//
// Each field is a comma list of `*`, `?`, `N`, `N-M`, with an optional `/step`
// (`N/step` means N to the field's maximum). Months and days of week also take
// names (JAN–DEC, SUN–SAT, any case); day of week is 0–6. When `*`/`?` (or
// `*/1`) starts either day field, both day fields must match (AND); otherwise
// either may (OR) — robfig's "star bit".
//
// Errors carry robfig's exact text (so the API server's `spec.schedule:
// Invalid value` messages are reproduced) and, as separate data, the byte span
// of the spec that caused them: see `ScheduleErrorSpan`.
#ifndef KRON_SCHEDULE_H_
#define KRON_SCHEDULE_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kron/zone.h"

namespace kron {

// The compiled bit sets of a 5-field spec (or of a descriptor other than
// @every). Bit i set means value i matches.
struct CronFields {
  uint64_t minute = 0;  // bits 0–59
  uint32_t hour = 0;    // bits 0–23
  uint32_t dom = 0;     // bits 1–31
  uint16_t month = 0;   // bits 1–12
  uint8_t dow = 0;      // bits 0–6, Sunday = 0
  bool dom_star = false;
  bool dow_star = false;

  // robfig ANDs the day fields when either carries the star bit.
  bool days_and() const { return dom_star || dow_star; }
  friend bool operator==(const CronFields&, const CronFields&) = default;
};

class Schedule {
 public:
  enum class Kind : uint8_t { kCron, kEvery };

  static Schedule Cron(const CronFields& fields, const Zone& zone);
  // robfig's Every: under 1 s becomes 1 s; anything finer than a second is dropped.
  static Schedule Every(int64_t delay_nanoseconds, const Zone& zone);

  Kind kind() const { return kind_; }
  const CronFields& fields() const { return fields_; }  // kCron only
  int64_t every_seconds() const { return every_seconds_; }  // kEvery only
  // The zone the spec is evaluated in: UTC unless a TZ=/CRON_TZ= prefix named one.
  const Zone& zone() const { return *zone_; }

  // Per weekday of the 1st of a month (0 = Sunday), the days 1–31 whose
  // weekday is in `dow`: lets day matching be one mask operation per month.
  uint32_t dow_days(int weekday_of_first) const { return dow_days_[weekday_of_first]; }

 private:
  Schedule() = default;
  Kind kind_ = Kind::kCron;
  CronFields fields_;
  uint32_t dow_days_[7] = {};
  int64_t every_seconds_ = 0;
  const Zone* zone_ = nullptr;
};

// Parses like robfig/cron v3 `cron.ParseStandard`. Zone names in a TZ= or
// CRON_TZ= prefix are looked up in `zones` (Go's time.LoadLocation rules).
// Where robfig panics (a TZ= prefix with no space after it) kron returns an
// error instead.
absl::StatusOr<Schedule> ParseStandard(absl::string_view spec, const TimeZones& zones);

// The byte range [begin, end) of the spec an error from ParseStandard points
// at, for editors that underline it. Absent for errors that are not ParseStandard's.
struct SourceSpan {
  int begin = 0;
  int end = 0;
  friend bool operator==(const SourceSpan&, const SourceSpan&) = default;
};
std::optional<SourceSpan> ScheduleErrorSpan(const absl::Status& status);

}  // namespace kron

#endif  // KRON_SCHEDULE_H_
