// posix_tz.h — internal: the POSIX TZ strings found in TZif footers, read and
// evaluated exactly as Go 1.19's time package does (src/time/zoneinfo.go,
// tzset and friends), since Go is what robfig/cron consults after a zone's
// last explicit transition.
//
// Grammar (RFC 8536 section 3.3, with Go's limits):
//   std offset [dst [offset] [,start[/time],end[/time]]]
// Names are 3+ characters or <quoted> (e.g. <+05>); offsets are [+-]hh[:mm[:ss]]
// with hh up to 167 and measured *west* of UTC; start/end are Jn (1–365, no
// Feb 29), n (0–365) or Mm.w.d; /time may be negative or beyond 24h.
#ifndef KRON_ENGINE_SRC_POSIX_TZ_H_
#define KRON_ENGINE_SRC_POSIX_TZ_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/strings/string_view.h"

namespace kron::internal {

struct PosixRuleDate {
  enum Kind : char { kJulian = 'J', kDayOfYear = 'D', kMonthWeekDay = 'M' };
  Kind kind = kMonthWeekDay;
  int day = 0;    // J: 1–365, D: 0–365, M: weekday 0–6
  int week = 0;   // M: 1–5
  int month = 0;  // M: 1–12
  int32_t time = 7200;  // local seconds after midnight; default 02:00
};

struct PosixTz {
  std::string std_name, dst_name;
  int32_t std_offset = 0;  // seconds east of UTC
  int32_t dst_offset = 0;
  bool has_dst = false;
  PosixRuleDate start, end;
};

// Parses like Go's tzset; nullopt where Go would reject the string (Go then
// keeps the zone of the last transition forever).
std::optional<PosixTz> ParsePosixTz(absl::string_view s);

// Go's tzruleTime: seconds from the start of UTC `year` to the transition,
// given the offset in force before it.
int64_t PosixRuleTime(int64_t year, const PosixRuleDate& r, int32_t offset_before);

// The offset and DST flag Go's tzset gives for instant `unix` (Go evaluates
// within the UTC calendar year of `unix`).
struct PosixOffset {
  int32_t offset;
  bool is_dst;
};
PosixOffset PosixOffsetAt(const PosixTz& tz, int64_t unix);

// A point from which Go's tzset answer is `offset` and `is_dst`.
struct PosixBreakpoint {
  int64_t at;
  int32_t offset;
  bool is_dst;
};
// The instants within UTC `year` at which Go's tzset answer may change (the
// year's start, since tzset evaluates per UTC year, and the rule's two
// transitions), ascending and distinct, with the answer from each: writes at
// most three to `out` and returns how many.
int PosixYearBreakpoints(const PosixTz& tz, int64_t year, PosixBreakpoint (&out)[3]);

// Unix seconds at the start of the UTC calendar year.
int64_t UtcYearStart(int64_t year);
// UTC calendar year of a unix instant (floored).
int64_t UtcYearOf(int64_t unix);

}  // namespace kron::internal

#endif  // KRON_ENGINE_SRC_POSIX_TZ_H_
