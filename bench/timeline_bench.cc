// The issue's target: validate + plan one day of a `*/1` CronJob (1,440
// Jobs, 1,440 pods, ~5,800 events) in under 5 ms. The manifest is the seed's
// cronjob-test01.yml, inlined so the benchmark needs no files.
#include <memory>

#include "benchmark/benchmark.h"
#include "kron/kubectl_tables.h"
#include "kron/timeline.h"
#include "kron/validation.h"

namespace {

constexpr char kCronJob[] = R"(apiVersion: batch/v1
kind: CronJob
metadata:
  name: cronjob-test01
spec:
  schedule: "*/1 * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
            - name: nginx-test02
              image: nginx:latest
              command: ["/bin/sh", "-c", "echo Hello World~"]
          restartPolicy: Never
)";

const kron::TimeZones& Zones() {
  static const kron::TimeZones* z = kron::TimeZones::LoadSystem()->release();
  return *z;
}

// The window: one day from 30 s before the seed's first tick.
kron::PlanOptions OneDay() {
  kron::PlanOptions o;
  o.from = *kron::ParseInstant("2025-12-31T23:59:30Z");
  o.until = *kron::ParseInstant("2026-01-01T23:59:30Z");
  return o;
}

kron::ValidationReport ValidateSeed() {
  kron::ValidationOptions vo;
  vo.now = OneDay().from;
  return kron::ValidateManifestText(kCronJob, "cronjob-test01.yml", Zones(), vo);
}

void BM_ValidateAndPlanOneDay(benchmark::State& state) {
  const kron::PlanOptions o = OneDay();
  size_t events = 0;
  for (auto _ : state) {
    kron::ValidationReport r = ValidateSeed();
    absl::StatusOr<kron::Timeline> tl = kron::SimulateTimeline(r.manifests, Zones(), o);
    events = tl->events.size();
    benchmark::DoNotOptimize(tl);
  }
  state.counters["events"] = double(events);
}
BENCHMARK(BM_ValidateAndPlanOneDay)->Unit(benchmark::kMillisecond);

// The two halves of the target, separately.
void BM_ValidateOnly(benchmark::State& state) {
  for (auto _ : state) {
    kron::ValidationReport r = ValidateSeed();
    benchmark::DoNotOptimize(r);
  }
}
BENCHMARK(BM_ValidateOnly)->Unit(benchmark::kMillisecond);

void BM_PlanOnly(benchmark::State& state) {
  const kron::PlanOptions o = OneDay();
  const kron::ValidationReport r = ValidateSeed();
  for (auto _ : state) {
    absl::StatusOr<kron::Timeline> tl = kron::SimulateTimeline(r.manifests, Zones(), o);
    benchmark::DoNotOptimize(tl);
  }
}
BENCHMARK(BM_PlanOnly)->Unit(benchmark::kMillisecond);

void BM_PlanOneDayJson(benchmark::State& state) {
  const kron::PlanOptions o = OneDay();
  const kron::Timeline tl = *kron::SimulateTimeline(ValidateSeed().manifests, Zones(), o);
  for (auto _ : state) {
    std::string out = kron::RenderPlanJson(tl, o.until);
    benchmark::DoNotOptimize(out);
  }
}
BENCHMARK(BM_PlanOneDayJson)->Unit(benchmark::kMillisecond);

// The playground's "kubectl at an instant" (RenderTablesJson) at noon of the
// one-day plan: ~2,900 events recorded by then, ~2,000 of them the CronJob's.
void BM_TablesAtNoon(benchmark::State& state) {
  const kron::Timeline tl = *kron::SimulateTimeline(ValidateSeed().manifests, Zones(), OneDay());
  const kron::Instant noon = *kron::ParseInstant("2026-01-01T12:00:00Z");
  size_t bytes = 0;
  for (auto _ : state) {
    std::string out = kron::RenderTablesJson(tl, noon);
    bytes = out.size();
    benchmark::DoNotOptimize(out);
  }
  state.counters["bytes"] = double(bytes);
}
BENCHMARK(BM_TablesAtNoon)->Unit(benchmark::kMillisecond);

}  // namespace
