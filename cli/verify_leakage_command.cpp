// `smpc verify leakage SCENARIO`: what the scenario's output reveals about the honest parties'
// inputs to an attacker who knows its own parties' inputs (verify/leakage.h): consistent
// honest inputs, remaining uncertainty and revealed bits for the output on the scenario's
// inputs, and min-entropy and Shannon leakage over all outputs (uniform prior).
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "protocols/core/circuit_encoding.h"
#include "scenarios/functions.h"
#include "scenarios/scenario.h"
#include "verify/leakage.h"

namespace smpc::cli {

namespace {

constexpr int kOk = 0;
constexpr int kBadInput = 2;

struct LeakageOptions {
  std::string scenario;
  std::vector<int> attacker;
  bool json = false;
};

int fail(const std::string& message) {
  std::cerr << "smpc verify leakage: " << message << "\n";
  return kBadInput;
}

// Exact integers stay integers in JSON; counts beyond 2^63 (only as lower bounds of huge
// spaces) are given as doubles.
nlohmann::json count_json(long double n) {
  if (n < 9.2e18L) return static_cast<std::uint64_t>(n);
  return static_cast<double>(n);
}

std::string count_text(long double n) {
  std::ostringstream s;
  if (n < 1e15L) s << static_cast<std::uint64_t>(n);
  else s << std::setprecision(6) << static_cast<double>(n) << " (2^" << std::fixed
         << std::setprecision(2) << static_cast<double>(std::log2(n)) << ")";
  return s.str();
}

// The attacker-visible outputs as {group name: value}: whole groups, in output order.
nlohmann::ordered_json observed_json(const Function& f, const std::vector<PartyId>& attacker,
                                     const std::vector<std::uint64_t>& observed) {
  nlohmann::ordered_json j = nlohmann::ordered_json::object();
  const Circuit& c = f.ideal();
  std::size_t k = 0;
  for (const auto& g : c.outputs) {
    bool seen = false;
    for (PartyId p : attacker) seen = seen || g.delivered_to(p);
    if (!seen) continue;
    const std::span<const std::uint64_t> v(observed.data() + k, g.wires.size());
    k += g.wires.size();
    if (c.domain == CircuitDomain::kBoolean) {
      auto bits = std::vector<std::uint64_t>(v.begin(), v.end());
      j[g.name] = g.wires.size() <= 64 ? nlohmann::ordered_json(value_of(bits))
                                       : nlohmann::ordered_json(decode_value(v, ValueEncoding::kIntLsb0).value());
    } else {
      j[g.name] = v.size() == 1 ? nlohmann::ordered_json(v[0])
                                : nlohmann::ordered_json(std::vector<std::uint64_t>(v.begin(), v.end()));
    }
  }
  return j;
}

int run(const LeakageOptions& o) {
  auto s = load_scenario_file(o.scenario);
  if (!s.ok()) return fail(s.status().message());
  const std::string base = std::filesystem::path(o.scenario).parent_path().string();
  auto f = build_function(s->function, s->inputs, s->parties, base.empty() ? "." : base);
  if (!f.ok()) return fail(o.scenario + ": " + f.status().message());

  std::vector<PartyId> attacker(o.attacker.begin(), o.attacker.end());
  std::string attacker_source = "--attacker";
  if (attacker.empty()) {
    if (s->adversary && !s->adversary->corrupt.empty()) {
      attacker = s->adversary->corrupt;
      attacker_source = "the scenario's corrupted parties";
    } else {
      attacker = {0};
      attacker_source = "default: party 0";
    }
  }
  for (PartyId p : attacker)
    if (p < 0 || p >= s->parties)
      return fail("--attacker: party " + std::to_string(p) + " does not exist (the scenario has " +
                  std::to_string(s->parties) + " parties)");

  LeakageQuery q;
  q.circuit = &f->ideal();
  q.inputs = f->party_inputs;
  q.attacker = attacker;
  auto r = compute_leakage(q);
  if (!r.ok()) return fail(o.scenario + ": " + r.status().message());

  nlohmann::ordered_json j;
  j["scenario"] = o.scenario;
  j["function"] = f->name.empty() ? s->function.value("name", "") : f->name;
  j["attacker"] = r->attacker;
  j["attacker_from"] = attacker_source;
  j["honest"] = r->honest;
  j["honest_input_bits"] = r->honest_bits;
  j["observed_output"] = observed_json(*f, attacker, r->observed);
  j["consistent_honest_inputs"] = count_json(r->consistent_count);
  j["count_exact"] = r->count_exact;
  j["remaining_uncertainty_bits"] = r->remaining_bits;
  j["revealed_bits"] = r->revealed_bits;
  j["distinct_outputs"] = r->distinct_outputs;
  j["distinct_outputs_exact"] = r->distinct_exact;
  j["min_entropy_leakage_bits"] = r->min_entropy_leakage_bits;
  j["shannon_leakage_bits"] =
      r->shannon_leakage_bits ? nlohmann::ordered_json(*r->shannon_leakage_bits) : nlohmann::ordered_json();
  j["method"] = r->method;
  j["seconds"] = r->seconds;
  if (o.json) {
    std::cout << j.dump(2) << "\n";
    return kOk;
  }
  std::ostringstream t;
  t << std::fixed << std::setprecision(3);
  t << "leakage of " << j["function"].get<std::string>() << " (" << o.scenario << ")\n";
  t << "  attacker: parties " << nlohmann::json(r->attacker).dump() << " (" << attacker_source
    << "); honest: " << nlohmann::json(r->honest).dump() << ", " << r->honest_bits
    << " input bits (|X_H| = 2^" << r->honest_bits << ")\n";
  t << "  observed output: " << j["observed_output"].dump() << "\n";
  t << "  consistent honest inputs: " << count_text(r->consistent_count)
    << (r->count_exact ? "" : " (lower bound)") << "\n";
  t << "  remaining uncertainty: " << r->remaining_bits << " bits; this output reveals "
    << r->revealed_bits << " bits\n";
  t << "  over all outputs for the attacker's input (uniform honest inputs):\n";
  t << "    distinct outputs: " << r->distinct_outputs << (r->distinct_exact ? "" : " (lower bound)")
    << "; min-entropy leakage " << r->min_entropy_leakage_bits << " bits"
    << (r->distinct_exact ? "" : " (lower bound)") << "\n";
  t << "    Shannon leakage H(Y): ";
  if (r->shannon_leakage_bits) t << *r->shannon_leakage_bits << " bits\n";
  else t << "not computed (counts are not all exact)\n";
  t << "  method: " << r->method << " (" << r->seconds << " s)\n";
  std::cout << t.str();
  return kOk;
}

}  // namespace

void register_verify_leakage(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<LeakageOptions>();
  CLI::App* cmd = verify.add_subcommand(
      "leakage", "What the scenario's output reveals about the honest inputs (bits; Z3 or "
                 "exact counting)");
  cmd->add_option("scenario", opts->scenario, "Scenario file (JSON; its function and inputs)")
      ->required();
  cmd->add_option("--attacker", opts->attacker,
                  "Parties whose inputs the attacker knows, e.g. 0,2 (default: the scenario's "
                  "corrupted parties, else party 0)")
      ->delimiter(',');
  cmd->add_flag("--json", opts->json, "Print the result as JSON");
  cmd->footer(
      "The output value is f on the scenario's inputs. Boolean functions only (field inputs "
      "range over 2^61 - 1 values each; too many to count). Honest spaces up to 2^20 are "
      "enumerated exactly; larger ones are counted with Z3 (lower bounds past its cap).\n"
      "Exit codes: 0 computed, 2 bad input or usage.");
  cmd->callback([opts, exit_code] { *exit_code = run(*opts); });
}

}  // namespace smpc::cli
