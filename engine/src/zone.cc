// zone.cc — Zone's lookups: the offset in force at an instant, answered like
// Go's time.Location (src/time/zoneinfo.go, Location.lookup):
//   * before the first transition: the zone Go picks by lookupFirstZone (not
//     necessarily the first one listed), kept as offset_[0];
//   * between transitions: the transition table;
//   * from the last transition on: the POSIX TZ rule of the TZif footer,
//     evaluated by tzset within the UTC calendar year (posix_tz.cc). Rules are
//     expanded into the table up to 2400 when the zone is built
//     (time_zones.cc); later instants are answered from the rule here.
// These are on next-fire's path for every zoned schedule, so they allocate
// nothing and the WebAssembly build compiles this file for speed.
#include "kron/zone.h"

#include <algorithm>
#include <limits>

#include "posix_tz.h"

namespace kron {
namespace {

using internal::PosixBreakpoint;
using internal::PosixRuleDate;
using internal::PosixTz;

constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
constexpr int64_t kMax = std::numeric_limits<int64_t>::max();

// Converts between the header's compact rule date and the parser's.
PosixRuleDate Expand(char kind, int16_t a, int16_t b, int16_t c, int32_t time) {
  PosixRuleDate r;
  r.kind = static_cast<PosixRuleDate::Kind>(kind);
  r.month = a;
  r.week = b;
  r.day = c;
  r.time = time;
  return r;
}

}  // namespace

Zone::Period Zone::PeriodAt(Instant t) const {
  const int64_t s = t.unix_seconds();
  const size_t idx = std::upper_bound(at_.begin(), at_.end(), s) - at_.begin();
  if (has_rule_ && idx == at_.size()) return RulePeriod(s);
  return Period{idx == 0 ? kMin : at_[idx - 1], idx == at_.size() ? kMax : at_[idx], offset_[idx],
                is_dst_[idx] != 0};
}

// Beyond the table: evaluate the rule around `unix_seconds` (no allocation: at most
// three years of breakpoints).
Zone::Period Zone::RulePeriod(int64_t unix_seconds) const {
  PosixTz tz;
  tz.has_dst = true;
  tz.std_offset = std_offset_;
  tz.dst_offset = dst_offset_;
  tz.start = Expand(rule_start_.kind, rule_start_.a, rule_start_.b, rule_start_.c, rule_start_.time);
  tz.end = Expand(rule_end_.kind, rule_end_.a, rule_end_.b, rule_end_.c, rule_end_.time);
  const int64_t y = internal::UtcYearOf(unix_seconds);
  PosixBreakpoint pts[9];
  int n = 0;
  for (int64_t yy = y - 1; yy <= y + 1; ++yy) {
    PosixBreakpoint year[3];
    const int k = internal::PosixYearBreakpoints(tz, yy, year);
    std::copy(year, year + k, pts + n);
    n += k;
  }
  int i = 0;
  while (i + 1 < n && pts[i + 1].at <= unix_seconds) ++i;
  auto same = [&](int a, int b) {
    return pts[a].offset == pts[b].offset && pts[a].is_dst == pts[b].is_dst;
  };
  int lo = i, hi = i;
  while (lo > 0 && same(lo - 1, i)) --lo;
  while (hi + 1 < n && same(hi + 1, i)) ++hi;
  const int64_t start = (lo == 0 && at_.empty() == false) ? std::max(pts[0].at, at_.back()) : pts[lo].at;
  const int64_t end = hi + 1 < n ? pts[hi + 1].at : kMax;
  return Period{start, end, pts[i].offset, pts[i].is_dst};
}

Instant Zone::FromLocal(LocalSeconds local) const {
  // Go's time.Date (src/time/time.go): look the reading up as if it were UTC,
  // subtract that offset, and if the result falls outside the period found,
  // look up again there. Both cases equal L - off(L - off(L)).
  const int64_t l = local.time_since_epoch().count();
  const int32_t o1 = OffsetAt(Instant::FromUnixSeconds(l));
  const int32_t o2 = OffsetAt(Instant::FromUnixSeconds(l - o1));
  return Instant::FromUnixSeconds(l - o2);
}
}  // namespace kron
