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

// The fields of a wall-clock reading (month 1–12, weekday 0 = Sunday), and
// its day number (days since 1970-01-01).
struct CivilFields {
  int year, month, day, hour, minute, second, weekday;
  int64_t day_number;
};

constexpr int64_t LocalCount(LocalSeconds l) { return l.time_since_epoch().count(); }
constexpr LocalSeconds MakeLocal(int64_t s) { return LocalSeconds(std::chrono::seconds(s)); }

// Readings are counted from 0000-03-01 inside the split, so every supported
// one (from 0000-12-31, a day before year 1) is non-negative and the
// divisions are unsigned.
inline constexpr int64_t kDaysFrom0000March1 = 719468;

// Year, month and day of a day number (days since 1970-01-01, from
// 0000-03-01 on): the era-of-400-years method in unsigned integers
// (date::year_month_day computes the same, with checks this hot path does
// not need).
struct YearMonthDay {
  int year, month, day;
};
constexpr YearMonthDay CivilFromDays(int64_t days) {
  const uint64_t z = uint64_t(days + kDaysFrom0000March1);
  const uint64_t era = z / 146097;
  const uint64_t day_of_era = z - era * 146097;  // [0, 146096]
  const uint64_t year_of_era =
      (day_of_era - day_of_era / 1460 + day_of_era / 36524 - day_of_era / 146096) / 365;
  const uint64_t day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
  const uint64_t mp = (5 * day_of_year + 2) / 153;  // March = 0
  const int day = int(day_of_year - (153 * mp + 2) / 5 + 1);
  const int month = int(mp < 10 ? mp + 3 : mp - 9);
  return YearMonthDay{int(year_of_era + era * 400) + (month <= 2), month, day};
}

inline CivilFields SplitLocal(LocalSeconds local) {
  const uint64_t shifted = uint64_t(LocalCount(local) + kDaysFrom0000March1 * kSecondsPerDay);
  const uint64_t shifted_days = shifted / kSecondsPerDay;
  const int sod = int(shifted - shifted_days * kSecondsPerDay);
  const int64_t days = int64_t(shifted_days) - kDaysFrom0000March1;
  const YearMonthDay ymd = CivilFromDays(days);
  return CivilFields{ymd.year,        ymd.month,        ymd.day,
                     sod / 3600,      sod / 60 % 60,    sod % 60,
                     int((shifted_days + 3) % 7),  // 0000-03-01 was a Wednesday
                     days};
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
