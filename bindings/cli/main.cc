// kron — Kubernetes batch timing from the command line.
#include "absl/strings/string_view.h"

#include "cli_io.h"
#include "commands.h"

namespace {

constexpr char kUsage[] =
    "usage: kron <command> [arguments]\n"
    "\n"
    "commands:\n"
    "  next SCHEDULE [--time-zone ZONE] [--after TIME] [--count N] [--cronjob NAME]\n"
    "                     the next fire times, in the zone and in UTC, with Job names\n"
    "  next --tsv [--last]  conformance mode: SCHEDULE<TAB>ZONE<TAB>UNIX<TAB>N lines on stdin\n"
    "  plan FILE... --from TIME --until TIME [--pods succeed|fail|fail:N] [--pod-runtime D]\n"
    "       [--seed N] [--at TIME] [--output text|json]\n"
    "                     what the CronJob/Job controllers would do, with kubectl tables at --at\n"
    "  fleet FILE [--at TIME] [--until TIME] [--top N]  CronJob List/NDJSON: counts, errors, next fires, busiest minutes\n"
    "  describe SCHEDULE [--time-zone ZONE]  the schedule in English, and how its day fields combine\n"
    "\n"
    "TIME is RFC 3339 (2026-01-01T08:00:00Z) or @<unix seconds>.\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    kron::cli::Write(2, kUsage);
    return 2;
  }
  const absl::string_view command = argv[1];
  const kron::cli::Args args(argv + 2, argv + argc);
  if (command == "next") return kron::cli::RunNext(args);
  if (command == "validate") return kron::cli::RunValidate(args);
  if (command == "plan") return kron::cli::RunPlan(args);
  if (command == "fleet") return kron::cli::RunFleet(args);
  if (command == "describe") return kron::cli::RunDescribe(args);
  if (command == "zones") return kron::cli::RunZones(args);
  if (command == "help" || command == "--help" || command == "-h") {
    kron::cli::Write(1, kUsage);
    return 0;
  }
  kron::cli::Printf(2, "kron: unknown command %.*s\n\n%s", int(command.size()), command.data(),
                    kUsage);
  return 2;
}
