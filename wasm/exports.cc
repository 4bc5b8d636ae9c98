// wasm/exports.cc — the C ABI of kron's WebAssembly module.
//
// A flat surface (numbers, NUL-terminated UTF-8 strings, caller buffers of
// doubles) that bindings/node/src/index.js wraps. Conventions:
//  * Functions that can fail return a sentinel (0 handle, -1 count, NaN, or
//    NULL string) and leave the error in kron_last_error*(): robfig's / Go's /
//    Kubernetes' exact text, a code (kErr* below), and for schedule errors the
//    byte span of the spec. Success clears the error.
//  * Instants cross as doubles holding whole Unix seconds (exact far beyond
//    kron's 0001–9999 range); timeline milliseconds likewise.
//  * Compiled schedules are handles (the address of a heap object): parse
//    once, then next/prev/matches/batch calls cost one boundary crossing each,
//    and the fleet batch (kron_next_all) one crossing for N schedules.
//  * Returned strings live in a module-owned buffer until the next call that
//    returns a string: copy them at once (the JS side does).
//  * The module is built without exceptions (-fno-exceptions: nothing it
//    links throws on purpose, and exception support costs code size); a
//    build with exceptions turned back on catches them in every entry point.
// The module is single-threaded, so the little state here (the loaded zones,
// the last error, the string buffer) is plain statics: this is the binding,
// not the engine.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <emscripten/emscripten.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/string_view.h"
#include "cli_io.h"
#include "compiled.h"
#include "kron/backoff.h"
#include "kron/fire_times.h"
#include "kron/instant.h"
#include "kron/kubectl_tables.h"
#include "kron/names.h"
#include "kron/schedule.h"
#include "kron/timeline.h"
#include "kron/validation.h"
#include "kron/zone.h"
#include "kron/describe.h"

// bindings/cli/main.cc compiled with -Dmain=kron_cli_main (wasm/CMakeLists.txt).
int kron_cli_main(int argc, char** argv);

