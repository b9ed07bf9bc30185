// `smpc verify equiv A B`: do two Bristol circuits compute the same function? (Z3, output by
// output; verify/z3_circuit.h). Prints "equivalent", a counterexample, or "unknown" with the
// number of outputs proved and the time spent — never a false "equivalent".
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <string>

#include "cli/commands.h"
#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "verify/z3_circuit.h"

namespace smpc::cli {

namespace {

constexpr int kEquivalent = 0;
constexpr int kDifferent = 1;
constexpr int kBadInput = 2;
constexpr int kUnknown = 3;

struct EquivOptions {
  std::string a, b;
  std::string format_a = "bristol", format_b = "bristol";
  double timeout_s = 60;
  bool json = false;
};

Result<Circuit> load(const std::string& path, std::string format) {
  if (format == "bristol") format = "fashion";  // Bristol Fashion, the default
  SMPC_ASSIGN_OR_RETURN(const BristolFormat fmt, parse_bristol_format(format));
  return load_bristol(path, fmt);
}

// A group's values as one integer (int_lsb0) when it is a Boolean group, else as a list.
nlohmann::json group_json(const Circuit& c, std::span<const std::uint64_t> v) {
  if (c.domain == CircuitDomain::kBoolean) {
    auto text = decode_value(v, ValueEncoding::kIntLsb0);
    if (text.ok()) return *text;
  }
  return nlohmann::json(std::vector<std::uint64_t>(v.begin(), v.end()));
}

nlohmann::json outputs_json(const Circuit& c, const std::vector<std::uint64_t>& all) {
  nlohmann::json j = nlohmann::json::object();
  std::size_t k = 0;
  for (const auto& g : c.outputs) {
    j[g.name] = group_json(c, std::span(all).subspan(k, g.wires.size()));
    k += g.wires.size();
  }
  return j;
}

int run(const EquivOptions& o) {
  auto a = load(o.a, o.format_a);
  if (!a.ok()) {
    std::cerr << "smpc verify equiv: " << a.status().message() << "\n";
    return kBadInput;
  }
  auto b = load(o.b, o.format_b);
  if (!b.ok()) {
    std::cerr << "smpc verify equiv: " << b.status().message() << "\n";
    return kBadInput;
  }
  EquivalenceOptions eo;
  eo.timeout_s = o.timeout_s;
  eo.name_a = o.a;
  eo.name_b = o.b;
  auto r = check_equivalence(*a, *b, eo);
  if (!r.ok()) {
    std::cerr << "smpc verify equiv: " << r.status().message() << "\n";
    return kBadInput;
  }
  nlohmann::ordered_json j;
  j["result"] = equivalence_kind_name(r->kind);
  j["a"] = o.a;
  j["b"] = o.b;
  j["outputs"] = r->outputs_total;
  j["outputs_proved"] = r->outputs_proved;
  j["seconds"] = r->seconds;
  j["timeout_s"] = o.timeout_s;
  j["method"] = r->method;
  j["z3_version"] = z3_version_string();
  if (r->kind == EquivalenceResult::Kind::kDifferent) {
    nlohmann::ordered_json ce;
    for (std::size_t g = 0; g < a->inputs.size(); ++g)
      ce[a->inputs[g].name] = group_json(*a, r->counterexample[g]);
    j["counterexample"] = ce;
    j["differing_output"] = r->differing_output;
    j["outputs_a"] = outputs_json(*a, r->outputs_a);
    j["outputs_b"] = outputs_json(*b, r->outputs_b);
  }
  if (!r->detail.empty()) j["detail"] = r->detail;
  if (o.json) {
    std::cout << j.dump(2) << "\n";
  } else {
    std::ostringstream s;
    s.precision(3);
    switch (r->kind) {
      case EquivalenceResult::Kind::kEquivalent:
        s << "equivalent: all " << r->outputs_total << " outputs proved equal in " << std::fixed
          << r->seconds << " s (" << r->method << ")\n";
        break;
      case EquivalenceResult::Kind::kDifferent:
        s << "different: output wire " << r->differing_output << " differs (found by "
          << r->method << ", re-checked by evaluation)\n  counterexample:";
        for (const auto& [k, v] : j["counterexample"].items()) s << " " << k << "=" << v.dump();
        s << "\n  " << o.a << ":";
        for (const auto& [k, v] : j["outputs_a"].items()) s << " " << k << "=" << v.dump();
        s << "\n  " << o.b << ":";
        for (const auto& [k, v] : j["outputs_b"].items()) s << " " << k << "=" << v.dump();
        s << "\n";
        break;
      case EquivalenceResult::Kind::kUnknown:
        s << "unknown: " << r->detail << "\n";
        break;
    }
    std::cout << s.str();
  }
  switch (r->kind) {
    case EquivalenceResult::Kind::kEquivalent: return kEquivalent;
    case EquivalenceResult::Kind::kDifferent: return kDifferent;
    case EquivalenceResult::Kind::kUnknown: return kUnknown;
  }
  return kUnknown;
}

}  // namespace

void register_verify_equiv(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<EquivOptions>();
  CLI::App* cmd = verify.add_subcommand(
      "equiv", "Prove two circuits equivalent with Z3, or print a counterexample");
  cmd->add_option("a", opts->a, "First circuit file")->required();
  cmd->add_option("b", opts->b, "Second circuit file")->required();
  cmd->add_option("--format-a", opts->format_a, "Format of A: bristol (Fashion) or legacy")
      ->capture_default_str();
  cmd->add_option("--format-b", opts->format_b, "Format of B: bristol (Fashion) or legacy")
      ->capture_default_str();
  cmd->add_option("--timeout", opts->timeout_s,
                  "Seconds for the whole check; outputs not proved by then are 'unknown'")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  cmd->add_flag("--json", opts->json, "Print the result as JSON");
  cmd->footer(
      "Each output wire is proved separately (its cone of influence), after a few hundred "
      "seeded random inputs. Wide multipliers prove their low bits and time out on the rest.\n"
      "Exit codes: 0 equivalent, 1 different (counterexample printed, re-checked by "
      "evaluation), 2 bad input or usage, 3 unknown (timeout; number of outputs proved "
      "printed).");
  cmd->callback([opts, exit_code] { *exit_code = run(*opts); });
}

}  // namespace smpc::cli
