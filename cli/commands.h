// Each register_* adds one subcommand to the smpc application. When the subcommand runs, its
// callback stores the process exit code in *exit_code: 0 = ran and the verdict holds,
// 1 = verdict violated (or a check failed), 2 = bad input or usage.
#pragma once

#include <CLI/CLI.hpp>

namespace smpc::cli {

void register_run_command(CLI::App& app, int* exit_code);
void register_list_command(CLI::App& app, int* exit_code);
void register_circuit_command(CLI::App& app, int* exit_code);
void register_audit_command(CLI::App& app, int* exit_code);

}  // namespace smpc::cli
