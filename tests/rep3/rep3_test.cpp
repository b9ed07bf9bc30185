// rep3 over LocalNetwork and SimNetwork: random Boolean and Z_2^64 circuits against the plain
// evaluation, at exactly rep3_cost's bytes per label and causal rounds (depth + 2); the
// per-multiplication costs the issue names, literally; determinism; the factory's errors.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/rep3/labels.h"
#include "simulator/sim_network.h"
#include "tests/rep3/rep3_test_util.h"

namespace smpc {
namespace {

using rep3_test::Case;

RunResult run_case(const Case& c, std::uint64_t seed) {
  return rep3_test::run_local_case(make_rep3, c, seed);
}

// Outputs equal the plain evaluation's; bytes and rounds equal rep3_cost, and the rounds are
// the multiplicative depth + 2 whenever somebody receives an output.
void check_run(const Case& c, const RunResult& r) {
  const ExactCost cost = rep3_cost(c.circuit);
  rep3_test::check_outputs_and_cost(c, r, cost);
  if (c.circuit.output_count() > 0) RC_ASSERT(cost.rounds == nonlinear_depth(c.circuit) + 2);
}

RC_GTEST_PROP(Rep3Boolean, RandomCircuitsMatchThePlainEvaluationAtTheExactCost, ()) {
  const Case c = rep3_test::gen_boolean();
  check_run(c, run_case(c, *rc::gen::inRange<std::uint64_t>(0, 1u << 30)));
}

RC_GTEST_PROP(Rep3Ring, RandomCircuitsMatchThePlainEvaluationAtTheExactCost, ()) {
  const Case c = rep3_test::gen_ring();
  check_run(c, run_case(c, *rc::gen::inRange<std::uint64_t>(0, 1u << 30)));
}

// Random latencies (0–200 ms per link) on SimNetwork, both domains: the same outputs, bytes and
// rounds, and the simulated time is at least one link latency per causal round.
RC_GTEST_PROP(Rep3Sim, RandomLatenciesChangeNothingButTime, ()) {
  const Case c = *rc::gen::arbitrary<bool>() ? rep3_test::gen_boolean(30) : rep3_test::gen_ring();
  SimRunOptions o;
  o.seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
  o.network.latency_s = *rc::gen::inRange(0, 200001) / 1e6;
  double min_latency = o.network.latency_s;
  if (*rc::gen::arbitrary<bool>()) {
    min_latency = 1;  // every link overridden
    for (PartyId i = 0; i < 3; ++i)
      for (PartyId j = 0; j < 3; ++j)
        if (i != j) {
          const double l = *rc::gen::inRange(0, 200001) / 1e6;
          o.network.overrides.push_back({i, j, l, 1e9});
          min_latency = std::min(min_latency, l);
        }
  }
  o.deadline_s = 600;
  const auto made = make_rep3({}, c.circuit, kRep3Parties);
  RC_ASSERT(made.ok());
  const auto r = run_simulated(kRep3Parties, o, [&](PartyContext& ctx) {
    return (*made)->run(ctx, c.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  RC_ASSERT(r.ok());
  check_run(c, *r);
  RC_ASSERT(r->simulated_time_s + 1e-9 >= rep3_cost(c.circuit).rounds * min_latency);
}

// One layer of k multiplications x_j · y_j, inputs from parties 0 and 1, output to everyone.
Circuit one_layer(CircuitDomain d, std::uint32_t k) {
  Circuit c;
  c.domain = d;
  InputGroup x{"x", 0, {}}, y{"y", 1, {}};
  for (std::uint32_t j = 0; j < k; ++j) x.wires.push_back(c.num_wires++);
  for (std::uint32_t j = 0; j < k; ++j) y.wires.push_back(c.num_wires++);
  OutputGroup out{"z", {}, {}};
  for (std::uint32_t j = 0; j < k; ++j) {
    c.gates.push_back({d == CircuitDomain::kBoolean ? GateType::kAnd : GateType::kMul,
                       x.wires[j], y.wires[j], c.num_wires, 0});
    out.wires.push_back(c.num_wires++);
  }
  c.inputs = {x, y};
  c.outputs = {out};
  return c;
}

// The figures: one ring element (8 B) per party per multiplication, 24 B in all plus
// three 6-byte headers per layer; one bit per party per AND.
TEST(Rep3Cost, OneElementPerPartyPerMultiplication) {
  for (std::uint32_t k : {1u, 7u, 64u, 1000u}) {
    const auto ring = rep3_cost(one_layer(CircuitDomain::kRing64, k));
    EXPECT_EQ(ring.bytes.at(std::string(labels::rep3::kMult)), 24u * k + 3 * 6);
    const auto bits = rep3_cost(one_layer(CircuitDomain::kBoolean, k));
    EXPECT_EQ(bits.bytes.at(std::string(labels::rep3::kMult)), 3 * ((k + 7) / 8 + 6));
    EXPECT_EQ(ring.rounds, 3u);  // keys and inputs, the layer, the outputs
  }
}

// The measured bytes of a 10^3-multiplication layer are the formula's (not only the formula).
TEST(Rep3Cost, MeasuredRingLayer) {
  Case c{one_layer(CircuitDomain::kRing64, 1000), {}};
  c.inputs.resize(3);
  for (std::uint64_t j = 0; j < 1000; ++j) {
    c.inputs[0].values.push_back(~j);
    c.inputs[1].values.push_back(j * 0x9e3779b97f4a7c15ull);
  }
  const auto r = run_case(c, 5);
  const auto got = rep3_test::measured(r);
  EXPECT_EQ(got.bytes.at(std::string(labels::rep3::kMult)), 24u * 1000 + 18);
  for (const auto& p : r.parties)
    for (std::size_t j = 0; j < 1000; ++j)
      ASSERT_EQ(p.outputs[j], c.inputs[0].values[j] * c.inputs[1].values[j]);
}

// Same seed: the same outputs, meters and annotations; another seed: other messages (the PRG
// keys and input shares are fresh), the same outputs.
TEST(Rep3, DeterministicPerSeed) {
  Case c{one_layer(CircuitDomain::kBoolean, 70), {}};
  c.inputs.resize(3);
  for (int j = 0; j < 70; ++j) {
    c.inputs[0].values.push_back(j % 2);
    c.inputs[1].values.push_back(j % 3 == 0);
  }
  const auto a = run_case(c, 11), b = run_case(c, 11), other = run_case(c, 12);
  for (std::size_t p = 0; p < 3; ++p) {
    EXPECT_EQ(a.parties[p].outputs, b.parties[p].outputs);
    EXPECT_EQ(a.parties[p].meter, b.parties[p].meter);
    EXPECT_EQ(a.parties[p].annotations, b.parties[p].annotations);
    EXPECT_EQ(a.parties[p].outputs, other.parties[p].outputs);
  }
  EXPECT_NE(a.parties[1].annotations, other.parties[1].annotations);
}

TEST(Rep3, FactoryErrorsNameThePointer) {
  const Circuit boolean = one_layer(CircuitDomain::kBoolean, 2);
  EXPECT_EQ(make_rep3({}, boolean, 4).status().message(),
            "/parties: rep3 runs with exactly 3 parties, got 4");
  Circuit field = one_layer(CircuitDomain::kField61, 2);
  EXPECT_TRUE(make_rep3({}, field, 3).status().message().starts_with("/function: rep3 evaluates"));
  EXPECT_EQ(make_rep3({{"name", "rep3"}, {"x", 1}}, boolean, 3).status().message(),
            "/protocol/x: not a parameter of rep3 (it takes none)");
  EXPECT_TRUE(make_rep3({{"name", "rep3"}}, boolean, 3).ok());
}

}  // namespace
}  // namespace smpc
