/* A small scheduler in C99 over the installed kron C API: loads CronJobs
 * (NDJSON), prints each next fire, then runs the controller's due queue for
 * an hour and prints the Jobs it would create. Exit status 0 when every
 * answer matches the expectations written below. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kron.h"

static const char kCronJobs[] =
    "{\"metadata\":{\"name\":\"every-five\",\"namespace\":\"demo\",\"creationTimestamp\":\"2025-12-01T00:00:00Z\"},"
    "\"spec\":{\"schedule\":\"*/5 * * * *\"},\"status\":{\"lastScheduleTime\":\"2026-01-01T00:00:00Z\"}}\n"
    "{\"metadata\":{\"name\":\"tokyo-morning\",\"namespace\":\"demo\",\"creationTimestamp\":\"2025-12-01T00:00:00Z\"},"
    "\"spec\":{\"schedule\":\"30 9 * * *\",\"timeZone\":\"Asia/Tokyo\"}}\n"
    "{\"metadata\":{\"name\":\"broken\",\"namespace\":\"demo\"},\"spec\":{\"schedule\":\"0 0 * * 7\"}}\n";

#define CHECK(cond)                                                     \
  do {                                                                  \
    if (!(cond)) {                                                      \
      fprintf(stderr, "check failed: %s (%s)\n", #cond, kron_last_error()); \
      return 1;                                                         \
    }                                                                   \
  } while (0)

int main(void) {
  kron_zones* zones = NULL;
  kron_fleet* fleet = NULL;
  kron_ingest_report report;
  int64_t start = 0, *next = NULL;
  char when[64], job[128];
  kron_due_event events[16];
  size_t i, n, started = 0;
  kron_id id;

  CHECK(kron_zones_load(&zones) == KRON_OK);
  CHECK(kron_fleet_new(zones, &fleet) == KRON_OK);
  CHECK(kron_fleet_ingest_json(fleet, kCronJobs, strlen(kCronJobs), &report) == KRON_OK);
  printf("kron %s, tzdata %s: %zu records, %zu loaded, %zu errors\n", kron_version(),
         kron_zones_version(zones), report.records, report.loaded, report.errors);
  for (i = 0; i < report.errors; ++i) printf("  error: %s\n", kron_fleet_ingest_error(fleet, i));
  CHECK(report.loaded == 2 && report.errors == 1);
  CHECK(strcmp(kron_fleet_ingest_error(fleet, 0),
               "line 3: spec.schedule: end of range (7) above maximum (6): 7") == 0);

  CHECK(kron_time_parse("2026-01-01T00:00:00Z", &start) == KRON_OK);
  next = (int64_t*)malloc(sizeof(int64_t) * kron_fleet_id_bound(fleet));
  CHECK(next != NULL);
  CHECK(kron_fleet_next_all(fleet, start, next, kron_fleet_id_bound(fleet)) == KRON_OK);
  for (i = 0; i < kron_fleet_id_bound(fleet); ++i) {
    CHECK(kron_fleet_name(fleet, (kron_id)i, job, sizeof job) == KRON_OK);
    CHECK(kron_time_format(next[i], when, sizeof when) == KRON_OK);
    printf("next %-14s %s\n", job, when);
  }
  CHECK(kron_fleet_find(fleet, "demo", "tokyo-morning", &id) == KRON_OK);
  CHECK(kron_time_format(next[id], when, sizeof when) == KRON_OK);
  CHECK(strcmp(when, "2026-01-01T00:30:00Z") == 0); /* 09:30 JST */

  CHECK(kron_fleet_start_due(fleet, start, 0) == KRON_OK);
  while ((n = kron_fleet_due(fleet, start + 3600, events, 16)) > 0) {
    for (i = 0; i < n; ++i) {
      CHECK(kron_fleet_job_name(fleet, events[i].id, events[i].scheduled, job, sizeof job) == KRON_OK);
      CHECK(kron_time_format(events[i].scheduled, when, sizeof when) == KRON_OK);
      printf("%s  %s  %s\n", when, events[i].kind == KRON_DUE_STARTED ? "start" : "skip ", job);
      started += events[i].kind == KRON_DUE_STARTED;
    }
    if (n < 16) break;
  }
  /* every-five: in step, 00:05 ... 01:00 (12 Jobs). tokyo-morning has never
   * run since its creation a month ago: the first sync (00:00) runs only the
   * most recent missed time (Dec 31 09:30 JST), then 09:30 JST (00:30Z) runs. */
  printf("%zu Jobs started in the hour\n", started);
  CHECK(started == 14);
  CHECK(kron_fleet_job_name(fleet, id, 1767227400, job, sizeof job) == KRON_OK);
  CHECK(strcmp(job, "tokyo-morning-29453790") == 0);
  CHECK(kron_shard_of("demo", "every-five", 4) < 4);
  free(next);
  kron_fleet_free(fleet);
  kron_zones_free(zones);
  return 0;
}
