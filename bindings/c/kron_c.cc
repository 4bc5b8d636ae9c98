// The C API (kron.h) over the C++ engine.
#include "kron.h"

#include <algorithm>
#include <cstring>
#include <optional>
#include <memory>
#include <new>
#include <string>
#include <vector>

#include "absl/status/status.h"
#include "kron/fire_times.h"
#include "kron/fleet.h"
#include "kron/fleet_ingest.h"
#include "kron/schedule.h"
#include "kron/zone.h"

struct kron_zones {
  std::unique_ptr<kron::TimeZones> zones;
};
struct kron_schedule {
  kron::Schedule schedule;
};
struct kron_fleet {
  explicit kron_fleet(const kron::TimeZones& z) : fleet(z) {}
  kron::Fleet fleet;
  std::vector<std::string> ingest_errors;
};

namespace {

thread_local std::string last_error;

kron_status Fail(kron_status status, absl::string_view message) {
  last_error.assign(message.data(), message.size());
  return status;
}

kron_status FromStatus(const absl::Status& s) {
  if (s.ok()) return KRON_OK;
  switch (s.code()) {
    case absl::StatusCode::kInvalidArgument: return Fail(KRON_INVALID_ARGUMENT, s.message());
    case absl::StatusCode::kNotFound: return Fail(KRON_NOT_FOUND, s.message());
    default: return Fail(KRON_INTERNAL, s.message());
  }
}

kron_status NullArgument() { return Fail(KRON_INVALID_ARGUMENT, "NULL argument"); }
kron_status NoSuchId() { return Fail(KRON_NOT_FOUND, "no CronJob with that id"); }

kron_status CopyOut(absl::string_view s, char* buf, size_t cap) {
  if (buf == nullptr || cap < s.size() + 1) {
    return Fail(KRON_BUFFER_TOO_SMALL, "output buffer too small");
  }
  std::memcpy(buf, s.data(), s.size());
  buf[s.size()] = '\0';
  return KRON_OK;
}

}  // namespace

