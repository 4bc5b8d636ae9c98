// kron/fleet_synth.h — a deterministic synthetic fleet for benchmarks and tests.
//
// CronJob i of a fleet is a pure function of (seed, i, now): the same inputs
// give the same CronJob on every machine and every run. The mix imitates
// real clusters:
//   schedules  ~15 % `*/5 * * * *`, 5 % `*/15`, 3 % every minute, 20 % hourly
//              (half at a random minute), 20 % daily (`0 3 * * *` and random
//              times), 8 % business hours (`*/10 9-17 * * 1-5`, ...), weekly,
//              monthly, `@hourly`/`@daily`, 3 % `@every` (30s … 2h);
//   timeZone   30 % set, drawn from 50 IANA zones (DST and half-hour zones included);
//   state      2 % suspended; concurrencyPolicy 70/20/10 Allow/Forbid/Replace;
//              10 % startingDeadlineSeconds; 5 % one active Job;
//              lastScheduleTime = the last fire at or before `now` (a
//              controller that keeps up), except 5 % created in the last
//              10 minutes and 0.5 % stale by three days (catch-up cases).
// Names: namespace `team-<k>`, name `<word>-<word>-<i base 36>` (≤ 52 chars).
#ifndef KRON_FLEET_SYNTH_H_
#define KRON_FLEET_SYNTH_H_

#include <cstdint>
#include <optional>
#include <string>

#include "absl/container/flat_hash_map.h"
#include "kron/fleet.h"
#include "kron/instant.h"
#include "kron/zone.h"

namespace kron {

struct SyntheticCronJob {
  std::string name_space, name, schedule;
  std::optional<std::string> time_zone;
  bool suspend = false;
  ConcurrencyPolicy concurrency = ConcurrencyPolicy::kAllow;
  std::optional<int64_t> starting_deadline_seconds;
  Instant creation_timestamp;
  std::optional<Instant> last_schedule_time;
  int64_t active = 0;

  CronJobRecord record() const;
};

class SyntheticFleet {
 public:
  struct Options {
    uint64_t seed = 1;
    Instant now = Instant::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z
    size_t namespaces = 500;
  };
  SyntheticFleet(const TimeZones& zones, Options options);
  explicit SyntheticFleet(const TimeZones& zones) : SyntheticFleet(zones, Options()) {}

  // CronJob number i (reuses *out's strings).
  void Get(uint64_t i, SyntheticCronJob* out);

  // The CronJob as `kubectl get -o json` prints an item: pretty (4-space
  // indent, as inside a List) or compact (one NDJSON line, no newline).
  static void AppendJson(const SyntheticCronJob& cj, bool pretty, std::string* out);
  // A whole List of CronJobs [0, count) / NDJSON of them.
  std::string ListJson(uint64_t count);
  std::string Ndjson(uint64_t count);

 private:
  std::optional<Instant> LastFire(const std::string& schedule,
                                  const std::optional<std::string>& zone, Instant at_or_before);
  const TimeZones* zones_;
  Options options_;
  absl::flat_hash_map<std::string, std::optional<int64_t>> last_cache_;
};

}  // namespace kron

#endif  // KRON_FLEET_SYNTH_H_
