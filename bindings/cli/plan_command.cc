// `kron plan FILE... --from TIME --until TIME [--pods succeed|fail|fail:N]
// [--pod-runtime DURATION] [--seed N] [--at TIME] [--output text|json]`:
// what the CronJob, Job and kubelet controllers would do with the manifests
// over [from, until) (kron/timeline.h), and with --at the kubectl tables and
// describe blocks at that instant (kron/kubectl_tables.h).
//
// The manifests are validated first, as `kron validate` does (with --from as
// "now"); findings go to stderr in validate's format. Exit status: 0 planned,
// 1 some object invalid (nothing planned), 2 usage error or unreadable input.
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/numbers.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "kron/instant.h"
#include "kron/kubectl_tables.h"
#include "kron/timeline.h"
#include "kron/validation.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

constexpr char kPlanUsage[] =
    "usage: kron plan FILE... --from TIME --until TIME [--pods succeed|fail|fail:N]\n"
    "                 [--pod-runtime DURATION] [--seed N] [--at TIME] [--output text|json]\n";

int Usage(absl::string_view problem) { return UsageError("plan", problem, kPlanUsage); }

}  // namespace

int RunPlan(const Args& args) {
  PlanOptions options;
  std::optional<Instant> from, until, at;
  bool json = false;
  std::vector<absl::string_view> files;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view a = args[i];
    if (a == "-h" || a == "--help") {
      Write(1, kPlanUsage);
      return 0;
    }
    const bool has_value = i + 1 < args.size();
    if (a == "--from" || a == "--until" || a == "--at") {
      if (!has_value) return Usage(absl::StrCat(a, " needs a TIME"));
      absl::StatusOr<Instant> t = ParseInstant(args[++i]);
      if (!t.ok()) return Usage(absl::StrCat(a, ": ", t.status().message()));
      (a == "--from" ? from : a == "--until" ? until : at) = *t;
    } else if (a == "--pods") {
      if (!has_value) return Usage("--pods needs succeed, fail or fail:N");
      absl::StatusOr<PodOutcomeModel> m = ParsePodOutcomeModel(args[++i]);
      if (!m.ok()) return Usage(absl::StrCat("--pods: ", m.status().message()));
      options.pods = *m;
    } else if (a == "--pod-runtime") {
      if (!has_value) return Usage("--pod-runtime needs a DURATION");
      absl::StatusOr<int64_t> ms = ParsePodRuntime(args[++i]);
      if (!ms.ok()) return Usage(absl::StrCat("--pod-runtime: ", ms.status().message()));
      options.pod_runtime_ms = *ms;
    } else if (a == "--seed") {
      if (!has_value || !absl::SimpleAtoi(args[i + 1], &options.seed)) {
        return Usage("--seed needs an unsigned integer");
      }
      ++i;
    } else if (a == "--output" || a == "-o") {
      if (!has_value || (args[i + 1] != "text" && args[i + 1] != "json")) {
        return Usage("--output must be text or json");
      }
      json = args[++i] == "json";
    } else if (a.size() > 1 && a[0] == '-') {
      return Usage(absl::StrCat("unknown flag ", a));
    } else {
      files.push_back(a);
    }
  }
  if (files.empty()) return Usage("no FILE given");
  if (!from || !until) return Usage("--from and --until are required");
  options.from = *from;
  options.until = *until;

  const std::unique_ptr<TimeZones> zones = LoadZones("plan");
  if (!zones) return kZonesUnavailable;
  ValidationOptions vopts;
  vopts.now = *from;
  std::vector<Manifest> manifests;
  bool unreadable = false, invalid = false;
  for (absl::string_view file : files) {
    std::string text;
    if (!ReadInput(file, text)) {
      Printf(2, "%.*s: cannot read the file\n", int(file.size()), file.data());
      unreadable = true;
      continue;
    }
    ValidationReport report = ValidateManifestText(text, file, *zones, vopts);
    for (const ReportItem& item : report.items) Write(2, absl::StrCat(item.ToString(), "\n"));
    unreadable |= report.unreadable;
    invalid |= report.invalid;
    for (Manifest& m : report.manifests) manifests.push_back(std::move(m));
  }
  if (unreadable) return 2;
  if (invalid) {
    Write(2, "kron plan: some object is invalid; nothing planned\n");
    return 1;
  }
  absl::StatusOr<Timeline> tl = SimulateTimeline(manifests, *zones, options);
  if (!tl.ok()) {
    Printf(2, "kron plan: %s\n", std::string(tl.status().message()).c_str());
    return 2;
  }
  const std::string out = json ? RenderPlanJson(*tl, at) : RenderPlanText(*tl, at);
  Write(1, out);
  return 0;
}

}  // namespace kron::cli
