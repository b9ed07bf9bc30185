// Each register_* adds one subcommand to the smpc application. When the subcommand runs, its
// callback stores the process exit code in *exit_code: 0 = ran and the verdict holds,
// 1 = verdict violated (or a check failed), 2 = bad input or usage.
#pragma once

#include <CLI/CLI.hpp>
#include <string>

#include "scenarios/driver_output.h"

namespace smpc::cli {

void register_run_command(CLI::App& app, int* exit_code);
void register_list_command(CLI::App& app, int* exit_code);
void register_circuit_command(CLI::App& app, int* exit_code);
void register_audit_command(CLI::App& app, int* exit_code);
void register_verify_command(CLI::App& app, int* exit_code);
// Subcommands of `smpc verify`, each in its own file.
void register_verify_equiv(CLI::App& verify, int* exit_code);     // verify_equiv_command.cpp
void register_verify_leakage(CLI::App& verify, int* exit_code);   // verify_leakage_command.cpp
void register_verify_privacy(CLI::App& verify, int* exit_code);   // verify_privacy_command.cpp

// Prints what a scenarios/ driver produced: `out` on stdout, or `error` on stderr after
// "<command>: "; returns its exit code.
int print_driver_output(const std::string& command, const DriverOutput& result);

}  // namespace smpc::cli
