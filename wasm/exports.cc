// wasm/exports.cc — the C ABI of kron's WebAssembly module.
//
// A deliberately small, flat surface (numbers and NUL-terminated UTF-8
// strings) that bindings/node/src/index.js wraps; the JS API grows on top of
// it. Conventions:
//  * Functions that can fail return a negative number (or an empty string) and
//    leave the message in kron_last_error(); success clears it.
//  * Instants cross as doubles holding whole Unix seconds (exact far beyond
//    kron's 0001–9999 range).
//  * No C++ exception ever leaves this file: the module is built with wasm
//    exceptions only because date/tz throws internally; everything is caught.
//  * Returned strings are owned by the module and stay valid (the zones are
//    never unloaded); copy them before the next call all the same.
// The module is single-threaded, so the little state here (the loaded zones,
// the last error) is plain statics: this is the binding, not the engine.
#include <climits>
#include <cmath>
#include <cstdint>
#include <exception>
#include <memory>
#include <optional>
#include <string>

#include <emscripten/emscripten.h>

#include "absl/status/status.h"
#include "absl/status/statusor.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "kron/fire_times.h"
#include "kron/instant.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace {

std::string g_error;
int g_error_begin = -1;
int g_error_end = -1;

void ClearError() {
  g_error.clear();
  g_error_begin = g_error_end = -1;
}

void SetError(std::string message) {
  g_error = std::move(message);
  g_error_begin = g_error_end = -1;
}

// Runs `f`, turning any escaping exception into an error result.
template <typename F, typename R>
R Guard(F f, R on_exception) {
  try {
    return f();
  } catch (const std::exception& e) {
    SetError(absl::StrCat("internal error: ", e.what()));
  } catch (...) {
    SetError("internal error");
  }
  return on_exception;
}

// The embedded tz database, loaded on first use.
absl::StatusOr<const kron::TimeZones*> Zones() {
  static absl::StatusOr<std::unique_ptr<kron::TimeZones>> zones = kron::TimeZones::LoadSystem();
  if (!zones.ok()) return zones.status();
  return zones->get();
}

}  // namespace

extern "C" {

// The engine's version, e.g. "0.1.0".
EMSCRIPTEN_KEEPALIVE const char* kron_version() { return KRON_VERSION; }

// What this build of the module provides, comma-separated; the JS side checks
// before it offers an operation.
EMSCRIPTEN_KEEPALIVE const char* kron_features() { return "next,zones"; }

// The last error's message, "" after a success.
EMSCRIPTEN_KEEPALIVE const char* kron_last_error() { return g_error.c_str(); }
// The byte span [begin, end) of `spec` the last schedule error points at, -1 when none.
EMSCRIPTEN_KEEPALIVE int kron_last_error_begin() { return g_error_begin; }
EMSCRIPTEN_KEEPALIVE int kron_last_error_end() { return g_error_end; }

// The embedded tz database release, e.g. "2025b"; "" (and an error) if it cannot load.
EMSCRIPTEN_KEEPALIVE const char* kron_tzdata_version() {
  return Guard(
      []() -> const char* {
        auto zones = Zones();
        if (!zones.ok()) {
          SetError(std::string(zones.status().message()));
          return "";
        }
        ClearError();
        return (*zones)->version().c_str();
      },
      "");
}

// The number of zone and link names, -1 on error; kron_zone_name(i) is the i-th (sorted).
EMSCRIPTEN_KEEPALIVE int kron_zone_count() {
  return Guard(
      []() -> int {
        auto zones = Zones();
        if (!zones.ok()) {
          SetError(std::string(zones.status().message()));
          return -1;
        }
        ClearError();
        return static_cast<int>((*zones)->names().size());
      },
      -1);
}

EMSCRIPTEN_KEEPALIVE const char* kron_zone_name(int i) {
  return Guard(
      [i]() -> const char* {
        auto zones = Zones();
        if (!zones.ok() || i < 0 || static_cast<size_t>(i) >= (*zones)->names().size()) return "";
        return (*zones)->names()[i].c_str();
      },
      "");
}

// The UTC offset (seconds east) of zone `name` at `t` (Unix seconds), as Go's
// time.Location answers it; *is_dst (may be NULL) gets the DST flag. Returns
// INT32_MIN on error (message in kron_last_error()).
EMSCRIPTEN_KEEPALIVE int32_t kron_zone_offset(const char* name, double t, int* is_dst) {
  return Guard(
      [&]() -> int32_t {
        if (name == nullptr || !std::isfinite(t)) {
          SetError("kron_zone_offset: bad arguments");
          return INT32_MIN;
        }
        auto zones = Zones();
        if (!zones.ok()) {
          SetError(std::string(zones.status().message()));
          return INT32_MIN;
        }
        absl::StatusOr<const kron::Zone*> zone = (*zones)->Find(name);
        if (!zone.ok()) {
          SetError(std::string(zone.status().message()));
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

// The first `count` fire times of `spec` strictly after `after` (Unix seconds),
// written to out[0..count). `zone` (may be NULL or "") is a CronJob's
// spec.timeZone: the schedule becomes "TZ=<zone> <spec>" unless the spec
// already names a zone, as the CronJob controller does (formatSchedule in
// pkg/controller/cronjob/utils.go). Returns how many were written (fewer than
// `count` when the schedule stops firing within robfig's five-year horizon),
// or -1 on error (message and span in kron_last_error*; a span refers to `spec`).
EMSCRIPTEN_KEEPALIVE int kron_next(const char* spec, const char* zone, double after, int count,
                                   double* out) {
  return Guard(
      [&]() -> int {
        if (spec == nullptr || count < 0 || (count > 0 && out == nullptr)) {
          SetError("kron_next: bad arguments");
          return -1;
        }
        if (!std::isfinite(after) || after != std::floor(after) ||
            after < static_cast<double>(kron::kMinUnixSeconds) ||
            after > static_cast<double>(kron::kMaxUnixSeconds)) {
          SetError("kron_next: `after` must be whole Unix seconds within 0001-01-01..9999-12-31");
          return -1;
        }
        auto zones = Zones();
        if (!zones.ok()) {
          SetError(std::string(zones.status().message()));
          return -1;
        }
        std::string text = spec;
        int prefix = 0;
        if (zone != nullptr && *zone != '\0' && !absl::StrContains(text, "TZ")) {
          std::string p = absl::StrCat("TZ=", zone, " ");
          prefix = static_cast<int>(p.size());
          text = p + text;
        }
        absl::StatusOr<kron::Schedule> schedule = kron::ParseStandard(text, **zones);
        if (!schedule.ok()) {
          SetError(std::string(schedule.status().message()));
          if (auto span = kron::ScheduleErrorSpan(schedule.status());
              span && span->begin >= prefix) {
            g_error_begin = span->begin - prefix;
            g_error_end = span->end - prefix;
          }
          return -1;
        }
        ClearError();
        kron::FireTimes it(*schedule, kron::Instant::FromUnixSeconds(static_cast<int64_t>(after)));
        int n = 0;
        while (n < count) {
          std::optional<kron::Instant> t = it.Next();
          if (!t) break;
          out[n++] = static_cast<double>(t->unix_seconds());
        }
        return n;
      },
      -1);
}

}  // extern "C"
