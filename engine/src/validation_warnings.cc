// kron's own warnings for CronJobs: things the API server accepts but that
// rarely do what the author meant.
#include <cstdint>
#include <string>
#include <vector>

#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_split.h"
#include "date/date.h"
#include "digits.h"
#include "kron/fire_times.h"
#include "kron/schedule.h"
#include "kron/validation.h"
#include "kron/zone.h"

namespace kron {
namespace {

// The controller applies spec.timeZone as a TZ= prefix
// (pkg/controller/cronjob/utils.go / cronjob_controllerv2.go, formatSchedule).
std::string EffectiveSchedule(const CronJobSpec& s) {
  if (!s.time_zone || s.time_zone->empty()) return s.schedule;
  return absl::StrCat("TZ=", *s.time_zone, " ", s.schedule);
}

// Whether the cron fields name the wall-clock minute `local` (seconds are 0
// in ParseStandard schedules, so a minute either matches or not).
bool MatchesMinute(const CronFields& f, LocalSeconds local) {
  const auto day = date::floor<date::days>(local);
  const date::year_month_day ymd(day);
  const date::hh_mm_ss<std::chrono::seconds> tod(local - day);
  const unsigned month = static_cast<unsigned>(ymd.month());
  const unsigned dom = static_cast<unsigned>(ymd.day());
  const unsigned dow = date::weekday(day).c_encoding();
  if (!(f.month >> month & 1)) return false;
  if (!(f.hour >> tod.hours().count() & 1)) return false;
  if (!(f.minute >> tod.minutes().count() & 1)) return false;
  const bool dom_ok = f.dom >> dom & 1;
  const bool dow_ok = f.dow >> dow & 1;
  return f.days_and() ? (dom_ok && dow_ok) : (dom_ok || dow_ok);
}

std::string Clock(LocalSeconds t) {
  const auto day = date::floor<date::days>(t);
  const date::hh_mm_ss<std::chrono::seconds> tod(t - day);
  return internal::FormatClock(int(tod.hours().count()), int(tod.minutes().count()));
}

std::string Date(LocalSeconds t) {
  const date::year_month_day ymd(date::floor<date::days>(t));
  std::string out;
  internal::AppendPadded(out, int{ymd.year()}, 4);
  out.push_back('-');
  internal::AppendPadded(out, unsigned{ymd.month()}, 2);
  out.push_back('-');
  internal::AppendPadded(out, unsigned{ymd.day()}, 2);
  return out;
}

// Zone transitions in [from, until) whose skipped (gap) or repeated (overlap)
// wall-clock minutes the schedule names. robfig does not fire at a skipped
// wall time and fires twice at a repeated one (see kron/fire_times.h).
std::vector<std::string> DstExposure(const Schedule& s, Instant from, Instant until, int max_dates) {
  std::vector<std::string> out;
  const Zone& zone = s.zone();
  if (zone.is_fixed()) return out;
  Zone::Period p = zone.PeriodAt(from);
  while (p.end < until.unix_seconds() && static_cast<int>(out.size()) < max_dates) {
    const Zone::Period next = zone.PeriodAt(Instant::FromUnixSeconds(p.end));
    const int32_t delta = next.offset - p.offset;
    if (delta != 0) {
      const int64_t lo = p.end + std::min(p.offset, next.offset);
      const int64_t hi = p.end + std::max(p.offset, next.offset);
      const LocalSeconds start{std::chrono::seconds(lo)};
      const LocalSeconds end{std::chrono::seconds(hi)};
      std::vector<std::string> hits;
      for (int64_t t = lo; t < hi && t < lo + 86400; t += 60) {
        const LocalSeconds m{std::chrono::seconds(t)};
        if (MatchesMinute(s.fields(), m)) hits.push_back(Clock(m));
      }
      if (!hits.empty()) {
        const std::string when = hits.size() <= 3 ? absl::StrJoin(hits, ", ")
                                                  : absl::StrCat(hits.front(), " … ", hits.back(), " (",
                                                                 hits.size(), " runs)");
        if (delta > 0) {
          out.push_back(absl::StrCat(Date(start), ": clocks jump from ", Clock(start), " to ", Clock(end),
                                     ", so the run at ", when, " is skipped"));
        } else {
          out.push_back(absl::StrCat(Date(start), ": clocks go back from ", Clock(end), " to ", Clock(start),
                                     ", so the run at ", when, " happens twice"));
        }
      }
    }
    if (next.end <= p.end) break;
    p = next;
  }
  return out;
}

}  // namespace

std::vector<Finding> CronJobWarnings(const CronJob& cj, const FieldPositions& positions,
                                     const TimeZones& zones, const ValidationOptions& options) {
  std::vector<Finding> out;
  const CronJobSpec& s = cj.spec;
  auto warn = [&](std::string field, std::string message) {
    const SourcePos pos = positions.Find(field);
    out.push_back({Severity::kWarning, std::move(field), std::move(message), pos});
  };
  absl::StatusOr<Schedule> parsed = ParseStandard(EffectiveSchedule(s), zones);
  if (!parsed.ok()) return out;
  const Schedule& schedule = *parsed;

  if (schedule.kind() == Schedule::Kind::kEvery) {
    if (schedule.every_seconds() < 60)
      warn("spec.schedule",
           absl::StrCat("\"", s.schedule, "\" runs every ", schedule.every_seconds(),
                        "s, more than once a minute; Job names are <cronjob name>-<minutes since the "
                        "epoch>, so the runs within one minute get the same name and only the first "
                        "one is created"));
    return out;
  }

  if (!CanEverFire(schedule)) {
    warn("spec.schedule",
         absl::StrCat("\"", s.schedule, "\" never fires: no date has that day of the month in those "
                      "months, so this CronJob will never create a Job; if it is meant to be "
                      "paused, say so with `suspend: true`"));
    return out;
  }

  if (!schedule.fields().days_and()) {
    const std::vector<absl::string_view> f = absl::StrSplit(s.schedule, ' ', absl::SkipWhitespace());
    if (f.size() == 5)
      warn("spec.schedule",
           absl::StrCat("day-of-month \"", f[2], "\" and day-of-week \"", f[4],
                        "\" are both restricted, so cron's OR rule applies: the schedule fires on "
                        "days that match either field, not only on days that match both; write "
                        "\"*\" in one of them to use only the other"));
  }

  const Instant until = options.now + int64_t{options.dst_horizon_days} * 86400;
  const std::vector<std::string> dst = DstExposure(schedule, options.now, until, options.max_dst_dates);
  if (!dst.empty())
    warn(s.time_zone ? "spec.timeZone" : "spec.schedule",
         absl::StrCat("time zone ", schedule.zone().name(),
                      " changes its clocks at times this schedule names; upcoming: ",
                      absl::StrJoin(dst, "; ")));
  return out;
}

}  // namespace kron
