#include "schedule_arg.h"

#include <algorithm>

#include "absl/strings/str_cat.h"
#include "cli_io.h"

namespace kron::cli {

std::string WithTimeZone(absl::string_view schedule, absl::string_view zone) {
  if (zone.empty() || schedule.find("TZ") != absl::string_view::npos) return std::string(schedule);
  return absl::StrCat("TZ=", zone, " ", schedule);
}

std::optional<Schedule> ParseScheduleArg(absl::string_view schedule, absl::string_view zone,
                                         const TimeZones& zones) {
  const std::string spec = WithTimeZone(schedule, zone);
  absl::StatusOr<Schedule> parsed = ParseStandard(spec, zones);
  if (parsed.ok()) return *parsed;
  Printf(2, "kron: invalid schedule %s: %s\n", spec.c_str(),
         std::string(parsed.status().message()).c_str());
  if (std::optional<SourceSpan> span = ScheduleErrorSpan(parsed.status())) {
    Printf(2, "  %s\n  %s%s\n", spec.c_str(), std::string(span->begin, ' ').c_str(),
           std::string(std::max(1, span->end - span->begin), '^').c_str());
  }
  return std::nullopt;
}

}  // namespace kron::cli
