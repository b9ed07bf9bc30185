#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/bgw/reshare_plan.h"
#include "protocols/bgw/spec.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/local_network.h"
#include "tests/support/random_circuit.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

RunResult run_bgw(const testing::CircuitCase& cc, int t, std::uint64_t seed) {
  BgwSemiHonest bgw(cc.circuit, t);
  return run_local(cc.parties, {seed, 60}, [&](PartyContext& ctx) {
    return bgw.run(ctx, cc.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
}

// The spec's cost formula (protocols/bgw/cost.h), which reports and docs quote.
ExactCost bgw_formula(const Circuit& c, int n, int t) {
  const ProtocolParams params = {{"threshold", t}};
  const auto& cost = bgw_spec().cost;
  ExactCost e{cost.bytes_by_label(params, c, n), cost.rounds(params, c, n)};
  // Documented: L' + 2 rounds whenever two or more parties give inputs, L' the layers that
  // reshare something: every layer but trailing ones whose products nothing reads.
  std::uint32_t reshare_layers = 0;
  for (const auto& plan : bgw_reshare_plan(c)) reshare_layers += plan.reshare.empty() ? 0 : 1;
  SMPC_ASSERT(reshare_layers <= and_depth(c));
  if (testing::input_owner_count(c, n) >= 2) SMPC_ASSERT(e.rounds == reshare_layers + 2);
  return e;
}

RC_GTEST_PROP(BgwSemiHonest, EqualsPlainEvaluationAndItsCostFormula, ()) {
  const auto cc = testing::gen_case(3, 9, /*linear_only=*/false);
  const int t = *rc::gen::inRange(0, (cc.parties - 1) / 2 + 1);
  RC_TAG(cc.parties, t);
  const auto r = run_bgw(cc, t, *rc::gen::arbitrary<std::uint64_t>());
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  RC_ASSERT(expected.ok());
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    for (const auto& [label, s] : p.meter.by_label) bytes[label] += s.traffic.bytes;
    rounds = std::max(rounds, p.meter.max_round);
  }
  const auto f = bgw_formula(cc.circuit, cc.parties, t);
  RC_ASSERT(bytes == f.bytes);
  RC_ASSERT(rounds == f.rounds);
}

TEST(BgwSemiHonest, SevenPartyInnerProductCost) {
  // The worked example of the class comment: inner product of length 4, n = 7, t = 3.
  testing::CircuitCase cc;
  cc.parties = 7;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"x", 0, {0, 1, 2, 3}}, {"y", 1, {4, 5, 6, 7}}};
  c.num_wires = 8;
  std::vector<std::uint32_t> prods;
  for (std::uint32_t k = 0; k < 4; ++k) {
    c.gates.push_back({GateType::kMul, k, 4 + k, c.num_wires, 0});
    prods.push_back(c.num_wires++);
  }
  std::uint32_t acc = prods[0];
  for (std::size_t k = 1; k < 4; ++k) {
    c.gates.push_back({GateType::kAdd, acc, prods[k], c.num_wires, 0});
    acc = c.num_wires++;
  }
  c.outputs = {{"ip", {}, {acc}}};
  cc.inputs.assign(7, {});
  cc.inputs[0].values = {1, 2, 3, 4};
  cc.inputs[1].values = {5, 6, 7, 8};
  const auto r = run_bgw(cc, 3, 1);
  for (const auto& p : r.parties) EXPECT_EQ(p.outputs, std::vector<std::uint64_t>{70});
  std::uint64_t input = 0, mult = 0, output = 0;
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) {
    for (const auto& [l, s] : p.meter.by_label) {
      if (l == "bgw.input") input += s.traffic.bytes;
      if (l == "bgw.mult.reshare") mult += s.traffic.bytes;
      if (l == "bgw.output") output += s.traffic.bytes;
    }
    rounds = std::max(rounds, p.meter.max_round);
  }
  EXPECT_EQ(input, 2u * 6 * (6 + 8 * 4));
  EXPECT_EQ(mult, 7u * 6 * (6 + 8 * 1));  // one summed value reshared, not four products
  EXPECT_EQ(output, 7u * 6 * (6 + 8 * 1));
  EXPECT_EQ(rounds, 3u);
}

TEST(BgwSemiHonest, SameSeedSameViewsOtherSeedOtherViewsSameOutputs) {
  testing::CircuitCase cc;
  cc.parties = 5;
  cc.circuit.domain = CircuitDomain::kField61;
  cc.circuit.num_wires = 3;
  cc.circuit.inputs = {{"a", 0, {0}}, {"b", 3, {1}}};
  cc.circuit.gates = {{GateType::kMul, 0, 1, 2, 0}};
  cc.circuit.outputs = {{"ab", {}, {2}}};
  cc.inputs.assign(5, {});
  cc.inputs[0].values = {6};
  cc.inputs[3].values = {7};
  const auto a = run_bgw(cc, 2, 1), b = run_bgw(cc, 2, 1), c = run_bgw(cc, 2, 2);
  for (int p = 0; p < 5; ++p) {
    EXPECT_EQ(a.parties[p].meter.view_digest, b.parties[p].meter.view_digest);
    EXPECT_NE(a.parties[p].meter.view_digest, c.parties[p].meter.view_digest);
    EXPECT_EQ(a.parties[p].outputs, c.parties[p].outputs);
    EXPECT_EQ(a.parties[p].outputs, std::vector<std::uint64_t>{42});
  }
}

}  // namespace
}  // namespace smpc