namespace {

// Error codes (kron_last_error_code); the JS side maps them to Error subclasses.
enum ErrorCode : int {
  kErrNone = 0,
  kErrSchedule = 1,   // robfig's parser rejected the spec
  kErrZone = 2,       // time.LoadLocation rejected a zone name
  kErrManifest = 3,   // a manifest is unreadable or invalid
  kErrArgument = 4,   // bad arguments (range, format)
  kErrInternal = 5,   // an exception or the tz database failed to load
};

std::string g_error;
int g_error_code = kErrNone;
int g_error_begin = -1;
int g_error_end = -1;
std::string g_error_detail;  // JSON (manifest findings) or ""
std::string g_out;           // the string result of the last call

void ClearError() {
  g_error.clear();
  g_error_detail.clear();
  g_error_code = kErrNone;
  g_error_begin = g_error_end = -1;
}

void SetError(int code, absl::string_view message) {
  g_error = std::string(message);
  g_error_detail.clear();
  g_error_code = code;
  g_error_begin = g_error_end = -1;
}

const char* Out(std::string s) {
  g_out = std::move(s);
  return g_out.c_str();
}

// Runs `f`, turning any escaping exception into an error result.
template <typename F, typename R>
R Guard(F f, R on_exception) {
#if defined(__cpp_exceptions)
  try {
    return f();
  } catch (const std::exception& e) {
    SetError(kErrInternal, absl::StrCat("internal error: ", e.what()));
  } catch (...) {
    SetError(kErrInternal, "internal error");
  }
  return on_exception;
#else
  (void)on_exception;
  return f();
#endif
}

// The zone table compiled into the module at build time, loaded on first
// use (each zone is decoded the first time it is asked for).
const kron::TimeZones* Zones() {
  static absl::StatusOr<std::unique_ptr<kron::TimeZones>> zones = kron::TimeZones::LoadSystem();
  if (!zones.ok()) {
    SetError(kErrInternal, zones.status().message());
    return nullptr;
  }
  return zones->get();
}

bool IsWholeSeconds(double t) {
  return std::isfinite(t) && t == std::floor(t) &&
         t >= static_cast<double>(kron::kMinUnixSeconds) &&
         t <= static_cast<double>(kron::kMaxUnixSeconds);
}

bool CheckSeconds(double t, absl::string_view what) {
  if (IsWholeSeconds(t)) return true;
  SetError(kErrArgument,
           absl::StrCat(what, " must be whole Unix seconds within 0001-01-01..9999-12-31"));
  return false;
}

kron::Instant At(double t) { return kron::Instant::FromUnixSeconds(static_cast<int64_t>(t)); }

uint64_t Seed(double lo, double hi) {
  return (static_cast<uint64_t>(hi) << 32) | static_cast<uint64_t>(lo);
}

// How the controller applies spec.timeZone: a TZ= prefix unless the schedule
// already names a zone (formatSchedule, pkg/controller/cronjob/utils.go).
std::string WithTimeZone(absl::string_view spec, absl::string_view zone, int* prefix) {
  *prefix = 0;
  if (zone.empty() || absl::StrContains(spec, "TZ")) return std::string(spec);
  std::string p = absl::StrCat("TZ=", zone, " ");
  *prefix = static_cast<int>(p.size());
  return absl::StrCat(p, spec);
}

// robfig words a bad zone `provided bad location X: ...` (parser.go).
int ScheduleErrorCode(absl::string_view message) {
  return absl::StartsWith(message, "provided bad location") ? kErrZone : kErrSchedule;
}

std::string JsonBool(bool b) { return b ? "true" : "false"; }

void AppendItemJson(std::string& out, const kron::ReportItem& item) {
  absl::StrAppend(&out, "{\"file\":", kron::JsonQuote(item.file), ",\"line\":", item.pos.line,
                  ",\"column\":", item.pos.column, ",\"object\":", kron::JsonQuote(item.object),
                  ",\"severity\":",
                  item.severity == kron::Severity::kWarning ? "\"warning\"" : "\"error\"",
                  ",\"field\":", kron::JsonQuote(item.field),
                  ",\"message\":", kron::JsonQuote(item.message),
                  ",\"unreadable\":", JsonBool(item.unreadable),
                  ",\"text\":", kron::JsonQuote(item.ToString()), "}");
}

std::string FieldsJson(const kron::Schedule& s) {
  const kron::CronFields& f = s.fields();
  auto bits = [](uint64_t mask, int lo, int hi) {
    std::string out = "[";
    bool first = true;
    for (int i = lo; i <= hi; ++i) {
      if ((mask >> i) & 1) {
        absl::StrAppend(&out, first ? "" : ",", i);
        first = false;
      }
    }
    return out + "]";
  };
  return absl::StrCat("{\"minute\":", bits(f.minute, 0, 59), ",\"hour\":", bits(f.hour, 0, 23),
                      ",\"dayOfMonth\":", bits(f.dom, 1, 31), ",\"month\":", bits(f.month, 1, 12),
                      ",\"dayOfWeek\":", bits(f.dow, 0, 6), ",\"dayOfMonthStar\":",
                      JsonBool(f.dom_star), ",\"dayOfWeekStar\":", JsonBool(f.dow_star), "}");
}

const char* AttemptOutcomeName(kron::AttemptOutcome o) {
  switch (o) {
    case kron::AttemptOutcome::kSucceeded: return "succeeded";
    case kron::AttemptOutcome::kFailed: return "failed";
    case kron::AttemptOutcome::kKilled: return "killed";
  }
  return "";
}

void AppendAttemptsJson(std::string& out, const std::vector<kron::Attempt>& attempts) {
  out += "[";
  for (size_t i = 0; i < attempts.size(); ++i) {
    const kron::Attempt& a = attempts[i];
    absl::StrAppend(&out, i ? "," : "", "{\"pod\":", a.pod, ",\"restartCount\":", a.restart_count,
                    ",\"startMs\":", a.start_ms, ",\"endMs\":", a.end_ms, ",\"outcome\":\"",
                    AttemptOutcomeName(a.outcome), "\",\"delayBeforeNextMs\":");
    if (a.delay_before_next_ms) {
      absl::StrAppend(&out, *a.delay_before_next_ms);
    } else {
      out += "null";
    }
    out += "}";
  }
  out += "]";
}

}  // namespace

