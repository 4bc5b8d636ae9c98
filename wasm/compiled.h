// wasm/compiled.h — a compiled schedule behind a handle of the module's C ABI
// (wasm/exports.cc; wasm/exports_next.cc, the per-call fast path compiled -O3).
#ifndef KRON_WASM_COMPILED_H_
#define KRON_WASM_COMPILED_H_

#include "kron/schedule.h"

// A compiled schedule behind a handle. The zone it points at is owned by the
// (never unloaded) TimeZones.
struct Compiled {
  kron::Schedule schedule;
};

#endif  // KRON_WASM_COMPILED_H_
