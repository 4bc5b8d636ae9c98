// Fire times: robfig/cron v3's SpecSchedule.Next (spec.go) and
// ConstantDelaySchedule.Next (constantdelay.go), answered two ways that agree.
//
// The fast path searches the calendar with bit masks in wall-clock time. It is
// exact whenever the UTC offset cannot disturb robfig's walk: robfig steps
// months and days at local midnight and hours/minutes in absolute time, so a
// transition matters only on the day the walk starts, the day it ends, or a
// day whose midnight it moves. Anything else is handed to the replay, which
// performs robfig's walk step by step with Go's time.Date normalisation.
#include "kron/fire_times.h"

#include <bit>
#include <cstdint>
#include <optional>

#include "civil.h"

namespace kron {
namespace {

using internal::CivilFields;
using internal::CivilToLocal;
using internal::FloorDiv;
using internal::kSecondsPerDay;
using internal::LocalCount;
using internal::MakeLocal;
using internal::SplitLocal;

// A transition this close to the start or the answer sends the search to the replay.
constexpr int64_t kTransitionMargin = 2 * kSecondsPerDay;

// Lowest set bit of `mask` at or above `from`, or -1.
template <typename Mask>
int FirstBitFrom(Mask mask, int from) {
  if (from >= int(sizeof(Mask) * 8)) return -1;
  const Mask rest = Mask(mask >> from) << from;
  return rest == 0 ? -1 : std::countr_zero(rest);
}

// The days of a month that match the day fields, as bits 1–31, given the
// month's length and the weekday of its first day.
uint32_t MatchingDays(const Schedule& s, int length, int weekday_of_first) {
  const CronFields& f = s.fields();
  const uint32_t by_dow = s.dow_days(weekday_of_first);
  const uint32_t days = f.days_and() ? (f.dom & by_dow) : (f.dom | by_dow);
  const uint32_t in_month = uint32_t((uint64_t{1} << (length + 1)) - 2);  // bits 1..length
  return days & in_month;
}

// First minute of the day at or after `from_minute` (0–1440) whose hour and
// minute match, or -1.
int FirstMinuteOfDay(const CronFields& f, int from_minute) {
  int hour = from_minute / 60;
  if (hour < 24 && (f.hour >> hour & 1)) {
    const int minute = FirstBitFrom(f.minute, from_minute % 60);
    if (minute >= 0) return hour * 60 + minute;
  }
  hour = FirstBitFrom(f.hour, hour + 1);
  if (hour < 0 || hour >= 24) return -1;
  return hour * 60 + std::countr_zero(f.minute);
}

// Days from the 1st of January to the 1st of `month` (1–13) in a common year.
constexpr int kDaysBeforeMonth[14] = {0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334, 365};

// Days from the 1st of `from` to the 1st of `to` in `year` (1 <= from <= to <= 13).
int DaysBetweenMonths(int year, int from, int to) {
  const bool leap_day_between = from <= 2 && to > 2 && internal::DaysInMonth(year, 2) == 29;
  return kDaysBeforeMonth[to] - kDaysBeforeMonth[from] + leap_day_between;
}

// The first wall-clock reading at or after `from` that the fields match, in a
// year no later than `year_limit`. robfig's seconds field is always {0}.
// Months are walked by their first day's day number and weekday, jumping over
// the months the month field leaves out, so no calendar conversion happens
// inside the loop.
std::optional<int64_t> CalendarSearch(const Schedule& s, const CivilFields& c, int year_limit) {
  const CronFields& f = s.fields();
  int year = c.year, month = c.month, day = c.day;
  int64_t month_start = c.day_number - (day - 1);  // days since 1970-01-01
  int weekday_of_first = (c.weekday + 35 - (day - 1)) % 7;
  int minute_of_day = c.hour * 60 + c.minute + (c.second != 0 ? 1 : 0);
  // Moves to the 1st of `to` (month + 1 ..= 13, where 13 is January next year).
  const auto advance_to = [&](int to) {
    const int days = DaysBetweenMonths(year, month, to);
    month_start += days;
    weekday_of_first = (weekday_of_first + days) % 7;
    day = 1;
    minute_of_day = 0;
    month = to;
    if (month == 13) {
      month = 1;
      ++year;
    }
  };
  while (year <= year_limit) {
    const int wanted = FirstBitFrom(f.month, month);
    if (wanted < 0) {
      advance_to(13);
      continue;
    }
    if (wanted != month) advance_to(wanted);
    const uint32_t days = MatchingDays(s, internal::DaysInMonth(year, month), weekday_of_first);
    for (int d = FirstBitFrom(days, day); d >= 0; d = FirstBitFrom(days, d + 1)) {
      const int m = FirstMinuteOfDay(f, d == day ? minute_of_day : 0);
      if (m >= 0) return (month_start + d - 1) * kSecondsPerDay + m * 60;
    }
    advance_to(month + 1);
  }
  return std::nullopt;
}

// Whether every day of every month matches, so that only hours and minutes
// decide (robfig's day rule applied to full masks).
bool MatchesEveryDay(const CronFields& f) {
  constexpr uint16_t kAllMonths = 0x1FFE;
  constexpr uint32_t kAllDays = 0xFFFFFFFE;
  constexpr uint8_t kAllWeekdays = 0x7F;
  if (f.month != kAllMonths) return false;
  const bool dom = f.dom == kAllDays, dow = f.dow == kAllWeekdays;
  return f.days_and() ? (dom && dow) : (dom || dow);
}

// For MatchesEveryDay schedules: the first matching reading at or after
// `from`, today or tomorrow (every hour set has a first hour).
int64_t NextTimeOfDay(const CronFields& f, int64_t from) {
  const uint64_t shifted = uint64_t(from + internal::kDaysFrom0000March1 * kSecondsPerDay);
  const int64_t day_start = int64_t(shifted / kSecondsPerDay * kSecondsPerDay) -
                            internal::kDaysFrom0000March1 * kSecondsPerDay;
  const int second_of_day = int(from - day_start);
  const int m = FirstMinuteOfDay(f, (second_of_day + 59) / 60);
  if (m >= 0) return day_start + m * 60;
  return day_start + kSecondsPerDay + FirstMinuteOfDay(f, 0) * 60;
}

// Whether a transition at `at` from `before` to `after` offset leaves every
// local midnight with exactly one instant (so robfig's day walk ignores it).
bool SparesMidnight(int64_t at, int32_t before, int32_t after) {
  const int64_t lo = at + (before < after ? before : after);
  const int64_t hi = at + (before < after ? after : before);
  if (hi - lo >= 12 * 3600) return false;
  return FloorDiv(lo, kSecondsPerDay) == FloorDiv(hi, kSecondsPerDay) &&
         lo - FloorDiv(lo, kSecondsPerDay) * kSecondsPerDay != 0;
}

constexpr int YearLimitOf(const CivilFields& start) { return start.year + 5; }

// The fast path; nullopt-of-optional means "replay needed".
std::optional<std::optional<Instant>> NextByCalendar(const Schedule& s, Instant start) {
  const Zone& zone = s.zone();
  Zone::Period period = zone.is_fixed()
                            ? Zone::Period{INT64_MIN, INT64_MAX, zone.fixed_offset(), false}
                            : zone.PeriodAt(start);
  if (period.offset % 60 != 0) return std::nullopt;
  if (period.start != INT64_MIN && start.unix_seconds() - period.start < kTransitionMargin) {
    return std::nullopt;
  }
  const int64_t from = start.unix_seconds() + period.offset;
  std::optional<int64_t> found;
  int year_limit = 0;
  if (MatchesEveryDay(s.fields())) {
    // Most schedules (*/5, hourly, daily…): only the time of day matters.
    found = NextTimeOfDay(s.fields(), from);
  } else {
    const CivilFields local = SplitLocal(MakeLocal(from));
    // When the month does not match, robfig first resets to the 1st at 00:00 —
    // possibly weeks before `start`. If that reading falls in a gap, Go moves
    // it (to 23:00 the day before, or 01:00, 00:15…) and robfig's whole walk
    // keeps the shifted clock, so only the replay is right.
    if (!(s.fields().month >> local.month & 1)) {
      const LocalSeconds first = MakeLocal((local.day_number - (local.day - 1)) * kSecondsPerDay);
      // Inside start's period, well clear of its transition, the reading exists once.
      const bool clear = LocalCount(first) - period.offset - kTransitionMargin >= period.start;
      if (!clear && zone.ToLocal(zone.FromLocal(first)) != first) return std::nullopt;
    }
    year_limit = YearLimitOf(local);
    found = CalendarSearch(s, local, year_limit);
  }
  // With no answer, robfig walks to the end of the year limit: every
  // transition up to then must be harmless too.
  const int64_t target =
      found ? *found : LocalCount(CivilToLocal(year_limit + 1, 1, 1, 0, 0, 0));
  for (;;) {
    const int64_t at = target - period.offset;
    if (period.end == INT64_MAX || at < period.end - kTransitionMargin) break;
    if (at < period.end + kTransitionMargin) return std::nullopt;
    const Zone::Period next = zone.PeriodAt(Instant::FromUnixSeconds(period.end));
    if (period.end - start.unix_seconds() < kTransitionMargin ||
        !SparesMidnight(period.end, period.offset, next.offset) || next.offset % 60 != 0) {
      return std::nullopt;
    }
    period = next;
  }
  if (!found) return std::optional<Instant>();
  return std::optional<Instant>(Instant::FromUnixSeconds(*found - period.offset));
}

// ---- The replay: robfig's walk over Go's time arithmetic. ----

// A Go time.Time in a Location, reduced to what robfig touches.
class GoTime {
 public:
  GoTime(const Zone& zone, int64_t seconds) : zone_(&zone) { Set(seconds); }

