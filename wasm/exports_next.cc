// wasm/exports_next.cc — the per-call next fire of the module's C ABI, apart
// from wasm/exports.cc so that it is compiled -O3 (KRON_WASM_HOT_SOURCES)
// while the rest of the binding is compiled for size: at -Oz the wrapper's
// argument check and Instant conversions stay out-of-line calls.
#include <cmath>
#include <cstdint>
#include <optional>

#include <emscripten/emscripten.h>

#include "compiled.h"
#include "kron/fire_times.h"
#include "kron/instant.h"

extern "C" {

// One fire time strictly after `after` (whole Unix seconds): the per-call
// fast path (no buffer, no error state). NaN when there is none, or when
// `after` is not whole seconds within 0001-01-01..9999-12-31.
EMSCRIPTEN_KEEPALIVE double kron_schedule_next1(const Compiled* h, double after) {
  if (!std::isfinite(after) || after != std::floor(after) ||
      after < static_cast<double>(kron::kMinUnixSeconds) ||
      after > static_cast<double>(kron::kMaxUnixSeconds)) {
    return NAN;
  }
  const std::optional<kron::Instant> t =
      kron::Next(h->schedule, kron::Instant::FromUnixSeconds(static_cast<int64_t>(after)));
  return t ? static_cast<double>(t->unix_seconds()) : NAN;
}

}  // extern "C"
