// Each register_* adds one subcommand to the smpc application. When the subcommand runs, its
// callback stores the process exit code in *exit_code: 0 = ran and the verdict holds,
// 1 = verdict violated (or a check failed), 2 = bad input or usage.
#pragma once

#include <CLI/CLI.hpp>
#include <charconv>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>

#include "scenarios/driver_output.h"

namespace smpc::cli {

void register_run_command(CLI::App& app, int* exit_code);
void register_list_command(CLI::App& app, int* exit_code);
void register_circuit_command(CLI::App& app, int* exit_code);
void register_audit_command(CLI::App& app, int* exit_code);
void register_verify_command(CLI::App& app, int* exit_code);
void register_sweep_command(CLI::App& app, int* exit_code);
void register_report_command(CLI::App& app, int* exit_code);
void register_calibrate_command(CLI::App& app, int* exit_code);  // calibrate_command.cpp
// Subcommands of `smpc verify`, each in its own file.
void register_verify_equiv(CLI::App& verify, int* exit_code);     // verify_equiv_command.cpp
void register_verify_leakage(CLI::App& verify, int* exit_code);   // verify_leakage_command.cpp
void register_verify_privacy(CLI::App& verify, int* exit_code);   // verify_privacy_command.cpp
void register_verify_aborts(CLI::App& verify, int* exit_code);    // verify_aborts_command.cpp
void register_verify_tally(CLI::App& verify, int* exit_code);     // verify_tally_command.cpp
void register_verify_dp(CLI::App& verify, int* exit_code);        // verify_dp_command.cpp

// --seed: an integer 0..2^64-1, like "seed" in a scenario. (CLI11 alone reads "-1" as
// 2^64 - 1: a negative seed must be refused, not wrapped.)
inline CLI::Validator seed_validator() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        std::uint64_t v = 0;
        const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
        if (!text.empty() && ec == std::errc() && end == text.data() + text.size()) return "";
        return "a seed is an integer from 0 to 18446744073709551615, got " + text;
      },
      "0..2^64-1", "seed");
}

// HTML reports (report_command.cpp): Vega's inlined script from libjs-vega's folder, or the
// error printed and nothing; the page written to `path`, or the error printed and false.
std::optional<std::string> load_vega(const std::string& dir);
bool write_html(const std::string& path, const std::string& html);
void add_vega_dir_option(CLI::App* cmd, std::string& dir);

// Prints what a scenarios/ driver produced: `out` on stdout, or `error` on stderr after
// "<command>: "; returns its exit code.
int print_driver_output(const std::string& command, const DriverOutput& result);

// The end every `smpc verify` subcommand that hands its options to one scenarios/ driver shares:
// --json, the footer (method and exit codes), and the callback printing what run(*opts) gives
// under the command's full name.
template <typename Request>
void finish_verify_subcommand(CLI::App* cmd, std::shared_ptr<Request> opts, int* exit_code,
                              const std::string& footer, DriverOutput (*run)(const Request&)) {
  cmd->add_flag("--json", opts->json, "Print the result as JSON");
  cmd->footer(footer);
  cmd->callback([opts, exit_code, run, command = "smpc verify " + cmd->get_name()] {
    *exit_code = print_driver_output(command, run(*opts));
  });
}

}  // namespace smpc::cli
