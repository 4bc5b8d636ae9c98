// `kron validate FILE...`: what the API server would say about each Job and
// CronJob in the files (`-` reads stdin), plus kron's warnings.
//
//   FILE:LINE: Kind/name: field.path: message
//   FILE:LINE: warning: Kind/name: field.path: message
//   FILE:LINE:COL: message                (input that cannot be read)
//
// Exit status: 0 all valid (warnings allowed), 1 some object invalid,
// 2 some input unreadable (missing file, bad YAML/JSON, wrong field types).
#include <chrono>
#include <memory>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/string_view.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "kron/instant.h"
#include "kron/validation.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

constexpr char kValidateUsage[] =
    "usage: kron validate [--now TIME] FILE...   (FILE may be - for stdin)\n";

}  // namespace

int RunValidate(const Args& args) {
  ValidationOptions options;
  options.now = Instant::FromUnixSeconds(
      std::chrono::duration_cast<std::chrono::seconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  std::vector<absl::string_view> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--now" && i + 1 < args.size()) {
      absl::StatusOr<Instant> t = ParseInstant(args[++i]);
      if (!t.ok()) {
        Printf(2, "kron validate: --now: %s\n", std::string(t.status().message()).c_str());
        return 2;
      }
      options.now = *t;
    } else if (args[i] == "-h" || args[i] == "--help") {
      Write(1, kValidateUsage);
      return 0;
    } else if (args[i].size() > 1 && args[i][0] == '-') {
      return UsageError("validate", absl::StrCat("unknown flag ", args[i]), kValidateUsage);
    } else {
      files.push_back(args[i]);
    }
  }
  if (files.empty()) {
    Write(2, kValidateUsage);
    return 2;
  }
  const std::unique_ptr<TimeZones> zones = LoadZones("validate");
  if (!zones) return kZonesUnavailable;
  bool unreadable = false;
  bool invalid = false;
  int objects = 0;
  int warnings = 0;
  for (absl::string_view file : files) {
    std::string text;
    if (!ReadInput(file, text)) {
      Printf(2, "%.*s: cannot read the file\n", int(file.size()), file.data());
      unreadable = true;
      continue;
    }
    const ValidationReport report = ValidateManifestText(text, file, *zones, options);
    for (const ReportItem& item : report.items) {
      Write(1, absl::StrCat(item.ToString(), "\n"));
      if (item.severity == Severity::kWarning) ++warnings;
    }
    objects += static_cast<int>(report.manifests.size());
    unreadable |= report.unreadable;
    invalid |= report.invalid;
  }
  Flush();
  Printf(2, "kron validate: %d object%s checked, %s, %d warning%s\n", objects,
         objects == 1 ? "" : "s",
         unreadable ? "some input unreadable"
         : invalid  ? "some invalid"
                    : "all valid",
         warnings, warnings == 1 ? "" : "s");
  return unreadable ? 2 : invalid ? 1 : 0;
}

}  // namespace kron::cli
