#include "scenarios/verify_drivers.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iomanip>
#include <nlohmann/json.hpp>
#include <span>
#include <sstream>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/core/mutants.h"
#include "protocols/dp/binomial.h"
#include "protocols/fixedpoint/fixed.h"
#include "scenarios/dp_function.h"
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

// ---- smpc verify leakage of a dp function: before and after the noise ----

// The honest sum's distribution: counts[i] = #{honest records in [lower, upper]^k with sum
// k·lower + i}, the coefficients of (1 + x + ... + x^Δ)^k (exact integers: the space is at most
// 2^kDpLeakageMaxSpaceBits, within a long double's 64-bit mantissa).
std::vector<long double> honest_sum_counts(std::size_t records, std::uint64_t sensitivity) {
  std::vector<long double> counts{1};
  for (std::size_t r = 0; r < records; ++r) {
    std::vector<long double> next(counts.size() + sensitivity, 0);
    long double window = 0;  // sliding sum of counts[i − Δ .. i]
    for (std::size_t i = 0; i < next.size(); ++i) {
      if (i < counts.size()) window += counts[i];
      if (i >= sensitivity + 1 && i - sensitivity - 1 < counts.size()) window -= counts[i - sensitivity - 1];
      next[i] = window;
    }
    counts = std::move(next);
  }
  return counts;
}

// Who is honest and what the records add up to (each party's inputs: its records, then its
// coins and check randoms).
struct DpHonestView {
  std::vector<PartyId> honest;
  std::size_t records = 0;  // the honest parties' records
  std::int64_t total = 0, honest_sum = 0;
};

DpHonestView dp_honest_view(const Function& f, const DpSetting& dp, const Attacker& a) {
  DpHonestView h;
  const std::size_t coin_inputs = dp::Layout{{}, dp.coins, 1, dp.dealer_coins}.coin_inputs();
  for (std::size_t p = 0; p < f.party_inputs.size(); ++p) {
    const auto& v = f.party_inputs[p].values;
    const std::size_t records = v.size() - std::min(coin_inputs, v.size());
    const bool known = std::find(a.parties.begin(), a.parties.end(), static_cast<PartyId>(p)) != a.parties.end();
    if (!known) {
      h.honest.push_back(static_cast<PartyId>(p));
      h.records += records;
    }
    for (std::size_t i = 0; i < records; ++i) {
      const std::int64_t x = fx::from_field(Fp61::from_u64(v[i]));
      h.total += x;
      if (!known) h.honest_sum += x;
    }
  }
  return h;
}

// The honest input space, as text: "(Δ + 1)^k" and "2^bits".
struct DpSpace {
  double bits = 0;
  std::string power, bits_text;
};

DpSpace dp_space(std::size_t records, std::uint64_t sensitivity) {
  DpSpace sp;
  sp.bits = static_cast<double>(records) * std::log2(static_cast<double>(sensitivity) + 1);
  sp.power = std::to_string(sensitivity + 1) + "^" + std::to_string(records);
  char text[32];
  std::snprintf(text, sizeof text, "2^%.2f", sp.bits);
  sp.bits_text = text;
  return sp;
}

// Both limits before any work: the counts, then the channel, would otherwise grow unbounded.
Status dp_leakage_limits(const DpSetting& dp, std::size_t records, std::uint64_t sensitivity,
                         const DpSpace& sp) {
  if (sp.bits > kDpLeakageMaxSpaceBits)
    return Error("the honest input space (" + std::to_string(records) + " honest records, each in [" +
                 std::to_string(dp.lower) + ", " + std::to_string(dp.upper) + "]) has " + sp.power +
                 " = " + sp.bits_text + " inputs, above the limit of 2^" +
                 std::to_string(kDpLeakageMaxSpaceBits) + " for exact counting: narrow [lower, upper] or use "
                 "fewer records");
  // Below 2^63 inputs, k < 64 records of Δ < 2^32: sums < 2^38, times m + 1 ≤ 2^17 + 1.
  const std::uint64_t sums = static_cast<std::uint64_t>(records) * sensitivity + 1;
  const std::uint64_t terms = sums * (dp.coins + 1);
  if (terms > kDpLeakageMaxTerms)
    return Error("the exact channel has " + std::to_string(sums) + " honest sums x " +
                 std::to_string(dp.coins + 1) + " noise values = " + std::to_string(terms) +
                 " terms, above the limit of " + std::to_string(kDpLeakageMaxTerms) +
                 ": narrow [lower, upper], use fewer records, or raise epsilon or delta (fewer coins)");
  return OkStatus();
}

