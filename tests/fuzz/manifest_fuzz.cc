// libFuzzer target for what the playground does with a pasted manifest: any
// bytes through ReadManifestText, DecodeManifest, validation, an hour of the
// controllers' timeline and both plan renderings must neither crash nor hang,
// and every reported position must lie inside the input.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "fuzz_zones.h"
#include "kron/instant.h"
#include "kron/kubectl_tables.h"
#include "kron/manifest.h"
#include "kron/timeline.h"
#include "kron/validation.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view text(reinterpret_cast<const char*>(data), size);
  kron::ReadResult r = kron::ReadManifestText(text, "fuzz");
  // An upper bound on the line count: libyaml also breaks lines at a lone CR
  // and at NEL, LS and PS (whose UTF-8 forms end in 0x85, 0xA8, 0xA9).
  int lines = 1;
  for (unsigned char c : text) lines += c == '\n' || c == '\r' || c == 0x85 || c == 0xA8 || c == 0xA9;
  for (const kron::ReadIssue& e : r.errors)
    if (e.pos.line < 0 || e.pos.line > lines + 1) std::abort();
  for (const kron::Document& d : r.documents) {
    kron::DecodeResult m = kron::DecodeManifest(d);
    if (m.manifest) kron::ApplyDefaults(*m.manifest);
  }

  kron::ValidationOptions vopts;
  vopts.now = kron::Instant::FromUnixSeconds(1767254400);  // 2026-01-01T08:00Z, the seed's run
  const kron::ValidationReport report = kron::ValidateManifestText(text, "fuzz", FuzzZones(), vopts);
  for (const kron::ReportItem& item : report.items) {
    if (item.pos.line < 0 || item.pos.line > lines + 1) std::abort();
    (void)item.ToString();
  }
  if (report.unreadable || report.invalid || report.manifests.empty()) return 0;
  kron::PlanOptions plan;
  plan.from = vopts.now;
  plan.until = vopts.now + 3600;
  plan.max_events = 20'000;  // a Job with parallelism 100000 must stop, not hang
  const absl::StatusOr<kron::Timeline> tl = kron::SimulateTimeline(report.manifests, FuzzZones(), plan);
  if (!tl.ok()) return 0;
  (void)kron::RenderPlanJson(*tl, plan.from + 1800);
  (void)kron::RenderPlanText(*tl, plan.from + 1800);
  return 0;
}
