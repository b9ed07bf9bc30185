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

// Per-label bytes and rounds of one local run, and its outputs.
struct Measured {
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
  std::vector<std::vector<std::uint64_t>> outputs;
};
Measured measure(const testing::CircuitCase& cc, int t) {
  Measured m;
  const auto r = run_bgw(cc, t, 9);
  for (const auto& p : r.parties) {
    for (const auto& [label, s] : p.meter.by_label) m.bytes[label] += s.traffic.bytes;
    m.rounds = std::max(m.rounds, p.meter.max_round);
    m.outputs.push_back(p.outputs);
  }
  return m;
}

// x (party 0) and y, z (party 1); wires 0, 1, 2.
testing::CircuitCase three_inputs(int n) {
  testing::CircuitCase cc;
  cc.parties = n;
  cc.circuit.domain = CircuitDomain::kField61;
  cc.circuit.inputs = {{"x", 0, {0}}, {"yz", 1, {1, 2}}};
  cc.circuit.num_wires = 3;
  cc.inputs.assign(static_cast<std::size_t>(n), {});
  cc.inputs[0].values = {5};
  cc.inputs[1].values = {7, 11};
  return cc;
}
std::uint32_t add_gate(Circuit& c, GateType type, std::uint32_t a, std::uint32_t b,
                       std::uint64_t k = 0) {
  c.gates.push_back({type, a, b, c.num_wires, k});
  return c.num_wires++;
}

// An inner product of any length reshares one value: the layer's bytes do not grow with m.
TEST(BgwSemiHonest, InnerProductCostsOneMultiplicationWhateverItsLength) {
  for (std::uint32_t m : {1u, 2u, 16u, 100u}) {
    testing::CircuitCase cc;
    cc.parties = 5;
    Circuit& c = cc.circuit;
    c.domain = CircuitDomain::kField61;
    std::vector<std::uint32_t> x(m), y(m);
    for (std::uint32_t k = 0; k < m; ++k) x[k] = k, y[k] = m + k;
    c.inputs = {{"x", 0, x}, {"y", 1, y}};
    c.num_wires = 2 * m;
    std::uint32_t acc = add_gate(c, GateType::kMul, x[0], y[0]);
    for (std::uint32_t k = 1; k < m; ++k)
      acc = add_gate(c, GateType::kAdd, acc, add_gate(c, GateType::kMul, x[k], y[k]));
    c.outputs = {{"ip", {}, {acc}}};
    cc.inputs.assign(5, {});
    std::uint64_t expected = 0;
    for (std::uint32_t k = 0; k < m; ++k) {
      cc.inputs[0].values.push_back(k + 1);
      cc.inputs[1].values.push_back(3 * k + 2);
      expected += (k + 1) * (3 * k + 2);
    }
    const auto r = measure(cc, 2);
    for (const auto& o : r.outputs) EXPECT_EQ(o, std::vector<std::uint64_t>{expected}) << m;
    EXPECT_EQ(r.bytes.at("bgw.mult.reshare"), 5u * 4 * (6 + 8)) << m;
    EXPECT_EQ(r.rounds, 3u) << m;
  }
}

// Three different sums of the same two products: resharing the two products is cheaper than
// resharing the three sums, and the plan takes it.
TEST(BgwSemiHonest, SeveralSumsOfFewProductsReshareTheProducts) {
  auto cc = three_inputs(3);
  Circuit& c = cc.circuit;
  const auto p1 = add_gate(c, GateType::kMul, 0, 1), p2 = add_gate(c, GateType::kMul, 0, 2);
  const auto s1 = add_gate(c, GateType::kAdd, p1, p2), s2 = add_gate(c, GateType::kSub, p1, p2);
  const auto two_p2 = add_gate(c, GateType::kMulConst, p2, 0, 2);
  const auto s3 = add_gate(c, GateType::kAdd, p1, two_p2);
  c.outputs = {{"s", {}, {s1, s2, s3}}};
  const auto plan = bgw_reshare_plan(c);
  ASSERT_EQ(plan.size(), 2u);
  EXPECT_EQ(plan[1].reshare, (std::vector<std::uint32_t>{p1, p2}));
  EXPECT_TRUE(plan[1].before.empty());
  const auto r = measure(cc, 1);
  const std::uint64_t a = 35, b = 55;  // x·y, x·z
  for (const auto& o : r.outputs)
    EXPECT_EQ(o, (std::vector<std::uint64_t>{a + b, Fp61::from_i64(static_cast<std::int64_t>(a - b)).value(), a + 2 * b}));
  EXPECT_EQ(r.bytes.at("bgw.mult.reshare"), 3u * 2 * (6 + 8 * 2));
}

// A product read both by a later multiplication and by a local sum: the product is reshared
// for the multiplication; the sum, read by an output, is reshared too (on degree-2t shares,
// before the round), so one round serves both.
TEST(BgwSemiHonest, ProductReadByAMultiplicationAndASum) {
  auto cc = three_inputs(5);
  Circuit& c = cc.circuit;
  const auto p1 = add_gate(c, GateType::kMul, 0, 1), p2 = add_gate(c, GateType::kMul, 0, 2);
  const auto sum = add_gate(c, GateType::kAdd, p1, p2);
  const auto q = add_gate(c, GateType::kMul, p1, 2);
  c.outputs = {{"o", {}, {sum, q}}};
  const auto plan = bgw_reshare_plan(c);
  ASSERT_EQ(plan.size(), 3u);
  EXPECT_EQ(plan[1].reshare, (std::vector<std::uint32_t>{p1, sum}));
  const auto r = measure(cc, 2);
  for (const auto& o : r.outputs) EXPECT_EQ(o, (std::vector<std::uint64_t>{35 + 55, 35 * 11}));
  EXPECT_EQ(r.bytes.at("bgw.mult.reshare"), 5u * 4 * (6 + 8 * 2) + 5u * 4 * (6 + 8));
  EXPECT_EQ(r.rounds, 4u);
}

// A last layer whose product nothing reads reshares nothing and costs no round.
TEST(BgwSemiHonest, AnUnreadProductIsNotReshared) {
  auto cc = three_inputs(3);
  Circuit& c = cc.circuit;
  const auto p1 = add_gate(c, GateType::kMul, 0, 1);
  add_gate(c, GateType::kMul, p1, 2);  // read by nothing
  c.outputs = {{"o", {}, {p1}}};
  const auto r = measure(cc, 1);
  for (const auto& o : r.outputs) EXPECT_EQ(o, std::vector<std::uint64_t>{35});
  EXPECT_EQ(r.bytes.at("bgw.mult.reshare"), 3u * 2 * (6 + 8));
  EXPECT_EQ(r.rounds, 3u);
  const auto f = bgw_formula(c, 3, 1);
  EXPECT_EQ(f.rounds, 3u);
  EXPECT_EQ(f.bytes, r.bytes);
}

}  // namespace
}  // namespace smpc
