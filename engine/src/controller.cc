// The CronJob controller's time arithmetic (pkg/controller/cronjob/utils.go,
// cronjob_controllerv2.go). See kron/controller.h.
#include "kron/controller.h"

#include "go_strconv.h"

#include <cstdint>
#include <limits>

#include "absl/status/status.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace kron {
namespace {

// Go's time.Duration: int64 nanoseconds.
using GoDuration = int64_t;
constexpr GoDuration kMaxDuration = std::numeric_limits<int64_t>::max();
constexpr GoDuration kMinDuration = std::numeric_limits<int64_t>::min();
constexpr int64_t kSecond = 1'000'000'000;

// robfig's Next with its zero time made explicit.
Instant GoNext(const Schedule& s, Instant after) {
  return Next(s, after).value_or(kGoZeroTime);
}

bool IsZero(Instant t) { return t == kGoZeroTime; }

// time.Time.Sub for whole-second instants: saturates outside ±292 years.
GoDuration GoSub(Instant t, Instant u, int64_t extra_ns = 0) {
  __int128 d = static_cast<__int128>(t - u) * kSecond + extra_ns;
  if (d > kMaxDuration) return kMaxDuration;
  if (d < kMinDuration) return kMinDuration;
  return static_cast<GoDuration>(d);
}

// time.Duration.Round, overflow handling included.
GoDuration GoRound(GoDuration d, GoDuration m) {
  if (m <= 0) return d;
  GoDuration r = d % m;
  auto less_than_half = [](GoDuration x, GoDuration y) {
    return static_cast<uint64_t>(x) + static_cast<uint64_t>(x) < static_cast<uint64_t>(y);
  };
  if (d < 0) {
    r = -r;
    if (less_than_half(r, m)) return d + r;
    __int128 d1 = static_cast<__int128>(d) - m + r;
    if (d1 >= kMinDuration && d1 < d) return static_cast<GoDuration>(d1);
    return kMinDuration;
  }
  if (less_than_half(r, m)) return d - r;
  __int128 d1 = static_cast<__int128>(d) + m - r;
  if (d1 <= kMaxDuration && d1 > d) return static_cast<GoDuration>(d1);
  return kMaxDuration;
}

// int64(d.Seconds()): Go converts float64 to int64 by truncation.
int64_t GoSecondsTruncated(GoDuration d) {
  double s = static_cast<double>(d / kSecond) + static_cast<double>(d % kSecond) / 1e9;
  return static_cast<int64_t>(s);
}

// Go's int64 multiplication wraps.
int64_t WrapMul(int64_t a, int64_t b) {
  return static_cast<int64_t>(static_cast<uint64_t>(a) * static_cast<uint64_t>(b));
}

// time.Time.Add for a whole-second instant, keeping whole seconds: robfig's
// Next rounds a fractional instant up to the next second exactly as it does
// for the floored instant, so flooring loses nothing.
Instant GoAddFloorSeconds(Instant t, GoDuration d) {
  int64_t sec = d / kSecond;
  if (d % kSecond < 0) --sec;
  return t + sec;
}

// A guard for the rewalk; the controller's own loop has none.
constexpr int64_t kMaxRewalkSteps = 100'000'000;

}  // namespace

absl::string_view MissedSchedulesName(MissedSchedules m) {
  switch (m) {
    case MissedSchedules::kNone:
      return "none";
    case MissedSchedules::kFew:
      return "few";
    case MissedSchedules::kMany:
      return "many";
  }
  return "unknown";
}

