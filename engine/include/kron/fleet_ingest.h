// kron/fleet_ingest.h — bulk loading of CronJob JSON into a Fleet.
//
// Two inputs:
//   * a List, as `kubectl get cronjobs -A -o json` prints it
//     ({"apiVersion":"v1","items":[...],"kind":"List",...}; a bare JSON array
//     of CronJobs is taken the same way);
//   * NDJSON: one CronJob object per line (blank lines ignored).
// Only the fields the fleet needs are read, with simdjson's On-Demand API
// (everything else is skipped unparsed): metadata.name, namespace,
// creationTimestamp; spec.schedule, timeZone, suspend, concurrencyPolicy,
// startingDeadlineSeconds; status.lastScheduleTime and the length of
// status.active. Each record is read as its own document (NDJSON lines in
// document streams of whole lines, each document checked to be its line, a
// line that fails read again alone; a plain line — no control byte, no escape
// in a field read, no backslash outside a string — is walked without simdjson
// to the same result), so a bad record (malformed JSON, a wrong
// type, a schedule robfig rejects, an unknown zone) is reported with its
// position and reason and every other record is still loaded:
//   items[17]: spec.schedule: end of range (7) above maximum (6): 7
//   line 18: metadata.name: required
// A List whose brackets never close past some item reports that item as
// unterminated and loads everything before it. A record naming a CronJob
// already in the fleet replaces it (counted in `replaced`). An empty fleet is
// first reserved for the number of records estimated from the first 64.
#ifndef KRON_FLEET_INGEST_H_
#define KRON_FLEET_INGEST_H_

#include <cstddef>
#include <string>
#include <vector>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"
#include "kron/fleet.h"
#include "kron/instant.h"

namespace kron {

enum class IngestFormat { kAuto, kList, kNdjson };

struct IngestOptions {
  IngestFormat format = IngestFormat::kAuto;
  // metadata.creationTimestamp when a record has none (the controller needs
  // one when there is no lastScheduleTime).
  Instant default_creation_timestamp;
};

struct IngestError {
  size_t position = 0;  // List: item index (0-based); NDJSON: line number (1-based)
  std::string message;  // `items[17]: <field>: <reason>` / `line 18: <field>: <reason>`
};

struct IngestReport {
  IngestFormat format = IngestFormat::kAuto;  // what was read
  size_t records = 0;   // records seen (good + bad)
  size_t loaded = 0;    // records now in the fleet (new + replaced)
  size_t replaced = 0;  // of loaded, those that replaced a CronJob of the same name
  std::vector<IngestError> errors;
};

// Bytes simdjson may read past the end of the input (simdjson::SIMDJSON_PADDING).
inline constexpr size_t kIngestPadding = 64;

// Loads the records of `json` into `fleet`. When at least kIngestPadding
// readable bytes follow `json` in memory (any values), say so with
// `padded = true` and no copy is made. Fails only when the input is neither
// a List nor NDJSON (e.g. it does not start with `{` or `[`).
absl::StatusOr<IngestReport> IngestJson(Fleet& fleet, absl::string_view json,
                                        const IngestOptions& options, bool padded = false);
inline absl::StatusOr<IngestReport> IngestJson(Fleet& fleet, absl::string_view json) {
  return IngestJson(fleet, json, IngestOptions());
}

}  // namespace kron

#endif  // KRON_FLEET_INGEST_H_
