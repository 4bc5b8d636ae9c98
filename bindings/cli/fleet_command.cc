// kron fleet FILE [--at TIME] [--until TIME] [--top N]
//   Ingests a `kubectl get cronjobs -A -o json` List or NDJSON file and prints
//   counts, ingest errors, the soonest next fires and the busiest minutes.
// kron fleet --generate N [--ndjson] [--seed S]
//   Writes the deterministic synthetic fleet (kron/fleet_synth.h) to stdout.
#include <algorithm>
#include <ctime>
#include <optional>
#include <string>
#include <vector>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "kron/fleet.h"
#include "kron/fleet_ingest.h"
#include "kron/fleet_synth.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

constexpr char kFleetUsage[] =
    "usage: kron fleet FILE [--at TIME] [--until TIME] [--top N]\n"
    "       kron fleet --generate N [--ndjson] [--seed S]\n";

int Usage(absl::string_view problem) { return UsageError("fleet", problem, kFleetUsage); }

int Generate(uint64_t n, bool ndjson, uint64_t seed) {
  const std::unique_ptr<TimeZones> zones = LoadZones("fleet");
  if (!zones) return kZonesUnavailable;
  SyntheticFleet::Options options;
  options.seed = seed;
  SyntheticFleet synth(*zones, options);
  const std::string out = ndjson ? synth.Ndjson(n) : synth.ListJson(n);
  Write(1, out);
  return 0;
}

}  // namespace

int RunFleet(const Args& args) {
  std::string file;
  std::optional<Instant> at, until;
  uint64_t top = 10, generate = 0, seed = 1;
  bool do_generate = false, ndjson = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view a = args[i];
    auto value = [&]() -> std::optional<absl::string_view> {
      if (i + 1 >= args.size()) return std::nullopt;
      return args[++i];
    };
    if (a == "--at" || a == "--until") {
      std::optional<absl::string_view> v = value();
      if (!v) return Usage(absl::StrCat(a, " needs a TIME"));
      absl::StatusOr<Instant> t = ParseInstant(*v);
      if (!t.ok()) return Usage(absl::StrCat(a, ": ", t.status().message()));
      (a == "--at" ? at : until) = *t;
    } else if (a == "--top" || a == "--generate" || a == "--seed") {
      std::optional<absl::string_view> v = value();
      uint64_t n;
      if (!v || !absl::SimpleAtoi(*v, &n)) return Usage(absl::StrCat(a, " needs a number"));
      if (a == "--top") top = n;
      if (a == "--seed") seed = n;
      if (a == "--generate") generate = n, do_generate = true;
    } else if (a == "--ndjson") {
      ndjson = true;
    } else if (!a.empty() && a[0] == '-') {
      return Usage(absl::StrCat("unknown flag ", a));
    } else if (file.empty()) {
      file = std::string(a);
    } else {
      return Usage("one FILE only");
    }
  }
  if (do_generate) return Generate(generate, ndjson, seed);
  if (file.empty()) return Usage("FILE is required");

  std::string data;
  if (!ReadFile(file, data)) {
    Printf(2, "kron fleet: cannot read %s\n", file.c_str());
    return 1;
  }
  const size_t size = data.size();
  data.append(kIngestPadding, '\0');

  const std::unique_ptr<TimeZones> zones = LoadZones("fleet");
  if (!zones) return kZonesUnavailable;
  Fleet fleet(*zones);
  const std::clock_t c0 = std::clock();
  absl::StatusOr<IngestReport> report =
      IngestJson(fleet, absl::string_view(data.data(), size), IngestOptions(), /*padded=*/true);
  const double seconds = double(std::clock() - c0) / CLOCKS_PER_SEC;
  if (!report.ok()) {
    Printf(2, "kron fleet: %s: %s\n", file.c_str(), std::string(report.status().message()).c_str());
    return 1;
  }
  if (!at) at = Instant::FromUnixSeconds(std::time(nullptr));
  if (!until) until = *at + 86400;

  Printf(1, "%s: %s, %zu bytes, %zu records read in %.3f s CPU\n", file.c_str(),
         report->format == IngestFormat::kNdjson ? "NDJSON" : "List", size, report->records,
         seconds);
  Printf(1, "loaded %zu (replacing %zu), errors %zu\n", report->loaded, report->replaced,
         report->errors.size());
  const size_t shown_errors = std::min<size_t>(report->errors.size(), 20);
  for (size_t i = 0; i < shown_errors; ++i) {
    Printf(1, "  %s\n", report->errors[i].message.c_str());
  }
  if (report->errors.size() > shown_errors) {
    Printf(1, "  ... and %zu more\n", report->errors.size() - shown_errors);
  }
  const FleetStats stats = fleet.Stats();
  size_t suspended = 0;
  for (CronJobId id = 0; id < fleet.id_bound(); ++id) {
    suspended += fleet.contains(id) && fleet.suspended(id);
  }
  Printf(1, "fleet: %zu CronJobs (%zu suspended), %zu distinct schedules\n", fleet.size(),
         suspended, stats.schedules);

  std::vector<int64_t> next(fleet.id_bound());
  fleet.NextAll(*at, absl::MakeSpan(next), /*skip_suspended=*/true);
  std::vector<CronJobId> order;
  for (CronJobId id = 0; id < next.size(); ++id) {
    if (next[id] != kNoFire) order.push_back(id);
  }
  const size_t k = std::min<size_t>(top, order.size());
  std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](CronJobId a, CronJobId b) {
    return next[a] != next[b] ? next[a] < next[b] : a < b;
  });
  Printf(1, "\nnext fires after %s (first %zu):\n", FormatRfc3339Utc(*at).c_str(), k);
  for (size_t i = 0; i < k; ++i) {
    const CronJobId id = order[i];
    const std::string ns(fleet.name_space(id)), name(fleet.name(id));
    Printf(1, "  %s  %s/%s  %s\n", FormatRfc3339Utc(Instant::FromUnixSeconds(next[id])).c_str(),
           ns.c_str(), name.c_str(), fleet.JobName(id, next[id]).c_str());
  }

  const MinuteHistogram h = fleet.StartsPerMinute(*at, *until, top);
  Printf(1, "\nbusiest minutes in [%s, %s): %llu Job starts in all\n",
         FormatRfc3339Utc(*at).c_str(), FormatRfc3339Utc(*until).c_str(),
         static_cast<unsigned long long>(h.total));
  for (const auto& [minute, count] : h.top) {
    Printf(1, "  %s  %u\n", FormatRfc3339Utc(minute).c_str(), count);
  }
  return report->errors.empty() ? 0 : 1;
}

}  // namespace kron::cli
