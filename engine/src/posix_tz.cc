// posix_tz.cc — see posix_tz.h. Semantics follow Go 1.19 src/time/zoneinfo.go
// (tzset, tzsetName, tzsetOffset, tzsetRule, tzsetNum, tzruleTime); the code
// is kron's own.
#include "posix_tz.h"

#include <algorithm>
#include <iterator>
#include <utility>

#include "civil.h"  // FloorDiv

namespace kron::internal {
namespace {

constexpr int64_t kDay = 86400;

bool IsLeap(int64_t y) { return y % 4 == 0 && (y % 100 != 0 || y % 400 == 0); }

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar.
int64_t DaysFromCivil(int64_t y, int m, int d) {
  y -= m <= 2;
  const int64_t era = (y >= 0 ? y : y - 399) / 400;
  const int64_t yoe = y - era * 400;
  const int64_t doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
  const int64_t doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return era * 146097 + doe - 719468;
}

int DaysIn(int month, int64_t year) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && IsLeap(year) ? 29 : kDays[month - 1];
}

// A cursor over the string, so each parse step reads like the grammar.
struct Reader {
  absl::string_view s;
  bool empty() const { return s.empty(); }
  bool Peek(char c) const { return !s.empty() && s.front() == c; }
  bool Eat(char c) {
    if (!Peek(c)) return false;
    s.remove_prefix(1);
    return true;
  }
};

// A decimal number in [lo, hi]; digits beyond hi fail (as Go's tzsetNum).
bool Num(Reader& r, int lo, int hi, int& out) {
  int n = 0;
  size_t i = 0;
  for (; i < r.s.size() && r.s[i] >= '0' && r.s[i] <= '9'; ++i) {
    n = n * 10 + (r.s[i] - '0');
    if (n > hi) return false;
  }
  if (i == 0 || n < lo) return false;
  r.s.remove_prefix(i);
  out = n;
  return true;
}

bool Name(Reader& r, std::string& out) {
  if (r.empty()) return false;
  if (r.Eat('<')) {
    size_t close = r.s.find('>');
    if (close == absl::string_view::npos) return false;
    out = std::string(r.s.substr(0, close));
    r.s.remove_prefix(close + 1);
    return true;
  }
  size_t i = 0;
  for (; i < r.s.size(); ++i) {
    char c = r.s[i];
    if ((c >= '0' && c <= '9') || c == ',' || c == '-' || c == '+') break;
  }
  if (i < 3) return false;  // unquoted names have at least 3 characters
  out = std::string(r.s.substr(0, i));
  r.s.remove_prefix(i);
  return true;
}

// [+-]hh[:mm[:ss]], hh up to 24*7 (tzcode's limit, which Go keeps).
bool Offset(Reader& r, int32_t& out) {
  if (r.empty()) return false;
  bool neg = false;
  if (r.Eat('+')) {
  } else if (r.Eat('-')) {
    neg = true;
  }
  int h = 0, m = 0, sec = 0;
  if (!Num(r, 0, 24 * 7, h)) return false;
  if (r.Eat(':')) {
    if (!Num(r, 0, 59, m)) return false;
    if (r.Eat(':') && !Num(r, 0, 59, sec)) return false;
  }
  int32_t v = h * 3600 + m * 60 + sec;
  out = neg ? -v : v;
  return true;
}

bool RuleDate(Reader& r, PosixRuleDate& out) {
  if (r.empty()) return false;
  if (r.Eat('J')) {
    out.kind = PosixRuleDate::kJulian;
    if (!Num(r, 1, 365, out.day)) return false;
  } else if (r.Eat('M')) {
    out.kind = PosixRuleDate::kMonthWeekDay;
    if (!Num(r, 1, 12, out.month) || !r.Eat('.')) return false;
    if (!Num(r, 1, 5, out.week) || !r.Eat('.')) return false;
    if (!Num(r, 0, 6, out.day)) return false;
  } else {
    out.kind = PosixRuleDate::kDayOfYear;
    if (!Num(r, 0, 365, out.day)) return false;
  }
  out.time = 2 * 3600;
  if (r.Eat('/')) return Offset(r, out.time);  // may be negative or > 24h (RFC 8536)
  return true;
}

}  // namespace

int64_t UtcYearStart(int64_t year) { return DaysFromCivil(year, 1, 1) * kDay; }

