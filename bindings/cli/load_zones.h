// The tz database for a CLI command: every command that needs zones loads
// them the same way and fails the same way.
#ifndef KRON_CLI_LOAD_ZONES_H_
#define KRON_CLI_LOAD_ZONES_H_

#include <memory>

#include "absl/strings/string_view.h"
#include "kron/zone.h"

namespace kron::cli {

// The exit status when the zones cannot be loaded: kron cannot read its
// input (the tz database), as for an unreadable file.
inline constexpr int kZonesUnavailable = 2;

// TimeZones::LoadSystem(), or null after "kron COMMAND: why" on stderr (the
// caller exits with kZonesUnavailable).
std::unique_ptr<TimeZones> LoadZones(absl::string_view command);

}  // namespace kron::cli

#endif  // KRON_CLI_LOAD_ZONES_H_
