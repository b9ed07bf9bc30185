#include "scenarios/circuit_drivers.h"

#include <nlohmann/json.hpp>
#include <span>
#include <sstream>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_encoding.h"

namespace smpc {

namespace {

Result<Circuit> load(const CircuitRequest& o) {
  SMPC_ASSIGN_OR_RETURN(const BristolFormat fmt, parse_bristol_format(o.format));
  return load_bristol(o.file, fmt);
}

std::string widths_text(const std::vector<std::size_t>& w) {
  std::string s;
  for (std::size_t i = 0; i < w.size(); ++i) s += (i ? ", " : "") + std::to_string(w[i]);
  return s;
}

std::string info_json(const CircuitRequest& o, const CircuitStats& s) {
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
  return j.dump(2) + "\n";
}

std::string info_text(const CircuitRequest& o, const CircuitStats& s) {
  std::ostringstream t;
  t << "circuit    " << o.file << " (bristol " << o.format << ")\n"
    << "gates      " << s.gates << "  (AND " << s.count(GateType::kAnd) << ", XOR "
    << s.count(GateType::kXor) << ", INV " << s.count(GateType::kInv) << ", EQ "
    << s.count(GateType::kEq) << ", EQW " << s.count(GateType::kEqw) << ")\n"
    << "wires      " << s.wires << "\n"
    << "AND depth  " << s.and_depth << "\n"
    << "inputs     " << s.input_widths.size() << " value(s) of " << widths_text(s.input_widths)
    << " bits\n"
    << "outputs    " << s.output_widths.size() << " value(s) of "
    << widths_text(s.output_widths) << " bits\n";
  return t.str();
}

// The --input values as wire bits, one vector per circuit input.
Result<std::vector<std::vector<std::uint64_t>>> encode_inputs(const CircuitRequest& o,
                                                              const Circuit& c,
                                                              ValueEncoding enc) {
  if (o.inputs.size() != c.inputs.size())
    return Error(o.file + ": the circuit has " + std::to_string(c.inputs.size()) +
                 " input value(s), got " + std::to_string(o.inputs.size()) + " --input");
  std::vector<std::vector<std::uint64_t>> in;
  for (std::size_t g = 0; g < o.inputs.size(); ++g) {
    auto bits = encode_value(o.inputs[g], c.inputs[g].wires.size(), enc);
    if (!bits.ok())
      return Error("--input " + std::to_string(g + 1) + ": " + bits.status().message());
    in.push_back(std::move(*bits));
  }
  return in;
}

}  // namespace

DriverOutput run_circuit_info(const CircuitRequest& o) {
  auto c = load(o);
  if (!c.ok()) return driver_bad_input(c.status().message());
  const CircuitStats s = analyze(*c);
  return {kDriverOk, o.json ? info_json(o, s) : info_text(o, s), ""};
}

DriverOutput run_circuit_eval(const CircuitRequest& o) {
  auto enc = parse_value_encoding(o.encoding);
  if (!enc.ok()) return driver_bad_input(enc.status().message());
  auto c = load(o);
  if (!c.ok()) return driver_bad_input(c.status().message());
  auto in = encode_inputs(o, *c, *enc);
  if (!in.ok()) return driver_bad_input(in.status().message());
  auto out = evaluate(*c, *in);
  if (!out.ok()) return driver_bad_input(o.file + ": " + out.status().message());
  std::size_t pos = 0;
  std::string text;
  for (const auto& grp : c->outputs) {
    const std::span<const std::uint64_t> bits(out->data() + pos, grp.wires.size());
    pos += grp.wires.size();
    auto value = decode_value(bits, *enc);
    if (!value.ok())
      return driver_bad_input("output '" + grp.name + "': " + value.status().message());
    text += *value + "\n";
  }
  return {kDriverOk, text, ""};
}

DriverOutput run_circuit_dot(const CircuitRequest& o) {
  auto c = load(o);
  if (!c.ok()) return driver_bad_input(c.status().message());
  return {kDriverOk, to_dot(*c), ""};
}

DriverOutput run_circuit_export(const CircuitRequest& o) {
  auto c = load(o);
  if (!c.ok()) return driver_bad_input(c.status().message());
  auto text = to_bristol_fashion(*c);
  if (!text.ok()) return driver_bad_input(o.file + ": " + text.status().message());
  return {kDriverOk, *text, ""};
}

}  // namespace smpc
