/* kron.h — the C API of kron: CronJob schedules and fleets, answering as
 * Kubernetes does. C99; no C++ types cross this header.
 *
 * Conventions
 *  - Objects are opaque handles created by the _new, _load and _parse calls, released
 *    by the matching _free call (NULL is accepted and ignored).
 *  - Times are Unix seconds (int64_t).
 *  - Functions that can fail return a kron_status; on failure the message is
 *    available from kron_last_error() (per thread, valid until the thread's
 *    next failing call). Messages carry Kubernetes/robfig texts, e.g.
 *    "spec.schedule: end of range (7) above maximum (6): 7".
 *  - A fleet is not thread-safe; zones and parsed schedules may be shared by
 *    threads once created.
 *
 * Link: `find_package(kron CONFIG)` + `target_link_libraries(app kron::c)`,
 * or `pkg-config --cflags --libs kron`.
 */
#ifndef KRON_C_KRON_H_
#define KRON_C_KRON_H_

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum kron_status {
  KRON_OK = 0,
  KRON_INVALID_ARGUMENT = 1, /* bad schedule, zone, time text, NULL where not allowed */
  KRON_NOT_FOUND = 2,        /* no CronJob with that id/name */
  KRON_NO_FIRE = 3,          /* the schedule never fires again (robfig's zero time) */
  KRON_BUFFER_TOO_SMALL = 4, /* an output buffer is shorter than required */
  KRON_INTERNAL = 5          /* anything else (e.g. tz database unreadable) */
} kron_status;

/* The message of the calling thread's last failure ("" if none). */
const char* kron_last_error(void);
/* The library version, e.g. "0.1.0". */
const char* kron_version(void);

/* ---- Time zones (the system tz database) ---- */
typedef struct kron_zones kron_zones;
kron_status kron_zones_load(kron_zones** out);
void kron_zones_free(kron_zones* zones);
const char* kron_zones_version(const kron_zones* zones); /* e.g. "2025b" */

/* ---- Times ---- */
/* RFC 3339 ("2026-01-01T08:00:00Z", offsets allowed) or "@<unix seconds>". */
kron_status kron_time_parse(const char* text, int64_t* out);
/* RFC 3339 in UTC, NUL-terminated; needs at least 21 bytes (more before year 1000 or after 9999). */
kron_status kron_time_format(int64_t unix_seconds, char* buf, size_t cap);

/* ---- One schedule (robfig/cron v3 ParseStandard) ---- */
typedef struct kron_schedule kron_schedule;
kron_status kron_schedule_parse(const kron_zones* zones, const char* spec, kron_schedule** out);
/* The first fire time strictly after `after` (KRON_NO_FIRE when none). */
kron_status kron_schedule_next(const kron_schedule* schedule, int64_t after, int64_t* next);
void kron_schedule_free(kron_schedule* schedule);

/* ---- Fleets ---- */
typedef struct kron_fleet kron_fleet;
typedef uint32_t kron_id;
#define KRON_NO_ID ((kron_id)0xFFFFFFFFu)
#define KRON_NO_FIRE_TIME INT64_MIN /* in kron_fleet_next_all outputs */

enum { KRON_CONCURRENCY_ALLOW = 0, KRON_CONCURRENCY_FORBID = 1, KRON_CONCURRENCY_REPLACE = 2 };

typedef struct kron_cronjob {
  const char* name_space;    /* metadata.namespace ("" allowed) */
  const char* name;          /* metadata.name */
  const char* schedule;      /* spec.schedule */
  const char* time_zone;     /* spec.timeZone, NULL when absent */
  int suspend;               /* spec.suspend */
  int concurrency_policy;    /* KRON_CONCURRENCY_* */
  int has_starting_deadline; /* spec.startingDeadlineSeconds set? */
  int64_t starting_deadline_seconds;
  int64_t creation_timestamp; /* metadata.creationTimestamp */
  int has_last_schedule_time;
  int64_t last_schedule_time; /* status.lastScheduleTime */
  int64_t active;             /* len(status.active) */
} kron_cronjob;