extern "C" {

// --- Module facts --------------------------------------------------------------

// The engine's version, e.g. "0.1.0".
EMSCRIPTEN_KEEPALIVE const char* kron_version() { return KRON_VERSION; }

// What this build of the module provides, comma-separated.
EMSCRIPTEN_KEEPALIVE const char* kron_features() {
  return "next,zones,schedule,names,backoff,validate,plan,batch,cli,describe";
}

// The last error: message ("" after a success), code (ErrorCode), the byte
// span [begin, end) of the spec it points at (-1 when none), and details
// (JSON, manifest findings; "" when none).
EMSCRIPTEN_KEEPALIVE const char* kron_last_error() { return g_error.c_str(); }
EMSCRIPTEN_KEEPALIVE int kron_last_error_code() { return g_error_code; }
EMSCRIPTEN_KEEPALIVE int kron_last_error_begin() { return g_error_begin; }
EMSCRIPTEN_KEEPALIVE int kron_last_error_end() { return g_error_end; }
EMSCRIPTEN_KEEPALIVE const char* kron_last_error_detail() { return g_error_detail.c_str(); }

// Loads the tz database now (it is otherwise loaded on first use). 0 or -1.
EMSCRIPTEN_KEEPALIVE int kron_init_zones() {
  return Guard([]() -> int { return Zones() ? (ClearError(), 0) : -1; }, -1);
}

// The embedded tz database release, e.g. "2025b"; "" (and an error) if it cannot load.
EMSCRIPTEN_KEEPALIVE const char* kron_tzdata_version() {
  return Guard(
      []() -> const char* {
        const kron::TimeZones* zones = Zones();
        if (!zones) return "";
        ClearError();
        return zones->version().c_str();
      },
      "");
}

// The number of zone and link names, -1 on error; kron_zone_name(i) is the i-th (sorted).
EMSCRIPTEN_KEEPALIVE int kron_zone_count() {
  return Guard(
      []() -> int {
        const kron::TimeZones* zones = Zones();
        if (!zones) return -1;
        ClearError();
        return static_cast<int>(zones->names().size());
      },
      -1);
}

EMSCRIPTEN_KEEPALIVE const char* kron_zone_name(int i) {
  return Guard(
      [i]() -> const char* {
        const kron::TimeZones* zones = Zones();
        if (!zones || i < 0 || static_cast<size_t>(i) >= zones->names().size()) return "";
        return zones->names()[i].c_str();
      },
      "");
}

// Every zone and link name, '\n'-separated, in one call.
EMSCRIPTEN_KEEPALIVE const char* kron_zone_names() {
  return Guard(
      []() -> const char* {
        const kron::TimeZones* zones = Zones();
        if (!zones) return nullptr;
        ClearError();
        return Out(absl::StrJoin(zones->names(), "\n"));
      },
      static_cast<const char*>(nullptr));
}

// The UTC offset (seconds east) of zone `name` at `t` (Unix seconds), as Go's
// time.Location answers it; *is_dst (may be NULL) gets the DST flag. Returns
// INT32_MIN on error.
EMSCRIPTEN_KEEPALIVE int32_t kron_zone_offset(const char* name, double t, int* is_dst) {
  return Guard(
      [&]() -> int32_t {
        if (name == nullptr || !std::isfinite(t)) {
          SetError(kErrArgument, "kron_zone_offset: bad arguments");
          return INT32_MIN;
        }
        const kron::TimeZones* zones = Zones();
        if (!zones) return INT32_MIN;
        absl::StatusOr<const kron::Zone*> zone = zones->Find(name);
        if (!zone.ok()) {
          SetError(kErrZone, zone.status().message());
          return INT32_MIN;
        }
        ClearError();
        const kron::Zone::Period p =
            (*zone)->PeriodAt(kron::Instant::FromUnixSeconds(static_cast<int64_t>(std::floor(t))));
        if (is_dst != nullptr) *is_dst = p.is_dst ? 1 : 0;
        return p.offset;
      },
      INT32_MIN);
}

// --- Compiled schedules --------------------------------------------------------

// Compiles `spec` (robfig's ParseStandard) with `zone` (may be NULL or "") as
// the CronJob's spec.timeZone. Returns a handle, or 0 on error (span relative
// to `spec`; code kErrZone for an unknown zone, else kErrSchedule).
EMSCRIPTEN_KEEPALIVE Compiled* kron_parse(const char* spec, const char* zone) {
  return Guard(
      [&]() -> Compiled* {
        if (spec == nullptr) {
          SetError(kErrArgument, "kron_parse: no spec");
          return nullptr;
        }
        const kron::TimeZones* zones = Zones();
        if (!zones) return nullptr;
        int prefix = 0;
        const std::string text = WithTimeZone(spec, zone ? zone : "", &prefix);
        absl::StatusOr<kron::Schedule> schedule = kron::ParseStandard(text, *zones);
        if (!schedule.ok()) {
          SetError(ScheduleErrorCode(schedule.status().message()), schedule.status().message());
          if (auto span = kron::ScheduleErrorSpan(schedule.status()); span && span->begin >= prefix) {
            g_error_begin = span->begin - prefix;
            g_error_end = span->end - prefix;
          }
          return nullptr;
        }
        ClearError();
        return new Compiled{*std::move(schedule)};
      },
      static_cast<Compiled*>(nullptr));
}

EMSCRIPTEN_KEEPALIVE void kron_schedule_free(Compiled* h) { delete h; }

// The first `count` fire times strictly after `after`, into out[0..count).
// Returns how many (fewer when the schedule stops firing within robfig's
// five-year horizon), -1 on bad arguments.
EMSCRIPTEN_KEEPALIVE int kron_schedule_next(const Compiled* h, double after, int count, double* out) {
  if (h == nullptr || count < 0 || (count > 0 && out == nullptr)) {
    SetError(kErrArgument, "kron_schedule_next: bad arguments");
    return -1;
  }
  if (!CheckSeconds(after, "after")) return -1;
  kron::FireTimes it(h->schedule, At(after));
  int n = 0;
  while (n < count) {
    std::optional<kron::Instant> t = it.Next();
    if (!t) break;
    out[n++] = static_cast<double>(t->unix_seconds());
  }
  return n;
}

// kron_schedule_next1 (one fire time, the per-call fast path) is in
// exports_next.cc, compiled -O3.

// The last `count` fire times strictly before `before`, latest first. As
// kron_schedule_next.
EMSCRIPTEN_KEEPALIVE int kron_schedule_prev(const Compiled* h, double before, int count, double* out) {
  if (h == nullptr || count < 0 || (count > 0 && out == nullptr)) {
    SetError(kErrArgument, "kron_schedule_prev: bad arguments");
    return -1;
  }
  if (!CheckSeconds(before, "before")) return -1;
  kron::Instant cursor = At(before);
  int n = 0;
  while (n < count) {
    std::optional<kron::Instant> t = kron::Prev(h->schedule, cursor);
    if (!t) break;
    out[n++] = static_cast<double>(t->unix_seconds());
    cursor = *t;
  }
  return n;
}

// 1 when `t` is a fire time, 0 when not, -1 on bad arguments.
EMSCRIPTEN_KEEPALIVE int kron_schedule_matches(const Compiled* h, double t) {
  if (h == nullptr || !CheckSeconds(t, "t")) return -1;
  return kron::Matches(h->schedule, At(t)) ? 1 : 0;
}

EMSCRIPTEN_KEEPALIVE int kron_schedule_can_ever_fire(const Compiled* h) {
  return kron::CanEverFire(h->schedule) ? 1 : 0;
}

// What the schedule compiled to, as JSON: kind, zone, dayMatching, and the
// field sets (cron) or the interval (@every).
EMSCRIPTEN_KEEPALIVE const char* kron_schedule_info(const Compiled* h) {
  return Guard(
      [&]() -> const char* {
        const kron::Schedule& s = h->schedule;
        std::string out = absl::StrCat("{\"zone\":", kron::JsonQuote(s.zone().name()));
        if (s.kind() == kron::Schedule::Kind::kEvery) {
          absl::StrAppend(&out, ",\"kind\":\"every\",\"everySeconds\":", s.every_seconds(),
                          ",\"dayMatching\":\"and\",\"fields\":null}");
        } else {
          absl::StrAppend(&out, ",\"kind\":\"cron\",\"everySeconds\":null,\"dayMatching\":",
                          s.fields().days_and() ? "\"and\"" : "\"or\"",
                          ",\"fields\":", FieldsJson(s), "}");
        }
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

// kron/describe.h's sentence (name_utc: say "in UTC" too).
EMSCRIPTEN_KEEPALIVE const char* kron_schedule_describe(const Compiled* h, int name_utc) {
  return Guard(
      [&]() -> const char* {
        kron::DescribeOptions options;
        options.name_utc = name_utc != 0;
        return Out(kron::DescribeSchedule(h->schedule, options));
      },
      static_cast<const char*>(nullptr));
}

// kron/describe.h's ExplainDayMatching: one sentence on how the day fields combine.
EMSCRIPTEN_KEEPALIVE const char* kron_schedule_explain_days(const Compiled* h) {
  return Guard([&]() -> const char* { return Out(kron::ExplainDayMatching(h->schedule)); },
               static_cast<const char*>(nullptr));
}

// The fleet batch: out[i] = the next fire time of handles[i] strictly after
// afters[i] (afters may be NULL: then `after` for all), NaN when none. One
// boundary crossing for the whole array. Returns n, or -1 on bad arguments.
EMSCRIPTEN_KEEPALIVE int kron_next_all(const Compiled* const* handles, int n, double after,
                                       const double* afters, double* out) {
  if (n < 0 || (n > 0 && (handles == nullptr || out == nullptr))) {
    SetError(kErrArgument, "kron_next_all: bad arguments");
    return -1;
  }
  if (afters == nullptr && !CheckSeconds(after, "after")) return -1;
  for (int i = 0; i < n; ++i) {
    const double a = afters ? afters[i] : after;
    if (handles[i] == nullptr || !IsWholeSeconds(a)) {
      out[i] = NAN;
      continue;
    }
    std::optional<kron::Instant> t = kron::Next(handles[i]->schedule, At(a));
    out[i] = t ? static_cast<double>(t->unix_seconds()) : NAN;
  }
  return n;
}

// --- Names -------------------------------------------------------------------

// getJobName: `<cronjob>-<scheduled minutes>`.
EMSCRIPTEN_KEEPALIVE const char* kron_job_name(const char* cronjob, double scheduled) {
  return Guard(
      [&]() -> const char* {
        if (cronjob == nullptr || !CheckSeconds(scheduled, "scheduled")) return nullptr;
        ClearError();
        return Out(kron::CronJobJobName(cronjob, At(scheduled)));
      },
      static_cast<const char*>(nullptr));
}

// `count` pod names for Job `job` ('\n'-separated), as the API server names
// them from the Job controller's GenerateName (`<job>-`, or `<job>-<index>-`
// when index >= 0). Suffixes from SeededNameGenerator(seed) when `seeded`,
// else fresh entropy.
EMSCRIPTEN_KEEPALIVE const char* kron_pod_names(const char* job, int index, int count, int seeded,
                                                double seed_lo, double seed_hi) {
  return Guard(
      [&]() -> const char* {
        if (job == nullptr || count < 0) {
          SetError(kErrArgument, "kron_pod_names: bad arguments");
          return nullptr;
        }
        const std::string prefix = index >= 0 ? kron::IndexedPodGenerateNamePrefix(job, index)
                                              : kron::PodGenerateNamePrefix(job);
        std::vector<std::string> names;
        names.reserve(count);
        if (seeded) {
          kron::SeededNameGenerator gen(Seed(seed_lo, seed_hi));
          for (int i = 0; i < count; ++i) names.push_back(gen.GenerateName(prefix));
        } else {
          kron::RandomNameGenerator gen;
          for (int i = 0; i < count; ++i) names.push_back(gen.GenerateName(prefix));
        }
        ClearError();
        return Out(absl::StrJoin(names, "\n"));
      },
      static_cast<const char*>(nullptr));
}

// The API server's problems with a name, '\n'-separated ("" = valid).
// kind: 0 CronJob metadata.name (ValidateCronJobName), 1 DNS-1123 label,
// 2 DNS-1123 subdomain.
EMSCRIPTEN_KEEPALIVE const char* kron_name_problems(int kind, const char* name) {
  return Guard(
      [&]() -> const char* {
        if (name == nullptr) return Out("");
        std::vector<std::string> p = kind == 1   ? kron::IsDns1123Label(name)
                                     : kind == 2 ? kron::IsDns1123Subdomain(name)
                                                 : kron::ValidateCronJobName(name);
        return Out(absl::StrJoin(p, "\n"));
      },
      static_cast<const char*>(nullptr));
}

// --- Backoff -----------------------------------------------------------------

// SimulateJobRetries. `p` holds the spec as numbers:
//   [0] restartPolicy (0 Never, 1 OnFailure)  [1] backoffLimit  [2] completions
//   [3] start_ms  [4] job initial_ms  [5] job max_ms  [6] kubelet initial_ms
//   [7] kubelet max_ms  [8] kubelet reset_after_ms  [9] max_attempts
//   [10] number of runs R, then R pairs (runtime_ms, succeeds 0/1).
// Returns the timeline as JSON.
EMSCRIPTEN_KEEPALIVE const char* kron_backoff(const double* p, int n) {
  return Guard(
      [&]() -> const char* {
        if (p == nullptr || n < 11 || p[10] < 1 || n < 11 + 2 * static_cast<int>(p[10])) {
          SetError(kErrArgument, "backoff: at least one run is needed");
          return nullptr;
        }
        kron::JobRetrySpec spec;
        spec.restart_policy = p[0] != 0 ? kron::RestartPolicy::kOnFailure : kron::RestartPolicy::kNever;
        spec.backoff_limit = static_cast<int32_t>(p[1]);
        spec.completions = static_cast<int32_t>(p[2]);
        spec.start_ms = static_cast<int64_t>(p[3]);
        spec.job_backoff = {static_cast<int64_t>(p[4]), static_cast<int64_t>(p[5])};
        spec.kubelet_backoff = {static_cast<int64_t>(p[6]), static_cast<int64_t>(p[7]),
                                static_cast<int64_t>(p[8])};
        spec.max_attempts = static_cast<int32_t>(p[9]);
        const int runs = static_cast<int>(p[10]);
        for (int i = 0; i < runs; ++i) {
          spec.runs.push_back({static_cast<int64_t>(p[11 + 2 * i]), p[12 + 2 * i] != 0});
        }
        if (spec.backoff_limit < 0 || spec.completions < 1 || spec.max_attempts < 1) {
          SetError(kErrArgument, "backoff: backoffLimit >= 0, completions >= 1, maxAttempts >= 1");
          return nullptr;
        }
        const kron::JobTimeline tl = kron::SimulateJobRetries(spec);
        std::string out = "{\"attempts\":";
        AppendAttemptsJson(out, tl.attempts);
        const char* outcome = tl.outcome == kron::JobOutcome::kComplete ? "complete"
                              : tl.outcome == kron::JobOutcome::kFailed ? "failed"
                                                                        : "attemptCapReached";
        absl::StrAppend(&out, ",\"outcome\":\"", outcome, "\",\"finishedMs\":", tl.finished_ms,
                        ",\"succeeded\":", tl.succeeded, ",\"failed\":", tl.failed,
                        ",\"reason\":", kron::JsonQuote(tl.reason),
                        ",\"message\":", kron::JsonQuote(tl.message), "}");
        ClearError();
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

// The Job controller's delay after `failures` consecutive failures (legacy:
// the 360 s cap of older releases), or the kubelet's delay before restart
// number `failures` (crashloop != 0; reduced: the ReduceDefaultCrashLoopBackOffDecay gate).
EMSCRIPTEN_KEEPALIVE double kron_backoff_delay(int crashloop, int variant, int failures) {
  if (crashloop) {
    return static_cast<double>(kron::CrashLoopDelayMs(
        variant ? kron::CrashLoopBackoffPolicy::ReducedDecay() : kron::CrashLoopBackoffPolicy::Default(),
        failures));
  }
  return static_cast<double>(kron::JobBackoffDelayMs(
      variant ? kron::JobPodFailureBackoff::Legacy() : kron::JobPodFailureBackoff::Current(), failures));
}

// --- Manifests ---------------------------------------------------------------

// ValidateManifestText for one file: the report as JSON
//   {"objects":[{"kind","name","namespace","file","line"}],"unreadable":b,"invalid":b,"items":[...]}
// with each item {file,line,column,object,severity,field,message,unreadable,text}
// (`text` is the line `kron validate` prints). `now` anchors the DST warnings.
EMSCRIPTEN_KEEPALIVE const char* kron_validate(const char* text, const char* file, double now) {
  return Guard(
      [&]() -> const char* {
        if (text == nullptr || file == nullptr || !CheckSeconds(now, "now")) return nullptr;
        const kron::TimeZones* zones = Zones();
        if (!zones) return nullptr;
        kron::ValidationOptions options;
        options.now = At(now);
        const kron::ValidationReport report = kron::ValidateManifestText(text, file, *zones, options);
        std::string out = "{\"objects\":[";
        for (size_t i = 0; i < report.manifests.size(); ++i) {
          const kron::Manifest& m = report.manifests[i];
          absl::StrAppend(&out, i ? "," : "", "{\"kind\":", kron::JsonQuote(m.kind_name()),
                          ",\"name\":", kron::JsonQuote(m.metadata().name),
                          ",\"file\":", kron::JsonQuote(m.file), ",\"line\":", m.pos.line, "}");
        }
        absl::StrAppend(&out, "],\"unreadable\":", JsonBool(report.unreadable),
                        ",\"invalid\":", JsonBool(report.invalid), ",\"items\":[");
        for (size_t i = 0; i < report.items.size(); ++i) {
          if (i) out += ",";
          AppendItemJson(out, report.items[i]);
        }
        out += "]}";
        ClearError();
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

}  // extern "C"

namespace {

// What kron_plan and kron_plan_open share: validates the `n` files (texts[i]
// named names[i]) as the CLI does, with `from` as "now", and simulates
// [from, until); `at` (NaN: none) is only checked, in the order kron_plan
// always checked its arguments. On failure: nullopt with the error set (kErrManifest: the
// findings as JSON in g_error_detail). On success the error is cleared and
// g_error_detail holds the warnings (JSON). Call inside Guard.
std::optional<kron::Timeline> ValidateAndSimulate(int n, const char* const* texts,
                                                  const char* const* names, double from,
                                                  double until, const char* pods,
                                                  const char* pod_runtime, double seed_lo,
                                                  double seed_hi, double at) {
  if (n < 1 || texts == nullptr || names == nullptr) {
    SetError(kErrArgument, "plan: no manifest given");
    return std::nullopt;
  }
  if (!CheckSeconds(from, "from") || !CheckSeconds(until, "until")) return std::nullopt;
  if (!std::isnan(at) && !CheckSeconds(at, "at")) return std::nullopt;
  kron::PlanOptions options;
  options.from = At(from);
  options.until = At(until);
  options.seed = Seed(seed_lo, seed_hi);
  if (pods != nullptr && *pods) {
    absl::StatusOr<kron::PodOutcomeModel> m = kron::ParsePodOutcomeModel(pods);
    if (!m.ok()) {
      SetError(kErrArgument, absl::StrCat("pods: ", m.status().message()));
      return std::nullopt;
    }
    options.pods = *m;
  }
  if (pod_runtime != nullptr && *pod_runtime) {
    absl::StatusOr<int64_t> ms = kron::ParsePodRuntime(pod_runtime);
    if (!ms.ok()) {
      SetError(kErrArgument, absl::StrCat("podRuntime: ", ms.status().message()));
      return std::nullopt;
    }
    options.pod_runtime_ms = *ms;
  }
  const kron::TimeZones* zones = Zones();
  if (!zones) return std::nullopt;
  kron::ValidationOptions vopts;  // as bindings/cli/plan_command.cc: --from is "now"
  vopts.now = options.from;
  std::vector<kron::Manifest> manifests;
  bool unreadable = false, invalid = false;
  std::string findings = "[";
  for (int i = 0; i < n; ++i) {
    kron::ValidationReport report =
        kron::ValidateManifestText(texts[i], names[i] ? names[i] : "-", *zones, vopts);
    for (const kron::ReportItem& item : report.items) {
      if (findings.size() > 1) findings += ",";
      AppendItemJson(findings, item);
    }
    unreadable |= report.unreadable;
    invalid |= report.invalid;
    for (kron::Manifest& m : report.manifests) manifests.push_back(std::move(m));
  }
  findings += "]";
  if (unreadable || invalid) {
    SetError(kErrManifest, unreadable ? "some input is unreadable; nothing planned"
                                      : "some object is invalid; nothing planned");
    g_error_detail = std::move(findings);
    return std::nullopt;
  }
  absl::StatusOr<kron::Timeline> tl = kron::SimulateTimeline(manifests, *zones, options);
  if (!tl.ok()) {
    SetError(kErrArgument, tl.status().message());
    return std::nullopt;
  }
  ClearError();
  g_error_detail = std::move(findings);
  return std::move(*tl);
}

}  // namespace

extern "C" {

// `kron plan`: validates and simulates (ValidateAndSimulate) and renders
// RenderPlanJson (format 0) or RenderPlanText (1). `at` NaN: no tables.
// pods: "succeed" | "fail" | "fail:N"; pod_runtime: a Go duration. On invalid
// or unreadable manifests: NULL, code kErrManifest, the findings as JSON in
// kron_last_error_detail(); on success it holds the warnings.
EMSCRIPTEN_KEEPALIVE const char* kron_plan(int n, const char* const* texts, const char* const* names,
                                           double from, double until, const char* pods,
                                           const char* pod_runtime, double seed_lo, double seed_hi,
                                           double at, int format) {
  return Guard(
      [&]() -> const char* {
        std::optional<kron::Timeline> tl = ValidateAndSimulate(n, texts, names, from, until, pods,
                                                               pod_runtime, seed_lo, seed_hi, at);
        if (!tl) return nullptr;
        std::optional<kron::Instant> at_instant;
        if (!std::isnan(at)) at_instant = At(at);
        return Out(format == 1 ? kron::RenderPlanText(*tl, at_instant)
                               : kron::RenderPlanJson(*tl, at_instant));
      },
      static_cast<const char*>(nullptr));
}

// --- Plans kept behind a handle (the playground) -------------------------------
//
// kron_plan renders the whole timeline (every event) as one text; a day of a
// `*/1` CronJob is 7,000 events, 1.4 MB of JSON. The playground instead
// simulates once (kron_plan_open) and asks for what it shows: the Jobs and
// Pods as columns of numbers (the drawing), kubectl's tables at an instant
// (picking another instant does not simulate again) and a slice of events.

}  // extern "C"

struct PlanHandle {
  kron::Timeline tl;
};

extern "C" {

// Validates and simulates as kron_plan does (same arguments, no `at`, no
// format). Returns a handle for kron_plan_* below, or NULL with the error
// (kErrManifest: the findings in kron_last_error_detail(), as kron_plan).
// On success kron_last_error_detail() holds the warnings (JSON).
EMSCRIPTEN_KEEPALIVE PlanHandle* kron_plan_open(int n, const char* const* texts,
                                                const char* const* names, double from,
                                                double until, const char* pods,
                                                const char* pod_runtime, double seed_lo,
                                                double seed_hi) {
  return Guard(
      [&]() -> PlanHandle* {
        std::optional<kron::Timeline> tl = ValidateAndSimulate(
            n, texts, names, from, until, pods, pod_runtime, seed_lo, seed_hi, std::nan(""));
        if (!tl) return nullptr;
        return new PlanHandle{std::move(*tl)};
      },
      static_cast<PlanHandle*>(nullptr));
}

EMSCRIPTEN_KEEPALIVE void kron_plan_free(PlanHandle* h) { delete h; }

// The simulated objects: their strings as JSON,
//   {"cronjobs":[{"name","schedule","timeZone"}],"jobs":{"name":[],"reason":[]},
//    "pods":{"name":[]},"events":count,"notes":[]}
// and their numbers as columns of doubles (kron_plan_columns).
EMSCRIPTEN_KEEPALIVE const char* kron_plan_objects(const PlanHandle* h) {
  return Guard(
      [&]() -> const char* {
        const kron::Timeline& tl = h->tl;
        std::string out = "{\"cronjobs\":[";
        for (size_t i = 0; i < tl.cronjobs.size(); ++i) {
          const kron::PlannedCronJob& c = tl.cronjobs[i];
          absl::StrAppend(&out, i ? "," : "", "{\"name\":", kron::JsonQuote(c.name),
                          ",\"schedule\":", kron::JsonQuote(c.schedule), ",\"timeZone\":",
                          c.time_zone ? kron::JsonQuote(*c.time_zone) : "null", "}");
        }
        out.reserve(out.size() + tl.jobs.size() * 60 + tl.pods.size() * 40);
        auto names = [&](absl::string_view key, size_t count, auto&& name) {
          absl::StrAppend(&out, "\"", key, "\":[");
          for (size_t i = 0; i < count; ++i) {
            if (i) out += ',';
            kron::AppendJsonQuoted(out, name(i));
          }
          out += "]";
        };
        out += "],\"jobs\":{";
        names("name", tl.jobs.size(), [&](size_t i) -> const std::string& { return tl.jobs[i].name; });
        out += ',';
        names("reason", tl.jobs.size(), [&](size_t i) -> const std::string& { return tl.jobs[i].reason; });
        out += "},\"pods\":{";
        names("name", tl.pods.size(), [&](size_t i) -> const std::string& { return tl.pods[i].name; });
        absl::StrAppend(&out, "},\"events\":", tl.events.size(), ",\"notes\":[");
        for (size_t i = 0; i < tl.notes.size(); ++i) absl::StrAppend(&out, i ? "," : "", kron::JsonQuote(tl.notes[i]));
        out += "]}";
        ClearError();
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

// The objects' numbers, column after column (milliseconds; NaN when unset),
// written to `out` (4 × Jobs + 7 × Pods doubles, the caller's):
//   Jobs (one value per Job each)  created, deleted, condition (0 none,
//                                  1 Complete, 2 Failed), finished;
//   Pods (one value per Pod each)  job (index), created, deleted, finished,
//                                  succeeded (0/1), runs, firstRunEnd.
// Doubles hold every millisecond time exactly (|t| < 2^53). Returns how many
// doubles were written.
EMSCRIPTEN_KEEPALIVE int kron_plan_columns(const PlanHandle* h, double* out) {
  return Guard(
      [&]() -> int {
        const kron::Timeline& tl = h->tl;
        const size_t nj = tl.jobs.size(), np = tl.pods.size();
        std::fill(out, out + 4 * nj + 7 * np, std::nan(""));
        for (size_t i = 0; i < nj; ++i) {
          const kron::PlannedJob& j = tl.jobs[i];
          out[i] = double(j.created_ms);
          if (j.deleted_ms) out[nj + i] = double(*j.deleted_ms);
          out[2 * nj + i] = double(static_cast<int>(j.condition));
          out[3 * nj + i] = double(j.finished_ms);
        }
        double* const pods = out + 4 * nj;
        for (size_t i = 0; i < np; ++i) {
          const kron::PlannedPod& p = tl.pods[i];
          pods[i] = double(p.job);
          pods[np + i] = double(p.created_ms);
          if (p.deleted_ms) pods[2 * np + i] = double(*p.deleted_ms);
          if (p.finished_ms) pods[3 * np + i] = double(*p.finished_ms);
          pods[4 * np + i] = p.succeeded ? 1 : 0;
          pods[5 * np + i] = double(p.runs.size());
          if (!p.runs.empty()) pods[6 * np + i] = double(p.runs.front().end_ms);
        }
        ClearError();
        return int(4 * nj + 7 * np);
      },
      -1);
}

// How many events carry a time (whole seconds, as the API server stores
// them) at or before `at` (Unix seconds): events [0, result) are "up to at".
EMSCRIPTEN_KEEPALIVE int kron_plan_events_until(const PlanHandle* h, double at) {
  const std::vector<kron::TimelineEvent>& ev = h->tl.events;
  const auto it = std::partition_point(ev.begin(), ev.end(), [&](const kron::TimelineEvent& e) {
    return static_cast<double>(kron::FloorToSeconds(e.time_ms)) <= at;
  });
  return static_cast<int>(it - ev.begin());
}

// Events [begin, end) as RenderPlanJson writes them:
// [{"time","object","type","reason","message","source"}].
EMSCRIPTEN_KEEPALIVE const char* kron_plan_events(const PlanHandle* h, int begin, int end) {
  return Guard(
      [&]() -> const char* {
        const std::vector<kron::TimelineEvent>& ev = h->tl.events;
        const size_t b = static_cast<size_t>(std::max(begin, 0));
        const size_t e = std::min(static_cast<size_t>(std::max(end, 0)), ev.size());
        std::string out = "[";
        for (size_t i = b; i < e; ++i) {
          const kron::TimelineEvent& x = ev[i];
          absl::StrAppend(&out, i > b ? ",\n" : "\n", "{\"time\":",
                          kron::JsonQuote(kron::FormatRfc3339Utc(
                              kron::Instant::FromUnixSeconds(kron::FloorToSeconds(x.time_ms)))),
                          ",\"object\":", kron::JsonQuote(x.object), ",\"type\":",
                          kron::JsonQuote(kron::EventTypeName(x.type)),
                          ",\"reason\":", kron::JsonQuote(x.reason),
                          ",\"message\":", kron::JsonQuote(x.message),
                          ",\"source\":", kron::JsonQuote(x.source), "}");
        }
        out += "]";
        ClearError();
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

// kubectl at `at` (Unix seconds): the "tables" of RenderPlanJson, except that
// each describe entry is {"object","text"} with the whole block `kron plan`
// prints (DescribeCronJob / DescribeJob) for the objects that exist then.
EMSCRIPTEN_KEEPALIVE const char* kron_plan_tables(const PlanHandle* h, double at) {
  return Guard(
      [&]() -> const char* {
        if (!CheckSeconds(at, "at")) return nullptr;
        std::string out = kron::RenderTablesJson(h->tl, At(at));
        ClearError();
        return Out(std::move(out));
      },
      static_cast<const char*>(nullptr));
}

// --- The CLI -------------------------------------------------------------------

// Runs the native CLI (bindings/cli, compiled in unchanged) on argv[0..argc)
// — argv[0] is the program name — and returns its exit status. Its input
// (stdin, files) and output (stdout, stderr) go through bindings/cli/cli_io.h,
// which in the module calls the JS side (Module.kronIo): the module has no
// file system.
EMSCRIPTEN_KEEPALIVE int kron_cli(int argc, char** argv) {
  int code = Guard([&]() -> int { return kron_cli_main(argc, argv); }, 70);
  if (code == 70 && g_error_code == kErrInternal) kron::cli::Printf(2, "kron: %s\n", g_error.c_str());
  return code;
}

}  // extern "C"
