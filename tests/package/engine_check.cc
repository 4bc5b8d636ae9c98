// Links kron::engine (C++) from the installed package: one Next.
#include <cstdio>

#include "kron/fire_times.h"
#include "kron/schedule.h"
#include "kron/zone.h"

int main() {
  auto zones = kron::TimeZones::LoadSystem();
  if (!zones.ok()) return 1;
  auto s = kron::ParseStandard("0 3 * * *", **zones);
  if (!s.ok()) return 1;
  auto next = kron::Next(*s, kron::Instant::FromUnixSeconds(1767225600));
  std::printf("engine: next 0 3 * * * after 2026-01-01T00:00:00Z = %s\n",
              next ? kron::FormatRfc3339Utc(*next).c_str() : "none");
  return next && next->unix_seconds() == 1767225600 + 3 * 3600 ? 0 : 1;
}
