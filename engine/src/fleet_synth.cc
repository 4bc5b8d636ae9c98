// The synthetic fleet (kron/fleet_synth.h): every draw comes from SplitMix64
// of (seed, i, draw number), so CronJob i does not depend on the others.
#include "kron/fleet_synth.h"

#include "absl/strings/str_cat.h"
#include "kron/fire_times.h"
#include "kron/schedule.h"

namespace kron {
namespace {

constexpr const char* kZones[] = {
    "America/New_York",    "America/Chicago",      "America/Denver",
    "America/Los_Angeles", "America/Phoenix",      "America/Anchorage",
    "Pacific/Honolulu",    "America/Toronto",      "America/Mexico_City",
    "America/Sao_Paulo",   "America/Argentina/Buenos_Aires", "America/Bogota",
    "America/Santiago",    "America/Havana",       "America/St_Johns",
    "Europe/London",       "Europe/Dublin",        "Europe/Lisbon",
    "Europe/Paris",        "Europe/Berlin",        "Europe/Madrid",
    "Europe/Rome",         "Europe/Amsterdam",     "Europe/Stockholm",
    "Europe/Warsaw",       "Europe/Athens",        "Europe/Kyiv",
    "Europe/Istanbul",     "Europe/Moscow",        "Africa/Cairo",
    "Africa/Johannesburg", "Africa/Lagos",         "Asia/Dubai",
    "Asia/Tehran",         "Asia/Karachi",         "Asia/Kolkata",
    "Asia/Kathmandu",      "Asia/Dhaka",           "Asia/Bangkok",
    "Asia/Singapore",      "Asia/Shanghai",        "Asia/Hong_Kong",
    "Asia/Seoul",          "Asia/Tokyo",           "Australia/Perth",
    "Australia/Adelaide",  "Australia/Sydney",     "Australia/Lord_Howe",
    "Pacific/Auckland",    "Pacific/Chatham",
};

constexpr const char* kWords[] = {
    "backup", "report", "sync",   "cleanup", "billing", "etl",    "export", "import",
    "index",  "audit",  "digest", "rotate",  "metrics", "warmup", "purge",  "reindex",
    "notify", "scan",   "batch",  "archive", "refresh", "rollup", "probe",  "compact",
};

constexpr const char* kBusiness[] = {
    "*/10 9-17 * * 1-5", "0 9-17 * * MON-FRI", "30 8-18/2 * * 1-5", "*/15 9-18 * * 1-5",
    "0 9 * * 1-5",       "0 17 * * 1-5",
};

constexpr const char* kEvery[] = {"@every 30s", "@every 1m", "@every 5m", "@every 90s",
                                  "@every 10m", "@every 1h30m", "@every 2h"};

uint64_t Mix(uint64_t x) {
  x += 0x9E3779B97F4A7C15ull;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ull;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBull;
  return x ^ (x >> 31);
}

class Draws {
 public:
  Draws(uint64_t seed, uint64_t i) : state_(Mix(seed ^ Mix(i))) {}
  uint64_t Next() { return state_ = Mix(state_); }
  uint64_t Below(uint64_t n) { return Next() % n; }
  // True with probability per_mille / 1000.
  bool PerMille(uint64_t per_mille) { return Below(1000) < per_mille; }

