// Fleet targets (see bench/README.md, section Fleet): next fire for all,
// the due queue over a simulated day, bulk ingest, and memory per CronJob,
// at 10k, 1M and 5M CronJobs of the synthetic mix (kron/fleet_synth.h).
// Rates use CPU time (the machine is shared).
#include <cstdio>
#include <cstring>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "benchmark/benchmark.h"
#include "kron/fleet.h"
#include "kron/fleet_ingest.h"
#include "kron/fleet_synth.h"
#include "kron/zone.h"

namespace kron {
namespace {

const TimeZones& Zones() {
  static const TimeZones* zones = TimeZones::LoadSystem()->release();
  return *zones;
}

const Instant kNow = Instant::FromUnixSeconds(1767225600);  // 2026-01-01T00:00:00Z

// Resident set size of this process now / at its peak, in bytes (Linux).
size_t ReadStatusKb(const char* field) {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (f == nullptr) return 0;
  char line[256];
  size_t kb = 0;
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, field, std::strlen(field)) == 0) {
      std::sscanf(line + std::strlen(field), "%zu", &kb);
    }
  }
  std::fclose(f);
  return kb * 1024;
}

std::unique_ptr<Fleet> BuildFleet(size_t n) {
  auto fleet = std::make_unique<Fleet>(Zones());
  fleet->Reserve(n);
  SyntheticFleet synth(Zones());
  SyntheticCronJob cj;
  for (size_t i = 0; i < n; ++i) {
    synth.Get(i, &cj);
    (void)fleet->Upsert(cj.record());
  }
  return fleet;
}

// One fleet per size, built once and shared by the read-only benchmarks.
Fleet& SharedFleet(size_t n) {
  static std::map<size_t, std::unique_ptr<Fleet>> fleets;
  auto& f = fleets[n];
  if (!f) f = BuildFleet(n);
  return *f;
}

void BM_FleetNextAll(benchmark::State& state) {
  Fleet& fleet = SharedFleet(size_t(state.range(0)));
  std::vector<int64_t> out(fleet.id_bound());
  int64_t t = kNow.unix_seconds();
  for (auto _ : state) {
    fleet.NextAll(Instant::FromUnixSeconds(t), absl::MakeSpan(out));
    benchmark::DoNotOptimize(out.data());
    t += 37;  // a new instant each time: no answer is reused
  }
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(fleet.size()));
  state.counters["schedules"] = double(fleet.Stats().schedules);
}
BENCHMARK(BM_FleetNextAll)->Arg(10'000)->Arg(1'000'000)->Arg(5'000'000)->Unit(benchmark::kMillisecond);

// The due queue over one simulated day; each iteration uses a fresh fleet
// (the queue advances the CronJobs' state). Events go to a 64k buffer, as a
// scheduler would consume them; with names, each started Job's name is formatted.
void DueDay(benchmark::State& state, bool names) {
  const size_t n = size_t(state.range(0));
  uint64_t fires = 0;
  for (auto _ : state) {
    state.PauseTiming();
    std::unique_ptr<Fleet> fleet = BuildFleet(n);
    fleet->StartDueQueue(kNow);
    std::vector<DueEvent> events(65536);
    char name[300];
    state.ResumeTiming();
    for (;;) {
      const size_t got = fleet->PopDue(kNow + 86400, absl::MakeSpan(events));
      fires += got;
      if (names) {
        for (size_t k = 0; k < got; ++k) {
          benchmark::DoNotOptimize(fleet->JobName(events[k].id, events[k].scheduled, name));
        }
      }
      if (got < events.size()) break;
    }
    state.PauseTiming();
    fleet.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(int64_t(fires));
  state.counters["fires_per_iteration"] = double(fires) / double(state.iterations());
}
void BM_FleetDueDay(benchmark::State& state) { DueDay(state, false); }
void BM_FleetDueDayWithJobNames(benchmark::State& state) { DueDay(state, true); }
BENCHMARK(BM_FleetDueDay)->Arg(10'000)->Arg(1'000'000)->Arg(5'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FleetDueDayWithJobNames)->Arg(10'000)->Arg(1'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

void Ingest(benchmark::State& state, bool list) {
  const size_t n = size_t(state.range(0));
  SyntheticFleet synth(Zones());
  std::string json = list ? synth.ListJson(n) : synth.Ndjson(n);
  const size_t size = json.size();
  json.append(kIngestPadding, '\0');  // the padding simdjson reads past the end
  size_t loaded = 0;
  for (auto _ : state) {
    auto fleet = std::make_unique<Fleet>(Zones());
    absl::StatusOr<IngestReport> r =
        IngestJson(*fleet, absl::string_view(json.data(), size), IngestOptions(), /*padded=*/true);
    loaded = r.ok() ? r->loaded : 0;
    state.PauseTiming();
    fleet.reset();  // destruction is not ingest
    state.ResumeTiming();
  }
  state.SetBytesProcessed(int64_t(state.iterations()) * int64_t(size));
  state.SetItemsProcessed(int64_t(state.iterations()) * int64_t(n));
  state.counters["bytes_per_record"] = double(size) / double(n);
  state.counters["loaded"] = double(loaded);
}
void BM_FleetIngestList(benchmark::State& state) { Ingest(state, true); }
void BM_FleetIngestNdjson(benchmark::State& state) { Ingest(state, false); }
BENCHMARK(BM_FleetIngestList)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_FleetIngestNdjson)->Arg(10'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);

// Bytes per CronJob: the fleet's own accounting and the RSS it adds.
void BM_FleetMemory(benchmark::State& state) {
  const size_t n = size_t(state.range(0));
  FleetStats stats;
  size_t rss_delta = 0;
  for (auto _ : state) {
    const size_t before = ReadStatusKb("VmRSS:");
    std::unique_ptr<Fleet> fleet = BuildFleet(n);
    fleet->StartDueQueue(kNow);
    stats = fleet->Stats();
    rss_delta = ReadStatusKb("VmRSS:") - before;
  }
  const double per = 1.0 / double(n);
  state.counters["slot_B"] = double(stats.slot_bytes) * per;
  state.counters["index_B"] = double(stats.index_bytes) * per;
  state.counters["queue_B"] = double(stats.queue_bytes) * per;
  state.counters["excl_names_B"] =
      double(stats.slot_bytes + stats.index_bytes + stats.queue_bytes + stats.schedule_bytes) * per;
  state.counters["names_B"] = double(stats.name_bytes) * per;
  state.counters["rss_delta_B"] = double(rss_delta) * per;
  state.counters["peak_rss_MB"] = double(ReadStatusKb("VmHWM:")) / 1e6;
}
BENCHMARK(BM_FleetMemory)->Arg(10'000)->Arg(1'000'000)->Arg(5'000'000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace kron
