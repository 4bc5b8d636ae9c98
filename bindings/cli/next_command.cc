// `kron next`: fire times of one schedule, or (with --tsv) of many, one per
// stdin line, in the conformance format shared with the robfig oracle.
#include <charconv>
#include <algorithm>
#include <ctime>
#include <optional>
#include <string>

#include "absl/strings/str_cat.h"
#include "absl/strings/match.h"
#include "absl/strings/str_split.h"
#include "cli_io.h"
#include "commands.h"
#include "load_zones.h"
#include "schedule_arg.h"
#include "kron/describe.h"
#include "kron/fire_times.h"
#include "kron/instant.h"
#include "kron/schedule.h"
#include "kron/zone.h"

namespace kron::cli {
namespace {

template <typename Int>
bool ParseInt(absl::string_view text, Int& out) {
  const char* end = text.data() + text.size();
  auto [ptr, ec] = std::from_chars(text.data(), end, out);
  return ec == std::errc() && ptr == end;
}

// One conformance line: SCHEDULE<TAB>ZONE<TAB>UNIX_SECONDS<TAB>N.
void AnswerTsvLine(absl::string_view line, bool last_only, const TimeZones& zones,
                   std::string& out) {
  const std::vector<absl::string_view> cols = absl::StrSplit(line, '\t');
  int64_t after = 0;
  int64_t count = 0;
  if (cols.size() != 4 || !ParseInt(cols[2], after) || !ParseInt(cols[3], count) || count < 1 ||
      after < kMinUnixSeconds || after > kMaxUnixSeconds) {
    out += "ERR bad input line\n";
    return;
  }
  absl::StatusOr<Schedule> schedule = ParseStandard(WithTimeZone(cols[0], cols[1]), zones);
  if (!schedule.ok()) {
    absl::StrAppend(&out, "ERR ", schedule.status().message(), "\n");
    return;
  }
  FireTimes fires(*schedule, Instant::FromUnixSeconds(after));
  for (int64_t i = 1; i <= count; ++i) {
    const std::optional<Instant> fire = fires.Next();
    const bool print = !last_only || i == count || !fire;
    if (print) {
      if (!last_only && i > 1) out += ' ';
      absl::StrAppend(&out, fire ? fire->unix_seconds() : 0);
    }
    if (!fire) break;
  }
  out += '\n';
}

int RunTsv(bool last_only, const TimeZones& zones) {
  std::string input;
  ReadStdin(input);
  std::string out;
  // One answer per line, empty lines included; CRLF line ends are accepted.
  absl::string_view rest = input;
  while (!rest.empty()) {
    const size_t end = std::min(rest.find('\n'), rest.size());
    absl::string_view line = rest.substr(0, end);
    rest.remove_prefix(std::min(end + 1, rest.size()));
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    AnswerTsvLine(line, last_only, zones, out);
    if (out.size() > (1 << 20)) {
      Write(1, out);
      out.clear();
    }
  }
  Write(1, out);
  return 0;
}

constexpr char kNextUsage[] =
    "usage: kron next SCHEDULE [--time-zone ZONE] [--after TIME] [--count N] [--cronjob NAME]\n"
    "       kron next --tsv [--last]\n";

int Usage(absl::string_view problem) { return UsageError("next", problem, kNextUsage); }

}  // namespace

int RunNext(const Args& args) {
  std::optional<absl::string_view> schedule_text, zone_name, after_text, count_text, cronjob;
  bool tsv = false, last_only = false;
  for (size_t i = 0; i < args.size(); ++i) {
    const absl::string_view arg = args[i];
    auto value = [&](std::optional<absl::string_view>& slot) {
      if (i + 1 >= args.size()) return false;
      slot = args[++i];
      return true;
    };
    bool ok = true;
    if (arg == "--tsv") tsv = true;
    else if (arg == "--last") last_only = true;
    else if (arg == "--time-zone") ok = value(zone_name);
    else if (arg == "--after") ok = value(after_text);
    else if (arg == "--count") ok = value(count_text);
    else if (arg == "--cronjob") ok = value(cronjob);
    else if (!absl::StartsWith(arg, "--") && !schedule_text) schedule_text = arg;
    else return Usage(absl::StrCat("unexpected argument ", arg));
    if (!ok) return Usage(absl::StrCat(arg, " needs a value"));
  }

  const std::unique_ptr<TimeZones> zones = LoadZones("next");
  if (!zones) return kZonesUnavailable;
  if (tsv) return RunTsv(last_only, *zones);
  if (!schedule_text) return Usage("a SCHEDULE is required");

  int64_t count = 5;
  if (count_text && (!ParseInt(*count_text, count) || count < 1 || count > 1000000)) {
    return Usage("--count takes a whole number from 1 to 1000000");
  }
  Instant after = Instant::FromUnixSeconds(std::time(nullptr));
  if (after_text) {
    absl::StatusOr<Instant> parsed = ParseInstant(*after_text);
    if (!parsed.ok()) return Usage(absl::StrCat("--after: ", parsed.status().message()));
    after = *parsed;
  }
  const std::optional<Schedule> schedule =
      ParseScheduleArg(*schedule_text, zone_name.value_or(""), *zones);
  if (!schedule) return 1;

  const Zone& zone = schedule->zone();
  Printf(1, "%s (tzdata %s)\n", DescribeSchedule(*schedule, {.name_utc = true}).c_str(),
         zones->version().c_str());
  Printf(1, "%-27s%s\n", "LOCAL", cronjob ? "UTC                   JOB" : "UTC");
  FireTimes fires(*schedule, after);
  for (int64_t i = 0; i < count; ++i) {
    const std::optional<Instant> fire = fires.Next();
    if (!fire) {
      Printf(1, "(no fire time within five years: robfig/cron's horizon)\n");
      break;
    }
    std::string line = absl::StrCat(FormatRfc3339(*fire, zone.OffsetAt(*fire)));
    line.resize(std::max<size_t>(line.size() + 1, 27), ' ');
    absl::StrAppend(&line, FormatRfc3339Utc(*fire));
    if (cronjob) absl::StrAppend(&line, "  ", *cronjob, "-", fire->unix_minutes());
    Printf(1, "%s\n", line.c_str());
  }
  return 0;
}

}  // namespace kron::cli