extern "C" {

const char* kron_last_error(void) { return last_error.c_str(); }
const char* kron_version(void) { return "0.1.0"; }

kron_status kron_zones_load(kron_zones** out) {
  if (out == nullptr) return NullArgument();
  absl::StatusOr<std::unique_ptr<kron::TimeZones>> z = kron::TimeZones::LoadSystem();
  if (!z.ok()) return Fail(KRON_INTERNAL, z.status().message());
  *out = new (std::nothrow) kron_zones{std::move(*z)};
  return *out ? KRON_OK : Fail(KRON_INTERNAL, "out of memory");
}

void kron_zones_free(kron_zones* zones) { delete zones; }

const char* kron_zones_version(const kron_zones* zones) {
  return zones ? zones->zones->version().c_str() : "";
}

kron_status kron_time_parse(const char* text, int64_t* out) {
  if (text == nullptr || out == nullptr) return NullArgument();
  absl::StatusOr<kron::Instant> t = kron::ParseInstant(text);
  if (!t.ok()) return FromStatus(t.status());
  *out = t->unix_seconds();
  return KRON_OK;
}

kron_status kron_time_format(int64_t unix_seconds, char* buf, size_t cap) {
  return CopyOut(kron::FormatRfc3339Utc(kron::Instant::FromUnixSeconds(unix_seconds)), buf, cap);
}

kron_status kron_schedule_parse(const kron_zones* zones, const char* spec, kron_schedule** out) {
  if (zones == nullptr || spec == nullptr || out == nullptr) return NullArgument();
  absl::StatusOr<kron::Schedule> s = kron::ParseStandard(spec, *zones->zones);
  if (!s.ok()) return FromStatus(s.status());
  *out = new (std::nothrow) kron_schedule{*s};
  return *out ? KRON_OK : Fail(KRON_INTERNAL, "out of memory");
}

kron_status kron_schedule_next(const kron_schedule* schedule, int64_t after, int64_t* next) {
  if (schedule == nullptr || next == nullptr) return NullArgument();
  std::optional<kron::Instant> n =
      kron::Next(schedule->schedule, kron::Instant::FromUnixSeconds(after));
  if (!n) return Fail(KRON_NO_FIRE, "the schedule does not fire again");
  *next = n->unix_seconds();
  return KRON_OK;
}

void kron_schedule_free(kron_schedule* schedule) { delete schedule; }

kron_status kron_fleet_new(const kron_zones* zones, kron_fleet** out) {
  if (zones == nullptr || out == nullptr) return NullArgument();
  *out = new (std::nothrow) kron_fleet(*zones->zones);
  return *out ? KRON_OK : Fail(KRON_INTERNAL, "out of memory");
}

void kron_fleet_free(kron_fleet* fleet) { delete fleet; }

kron_status kron_fleet_add(kron_fleet* fleet, const kron_cronjob* cj, kron_id* id) {
  if (fleet == nullptr || cj == nullptr || cj->name == nullptr || cj->schedule == nullptr) {
    return NullArgument();
  }
  if (cj->concurrency_policy < 0 || cj->concurrency_policy > 2) {
    return Fail(KRON_INVALID_ARGUMENT, "concurrency_policy: not a KRON_CONCURRENCY_* value");
  }
  kron::CronJobRecord r;
  r.name_space = cj->name_space ? cj->name_space : "";
  r.name = cj->name;
  r.schedule = cj->schedule;
  if (cj->time_zone) r.time_zone = absl::string_view(cj->time_zone);
  r.suspend = cj->suspend != 0;
  r.concurrency = kron::ConcurrencyPolicy(cj->concurrency_policy);
  if (cj->has_starting_deadline) r.starting_deadline_seconds = cj->starting_deadline_seconds;
  r.creation_timestamp = kron::Instant::FromUnixSeconds(cj->creation_timestamp);
  if (cj->has_last_schedule_time) {
    r.last_schedule_time = kron::Instant::FromUnixSeconds(cj->last_schedule_time);
  }
  r.active = cj->active;
  absl::StatusOr<kron::CronJobId> added = fleet->fleet.Upsert(r);
  if (!added.ok()) return FromStatus(added.status());
  if (id) *id = *added;
  return KRON_OK;
}

kron_status kron_fleet_remove(kron_fleet* fleet, kron_id id) {
  if (fleet == nullptr) return NullArgument();
  return fleet->fleet.Remove(id) ? KRON_OK : NoSuchId();
}

kron_status kron_fleet_find(const kron_fleet* fleet, const char* name_space, const char* name,
                            kron_id* id) {
  if (fleet == nullptr || name == nullptr || id == nullptr) return NullArgument();
  *id = fleet->fleet.Find(name_space ? name_space : "", name);
  return *id == KRON_NO_ID ? Fail(KRON_NOT_FOUND, "no CronJob with that name") : KRON_OK;
}

kron_status kron_fleet_suspend(kron_fleet* fleet, kron_id id, int suspend) {
  if (fleet == nullptr) return NullArgument();
  return fleet->fleet.SetSuspend(id, suspend != 0) ? KRON_OK : NoSuchId();
}

kron_status kron_fleet_set_active(kron_fleet* fleet, kron_id id, int64_t active) {
  if (fleet == nullptr) return NullArgument();
  return fleet->fleet.SetActive(id, active) ? KRON_OK : NoSuchId();
}

size_t kron_fleet_size(const kron_fleet* fleet) { return fleet ? fleet->fleet.size() : 0; }
size_t kron_fleet_id_bound(const kron_fleet* fleet) {
  return fleet ? fleet->fleet.id_bound() : 0;
}

kron_status kron_fleet_name(const kron_fleet* fleet, kron_id id, char* buf, size_t cap) {
  if (fleet == nullptr) return NullArgument();
  if (!fleet->fleet.contains(id)) return NoSuchId();
  return CopyOut(fleet->fleet.name(id), buf, cap);
}

kron_status kron_fleet_job_name(const kron_fleet* fleet, kron_id id, int64_t scheduled, char* buf,
                                size_t cap) {
  if (fleet == nullptr) return NullArgument();
  if (!fleet->fleet.contains(id)) return NoSuchId();
  return CopyOut(fleet->fleet.JobName(id, scheduled), buf, cap);
}

kron_status kron_fleet_ingest_json(kron_fleet* fleet, const char* data, size_t len,
                                   kron_ingest_report* report) {
  if (fleet == nullptr || (data == nullptr && len > 0)) return NullArgument();
  fleet->ingest_errors.clear();
  absl::StatusOr<kron::IngestReport> r =
      kron::IngestJson(fleet->fleet, absl::string_view(data, len));
  if (!r.ok()) return FromStatus(r.status());
  for (kron::IngestError& e : r->errors) fleet->ingest_errors.push_back(std::move(e.message));
  if (report) {
    report->records = r->records;
    report->loaded = r->loaded;
    report->replaced = r->replaced;
    report->errors = fleet->ingest_errors.size();
  }
  return KRON_OK;
}

const char* kron_fleet_ingest_error(const kron_fleet* fleet, size_t i) {
  if (fleet == nullptr || i >= fleet->ingest_errors.size()) return nullptr;
  return fleet->ingest_errors[i].c_str();
}

kron_status kron_fleet_next_all(const kron_fleet* fleet, int64_t after, int64_t* out,
                                size_t out_len) {
  if (fleet == nullptr || (out == nullptr && out_len > 0)) return NullArgument();
  if (out_len < fleet->fleet.id_bound()) {
    return Fail(KRON_BUFFER_TOO_SMALL, "out_len is below kron_fleet_id_bound");
  }
  fleet->fleet.NextAll(kron::Instant::FromUnixSeconds(after), absl::MakeSpan(out, out_len));
  return KRON_OK;
}

kron_status kron_fleet_start_due(kron_fleet* fleet, int64_t clock, int track_active) {
  if (fleet == nullptr) return NullArgument();
  kron::Fleet::DueOptions options;
  options.track_active = track_active != 0;
  fleet->fleet.StartDueQueue(kron::Instant::FromUnixSeconds(clock), options);
  return KRON_OK;
}

size_t kron_fleet_due(kron_fleet* fleet, int64_t until, kron_due_event* out, size_t cap) {
  if (fleet == nullptr || out == nullptr || cap == 0) return 0;
  kron::DueEvent buffer[256];
  size_t n = 0;
  while (n < cap) {
    const size_t want = std::min(cap - n, sizeof buffer / sizeof buffer[0]);
    const size_t got = fleet->fleet.PopDue(kron::Instant::FromUnixSeconds(until),
                                           absl::MakeSpan(buffer, want));
    for (size_t k = 0; k < got; ++k) {
      out[n + k] = kron_due_event{buffer[k].scheduled, buffer[k].synced, buffer[k].id,
                                  int32_t(buffer[k].kind), buffer[k].too_many_missed ? 1 : 0};
    }
    n += got;
    if (got < want) break;
  }
  return n;
}

kron_status kron_fleet_skip_to(kron_fleet* fleet, int64_t t) {
  if (fleet == nullptr) return NullArgument();
  fleet->fleet.SkipTo(kron::Instant::FromUnixSeconds(t));
  return KRON_OK;
}

int64_t kron_fleet_next_due(kron_fleet* fleet) {
  return fleet ? fleet->fleet.NextDue() : KRON_NO_FIRE_TIME;
}

kron_status kron_fleet_job_finished(kron_fleet* fleet, kron_id id) {
  if (fleet == nullptr) return NullArgument();
  return fleet->fleet.JobFinished(id) ? KRON_OK : NoSuchId();
}

uint32_t kron_shard_of(const char* name_space, const char* name, uint32_t shards) {
  return kron::ShardOf(name_space ? name_space : "", name ? name : "", shards);
}

}  // extern "C"
