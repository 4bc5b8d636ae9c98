// libFuzzer target for bulk fleet ingest: any bytes as NDJSON and as a
// kubectl List must load or report each bad record without a crash or hang,
// and the report must add up (every record is loaded or has an error whose
// position exists in the input), in whichever way each record is read.
#include <cstddef>
#include <cstdint>
#include <cstdlib>

#include "fuzz_zones.h"
#include "kron/fleet.h"
#include "kron/fleet_ingest.h"

namespace {

void Check(absl::string_view json, kron::IngestFormat format) {
  kron::Fleet fleet(FuzzZones());
  kron::IngestOptions options;
  options.format = format;
  const absl::StatusOr<kron::IngestReport> report = kron::IngestJson(fleet, json, options);
  if (!report.ok()) return;  // the whole input refused (e.g. not a List): nothing to add up
  if (report->loaded + report->errors.size() != report->records) std::abort();
  if (report->loaded < report->replaced) std::abort();
  size_t lines = 1;
  for (char c : json) lines += c == '\n';
  for (const kron::IngestError& e : report->errors) {
    if (e.message.empty()) std::abort();
    if (report->format == kron::IngestFormat::kNdjson && (e.position < 1 || e.position > lines)) std::abort();
    if (report->format == kron::IngestFormat::kList && e.position >= report->records) std::abort();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const absl::string_view json(reinterpret_cast<const char*>(data), size);
  Check(json, kron::IngestFormat::kNdjson);
  Check(json, kron::IngestFormat::kList);
  return 0;
}
