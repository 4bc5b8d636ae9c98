// A SCHEDULE argument with its --time-zone, as `kron next` and `kron describe` take it.
#ifndef KRON_CLI_SCHEDULE_ARG_H_
#define KRON_CLI_SCHEDULE_ARG_H_

#include <optional>
#include <string>

#include "absl/strings/string_view.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron::cli {

// spec.timeZone becomes a TZ= prefix unless the schedule names a zone itself
// (pkg/controller/cronjob/cronjob_controllerv2.go, formatSchedule). Unlike the
// controller, an unknown zone is kept, so that the parse reports it.
std::string WithTimeZone(absl::string_view schedule, absl::string_view zone);

// Parses the schedule in the zone; on failure prints robfig's message and
// underlines the offending characters on stderr.
std::optional<Schedule> ParseScheduleArg(absl::string_view schedule, absl::string_view zone,
                                         const TimeZones& zones);

}  // namespace kron::cli

#endif  // KRON_CLI_SCHEDULE_ARG_H_
