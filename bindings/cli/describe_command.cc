// `kron describe SCHEDULE [--time-zone ZONE]`: the schedule in English, from
// its compiled form, and how its two day fields combine.
#include <memory>
#include <optional>
#include <string>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "schedule_arg.h"
#include "kron/describe.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

constexpr char kDescribeUsage[] = "usage: kron describe SCHEDULE [--time-zone ZONE]\n";

int Usage(absl::string_view problem) { return UsageError("describe", problem, kDescribeUsage); }

}  // namespace

int RunDescribe(const Args& args) {
  std::optional<absl::string_view> schedule_text, zone_name;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg = args[i];
    if (arg == "--time-zone") {
      if (i + 1 >= args.size()) return Usage("--time-zone needs a value");
      zone_name = args[++i];
    } else if (!absl::StartsWith(arg, "--") && !schedule_text) {
      schedule_text = arg;
    } else {
      return Usage(absl::StrCat("unexpected argument ", arg));
    }
  }
  if (!schedule_text) return Usage("a SCHEDULE is required");

  const std::unique_ptr<TimeZones> zones = LoadZones("describe");
  if (!zones) return kZonesUnavailable;
  const std::optional<Schedule> schedule =
      ParseScheduleArg(*schedule_text, zone_name.value_or(""), *zones);
  if (!schedule) return 1;
  Printf(1, "%s\n", DescribeSchedule(*schedule).c_str());
  if (schedule->kind() == Schedule::Kind::kCron) {
    Printf(1, "%s\n", ExplainDayMatching(*schedule).c_str());
  }
  return 0;
}

}  // namespace kron::cli
