// civil.h (internal) — calendar arithmetic on wall-clock seconds.
//
// Local readings are date::local_seconds; these helpers split them into the
// fields robfig/cron looks at, with floor semantics for instants before 1970.
#ifndef KRON_ENGINE_CIVIL_H_
#define KRON_ENGINE_CIVIL_H_

#include <cstdint>

#include "date/date.h"
#include "kron/instant.h"

namespace kron::internal {

inline constexpr int64_t kSecondsPerDay = 86400;

// Division rounding toward negative infinity, for positive divisors.
constexpr int64_t FloorDiv(int64_t a, int64_t b) { return a / b - (a % b < 0); }
constexpr int64_t FloorMod(int64_t a, int64_t b) { return a - FloorDiv(a, b) * b; }

// The fields of a wall-clock reading (month 1–12, weekday 0 = Sunday).
struct CivilFields {
  int year, month, day, hour, minute, second, weekday;
};

constexpr int64_t LocalCount(LocalSeconds l) { return l.time_since_epoch().count(); }
constexpr LocalSeconds MakeLocal(int64_t s) { return LocalSeconds(std::chrono::seconds(s)); }

// Year, month and day of a day number (days since 1970-01-01): the
// era-of-400-years method, in integers, valid for the whole proleptic
// Gregorian calendar (date::year_month_day computes the same, with checks
// this hot path does not need).
struct YearMonthDay {
  int year, month, day;
};
constexpr YearMonthDay CivilFromDays(int64_t days) {
  const int64_t z = days + 719468;  // days since 0000-03-01
  const int64_t era = FloorDiv(z, 146097);
  const int64_t day_of_era = z - era * 146097;                                   // [0, 146096]
  const int64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;  // [0, 399]
  const int64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const int64_t mp = (5 * day_of_year + 2) / 153;  // March = 0
  const int day = int(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = int(mp < 10 ? mp + 3 : mp - 9);
  return YearMonthDay{int(year_of_era + era * 400 + (month <= 2)), month, day};
}

inline CivilFields SplitLocal(LocalSeconds local) {
  const int64_t s = LocalCount(local);
  const int64_t days = FloorDiv(s, kSecondsPerDay);
  const int sod = int(s - days * kSecondsPerDay);
  const YearMonthDay ymd = CivilFromDays(days);
  return CivilFields{ymd.year, ymd.month, ymd.day, sod / 3600, sod / 60 % 60, sod % 60,
                     int(FloorMod(days + 4, 7))};  // 1970-01-01 was a Thursday
}

// Days since 1970-01-01 of the first of (year, month); month may be any
// integer and carries into the year, as Go's time.Date normalises it.
inline int64_t DaysOfMonthStart(int64_t year, int64_t month) {
  year += FloorDiv(month - 1, 12);
  month = FloorMod(month - 1, 12) + 1;
  const date::year_month_day ymd{date::year(int(year)), date::month(unsigned(month)), date::day(1)};
  return date::local_days(ymd).time_since_epoch().count();
}

// Go's time.Date arithmetic before the zone is applied: the reading
// y-mo-d h:mi:s with any field out of range carried over.
inline LocalSeconds CivilToLocal(int64_t year, int64_t month, int64_t day, int64_t hour,
                                 int64_t minute, int64_t second) {
  const int64_t days = DaysOfMonthStart(year, month) + day - 1;
  return MakeLocal(days * kSecondsPerDay + hour * 3600 + minute * 60 + second);
}

inline int DaysInMonth(int year, int month) {
  static constexpr int kDays[13] = {0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (month == 2 && date::year(year).is_leap()) return 29;
  return kDays[month];
}

}  // namespace kron::internal

#endif  // KRON_ENGINE_CIVIL_H_
