// `smpc circuit info|eval|dot|export`: inspect, evaluate, draw and convert Bristol circuits.
//
//   smpc circuit info FILE [--format fashion|legacy] [--json]
//   smpc circuit eval FILE [--format ...] [--encoding int_lsb0|bytes_reversed_lsb0|bytes_msb0]
//                          --input V [--input V ...]
//   smpc circuit dot FILE [--format ...] [-o OUT.dot]
//   smpc circuit export FILE [--format ...] [-o OUT.txt]      (to Bristol Fashion)
//
// Exit codes: 0 ok, 2 bad input or usage (message on stderr naming the file and line).
// The work is scenarios/circuit_drivers.h; this file holds the options and writes -o files.
#include <fstream>
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "scenarios/circuit_drivers.h"

namespace smpc::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 2;

int fail(const char* sub, const std::string& message) {
  std::cerr << "smpc circuit " << sub << ": " << message << "\n";
  return kBadInput;
}

// Prints the driver's result, or writes its text to `path` when one is given (dot, export).
int emit(const char* sub, const DriverOutput& result, const std::string& path) {
  if (path.empty() || result.exit_code != kOk)
    return print_driver_output(std::string("smpc circuit ") + sub, result);
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return fail(sub, path + ": cannot write");
  f << result.out;
  return f ? kOk : fail(sub, path + ": write error");
}

// The options of every subcommand; `output` is -o of dot and export.
struct CircuitOptions : CircuitRequest {
  std::string output;
};

void add_common(CLI::App* sub, CircuitOptions* o) {
  sub->add_option("file", o->file, "Bristol circuit file")->required();
  sub->add_option("--format", o->format, "fashion (default) or legacy");
}

}  // namespace

void register_circuit_command(CLI::App& app, int* exit_code) {
  CLI::App* cmd = app.add_subcommand(
      "circuit", "Inspect, evaluate, draw and convert Bristol (Fashion or legacy) circuits");
  cmd->require_subcommand(1);

  auto info_opts = std::make_shared<CircuitOptions>();
  CLI::App* info = cmd->add_subcommand(
      "info", "Gate counts by type, AND count and depth, input and output widths");
  add_common(info, info_opts.get());
  info->add_flag("--json", info_opts->json,
                 "JSON with keys gates, wires, and, xor, inv, eq, eqw, and_depth, inputs, outputs");
  info->callback([info_opts, exit_code] {
    *exit_code = emit("info", run_circuit_info(*info_opts), "");
  });

  auto eval_opts = std::make_shared<CircuitOptions>();
  CLI::App* eval = cmd->add_subcommand(
      "eval", "Evaluate in the clear: one --input per circuit input, one output value per line");
  add_common(eval, eval_opts.get());
  eval->add_option("--encoding", eval_opts->encoding,
                   "int_lsb0 (default, values 0x...), bytes_reversed_lsb0 or bytes_msb0 (hex "
                   "byte strings); see docs/circuits.md");
  eval->add_option("--input,-i", eval_opts->inputs, "An input value, in circuit input order")
      ->take_all();
  eval->callback([eval_opts, exit_code] {
    *exit_code = emit("eval", run_circuit_eval(*eval_opts), "");
  });

  auto dot_opts = std::make_shared<CircuitOptions>();
  CLI::App* dot = cmd->add_subcommand("dot", "Graphviz DOT of the circuit");
  add_common(dot, dot_opts.get());
  dot->add_option("-o,--output", dot_opts->output, "Write to this file instead of stdout");
  dot->callback([dot_opts, exit_code] {
    *exit_code = emit("dot", run_circuit_dot(*dot_opts), dot_opts->output);
  });

  auto export_opts = std::make_shared<CircuitOptions>();
  CLI::App* exp = cmd->add_subcommand("export", "Re-export the circuit as Bristol Fashion");
  add_common(exp, export_opts.get());
  exp->add_option("-o,--output", export_opts->output, "Write to this file instead of stdout");
  exp->callback([export_opts, exit_code] {
    *exit_code = emit("export", run_circuit_export(*export_opts), export_opts->output);
  });
}

}  // namespace smpc::cli