// The report's text, from its JSON (and the counts as count_text writes them).
std::string dp_leakage_text(const nlohmann::ordered_json& j, const DpSetting& dp, const DpSpace& sp,
                            const std::string& space_count, const std::string& consistent_count) {
  const auto& m = j["mechanism"];
  const auto& b = j["before_noise"];
  const auto& af = j["after_noise"];
  std::ostringstream t;
  t << std::fixed << std::setprecision(3);
  t << "leakage of " << j["function"].get<std::string>() << " (" << j["scenario"].get<std::string>()
    << "), before and after the noise\n";
  t << "  attacker: parties " << j["attacker"].dump() << " (" << j["attacker_from"].get<std::string>()
    << "); honest: " << j["honest"].dump() << ", " << j["honest_records"].get<std::size_t>()
    << " records in [" << dp.lower << ", " << dp.upper << "] (|X_H| = " << sp.power << " = " << space_count
    << ", " << sp.bits_text << ", uniform)\n";
  t << "  mechanism: (epsilon = " << std::defaultfloat << dp.epsilon << ", delta = " << dp.delta << std::fixed
    << ")-DP, sensitivity " << m["sensitivity"].get<std::uint64_t>() << ", noise "
    << m["noise"].get<std::string>() << "\n";
  t << "  before noise (the exact sum):\n";
  t << "    observed sum: " << b["observed_sum"].get<std::int64_t>() << "; consistent honest inputs: "
    << consistent_count << "; remaining uncertainty " << b["remaining_uncertainty_bits"].get<double>()
    << " bits; this output reveals " << b["revealed_bits"].get<double>() << " bits\n";
  t << "    distinct outputs: " << b["distinct_outputs"].get<std::uint64_t>() << "; min-entropy leakage "
    << b["min_entropy_leakage_bits"].get<double>() << " bits; Shannon leakage H(Y) "
    << b["shannon_leakage_bits"].get<double>() << " bits\n";
  t << "  after noise (the opened sum + Z):\n";
  t << "    min-entropy leakage log2 sum_y max_x P(y|x) = " << af["min_entropy_leakage_bits"].get<double>()
    << " bits (Smith, FoSSaCS 2009; uniform prior; sum_y max_x P(y|x) = " << std::setprecision(6)
    << af["vulnerability_ratio"].get<double>() << std::setprecision(3) << ")\n";
  t << "    Shannon leakage I(X_H; Y) = " << af["shannon_leakage_bits"].get<double>() << " bits, over "
    << af["output_values"].get<std::uint64_t>() << " output values (those with P(y) > 0 in double precision)\n";
  t << "  epsilon bound: " << j["epsilon_bound"].get<std::string>() << "\n";
  t << "  computed exactly: " << j["computed_exactly"].get<std::string>() << "\n";
  t << "  not computed: " << j["not_computed"].get<std::string>() << "\n";
  if (j["honest"].empty()) t << "  (no honest party: nothing to learn, and the DP claim needs one)\n";
  return t.str();
}

