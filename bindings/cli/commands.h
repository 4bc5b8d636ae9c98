// The kron CLI's subcommands. Each takes the arguments after its name and
// returns the process exit code; main.cc only dispatches.
#ifndef KRON_CLI_COMMANDS_H_
#define KRON_CLI_COMMANDS_H_

#include "absl/strings/string_view.h"
#include <vector>

namespace kron::cli {

using Args = std::vector<absl::string_view>;

int RunNext(const Args& args);
int RunValidate(const Args& args);
int RunPlan(const Args& args);
int RunFleet(const Args& args);
int RunDescribe(const Args& args);
int RunZones(const Args& args);  // zones_command.cc: the zone table for the wasm build

}  // namespace kron::cli

#endif  // KRON_CLI_COMMANDS_H_
