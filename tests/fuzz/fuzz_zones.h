// The system time zones, loaded once for the whole fuzzing run.
#ifndef KRON_TESTS_FUZZ_FUZZ_ZONES_H_
#define KRON_TESTS_FUZZ_FUZZ_ZONES_H_

#include "kron/zone.h"

inline const kron::TimeZones& FuzzZones() {
  static const kron::TimeZones* zones = kron::TimeZones::LoadSystem()->release();
  return *zones;
}

#endif  // KRON_TESTS_FUZZ_FUZZ_ZONES_H_