Result<DpLeakageReport> dp_leakage_of(const std::string& label, const Scenario& s, const Function& f,
                                      const Attacker& a) {
  SMPC_ASSIGN_OR_RETURN(const DpSetting dp, dp_setting_of(f));
  const auto sensitivity = static_cast<std::uint64_t>(dp.upper - dp.lower);
  const DpHonestView h = dp_honest_view(f, dp, a);
  const DpSpace sp = dp_space(h.records, sensitivity);
  SMPC_RETURN_IF_ERROR(dp_leakage_limits(dp, h.records, sensitivity, sp));

  const std::vector<long double> counts = honest_sum_counts(h.records, sensitivity);
  SMPC_ASSIGN_OR_RETURN(const AdditiveNoiseLeakage before,
                        additive_noise_leakage(counts, {1.0}, kDpLeakageMaxTerms));
  // The noise as the protocol defines it (one place: protocols/dp/binomial.h). Seeded bug M101:
  // the after-noise channel is built without the noise, so it reports the exact sum's leakage.
  const std::vector<double> noise = mutant_active(Mutant::kM101) ? std::vector<double>{1.0} : dp::binomial_pmf(dp.coins);
  SMPC_ASSIGN_OR_RETURN(const AdditiveNoiseLeakage after, additive_noise_leakage(counts, noise, kDpLeakageMaxTerms));

  long double space = 0;  // (Δ + 1)^k, summed from the exact counts
  for (long double c : counts) space += c;
  const auto offset = static_cast<std::size_t>(h.honest_sum - static_cast<std::int64_t>(h.records) * dp.lower);
  const long double consistent = counts.at(offset);
  const double remaining = static_cast<double>(std::log2(consistent));

  DpLeakageReport r;
  r.before_min_entropy_bits = before.min_entropy_leakage_bits;
  r.before_shannon_bits = before.shannon_leakage_bits;
  r.after_min_entropy_bits = after.min_entropy_leakage_bits;
  r.after_shannon_bits = after.shannon_leakage_bits;
  r.after_vulnerability_ratio = after.vulnerability_ratio;
  const std::string noise_text = "Z = Binomial(" + std::to_string(dp.coins) + ", 1/2) - " +
                                 std::to_string(dp.coins / 2) + " (dp::binomial_pmf, the protocol's own)";
  nlohmann::ordered_json& j = r.json;
  j["scenario"] = label;
  j["function"] = f.name.empty() ? s.function.value("name", "") : f.name;
  j["attacker"] = a.parties;
  j["attacker_from"] = a.source;
  j["honest"] = h.honest;
  j["honest_records"] = h.records;
  j["record_range"] = {dp.lower, dp.upper};
  j["honest_inputs"] = count_json(space);
  j["honest_input_bits"] = sp.bits;
  j["mechanism"] = {{"epsilon", dp.epsilon}, {"delta", dp.delta}, {"sensitivity", sensitivity},
                    {"coins", dp.coins}, {"noise", noise_text}, {"guarantee", f.dp->at("guarantee")}};
  j["before_noise"] = {{"observed_sum", h.total},
                       {"consistent_honest_inputs", count_json(consistent)},
                       {"remaining_uncertainty_bits", remaining},
                       {"revealed_bits", sp.bits - remaining},
                       {"distinct_outputs", before.outputs},
                       {"min_entropy_leakage_bits", before.min_entropy_leakage_bits},
                       {"shannon_leakage_bits", before.shannon_leakage_bits}};
  j["after_noise"] = {{"vulnerability_ratio", after.vulnerability_ratio},
                      {"min_entropy_leakage_bits", after.min_entropy_leakage_bits},
                      {"shannon_leakage_bits", after.shannon_leakage_bits},
                      {"output_values", after.outputs},
                      {"terms", after.terms}};
  j["epsilon_bound"] =
      "none applies: binomial noise has bounded support, so the mechanism is (epsilon, delta)-DP with "
      "delta > 0, not epsilon-DP; the after-noise leakage is at most the before-noise one (post-processing)";
  j["computed_exactly"] =
      "the honest sum's distribution (exact integer counts) and both channels over every (sum, noise) pair, "
      "in double precision; the noise is the protocol's exact binomial pmf";
  j["not_computed"] = std::string("the posterior for one observed noisy output (the channel leakage is over all outputs); "
                                   "priors other than uniform; ") +
                       (dp.dealer_coins ? "the dealer, or a coalition with it (it knows the noise: dealer coins)"
                                        : "a coalition of every party (it knows the noise)");
  j["method"] = "exact: sum distribution by convolution, " + std::to_string(after.terms) + " channel terms";
  r.text = dp_leakage_text(j, dp, sp, count_text(space), count_text(consistent));
  return r;
}

}  // namespace

Result<DpLeakageReport> dp_output_leakage(const Scenario& s, const std::string& label,
                                          const std::vector<int>& attacker) {
  const std::string base = std::filesystem::path(s.path).parent_path().string();
  SMPC_ASSIGN_OR_RETURN(const Function f, build_function(s.function, s.inputs, s.parties, base.empty() ? "." : base,
                                                         s.roles ? s.roles->servers : 0));
  LeakageRequest o;
  o.attacker = attacker;
  SMPC_ASSIGN_OR_RETURN(const Attacker a, choose_attacker(o, s));
  return dp_leakage_of(label, s, f, a);
}

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
  if (f->dp) {
    auto r = dp_leakage_of(o.scenario, *s, *f, *attacker);
    if (!r.ok()) return driver_bad_input(o.scenario + ": " + r.status().message());
    return {kDriverOk, o.json ? r->json.dump(2) + "\n" : r->text, ""};
  }

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
