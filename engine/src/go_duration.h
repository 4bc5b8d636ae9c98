// go_duration.h (internal) — Go's time.ParseDuration (Go 1.19,
// src/time/format.go), which robfig/cron uses for `@every <duration>`.
//
// Accepts what Go accepts — "1h30m", "-1.5h", "300ms", "1µs", "0", "+0",
// ".5s" — and fails where Go fails, with Go's error texts:
//   time: invalid duration "5x5"
//   time: missing unit in duration "5"
//   time: unknown unit "x" in duration "5x"
// (the quoted parts escape every byte outside printable ASCII as \xNN, as
// Go's time package does).
#ifndef KRON_ENGINE_SRC_GO_DURATION_H_
#define KRON_ENGINE_SRC_GO_DURATION_H_

#include <cstdint>

#include "absl/status/statusor.h"
#include "absl/strings/string_view.h"

namespace kron::go {

// The duration in nanoseconds (Go's time.Duration), or Go's error.
absl::StatusOr<int64_t> ParseDuration(absl::string_view s);

}  // namespace kron::go

#endif  // KRON_ENGINE_SRC_GO_DURATION_H_
