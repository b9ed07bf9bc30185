// Every registered protocol that states an exact cost (ProtocolSpec::cost) is held to it: honest
// runs on random circuits and party counts must measure exactly the formula's bytes per label
// and causal rounds. A new protocol with a formula is checked here without a new test; a
// formula that is off by one byte or one round fails (the seeded wrong formulas below).
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <optional>
#include <sstream>
#include <string>

#include "protocols/core/local_network.h"
#include "protocols/registry.h"
#include "simulator/sim_network.h"
#include "tests/support/random_boolean.h"
#include "tests/support/random_circuit.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

// A random circuit of the spec's domain within its property hints, and inputs for it.
testing::CircuitCase gen_case_for(const ProtocolSpec& spec) {
  const auto& h = spec.property;
  testing::CircuitCase cc;
  cc.parties = *rc::gen::inRange(spec.min_parties, h.max_parties + 1);
  const bool boolean = spec.domain == CircuitDomain::kBoolean;
  cc.circuit = boolean ? testing::gen_bristol_circuit(cc.parties, h.max_gates)
                       : testing::gen_circuit(cc.parties, h.linear_only, h.max_depth);
  cc.inputs.assign(static_cast<std::size_t>(cc.parties), {});
  for (PartyId p = 0; p < cc.parties; ++p)
    for (std::size_t k = 0; k < cc.circuit.input_wires_of(p).size(); ++k)
      cc.inputs[static_cast<std::size_t>(p)].values.push_back(
          boolean ? *rc::gen::inRange<std::uint64_t>(0, 2) : testing::gen_value());
  return cc;
}

// Runs `spec`'s protocol honestly (the simulator for protocols whose rounds wait on timeouts,
// else threads) and describes every difference from `cost`; empty when they agree exactly.
std::string cost_mismatch(const ProtocolSpec& spec, const CostFormula& cost,
                          const testing::CircuitCase& cc, std::uint64_t seed) {
  const auto params = resolve_params(spec, nlohmann::json::object(), cc.parties, seed);
  if (!params.ok()) return "parameters: " + params.status().message();
  auto protocol = spec.make(*params, cc.circuit, cc.parties);
  if (!protocol.ok()) return "make: " + protocol.status().message();
  const auto body = testing::body_of(**protocol, cc);
  RunResult r;
  if (spec.property.local_backend) {
    r = run_local(cc.parties, {seed, 60}, body);
  } else {
    SimRunOptions o;
    o.seed = seed;
    o.deadline_s = 1e6;
    auto sim = run_simulated(cc.parties, o, body);
    if (!sim.ok()) return "simulation: " + sim.status().message();
    r = std::move(*sim);
  }
  std::ostringstream out;
  for (const auto& p : r.parties)
    if (p.status != PartyStatus::kOutput) out << "party " << p.party << " gave no output; ";
  const auto want = cost.bytes_by_label(*params, cc.circuit, cc.parties);
  const auto got = testing::bytes_by_label(r);
  if (got != want) {
    out << "bytes by label: measured";
    for (const auto& [l, b] : got) out << ' ' << l << '=' << b;
    out << ", formula";
    for (const auto& [l, b] : want) out << ' ' << l << '=' << b;
    out << "; ";
  }
  const auto rounds = cost.rounds(*params, cc.circuit, cc.parties);
  if (testing::max_round(r) != rounds)
    out << "rounds: measured " << testing::max_round(r) << ", formula " << rounds;
  return out.str();
}

bool has_formula(const ProtocolSpec& spec) {
  return static_cast<bool>(spec.cost.bytes_by_label) && static_cast<bool>(spec.cost.rounds);
}

TEST(CostFormula, EveryStatedFormulaEqualsHonestRuns) {
  int checked = 0;
  for (const auto* spec : protocol_registry()) {
    // An application protocol's formula is checked over its own function (tests/psi).
    if (!has_formula(*spec) || !spec->property.generic_circuits) continue;
    ++checked;
    SCOPED_TRACE(spec->name);
    // A few cases each: every case is a whole run (GMW's OT extension, robust BGW's rounds).
    testing::check_with_budget(10, [spec] {
      const auto cc = gen_case_for(*spec);
      RC_TAG(spec->name, cc.parties);
      const auto why = cost_mismatch(*spec, spec->cost, cc, *rc::gen::arbitrary<std::uint64_t>());
      if (!why.empty()) RC_FAIL(spec->name + ": " + why);
    });
  }
  // The built-in formulas at least: secure_sum, bgw, spdz, gmw, gmw_dealer, yao.
  EXPECT_GE(checked, 6);
}

// A fixed case: 3 parties, x0 · x1 to everybody (one input each for two of them).
testing::CircuitCase product_case() {
  testing::CircuitCase cc;
  cc.parties = 3;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"x0", 0, {0}}, {"x1", 1, {1}}};
  c.num_wires = 3;
  c.gates = {{GateType::kMul, 0, 1, 2, 0}};
  c.outputs = {{"y", {}, {2}}};
  cc.inputs = {{{6}}, {{7}}, {}};
  return cc;
}

// The check has teeth: the true formula passes, one byte or one round more does not.
TEST(CostFormula, AFormulaOffByOneByteOrRoundIsCaught) {
  const auto& spec = *find_protocol("bgw");
  const auto cc = product_case();
  EXPECT_EQ(cost_mismatch(spec, spec.cost, cc, 1), "");
  CostFormula one_byte = spec.cost;
  one_byte.bytes_by_label = [&spec](const ProtocolParams& p, const Circuit& c, int n) {
    auto b = spec.cost.bytes_by_label(p, c, n);
    ++b["bgw.mult.reshare"];
    return b;
  };
  EXPECT_NE(cost_mismatch(spec, one_byte, cc, 1).find("bytes by label"), std::string::npos);
  CostFormula one_round = spec.cost;
  one_round.rounds = [&spec](const ProtocolParams& p, const Circuit& c, int n) {
    return spec.cost.rounds(p, c, n) + 1;
  };
  EXPECT_EQ(cost_mismatch(spec, one_round, cc, 1), "rounds: measured 3, formula 4");
}

}  // namespace
}  // namespace smpc
