// kron/fire_times.h — when a schedule fires, exactly as robfig/cron v3's
// `Schedule.Next` answers (and so as the CronJob controller schedules).
//
// Semantics carried over from robfig, on purpose:
//  * Next is strictly after `after`, in whole seconds.
//  * The search is in the schedule's zone. A wall time skipped by a DST gap
//    does not fire that day; one repeated by an overlap fires twice; on days
//    that start at 01:00 robfig's midnight correction applies.
//  * If no time is found before the end of the fifth year after `after`'s
//    year (in the zone), the answer is "no time" (robfig's zero time):
//    std::nullopt here.
//  * Where robfig never returns (zones that skipped a whole calendar day,
//    such as Pacific/Apia on 2011-12-30), kron continues from the first
//    instant of the next day that exists.
// `@every D` fires at after + D, in every zone.
//
// Next does no allocation. It answers from calendar bit masks when no zone
// transition can disturb robfig's walk, and otherwise replays robfig's walk
// step by step, so both paths give the same answer.
#ifndef KRON_FIRE_TIMES_H_
#define KRON_FIRE_TIMES_H_

#include <optional>

#include "kron/instant.h"
#include "kron/schedule.h"

namespace kron {

// robfig's Next: the first fire time strictly after `after`.
std::optional<Instant> Next(const Schedule& schedule, Instant after);

// The last fire time strictly before `before` (the t with Next(t - 1s) == t),
// looking back at most five years; nullopt when there is none.
std::optional<Instant> Prev(const Schedule& schedule, Instant before);

// Whether `t` is a fire time: Next(t - 1s) == t.
bool Matches(const Schedule& schedule, Instant t);

// Whether the schedule fires at all, ever: some month and day it names exist
// in the 400-year Gregorian cycle (`0 0 30 2 *` never fires).
bool CanEverFire(const Schedule& schedule);

// Fire times after `after`, one Next at a time:
//   for (FireTimes it(s, t); auto f = it.Next();) ...
// The schedule is borrowed: it must outlive the iterator (a temporary does not compile).
class FireTimes {
 public:
  FireTimes(const Schedule& schedule, Instant after) : schedule_(&schedule), cursor_(after) {}
  FireTimes(const Schedule&& schedule, Instant after) = delete;
  std::optional<Instant> Next() {
    std::optional<Instant> f = kron::Next(*schedule_, cursor_);
    if (f) cursor_ = *f;
    return f;
  }

 private:
  const Schedule* schedule_;
  Instant cursor_;
};

// robfig's walk replayed step by step, exactly (no bit-mask shortcut). Next
// uses it when a zone transition is near; exposed so tests can compare both.
std::optional<Instant> NextByReplay(const Schedule& schedule, Instant after);

}  // namespace kron

#endif  // KRON_FIRE_TIMES_H_
