// kron/zone.h — IANA time zones compiled to transition tables.
//
// A `Zone` maps instants to UTC offsets the way Go's time.Location does, which
// is what robfig/cron (and so the CronJob controller) sees: the transitions of
// the system tz database up to 2037 (read through Howard Hinnant's date/tz),
// then the zone's POSIX TZ rule (the TZif footer) for every later year.
// Lookups are a binary search over a flat table: no date/tz call, no
// allocation, no lock after the zone is compiled.
//
// `TimeZones` owns the compiled zones. A zone is compiled the first time it is
// asked for; the returned pointer is stable for the life of the `TimeZones`.
// It is safe to call `Find` from several threads.
#ifndef KRON_ZONE_H_
#define KRON_ZONE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "absl/base/thread_annotations.h"
#include "absl/container/node_hash_map.h"
#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "absl/synchronization/mutex.h"
#include "kron/instant.h"

namespace kron {

class Zone {
 public:
  // A maximal run of time with one UTC offset: [start, end). The first and
  // last periods are open-ended (start/end at the int64 limits).
  struct Period {
    int64_t start;
    int64_t end;
    int32_t offset;  // seconds east of UTC
    bool is_dst;
  };

  // A zone with one fixed offset forever (UTC is Zone::Fixed("UTC", 0)).
  static Zone Fixed(std::string name, int32_t offset);

  // Builds a zone from its transitions: `offsets[0]` holds before
  // `transitions[0]`, `offsets[i + 1]` from `transitions[i]`. After the last
  // transition, `tail_rule` (a POSIX TZ string such as "EST5EDT,M3.2.0,M11.1.0",
  // may be empty) decides. Transitions that do not change offset or DST are dropped.
  static absl::StatusOr<Zone> FromTransitions(std::string name,
                                              std::vector<int64_t> transitions,
                                              std::vector<int32_t> offsets,
                                              std::vector<bool> is_dst,
                                              absl::string_view tail_rule);

  const std::string& name() const { return name_; }
  bool is_fixed() const { return at_.empty() && !has_rule_; }
  // The offset of a fixed zone (meaningful when is_fixed()): lets hot paths
  // skip the period search.
  int32_t fixed_offset() const { return offset_[0]; }

  Period PeriodAt(Instant t) const;
  int32_t OffsetAt(Instant t) const { return PeriodAt(t).offset; }

  LocalSeconds ToLocal(Instant t) const {
    return LocalSeconds(std::chrono::seconds(t.unix_seconds() + OffsetAt(t)));
  }

  // Go's time.Date: the instant for a wall-clock reading. A reading inside a
  // gap or an overlap resolves exactly as Go resolves it:
  //   unix = L - offset(L - offset(L)), with L the reading taken as if UTC.
  Instant FromLocal(LocalSeconds local) const;

 private:
  struct Rule;  // parsed POSIX TZ rule
  Period RulePeriod(int64_t unix_seconds) const;

  std::string name_;
  std::vector<int64_t> at_;       // transition instants, ascending
  std::vector<int32_t> offset_;   // size at_.size() + 1
  std::vector<uint8_t> is_dst_;   // size at_.size() + 1
  bool has_rule_ = false;
  int32_t std_offset_ = 0, dst_offset_ = 0;
  // POSIX rule dates, see zone.cc; meaningful when has_rule_.
  struct RuleDate { char kind; int16_t a, b, c; int32_t time; };
  RuleDate rule_start_{}, rule_end_{};
  int64_t table_end_ = INT64_MAX;  // from here on the rule decides
};

class TimeZones {
 public:
  // The system tz database (tzdata under /usr/share/zoneinfo, read by date/tz).
  static absl::StatusOr<std::unique_ptr<TimeZones>> LoadSystem();

  // Go's time.LoadLocation: "" and "UTC" are UTC; "Local" is the controller's
  // own zone, which kron takes to be UTC (as in the Kubernetes images).
  // Errors carry Go's texts: `unknown time zone Mars/Base`,
  // `time: invalid location name`.
  absl::StatusOr<const Zone*> Find(absl::string_view name) const;

  // The tz database release, e.g. "2025b".
  const std::string& version() const { return version_; }
  // Every zone and link name, sorted.
  const std::vector<std::string>& names() const { return names_; }

  const Zone& utc() const { return *utc_; }

 private:
  TimeZones() = default;
  std::string version_;
  std::vector<std::string> names_;
  std::unique_ptr<Zone> utc_;
  mutable absl::Mutex mu_;
  mutable absl::node_hash_map<std::string, std::unique_ptr<Zone>> compiled_ ABSL_GUARDED_BY(mu_);
};

}  // namespace kron

#endif  // KRON_ZONE_H_
