// kron/instant.h — absolute time and civil (wall-clock) time as distinct types.
//
// An `Instant` is a point on the UTC timeline, counted in whole seconds since
// the Unix epoch: what Kubernetes stores in `status.lastScheduleTime` and what
// job names are derived from. A `LocalSeconds` is a reading of a wall clock in
// some zone (date::local_seconds): it names no instant until a `Zone` maps it.
// The two never convert implicitly, so "add a day in local time" and "add 86400
// seconds" cannot be confused.
//
// kron works in whole seconds, like the CronJob controller (robfig/cron drops
// sub-second parts before it searches).
#ifndef KRON_INSTANT_H_
#define KRON_INSTANT_H_

#include <cstdint>
#include <string>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "date/date.h"

namespace kron {

class Instant {
 public:
  constexpr Instant() = default;
  static constexpr Instant FromUnixSeconds(int64_t s) { return Instant(s); }
  constexpr int64_t unix_seconds() const { return s_; }

  // Whole minutes since the epoch, floored: the number in a CronJob's job name.
  constexpr int64_t unix_minutes() const {
    return s_ >= 0 ? s_ / 60 : -((-s_ + 59) / 60);
  }

  constexpr Instant operator+(int64_t seconds) const { return Instant(s_ + seconds); }
  constexpr Instant operator-(int64_t seconds) const { return Instant(s_ - seconds); }
  constexpr int64_t operator-(Instant o) const { return s_ - o.s_; }

  friend constexpr bool operator==(Instant a, Instant b) { return a.s_ == b.s_; }
  friend constexpr bool operator!=(Instant a, Instant b) { return a.s_ != b.s_; }
  friend constexpr bool operator<(Instant a, Instant b) { return a.s_ < b.s_; }
  friend constexpr bool operator<=(Instant a, Instant b) { return a.s_ <= b.s_; }
  friend constexpr bool operator>(Instant a, Instant b) { return a.s_ > b.s_; }
  friend constexpr bool operator>=(Instant a, Instant b) { return a.s_ >= b.s_; }

 private:
  constexpr explicit Instant(int64_t s) : s_(s) {}
  int64_t s_ = 0;
};

// Wall-clock seconds of some zone (no zone attached).
using LocalSeconds = date::local_seconds;

// The range kron accepts for instants given by users: 0001-01-01 to 9999-12-31 UTC.
inline constexpr int64_t kMinUnixSeconds = -62135596800;  // 0001-01-01T00:00:00Z
inline constexpr int64_t kMaxUnixSeconds = 253402300799;  // 9999-12-31T23:59:59Z

// RFC 3339 in UTC with a `Z`, as Kubernetes prints timestamps: 2026-01-01T08:00:00Z.
std::string FormatRfc3339Utc(Instant t);

// RFC 3339 with the numeric offset given (Go's time.RFC3339 layout: `Z` when 0).
std::string FormatRfc3339(Instant t, int32_t utc_offset_seconds);

// Parses `2026-01-01T08:00:00Z`, `2026-01-01T17:00:00+09:00` (fractions of a
// second are dropped, as the controller does), or `@<unix seconds>`.
absl::StatusOr<Instant> ParseInstant(absl::string_view text);

}  // namespace kron

#endif  // KRON_INSTANT_H_
