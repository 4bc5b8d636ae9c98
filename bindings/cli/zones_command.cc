// `kron zones --export-table FILE`: writes the zone table of this machine's tz
// database (TimeZones::ExportTable) to FILE, or to stdout for "-". The
// WebAssembly build links that table in instead of date/tz and tz files
// (scripts/build-wasm.sh runs this with the native kron).
#include <cstdio>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

constexpr char kZonesUsage[] = "usage: kron zones --export-table FILE\n";

int Usage(absl::string_view problem) { return UsageError("zones", problem, kZonesUsage); }

}  // namespace

int RunZones(const Args& args) {
  if (args.size() != 2 || args[0] != "--export-table") {
    return Usage(args.empty() ? "--export-table FILE is required"
                              : absl::StrCat("unexpected arguments starting at ", args[0]));
  }
  const std::unique_ptr<TimeZones> zones = LoadZones("zones");
  if (!zones) return kZonesUnavailable;
  absl::StatusOr<std::string> table = zones->ExportTable();
  if (!table.ok()) {
    Printf(2, "kron: %s\n", std::string(table.status().message()).c_str());
    return 1;
  }
  const std::string path(args[1]);
  if (path == "-") {
    Write(1, *table);
    return 0;
  }
  std::FILE* out = std::fopen(path.c_str(), "wb");
  if (out == nullptr) {
    Printf(2, "kron: cannot write %s\n", path.c_str());
    return 1;
  }
  const bool ok = std::fwrite(table->data(), 1, table->size(), out) == table->size();
  if (std::fclose(out) != 0) return 1;
  return ok ? 0 : 1;
}

}  // namespace kron::cli
