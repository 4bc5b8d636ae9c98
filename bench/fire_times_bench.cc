// Next-fire and parse costs. Each iteration asks for the next fire after a
// different instant (a pseudo-random walk over 2020–2030), so no answer is
// reused and the branch predictor sees realistic variety.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "kron/fire_times.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron {
namespace {

const TimeZones& Zones() {
  static const TimeZones* zones = TimeZones::LoadSystem()->release();
  return *zones;
}

std::vector<Instant> Starts() {
  std::vector<Instant> starts(4096);
  uint64_t x = 0x9E3779B97F4A7C15ull;
  for (Instant& t : starts) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    t = Instant::FromUnixSeconds(1577836800 + int64_t(x % (10ull * 365 * 86400)));
  }
  return starts;
}

void BM_Next(benchmark::State& state, const char* spec) {
  const Schedule s = *ParseStandard(spec, Zones());
  const std::vector<Instant> starts = Starts();
  size_t i = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(Next(s, starts[i++ & 4095]));
  }
}

// Dense (fires within minutes) and sparse (fires within months) schedules,
// in UTC and in zones with DST.
BENCHMARK_CAPTURE(BM_Next, utc_dense, "*/5 * * * *");
BENCHMARK_CAPTURE(BM_Next, utc_hourly, "0 * * * *");
BENCHMARK_CAPTURE(BM_Next, utc_business, "30 9-17 * * 1-5");
BENCHMARK_CAPTURE(BM_Next, utc_sparse, "0 0 1 1 *");
BENCHMARK_CAPTURE(BM_Next, utc_leap_day, "0 0 29 2 *");
BENCHMARK_CAPTURE(BM_Next, zone_dense, "TZ=America/New_York */5 * * * *");
BENCHMARK_CAPTURE(BM_Next, zone_business, "TZ=Europe/Berlin 30 9-17 * * 1-5");
BENCHMARK_CAPTURE(BM_Next, zone_daily, "TZ=Asia/Seoul 0 3 * * *");
BENCHMARK_CAPTURE(BM_Next, zone_sparse, "TZ=America/New_York 0 0 1 1 *");
BENCHMARK_CAPTURE(BM_Next, zone_dst_hour, "TZ=America/New_York 30 2 * * *");

void BM_Parse(benchmark::State& state, const char* spec) {
  const TimeZones& zones = Zones();
  for (auto _ : state) benchmark::DoNotOptimize(ParseStandard(spec, zones));
}
BENCHMARK_CAPTURE(BM_Parse, simple, "*/5 * * * *");
BENCHMARK_CAPTURE(BM_Parse, lists, "0,15,30,45 9-17 1,15 JAN-JUN MON-FRI");
BENCHMARK_CAPTURE(BM_Parse, descriptor, "@daily");
BENCHMARK_CAPTURE(BM_Parse, zoned, "TZ=America/New_York 30 2 * * *");

}  // namespace
}  // namespace kron
