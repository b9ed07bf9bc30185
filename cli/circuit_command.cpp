// `smpc circuit info|eval|dot|export`: inspect, evaluate, draw and convert Bristol circuits.
//
//   smpc circuit info FILE [--format fashion|legacy] [--json]
//   smpc circuit eval FILE [--format ...] [--encoding int_lsb0|bytes_reversed_lsb0|bytes_msb0]
//                          --input V [--input V ...]
//   smpc circuit dot FILE [--format ...] [-o OUT.dot]
//   smpc circuit export FILE [--format ...] [-o OUT.txt]      (to Bristol Fashion)
//
// Exit codes: 0 ok, 2 bad input or usage (message on stderr naming the file and line).
#include <fstream>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_encoding.h"

namespace smpc::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 2;

struct CircuitOptions {
  std::string file;
  std::string format = "fashion";
  bool json = false;
  std::string encoding = "int_lsb0";
  std::vector<std::string> inputs;
  std::string output;
};

int fail(const char* sub, const std::string& message) {
  std::cerr << "smpc circuit " << sub << ": " << message << "\n";
  return kBadInput;
}

Result<Circuit> load(const CircuitOptions& o) {
  SMPC_ASSIGN_OR_RETURN(const BristolFormat fmt, parse_bristol_format(o.format));
  return load_bristol(o.file, fmt);
}

std::string widths_text(const std::vector<std::size_t>& w) {
  std::string s;
  for (std::size_t i = 0; i < w.size(); ++i) s += (i ? ", " : "") + std::to_string(w[i]);
  return s;
}

// Writes `text` to `path`, or to stdout when path is empty.
int emit(const char* sub, const std::string& text, const std::string& path) {
  if (path.empty()) {
    std::cout << text;
    return kOk;
  }
  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) return fail(sub, path + ": cannot write");
  f << text;
  return f ? kOk : fail(sub, path + ": write error");
}

int run_info(const CircuitOptions& o) {
  auto c = load(o);
  if (!c.ok()) return fail("info", c.status().message());
  const CircuitStats s = analyze(*c);
  if (o.json) {
    nlohmann::json j;
    j["file"] = o.file;
    j["format"] = o.format;
    j["gates"] = s.gates;
    j["wires"] = s.wires;
    j["and"] = s.count(GateType::kAnd);
    j["xor"] = s.count(GateType::kXor);
    j["inv"] = s.count(GateType::kInv);
    j["eq"] = s.count(GateType::kEq);
    j["eqw"] = s.count(GateType::kEqw);
    j["and_depth"] = s.and_depth;
    j["inputs"] = s.input_widths;
    j["outputs"] = s.output_widths;
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::cout << "circuit    " << o.file << " (bristol " << o.format << ")\n"
            << "gates      " << s.gates << "  (AND " << s.count(GateType::kAnd) << ", XOR "
            << s.count(GateType::kXor) << ", INV " << s.count(GateType::kInv) << ", EQ "
            << s.count(GateType::kEq) << ", EQW " << s.count(GateType::kEqw) << ")\n"
            << "wires      " << s.wires << "\n"
            << "AND depth  " << s.and_depth << "\n"
            << "inputs     " << s.input_widths.size() << " value(s) of "
            << widths_text(s.input_widths) << " bits\n"
            << "outputs    " << s.output_widths.size() << " value(s) of "
            << widths_text(s.output_widths) << " bits\n";
  return kOk;
}

int run_eval(const CircuitOptions& o) {
  auto enc = parse_value_encoding(o.encoding);
  if (!enc.ok()) return fail("eval", enc.status().message());
  auto c = load(o);
  if (!c.ok()) return fail("eval", c.status().message());
  if (o.inputs.size() != c->inputs.size())
    return fail("eval", o.file + ": the circuit has " + std::to_string(c->inputs.size()) +
                            " input value(s), got " + std::to_string(o.inputs.size()) + " --input");
  std::vector<std::vector<std::uint64_t>> in;
  for (std::size_t g = 0; g < o.inputs.size(); ++g) {
    auto bits = encode_value(o.inputs[g], c->inputs[g].wires.size(), *enc);
    if (!bits.ok())
      return fail("eval", "--input " + std::to_string(g + 1) + ": " + bits.status().message());
    in.push_back(std::move(*bits));
  }
  auto out = evaluate(*c, in);
  if (!out.ok()) return fail("eval", o.file + ": " + out.status().message());
  std::size_t pos = 0;
  std::string text;
  for (const auto& grp : c->outputs) {
    const std::span<const std::uint64_t> bits(out->data() + pos, grp.wires.size());
    pos += grp.wires.size();
    auto value = decode_value(bits, *enc);
    if (!value.ok()) return fail("eval", "output '" + grp.name + "': " + value.status().message());
    text += *value + "\n";
  }
  std::cout << text;
  return kOk;
}

int run_dot(const CircuitOptions& o) {
  auto c = load(o);
  if (!c.ok()) return fail("dot", c.status().message());
  return emit("dot", to_dot(*c), o.output);
}

int run_export(const CircuitOptions& o) {
  auto c = load(o);
  if (!c.ok()) return fail("export", c.status().message());
  auto text = to_bristol_fashion(*c);
  if (!text.ok()) return fail("export", o.file + ": " + text.status().message());
  return emit("export", *text, o.output);
}

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
  info->callback([info_opts, exit_code] { *exit_code = run_info(*info_opts); });

  auto eval_opts = std::make_shared<CircuitOptions>();
  CLI::App* eval = cmd->add_subcommand(
      "eval", "Evaluate in the clear: one --input per circuit input, one output value per line");
  add_common(eval, eval_opts.get());
  eval->add_option("--encoding", eval_opts->encoding,
                   "int_lsb0 (default, values 0x...), bytes_reversed_lsb0 or bytes_msb0 (hex "
                   "byte strings); see docs/circuits.md");
  eval->add_option("--input,-i", eval_opts->inputs, "An input value, in circuit input order")
      ->take_all();
  eval->callback([eval_opts, exit_code] { *exit_code = run_eval(*eval_opts); });

  auto dot_opts = std::make_shared<CircuitOptions>();
  CLI::App* dot = cmd->add_subcommand("dot", "Graphviz DOT of the circuit");
  add_common(dot, dot_opts.get());
  dot->add_option("-o,--output", dot_opts->output, "Write to this file instead of stdout");
  dot->callback([dot_opts, exit_code] { *exit_code = run_dot(*dot_opts); });

  auto export_opts = std::make_shared<CircuitOptions>();
  CLI::App* exp = cmd->add_subcommand("export", "Re-export the circuit as Bristol Fashion");
  add_common(exp, export_opts.get());
  exp->add_option("-o,--output", export_opts->output, "Write to this file instead of stdout");
  exp->callback([export_opts, exit_code] { *exit_code = run_export(*export_opts); });
}

}  // namespace smpc::cli
