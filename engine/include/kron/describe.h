// kron/describe.h — an English sentence for a compiled schedule.
//
// The sentence is generated from the Schedule itself (the CronFields bit sets,
// the star bits, the kind and the zone), never from the spec text, so it
// cannot contradict what kron — and robfig/cron — will actually do:
//
//   0 */6 * * 1-5 in Asia/Seoul → "At minute 0 past every 6th hour, on Monday
//                                  through Friday, in Asia/Seoul"
//   */5 * * * *                 → "Every 5 minutes"
//   0 9 1,15 * MON              → "At 09:00, on day 1 and 15 of the month, or on Monday"
//   @every 90s                  → "Every 1m30s, counted from the previous run
//                                  (not aligned to the clock)"
//   0 0 30 2 *                  → "At 00:00 on February 30 — never fires"
//
// Ranges and steps are reconstructed from the bits: runs of three or more
// values read "a through b", arithmetic progressions "every Nth … from a
// through b" (the range is left out when the step divides the hour or day
// evenly from its start, as in `*/6` hours). Month and weekday names are
// listed, runs collapsed. When both day fields are restricted the sentence
// says "…, or on …": robfig/cron ORs them (see DayMatching).
// The zone is named unless it is UTC (the controller's zone when the spec has
// no TZ= prefix); DescribeOptions::name_utc names it always.
// A schedule that can never fire (kron::CanEverFire, or a field that selects
// no value, such as `,`) says so.
#ifndef KRON_DESCRIBE_H_
#define KRON_DESCRIBE_H_

#include <string>

#include "kron/schedule.h"

namespace kron {

struct DescribeOptions {
  bool name_utc = false;  // say "in UTC" too
};

std::string DescribeSchedule(const Schedule& schedule, const DescribeOptions& options = {});

// How robfig/cron combines day of month and day of week (spec.go dayMatches):
// kAnd when either field carries the star bit (`*`, `?`, or an item `*/1`
// anywhere in the list), so only the other field restricts days; kOr when
// neither does, so a day matches when either field matches. @every
// schedules do not look at days: kAnd.
enum class DayMatch { kAnd, kOr };
DayMatch DayMatching(const Schedule& schedule);

// One sentence explaining DayMatching for this schedule, including how
// robfig's rule differs from Vixie cron's where that matters here.
std::string ExplainDayMatching(const Schedule& schedule);

}  // namespace kron

#endif  // KRON_DESCRIBE_H_
