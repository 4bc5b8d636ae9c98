// libFuzzer target for the schedule grammar and the fire-time search: any
// bytes as a spec must parse or fail cleanly (robfig's text, a span inside
// the spec), and a parsed schedule's fire times must move forward and agree
// with the step-by-step replay — never crash, hang or loop.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>
#include <optional>

#include "fuzz_zones.h"
#include "kron/describe.h"
#include "kron/fire_times.h"
#include "kron/schedule.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view spec(reinterpret_cast<const char*>(data), size);
  const absl::StatusOr<kron::Schedule> s = kron::ParseStandard(spec, FuzzZones());
  if (!s.ok()) {
    const std::optional<kron::SourceSpan> span = kron::ScheduleErrorSpan(s.status());
    if (!span || span->begin < 0 || span->begin > span->end || span->end > int(size)) std::abort();
    return 0;
  }
  (void)kron::DescribeSchedule(*s);
  // Instants from the bytes themselves, inside 1900–2100.
  uint64_t seed = 1469598103934665603ull;
  for (uint8_t b : spec) seed = (seed ^ b) * 1099511628211ull;
  if (!kron::CanEverFire(*s)) {
    // robfig's walk to its five-year limit, minute by minute for an empty
    // minute field, is too slow to replay here; the answer is known anyway.
    if (kron::Next(*s, kron::Instant::FromUnixSeconds(0))) std::abort();
    return 0;
  }
  for (int i = 0; i < 3; ++i) {
    seed = seed * 6364136223846793005ull + 1442695040888963407ull;
    const kron::Instant after =
        kron::Instant::FromUnixSeconds(-2208988800 + int64_t(seed % 6311433600ull));
    const std::optional<kron::Instant> next = kron::Next(*s, after);
    if (next && *next <= after) std::abort();
    if (next != kron::NextByReplay(*s, after)) std::abort();
  }
  return 0;
}