int64_t UtcYearOf(int64_t unix) {
  // Civil year from days (Howard Hinnant's civil_from_days, year part only).
  const int64_t z = FloorDiv(unix, kDay) + 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const int64_t doe = z - era * 146097;
  const int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const int64_t mp = (5 * doy + 2) / 153;
  return yoe + era * 400 + (mp >= 10 ? 1 : 0);
}

std::optional<PosixTz> ParsePosixTz(absl::string_view s) {
  Reader r{s};
  PosixTz tz;
  int32_t west = 0;
  if (!Name(r, tz.std_name) || !Offset(r, west)) return std::nullopt;
  tz.std_offset = -west;  // POSIX offsets count west of UTC
  if (r.empty() || r.Peek(',')) {
    // Standard time only. Go ignores anything after the comma here.
    tz.dst_offset = tz.std_offset;
    return tz;
  }
  if (!Name(r, tz.dst_name)) return std::nullopt;
  if (r.empty() || r.Peek(',')) {
    tz.dst_offset = tz.std_offset + 3600;
  } else {
    if (!Offset(r, west)) return std::nullopt;
    tz.dst_offset = -west;
  }
  tz.has_dst = true;
  if (r.empty()) r.s = ",M3.2.0,M11.1.0";  // tzcode's default rule, as Go
  if (!r.Eat(',') && !r.Eat(';')) return std::nullopt;
  if (!RuleDate(r, tz.start) || !r.Eat(',')) return std::nullopt;
  if (!RuleDate(r, tz.end) || !r.empty()) return std::nullopt;
  return tz;
}

int64_t PosixRuleTime(int64_t year, const PosixRuleDate& r, int32_t offset_before) {
  int64_t day = 0;  // 0-based day of the year
  switch (r.kind) {
    case PosixRuleDate::kJulian:
      day = r.day - 1 + (IsLeap(year) && r.day >= 60 ? 1 : 0);
      break;
    case PosixRuleDate::kDayOfYear:
      day = r.day;
      break;
    case PosixRuleDate::kMonthWeekDay: {
      const int64_t first = DaysFromCivil(year, r.month, 1);
      const int dow_first = static_cast<int>(((first % 7) + 7 + 4) % 7);  // 1970-01-01 was a Thursday
      int d = r.day - dow_first;
      if (d < 0) d += 7;
      // Week 5 means "last": stop before leaving the month.
      for (int i = 1; i < r.week && d + 7 < DaysIn(r.month, year); ++i) d += 7;
      day = first - DaysFromCivil(year, 1, 1) + d;
      break;
    }
  }
  return day * kDay + r.time - offset_before;
}

PosixOffset PosixOffsetAt(const PosixTz& tz, int64_t unix) {
  if (!tz.has_dst) return {tz.std_offset, false};
  const int64_t year = UtcYearOf(unix);
  const int64_t year_start = UtcYearStart(year);
  // Go computes the second of the year as yday*86400 + unix%86400 with Go's
  // truncating %, which is one day early for instants before 1970 that are
  // not on a day boundary. Reproduced on purpose.
  const int64_t yday = FloorDiv(unix - year_start, kDay);
  const int64_t ysec = yday * kDay + unix % kDay;
  int64_t lo = PosixRuleTime(year, tz.start, tz.std_offset);
  int64_t hi = PosixRuleTime(year, tz.end, tz.dst_offset);
  PosixOffset outside{tz.std_offset, false}, inside{tz.dst_offset, true};
  if (hi < lo) {  // southern hemisphere: DST spans the new year
    std::swap(lo, hi);
    std::swap(outside, inside);
  }
  return ysec >= lo && ysec < hi ? inside : outside;
}

int PosixYearBreakpoints(const PosixTz& tz, int64_t year, PosixBreakpoint (&out)[3]) {
  const int64_t start = UtcYearStart(year);
  const int64_t next = UtcYearStart(year + 1);
  int64_t candidates[3] = {start, start + PosixRuleTime(year, tz.start, tz.std_offset),
                           start + PosixRuleTime(year, tz.end, tz.dst_offset)};
  std::sort(std::begin(candidates), std::end(candidates));
  int n = 0;
  for (int64_t c : candidates) {
    if (c < start || c >= next || (n > 0 && out[n - 1].at >= c)) continue;
    const PosixOffset o = PosixOffsetAt(tz, c);
    out[n++] = {c, o.offset, o.is_dst};
  }
  return n;
}

}  // namespace kron::internal