kron_status kron_fleet_new(const kron_zones* zones, kron_fleet** out);
void kron_fleet_free(kron_fleet* fleet);

/* Adds, or replaces the CronJob of the same namespace/name (same id). */
kron_status kron_fleet_add(kron_fleet* fleet, const kron_cronjob* cronjob, kron_id* id);
kron_status kron_fleet_remove(kron_fleet* fleet, kron_id id);
kron_status kron_fleet_find(const kron_fleet* fleet, const char* name_space, const char* name,
                            kron_id* id);
kron_status kron_fleet_suspend(kron_fleet* fleet, kron_id id, int suspend);
kron_status kron_fleet_set_active(kron_fleet* fleet, kron_id id, int64_t active);
size_t kron_fleet_size(const kron_fleet* fleet);
/* Ids are below this bound: the length kron_fleet_next_all needs. */
size_t kron_fleet_id_bound(const kron_fleet* fleet);
/* The CronJob's name / the Job name `<name>-<scheduled/60>`, NUL-terminated. */
kron_status kron_fleet_name(const kron_fleet* fleet, kron_id id, char* buf, size_t cap);
kron_status kron_fleet_job_name(const kron_fleet* fleet, kron_id id, int64_t scheduled, char* buf,
                                size_t cap);

/* Bulk ingest of a `kubectl get cronjobs -A -o json` List or NDJSON. Bad
 * records are counted in report->errors and described by
 * kron_fleet_ingest_error; every good record is loaded. Fails only when the
 * data is neither a List nor NDJSON. */
typedef struct kron_ingest_report {
  size_t records, loaded, replaced, errors;
} kron_ingest_report;
kron_status kron_fleet_ingest_json(kron_fleet* fleet, const char* data, size_t len,
                                   kron_ingest_report* report);
/* Error i (< report.errors) of the last ingest, e.g.
 * "items[17]: spec.schedule: ..."; NULL when out of range. */
const char* kron_fleet_ingest_error(const kron_fleet* fleet, size_t i);

/* out[id] = next fire after `after` for every id < kron_fleet_id_bound
 * (KRON_NO_FIRE_TIME for none/free ids). */
kron_status kron_fleet_next_all(const kron_fleet* fleet, int64_t after, int64_t* out,
                                size_t out_len);

/* ---- The due queue (the CronJob controller simulated over the fleet) ---- */
enum {
  KRON_DUE_STARTED = 0,        /* a Job is created */
  KRON_DUE_ALREADY_ACTIVE = 1, /* Forbid with an active Job: nothing started */
  KRON_DUE_MISSED_DEADLINE = 2,/* startingDeadlineSeconds passed: nothing started */
  KRON_DUE_ERROR = 3
};
typedef struct kron_due_event {
  int64_t scheduled; /* the scheduled time (Job name suffix = scheduled / 60) */
  int64_t synced;    /* the controller clock when it was decided */
  kron_id id;
  int32_t kind;            /* KRON_DUE_* */
  int32_t too_many_missed; /* TooManyMissedTimes warning */
} kron_due_event;

/* Starts (or restarts) the queue with the controller's clock at `clock`. */
kron_status kron_fleet_start_due(kron_fleet* fleet, int64_t clock, int track_active);
/* Up to `cap` events due at or before `until`, in clock order; returns the
 * count. A count below `cap` means the clock reached `until`. */
size_t kron_fleet_due(kron_fleet* fleet, int64_t until, kron_due_event* out, size_t cap);
/* The controller was down until `t`: due CronJobs catch up at `t`. */
kron_status kron_fleet_skip_to(kron_fleet* fleet, int64_t t);
/* Earliest due time in the queue, KRON_NO_FIRE_TIME when empty. */
int64_t kron_fleet_next_due(kron_fleet* fleet);
kron_status kron_fleet_job_finished(kron_fleet* fleet, kron_id id);

/* A stable shard in [0, shards) for namespace/name (see docs/fleet.md). */
uint32_t kron_shard_of(const char* name_space, const char* name, uint32_t shards);

#ifdef __cplusplus
} /* extern "C" */
#endif

#endif /* KRON_C_KRON_H_ */
