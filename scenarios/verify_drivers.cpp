#include "scenarios/verify_drivers.h"

#include <cmath>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "scenarios/functions.h"
#include "scenarios/scenario.h"
#include "verify/leakage.h"
#include "verify/z3_circuit.h"

namespace smpc {

namespace {

// ---- smpc verify equiv ----

Result<Circuit> load_circuit(const std::string& path, const std::string& format) {
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

nlohmann::ordered_json equiv_json(const EquivRequest& o, const Circuit& a, const Circuit& b,
                                  const EquivalenceResult& r) {
  nlohmann::ordered_json j;
  j["result"] = equivalence_kind_name(r.kind);
  j["a"] = o.a;
  j["b"] = o.b;
  j["outputs"] = r.outputs_total;
  j["outputs_proved"] = r.outputs_proved;
  j["seconds"] = r.seconds;
  j["timeout_s"] = o.timeout_s;
  j["method"] = r.method;
  j["z3_version"] = z3_version_string();
  if (r.kind == EquivalenceResult::Kind::kDifferent) {
    nlohmann::ordered_json ce;
    for (std::size_t g = 0; g < a.inputs.size(); ++g)
      ce[a.inputs[g].name] = group_json(a, r.counterexample[g]);
    j["counterexample"] = ce;
    j["differing_output"] = r.differing_output;
    j["outputs_a"] = outputs_json(a, r.outputs_a);
    j["outputs_b"] = outputs_json(b, r.outputs_b);
  }
  if (!r.detail.empty()) j["detail"] = r.detail;
  return j;
}

std::string equiv_text(const EquivRequest& o, const EquivalenceResult& r,
                       const nlohmann::ordered_json& j) {
  std::ostringstream s;
  s.precision(3);
  switch (r.kind) {
    case EquivalenceResult::Kind::kEquivalent:
      s << "equivalent: all " << r.outputs_total << " outputs proved equal in " << std::fixed
        << r.seconds << " s (" << r.method << ")\n";
      break;
    case EquivalenceResult::Kind::kDifferent:
      s << "different: output wire " << r.differing_output << " differs (found by " << r.method
        << ", re-checked by evaluation)\n  counterexample:";
      for (const auto& [k, v] : j["counterexample"].items()) s << " " << k << "=" << v.dump();
      s << "\n  " << o.a << ":";
      for (const auto& [k, v] : j["outputs_a"].items()) s << " " << k << "=" << v.dump();
      s << "\n  " << o.b << ":";
      for (const auto& [k, v] : j["outputs_b"].items()) s << " " << k << "=" << v.dump();
      s << "\n";
      break;
    case EquivalenceResult::Kind::kUnknown:
      s << "unknown: " << r.detail << "\n";
      break;
  }
  return s.str();
}

int equiv_exit_code(EquivalenceResult::Kind kind) {
  switch (kind) {
    case EquivalenceResult::Kind::kEquivalent: return kDriverOk;
    case EquivalenceResult::Kind::kDifferent: return kDriverFailed;
    case EquivalenceResult::Kind::kUnknown: return kDriverUnknown;
  }
  return kDriverUnknown;
}

// ---- smpc verify leakage ----

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

struct Attacker {
  std::vector<PartyId> parties;
  std::string source;  // how they were chosen, for the report
};

// --attacker, else the scenario's corrupted parties, else party 0; every one must exist.
Result<Attacker> choose_attacker(const LeakageRequest& o, const Scenario& s) {
  Attacker a{std::vector<PartyId>(o.attacker.begin(), o.attacker.end()), "--attacker"};
  if (a.parties.empty()) {
    if (s.adversary && !s.adversary->corrupt.empty()) {
      a = {s.adversary->corrupt, "the scenario's corrupted parties"};
    } else {
      a = {{0}, "default: party 0"};
    }
  }
  for (PartyId p : a.parties)
    if (p < 0 || p >= s.parties)
      return Error("--attacker: party " + std::to_string(p) + " does not exist (the scenario has " +
                   std::to_string(s.parties) + " parties)");
  return a;
}

nlohmann::ordered_json leakage_json(const LeakageRequest& o, const Scenario& s, const Function& f,
                                    const Attacker& a, const LeakageReport& r) {
  nlohmann::ordered_json j;
  j["scenario"] = o.scenario;
  j["function"] = f.name.empty() ? s.function.value("name", "") : f.name;
  j["attacker"] = r.attacker;
  j["attacker_from"] = a.source;
  j["honest"] = r.honest;
  j["honest_input_bits"] = r.honest_bits;
  j["observed_output"] = observed_json(f, a.parties, r.observed);
  j["consistent_honest_inputs"] = count_json(r.consistent_count);
  j["count_exact"] = r.count_exact;
  j["remaining_uncertainty_bits"] = r.remaining_bits;
  j["revealed_bits"] = r.revealed_bits;
  j["distinct_outputs"] = r.distinct_outputs;
  j["distinct_outputs_exact"] = r.distinct_exact;
  j["min_entropy_leakage_bits"] = r.min_entropy_leakage_bits;
  j["shannon_leakage_bits"] =
      r.shannon_leakage_bits ? nlohmann::ordered_json(*r.shannon_leakage_bits) : nlohmann::ordered_json();
  j["method"] = r.method;
  j["seconds"] = r.seconds;
  return j;
}

std::string leakage_text(const LeakageRequest& o, const Attacker& a, const LeakageReport& r,
                         const nlohmann::ordered_json& j) {
  std::ostringstream t;
  t << std::fixed << std::setprecision(3);
  t << "leakage of " << j["function"].get<std::string>() << " (" << o.scenario << ")\n";
  t << "  attacker: parties " << nlohmann::json(r.attacker).dump() << " (" << a.source
    << "); honest: " << nlohmann::json(r.honest).dump() << ", " << r.honest_bits
    << " input bits (|X_H| = 2^" << r.honest_bits << ")\n";
  t << "  observed output: " << j["observed_output"].dump() << "\n";
  t << "  consistent honest inputs: " << count_text(r.consistent_count)
    << (r.count_exact ? "" : " (lower bound)") << "\n";
  t << "  remaining uncertainty: " << r.remaining_bits << " bits; this output reveals "
    << r.revealed_bits << " bits\n";
  t << "  over all outputs for the attacker's input (uniform honest inputs):\n";
  t << "    distinct outputs: " << r.distinct_outputs << (r.distinct_exact ? "" : " (lower bound)")
    << "; min-entropy leakage " << r.min_entropy_leakage_bits << " bits"
    << (r.distinct_exact ? "" : " (lower bound)") << "\n";
  t << "    Shannon leakage H(Y): ";
  if (r.shannon_leakage_bits) t << *r.shannon_leakage_bits << " bits\n";
  else t << "not computed (counts are not all exact)\n";
  t << "  method: " << r.method << " (" << r.seconds << " s)\n";
  return t.str();
}

}  // namespace

DriverOutput run_verify_equiv(const EquivRequest& o) {
  auto a = load_circuit(o.a, o.format_a);
  if (!a.ok()) return driver_bad_input(a.status().message());
  auto b = load_circuit(o.b, o.format_b);
  if (!b.ok()) return driver_bad_input(b.status().message());
  EquivalenceOptions eo;
  eo.timeout_s = o.timeout_s;
  eo.name_a = o.a;
  eo.name_b = o.b;
  auto r = check_equivalence(*a, *b, eo);
  if (!r.ok()) return driver_bad_input(r.status().message());
  const nlohmann::ordered_json j = equiv_json(o, *a, *b, *r);
  return {equiv_exit_code(r->kind), o.json ? j.dump(2) + "\n" : equiv_text(o, *r, j), ""};
}

DriverOutput run_verify_leakage(const LeakageRequest& o) {
  auto s = load_scenario_file(o.scenario);
  if (!s.ok()) return driver_bad_input(s.status().message());
  const std::string base = std::filesystem::path(o.scenario).parent_path().string();
  auto f = build_function(s->function, s->inputs, s->parties, base.empty() ? "." : base,
                          s->roles ? s->roles->servers : 0);
  if (!f.ok()) return driver_bad_input(o.scenario + ": " + f.status().message());
  auto attacker = choose_attacker(o, *s);
  if (!attacker.ok()) return driver_bad_input(attacker.status().message());

  LeakageQuery q;
  q.circuit = &f->ideal();
  q.inputs = f->party_inputs;
  q.attacker = attacker->parties;
  auto r = compute_leakage(q);
  if (!r.ok()) return driver_bad_input(o.scenario + ": " + r.status().message());
  const nlohmann::ordered_json j = leakage_json(o, *s, *f, *attacker, *r);
  return {kDriverOk, o.json ? j.dump(2) + "\n" : leakage_text(o, *attacker, *r, j), ""};
}

}  // namespace smpc