 private:
  uint64_t state_;
};

std::string Base36(uint64_t v) {
  std::string s;
  do {
    s.insert(s.begin(), "0123456789abcdefghijklmnopqrstuvwxyz"[v % 36]);
    v /= 36;
  } while (v != 0);
  return s;
}

void PickSchedule(Draws& d, std::string* out) {
  const uint64_t r = d.Below(1000);
  if (r < 150) {
    *out = "*/5 * * * *";
  } else if (r < 200) {
    *out = "*/15 * * * *";
  } else if (r < 230) {
    *out = "* * * * *";
  } else if (r < 330) {
    *out = "0 * * * *";
  } else if (r < 430) {
    *out = absl::StrCat(d.Below(60), " * * * *");
  } else if (r < 510) {
    *out = "0 3 * * *";
  } else if (r < 630) {
    *out = absl::StrCat(d.Below(60), " ", d.Below(24), " * * *");
  } else if (r < 710) {
    *out = kBusiness[d.Below(std::size(kBusiness))];
  } else if (r < 760) {
    *out = absl::StrCat(d.Below(4) * 15, " ", d.Below(24), " * * ", d.Below(7));
  } else if (r < 790) {
    *out = absl::StrCat("0 ", d.Below(6), " ", 1 + d.Below(28), " * *");
  } else if (r < 840) {
    *out = "@hourly";
  } else if (r < 870) {
    *out = d.Below(2) ? "@daily" : "@midnight";
  } else if (r < 900) {
    *out = kEvery[d.Below(std::size(kEvery))];
  } else if (r < 930) {
    *out = "0 */6 * * *";
  } else if (r < 960) {
    *out = "15,45 * * * *";
  } else if (r < 980) {
    *out = "@weekly";
  } else {
    *out = "0 0 1 * *";
  }
}

}  // namespace

CronJobRecord SyntheticCronJob::record() const {
  CronJobRecord r;
  r.name_space = name_space;
  r.name = name;
  r.schedule = schedule;
  if (time_zone) r.time_zone = *time_zone;
  r.suspend = suspend;
  r.concurrency = concurrency;
  r.starting_deadline_seconds = starting_deadline_seconds;
  r.creation_timestamp = creation_timestamp;
  r.last_schedule_time = last_schedule_time;
  r.active = active;
  return r;
}

SyntheticFleet::SyntheticFleet(const TimeZones& zones, Options options)
    : zones_(&zones), options_(options) {}

std::optional<Instant> SyntheticFleet::LastFire(const std::string& schedule,
                                                const std::optional<std::string>& zone,
                                                Instant at_or_before) {
  std::string key = absl::StrCat(zone ? absl::StrCat("TZ=", *zone, " ") : "", schedule);
  const std::string cache_key = absl::StrCat(key, "|", at_or_before.unix_seconds());
  if (auto it = last_cache_.find(cache_key); it != last_cache_.end()) {
    if (!it->second) return std::nullopt;
    return Instant::FromUnixSeconds(*it->second);
  }
  std::optional<int64_t> value;
  if (absl::StatusOr<Schedule> s = ParseStandard(key, *zones_); s.ok()) {
    if (std::optional<Instant> p = Prev(*s, at_or_before + 1)) value = p->unix_seconds();
  }
  last_cache_.emplace(cache_key, value);
  if (!value) return std::nullopt;
  return Instant::FromUnixSeconds(*value);
}

void SyntheticFleet::Get(uint64_t i, SyntheticCronJob* out) {
  Draws d(options_.seed, i);
  out->name_space = absl::StrCat("team-", d.Below(options_.namespaces));
  out->name = absl::StrCat(kWords[d.Below(std::size(kWords))], "-",
                           kWords[d.Below(std::size(kWords))], "-", Base36(i));
  PickSchedule(d, &out->schedule);
  out->time_zone.reset();
  if (d.PerMille(300)) out->time_zone = kZones[d.Below(std::size(kZones))];
  out->suspend = d.PerMille(20);
  const uint64_t policy = d.Below(10);
  out->concurrency = policy < 7   ? ConcurrencyPolicy::kAllow
                     : policy < 9 ? ConcurrencyPolicy::kForbid
                                  : ConcurrencyPolicy::kReplace;
  out->starting_deadline_seconds.reset();
  if (d.PerMille(100)) {
    constexpr int64_t kDeadlines[] = {60, 200, 300, 3600};
    out->starting_deadline_seconds = kDeadlines[d.Below(4)];
  }
  out->active = d.PerMille(50) ? 1 : 0;

  const Instant now = options_.now;
  const uint64_t age = d.Below(1000);
  const bool is_every = out->schedule.rfind("@every", 0) == 0;
  if (age < 50) {
    // Created in the last ten minutes: has it fired yet?
    out->creation_timestamp = now - int64_t(d.Below(600));
    out->last_schedule_time.reset();
  } else {
    out->creation_timestamp = now - int64_t(86400 * (1 + d.Below(365)) + d.Below(86400));
    out->last_schedule_time.reset();
  }
  const Instant look = age >= 50 && age < 55 ? now - 3 * 86400 : now;
  if (is_every) {
    // @every counts from the last schedule: the last multiple not after `look`.
    const absl::StatusOr<Schedule> s = ParseStandard(out->schedule, *zones_);
    const int64_t step = s.ok() ? s->every_seconds() : 60;
    const int64_t since = look - out->creation_timestamp;
    if (since >= step) out->last_schedule_time = out->creation_timestamp + since / step * step;
  } else {
    std::optional<Instant> last = LastFire(out->schedule, out->time_zone, look);
    if (last && *last > out->creation_timestamp) out->last_schedule_time = *last;
  }
}

void SyntheticFleet::AppendJson(const SyntheticCronJob& cj, bool pretty, std::string* out) {
  // The shape of a real `kubectl get cronjobs -o json` item (jobTemplate and
  // all), so that ingest is measured on realistic bytes.
  int depth = pretty ? 2 : 0;  // inside {"items": [ ... ]}
  auto nl = [&]() {
    if (pretty) {
      out->push_back('\n');
      out->append(size_t(depth) * 4, ' ');
    }
  };
  auto open = [&](char c) {
    out->push_back(c);
    ++depth;
    nl();
  };
  auto close = [&](char c) {
    --depth;
    nl();
    out->push_back(c);
  };
  auto key = [&](absl::string_view k) {
    absl::StrAppend(out, "\"", k, pretty ? "\": " : "\":");
  };
  auto comma = [&]() {
    out->push_back(',');
    nl();
  };
  auto str = [&](absl::string_view k, absl::string_view v) {
    key(k);
    absl::StrAppend(out, "\"", v, "\"");
  };
  const std::string created = FormatRfc3339Utc(cj.creation_timestamp);
  open('{');
  str("apiVersion", "batch/v1"); comma();
  str("kind", "CronJob"); comma();
  key("metadata"); open('{');
  str("creationTimestamp", created); comma();
  key("generation"); out->append("1"); comma();
  str("name", cj.name); comma();
  str("namespace", cj.name_space); comma();
  str("resourceVersion", absl::StrCat(cj.creation_timestamp.unix_seconds() % 9999991)); comma();
  str("uid", absl::StrCat("6f1c2d3e-", cj.name.size(), "a1b-4c5d-9e8f-",
                          cj.creation_timestamp.unix_seconds() % 1000000000000));
  close('}'); comma();
  key("spec"); open('{');
  str("concurrencyPolicy", ConcurrencyPolicyName(cj.concurrency)); comma();
  key("failedJobsHistoryLimit"); out->append("1"); comma();
  key("jobTemplate"); open('{');
  key("metadata"); open('{'); key("creationTimestamp"); out->append("null"); close('}'); comma();
  key("spec"); open('{');
  key("template"); open('{');
  key("metadata"); open('{'); key("creationTimestamp"); out->append("null"); close('}'); comma();
  key("spec"); open('{');
  key("containers"); open('[');
  open('{');
  key("command"); open('[');
  out->append("\"/bin/sh\""); comma(); out->append("\"-c\""); comma();
  absl::StrAppend(out, "\"date; echo ", cj.name, "\"");
  close(']'); comma();
  str("image", "registry.example.com/tools/runner:1.36"); comma();
  str("imagePullPolicy", "IfNotPresent"); comma();
  str("name", "job"); comma();
  key("resources"); out->append("{}"); comma();
  str("terminationMessagePath", "/dev/termination-log"); comma();
  str("terminationMessagePolicy", "File");
  close('}');
  close(']'); comma();
  str("dnsPolicy", "ClusterFirst"); comma();
  str("restartPolicy", "OnFailure"); comma();
  str("schedulerName", "default-scheduler"); comma();
  key("securityContext"); out->append("{}"); comma();
  key("terminationGracePeriodSeconds"); out->append("30");
  close('}');
  close('}');
  close('}');
  close('}'); comma();
  str("schedule", cj.schedule); comma();
  if (cj.starting_deadline_seconds) {
    key("startingDeadlineSeconds");
    absl::StrAppend(out, *cj.starting_deadline_seconds);
    comma();
  }
  key("successfulJobsHistoryLimit"); out->append("3"); comma();
  key("suspend"); out->append(cj.suspend ? "true" : "false");
  if (cj.time_zone) {
    comma();
    str("timeZone", *cj.time_zone);
  }
  close('}'); comma();
  key("status");
  if (!cj.last_schedule_time && cj.active == 0) {
    out->append("{}");
  } else {
    open('{');
    bool first = true;
    if (cj.active > 0) {
      key("active"); open('[');
      for (int64_t a = 0; a < cj.active; ++a) {
        if (a > 0) comma();
        open('{');
        str("apiVersion", "batch/v1"); comma();
        str("kind", "Job"); comma();
        str("name", absl::StrCat(cj.name, "-", cj.creation_timestamp.unix_seconds() / 60)); comma();
        str("namespace", cj.name_space);
        close('}');
      }
      close(']');
      first = false;
    }
    if (cj.last_schedule_time) {
      if (!first) comma();
      const std::string last = FormatRfc3339Utc(*cj.last_schedule_time);
      str("lastScheduleTime", last); comma();
      str("lastSuccessfulTime", last);
    }
    close('}');
  }
  close('}');
}

std::string SyntheticFleet::ListJson(uint64_t count) {
  std::string out = "{\n    \"apiVersion\": \"v1\",\n    \"items\": [";
  SyntheticCronJob cj;
  for (uint64_t i = 0; i < count; ++i) {
    Get(i, &cj);
    out.append(i == 0 ? "\n        " : ",\n        ");
    AppendJson(cj, true, &out);
  }
  out.append("\n    ],\n    \"kind\": \"List\",\n    \"metadata\": {\n        \"resourceVersion\": \"\"\n    }\n}\n");
  return out;
}

std::string SyntheticFleet::Ndjson(uint64_t count) {
  std::string out;
  SyntheticCronJob cj;
  for (uint64_t i = 0; i < count; ++i) {
    Get(i, &cj);
    AppendJson(cj, false, &out);
    out.push_back('\n');
  }
  return out;
}

}  // namespace kron
