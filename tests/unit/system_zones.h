// system_zones.h — the host's tz database, loaded once per test binary and
// shared by the suites that parse zoned schedules or simulate CronJobs.
#ifndef KRON_TESTS_UNIT_SYSTEM_ZONES_H_
#define KRON_TESTS_UNIT_SYSTEM_ZONES_H_

#include <cstdlib>
#include <memory>

#include "absl/status/statusor.h"
#include "gtest/gtest.h"
#include "kron/zone.h"

namespace kron {

inline const TimeZones& Zones() {
  static const TimeZones* zones = [] {
    absl::StatusOr<std::unique_ptr<TimeZones>> z = TimeZones::LoadSystem();
    if (!z.ok()) {
      ADD_FAILURE() << z.status();
      std::abort();
    }
    return z->release();
  }();
  return *zones;
}

}  // namespace kron

#endif  // KRON_TESTS_UNIT_SYSTEM_ZONES_H_
