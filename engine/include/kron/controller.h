// kron/controller.h — the CronJob controller's time arithmetic, answering as
// pkg/controller/cronjob/utils.go and cronjob_controllerv2.go do.
//
//  * MostRecentScheduleTime — mostRecentScheduleTime: from earliest =
//    lastScheduleTime, else creationTimestamp (raised to now −
//    startingDeadlineSeconds when asked), t1 = Next(earliest), t2 = Next(t1);
//    if now < t1 nothing is due; if now < t2, t1 is; otherwise the number of
//    missed times is estimated from (t2 − t1) rounded to seconds, the walk
//    restarts two intervals before the estimate and takes the last fire time
//    not after now. More than 100 estimated misses is "many".
//  * NextScheduleTime — nextScheduleTime: the unmet time to start a Job at
//    (or none) and whether the TooManyMissedTimes warning is emitted.
//  * NextScheduleTimeDuration — nextScheduleTimeDuration: how long the
//    controller waits before looking again (next fire + 100 ms − now).
//  * ScheduledTimestampAnnotation — the
//    `batch.kubernetes.io/cronjob-scheduled-timestamp` value (getJobFromTemplate2).
//  * FormatSchedule — formatSchedule: how spec.timeZone becomes `TZ=<zone> `.
//  * Job names live in kron/names.h (CronJobJobName).
//
// Go's zero time. robfig's Next answers time.Time{} (0001-01-01T00:00:00Z)
// when no fire time is found; kron's Next answers std::nullopt. The
// controller keeps computing with that zero time (t2.Sub(t1), now.Before(t1),
// Next(zero) …), so kron substitutes the instant 0001-01-01T00:00:00Z and
// reproduces Go's time.Duration saturation (±292 years), Round, Seconds and
// int64 wrap-around in the same order of operations. Where the controller's
// loop would never end (the rewalk re-enters the zero time) kron returns an
// OutOfRange error instead of hanging.
#ifndef KRON_CONTROLLER_H_
#define KRON_CONTROLLER_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/time/time.h"
#include "kron/fire_times.h"
#include "kron/instant.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron {

// Go's time.Time{} as a kron instant.
inline constexpr Instant kGoZeroTime = Instant::FromUnixSeconds(kMinUnixSeconds);

// The CronJob fields the controller's time arithmetic reads.
struct CronJobTimes {
  Instant creation_timestamp;                        // metadata.creationTimestamp
  std::optional<Instant> last_schedule_time;         // status.lastScheduleTime
  std::optional<int64_t> starting_deadline_seconds;  // spec.startingDeadlineSeconds
};

enum class MissedSchedules { kNone, kFew, kMany };
// missedSchedulesType.String(): "none", "few", "many".
absl::string_view MissedSchedulesName(MissedSchedules m);

struct MostRecentSchedule {
  Instant earliest;                 // where the search started
  std::optional<Instant> most_recent;
  MissedSchedules missed = MissedSchedules::kNone;
  // The controller's estimate numberOfMissedSchedules; 0 when it returned
  // before estimating (now < t2).
  int64_t estimated_missed = 0;
};

// `time difference between two schedules is less than 1 second`
inline constexpr absl::string_view kScheduleTooDenseError =
    "time difference between two schedules is less than 1 second";

// mostRecentScheduleTime. Errors: InvalidArgument with kScheduleTooDenseError
// (schedules that never fire, such as `59 23 31 2 *`); OutOfRange where the
// controller would loop forever.
absl::StatusOr<MostRecentSchedule> MostRecentScheduleTime(const CronJobTimes& cj, Instant now,
                                                          const Schedule& schedule,
                                                          bool include_starting_deadline);

inline constexpr absl::string_view kTooManyMissedTimesReason = "TooManyMissedTimes";
inline constexpr absl::string_view kTooManyMissedTimesMessage =
    "too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock "
    "skew";

struct NextSchedule {
  std::optional<Instant> scheduled;  // the unmet time a Job is due for
  bool too_many_missed_warning = false;  // Warning TooManyMissedTimes is recorded
};

// nextScheduleTime: MostRecentScheduleTime with startingDeadlineSeconds applied.
absl::StatusOr<NextSchedule> NextScheduleTime(const CronJobTimes& cj, Instant now,
                                              const Schedule& schedule);

// nextScheduleDelta: the 100 ms the controller adds for clock skew.
inline constexpr absl::Duration kNextScheduleDelta = absl::Milliseconds(100);

// nextScheduleTimeDuration: the requeue delay, with Go's time.Duration range
// (saturating at ±(2^63 − 1) ns). Never fails: on error the controller aims
// at the next fire time after now.
absl::Duration NextScheduleTimeDuration(const CronJobTimes& cj, Instant now,
                                        const Schedule& schedule);

inline constexpr absl::string_view kCronJobScheduledTimestampAnnotation =
    "batch.kubernetes.io/cronjob-scheduled-timestamp";

// The annotation value: the scheduled time in spec.timeZone (UTC when
// absent or empty; time.LoadLocation rules), RFC 3339 with its offset, e.g.
// `2016-05-19T12:00:00+02:00` for Europe/Rome. Unknown zones fail as
// TimeZones::Find does (the controller then creates no Job).
absl::StatusOr<std::string> ScheduledTimestampAnnotation(
    Instant scheduled, std::optional<absl::string_view> time_zone, const TimeZones& zones);

struct FormattedSchedule {
  std::string spec;  // what the controller hands to cron.ParseStandard
  // Set when the schedule itself contains "TZ": the UnsupportedSchedule
  // Warning event's message.
  std::optional<std::string> unsupported_schedule_warning;
};

inline constexpr absl::string_view kUnsupportedScheduleReason = "UnsupportedSchedule";

// formatSchedule: a schedule containing "TZ" anywhere is used as is (with the
// warning); else a time zone that loads gives `TZ=<zone> <schedule>`; a zone
// that does not load leaves the schedule unchanged.
FormattedSchedule FormatSchedule(absl::string_view schedule,
                                 std::optional<absl::string_view> time_zone,
                                 const TimeZones& zones);

}  // namespace kron

#endif  // KRON_CONTROLLER_H_
