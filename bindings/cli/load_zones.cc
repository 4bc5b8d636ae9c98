#include "load_zones.h"

#include <string>

#include "absl/status/statusor.h"
#include "cli_io.h"

namespace kron::cli {

std::unique_ptr<TimeZones> LoadZones(absl::string_view command) {
  absl::StatusOr<std::unique_ptr<TimeZones>> zones = TimeZones::LoadSystem();
  if (zones.ok()) return *std::move(zones);
  Printf(2, "kron %s: %s\n", std::string(command).c_str(), std::string(zones.status().message()).c_str());
  return nullptr;
}

}  // namespace kron::cli