  int64_t seconds() const { return unix_; }
  const CivilFields& local() const { return local_; }

  void Set(int64_t seconds) {
    unix_ = seconds;
    local_ = SplitLocal(zone_->ToLocal(Instant::FromUnixSeconds(seconds)));
  }
  void Add(int64_t seconds) { Set(unix_ + seconds); }
  // time.Date(y, mo, d, h, mi, s, 0, loc).
  void SetDate(int64_t y, int64_t mo, int64_t d, int64_t h, int64_t mi, int64_t s) {
    Set(zone_->FromLocal(CivilToLocal(y, mo, d, h, mi, s)).unix_seconds());
  }
  // t.AddDate(0, months, days).
  void AddDate(int months, int days) {
    SetDate(local_.year, local_.month + months, local_.day + days, local_.hour, local_.minute,
            local_.second);
  }
  // t.Truncate(d): Go truncates absolute time, counted from year 1, which is
  // a whole number of minutes before the Unix epoch.
  void Truncate(int64_t seconds) { Set(FloorDiv(unix_, seconds) * seconds); }
  // Where the wall clock next jumps (for days that do not exist).
  int64_t NextTransition() const { return zone_->PeriodAt(Instant::FromUnixSeconds(unix_)).end; }

 private:
  const Zone* zone_;
  int64_t unix_;
  CivilFields local_;
};

bool DayMatches(const CronFields& f, const CivilFields& c) {
  const bool dom = f.dom >> c.day & 1;
  const bool dow = f.dow >> c.weekday & 1;
  return f.days_and() ? (dom && dow) : (dom || dow);
}

// A calendar step that made no progress would make robfig loop forever (the
// day named does not exist in the zone); kron resumes where the clock jumps.
void EnsureProgress(GoTime& t, int64_t before) {
  if (t.seconds() > before) return;
  const int64_t jump = t.NextTransition();
  t.Set(jump != INT64_MAX && jump > before ? jump : before + kSecondsPerDay);
}

}  // namespace

std::optional<Instant> NextByReplay(const Schedule& s, Instant after) {
  if (s.kind() == Schedule::Kind::kEvery) return after + s.every_seconds();
  const CronFields& f = s.fields();
  GoTime t(s.zone(), after.unix_seconds() + 1);
  const int year_limit = YearLimitOf(t.local());
  bool added = false;

wrap:
  if (t.local().year > year_limit) return std::nullopt;

  while (!(f.month >> t.local().month & 1)) {
    if (!added) {
      added = true;
      t.SetDate(t.local().year, t.local().month, 1, 0, 0, 0);
    }
    const int64_t before = t.seconds();
    t.AddDate(1, 0);
    EnsureProgress(t, before);
    if (t.local().month == 1) goto wrap;
  }

  while (!DayMatches(f, t.local())) {
    if (!added) {
      added = true;
      t.SetDate(t.local().year, t.local().month, t.local().day, 0, 0, 0);
    }
    const int64_t before = t.seconds();
    t.AddDate(0, 1);
    // robfig's correction for days whose midnight DST moved.
    if (t.local().hour != 0) {
      t.Add(t.local().hour > 12 ? (24 - t.local().hour) * 3600 : -t.local().hour * 3600);
    }
    EnsureProgress(t, before);
    if (t.local().day == 1) goto wrap;
  }

  while (!(f.hour >> t.local().hour & 1)) {
    if (!added) {
      added = true;
      t.SetDate(t.local().year, t.local().month, t.local().day, t.local().hour, 0, 0);
    }
    t.Add(3600);
    if (t.local().hour == 0) goto wrap;
  }

  while (!(f.minute >> t.local().minute & 1)) {
    if (!added) {
      added = true;
      t.Truncate(60);
    }
    t.Add(60);
    if (t.local().minute == 0) goto wrap;
  }

  // robfig's seconds field is {0}; Truncate(time.Second) is a no-op here.
  while (t.local().second != 0) {
    added = true;
    t.Add(1);
    if (t.local().second == 0) goto wrap;
  }
  return Instant::FromUnixSeconds(t.seconds());
}

std::optional<Instant> Next(const Schedule& s, Instant after) {
  if (s.kind() == Schedule::Kind::kEvery) return after + s.every_seconds();
  // A field of bare commas ("," parses to no values) matches nothing: robfig
  // walks to its year limit and gives up, and the calendar masks assume bits.
  if (s.fields().minute == 0 || s.fields().hour == 0) return std::nullopt;
  if (auto fast = NextByCalendar(s, after + 1)) return *fast;
  return NextByReplay(s, after);
}

bool Matches(const Schedule& s, Instant t) { return Next(s, t - 1) == t; }

std::optional<Instant> Prev(const Schedule& s, Instant before) {
  if (s.kind() == Schedule::Kind::kEvery) return std::nullopt;  // no calendar to look back on
  static constexpr int64_t kWindows[] = {3600, kSecondsPerDay, 32 * kSecondsPerDay,
                                         367 * kSecondsPerDay, 5 * 367 * kSecondsPerDay};
  for (int64_t window : kWindows) {
    std::optional<Instant> last;
    FireTimes fires(s, before - window - 1);
    for (std::optional<Instant> f = fires.Next(); f && *f < before; f = fires.Next()) last = f;
    if (last) return last;
  }
  return std::nullopt;
}

bool CanEverFire(const Schedule& s) {
  if (s.kind() == Schedule::Kind::kEvery) return true;
  const CronFields& f = s.fields();
  if (f.minute == 0 || f.hour == 0 || f.month == 0) return false;
  // Every (month, day, weekday) combination occurs within the 400-year
  // Gregorian cycle, so only the month lengths (Feb 29 included) can rule a day out.
  if (!f.days_and() && f.dow != 0) return true;
  for (int month = 1; month <= 12; ++month) {
    if (!(f.month >> month & 1)) continue;
    const int length = month == 2 ? 29 : internal::DaysInMonth(2001, month);
    const uint32_t in_month = uint32_t((uint64_t{1} << (length + 1)) - 2);
    const bool some_day = (f.dom & in_month) != 0;
    if (f.days_and() ? some_day && f.dow != 0 : some_day) return true;
  }
  return false;
}

}  // namespace kron