absl::StatusOr<MostRecentSchedule> MostRecentScheduleTime(const CronJobTimes& cj, Instant now,
                                                          const Schedule& schedule,
                                                          bool include_starting_deadline) {
  // pkg/controller/cronjob/utils.go mostRecentScheduleTime.
  MostRecentSchedule out;
  Instant earliest = cj.last_schedule_time.value_or(cj.creation_timestamp);
  if (include_starting_deadline && cj.starting_deadline_seconds) {
    // now.Add(-time.Second * time.Duration(sds)): the product wraps in Go.
    GoDuration back = WrapMul(-kSecond, *cj.starting_deadline_seconds);
    Instant deadline = GoAddFloorSeconds(now, back);
    if (deadline > earliest) earliest = deadline;
  }
  out.earliest = earliest;

  const Instant t1 = GoNext(schedule, earliest);
  const Instant t2 = GoNext(schedule, t1);
  if (now < t1) return out;
  if (now < t2) {
    out.most_recent = t1;
    return out;
  }

  // Never-firing schedules ("59 23 31 2 *") give t1 = t2 = zero: 0 s apart.
  const int64_t between = GoSecondsTruncated(GoRound(GoSub(t2, t1), kSecond));
  if (between < 1) {
    return absl::InvalidArgumentError(kScheduleTooDenseError);
  }
  const int64_t elapsed = GoSecondsTruncated(GoSub(now, t1));
  const int64_t missed = elapsed / between + 1;
  out.estimated_missed = missed;

  // Two intervals before the estimate, then let Next find the real times.
  const GoDuration offset = WrapMul(WrapMul(missed - 1 - 1, between), kSecond);
  const Instant potential_earliest = GoAddFloorSeconds(t1, offset);
  Instant most_recent = kGoZeroTime;
  int64_t steps = 0;
  for (Instant t = GoNext(schedule, potential_earliest); !(t > now); t = GoNext(schedule, t)) {
    if (IsZero(t) || ++steps > kMaxRewalkSteps) {
      // Next(zero) leads back to zero before passing now: Go never returns.
      return absl::OutOfRangeError(
          "the CronJob controller does not return here: its rewalk of the schedule never "
          "passes now");
    }
    most_recent = t;
  }

  if (missed > 100) {
    out.missed = MissedSchedules::kMany;
  } else if (missed > 0) {
    out.missed = MissedSchedules::kFew;
  }
  if (!IsZero(most_recent)) out.most_recent = most_recent;
  return out;
}

absl::StatusOr<NextSchedule> NextScheduleTime(const CronJobTimes& cj, Instant now,
                                              const Schedule& schedule) {
  // utils.go nextScheduleTime.
  absl::StatusOr<MostRecentSchedule> r = MostRecentScheduleTime(cj, now, schedule, true);
  if (!r.ok()) return r.status();
  NextSchedule out;
  if (!r->most_recent || *r->most_recent > now) return out;
  out.scheduled = r->most_recent;
  out.too_many_missed_warning = r->missed == MissedSchedules::kMany;
  return out;
}

absl::Duration NextScheduleTimeDuration(const CronJobTimes& cj, Instant now,
                                        const Schedule& schedule) {
  // utils.go nextScheduleTimeDuration.
  absl::StatusOr<MostRecentSchedule> r = MostRecentScheduleTime(cj, now, schedule, false);
  Instant base = now;
  if (r.ok()) {
    if (r->most_recent) {
      base = *r->most_recent;
    } else if (r->missed == MissedSchedules::kNone) {
      base = r->earliest;
    }
  }
  const Instant next = GoNext(schedule, base);
  // next.Add(nextScheduleDelta).Sub(now), saturating like time.Time.Sub.
  return absl::Nanoseconds(GoSub(next, now, absl::ToInt64Nanoseconds(kNextScheduleDelta)));
}

absl::StatusOr<std::string> ScheduledTimestampAnnotation(
    Instant scheduled, std::optional<absl::string_view> time_zone, const TimeZones& zones) {
  // utils.go getJobFromTemplate2: scheduledTime.In(LoadLocation(tz)).Format(time.RFC3339).
  absl::StatusOr<const Zone*> zone = zones.Find(time_zone.value_or(""));
  if (!zone.ok()) return zone.status();
  return FormatRfc3339(scheduled, (*zone)->OffsetAt(scheduled));
}

FormattedSchedule FormatSchedule(absl::string_view schedule,
                                 std::optional<absl::string_view> time_zone,
                                 const TimeZones& zones) {
  // cronjob_controllerv2.go formatSchedule.
  FormattedSchedule out;
  if (absl::StrContains(schedule, "TZ")) {
    out.spec = std::string(schedule);
    out.unsupported_schedule_warning = absl::StrCat(
        "CRON_TZ or TZ used in schedule ", go::Quote(schedule),
        " is not officially supported, see "
        "https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details");
    return out;
  }
  if (time_zone && zones.Find(*time_zone).ok()) {
    out.spec = absl::StrCat("TZ=", *time_zone, " ", schedule);
    return out;
  }
  out.spec = std::string(schedule);
  return out;
}


}  // namespace kron
