// Half-gates garbling in isolation (no network): garble, hand the evaluator the active input
// labels, evaluate, decode with lsb(W^0): plain evaluation comes out, with exactly two blocks
// per AND gate, whatever the chunking.
#include "protocols/yao/half_gates.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/crypto/block.h"
#include "tests/yao/random_boolean_circuit.h"

namespace smpc {
namespace {

RC_GTEST_PROP(HalfGates, GarbleThenEvaluateEqualsPlainEvaluation, ()) {
  const auto bc = test::gen_boolean_case(120);
  const Circuit& c = bc.circuit;
  RC_ASSERT(c.validate(2).ok());
  const GarblingPlan plan = GarblingPlan::compile(c);
  RC_ASSERT(plan.ands.size() == c.count(GateType::kAnd));
  Rng rng(*rc::gen::arbitrary<std::uint64_t>(), 0, "garbler");
  Block delta = random_block(rng);
  delta[0] |= 1;
  std::vector<Block> zero(plan.label_slots());
  for (const auto& g : c.inputs)
    for (auto w : g.wires) zero[w] = random_block(rng);
  std::vector<Block> active = zero;  // input slots only matter
  for (std::size_t g = 0; g < c.inputs.size(); ++g)
    for (std::size_t k = 0; k < c.inputs[g].wires.size(); ++k)
      if (bc.group_values[g][k])
        active[c.inputs[g].wires[k]] = block_xor(zero[c.inputs[g].wires[k]], delta);

  const std::size_t chunk = *rc::gen::inRange<std::size_t>(1, 40);
  std::vector<std::vector<Block>> chunks;
  garble(plan, delta, zero, chunk, [&](std::span<const Block> t) {
    RC_ASSERT(t.size() % 2 == 0 && t.size() <= 2 * chunk);
    chunks.emplace_back(t.begin(), t.end());
  });
  std::size_t blocks = 0;
  for (const auto& ch : chunks) blocks += ch.size();
  RC_ASSERT(blocks == 2 * c.count(GateType::kAnd));  // exactly two ciphertexts per AND gate

  std::size_t next = 0;
  evaluate(plan, active, [&]() -> std::span<const Block> { return chunks.at(next++); });
  RC_ASSERT(next == chunks.size());
  // Every wire: active = zero-label ⊕ value·Δ; so output decoding recovers the value.
  const auto all = evaluate(c, bc.group_values);
  RC_ASSERT(all.ok());
  std::size_t pos = 0;
  for (const auto& g : c.outputs)
    for (auto w : g.wires) {
      const bool bit = block_lsb(active[w]) != block_lsb(zero[w]);
      RC_ASSERT(static_cast<std::uint64_t>(bit) == (*all)[pos++]);
      RC_ASSERT(active[w] == (bit ? block_xor(zero[w], delta) : zero[w]));
    }
}

TEST(HalfGates, PlanRunsAndGatesLayerByLayer) {
  // (a & b) ^ c, then & d: two AND layers; constants and copies become XORs with fixed slots.
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  c.num_wires = 9;
  c.inputs = {{"x", 0, {0, 1}}, {"y", 1, {2, 3}}};
  c.gates = {{GateType::kAnd, 0, 1, 4, 0},
             {GateType::kXor, 4, 2, 5, 0},
             {GateType::kAnd, 5, 3, 6, 0},
             {GateType::kInv, 6, 0, 7, 0},
             {GateType::kEq, 0, 0, 8, 1}};
  c.outputs = {{"o", {}, {7, 8}}};
  ASSERT_TRUE(c.validate(2).ok());
  const GarblingPlan plan = GarblingPlan::compile(c);
  ASSERT_EQ(plan.ands.size(), 2u);
  EXPECT_EQ(plan.ands[0].out, 4u);
  EXPECT_EQ(plan.ands[1].out, 6u);
  ASSERT_EQ(plan.xors.size(), 3u);
  EXPECT_EQ(plan.label_slots(), 11u);
  // EQ 1 is zero ⊕ delta (garbler Δ, evaluator 0); INV is x ⊕ delta.
  bool saw_eq = false, saw_inv = false;
  for (const auto& x : plan.xors) {
    if (x.out == 8) saw_eq = x.a == plan.zero_slot && x.b == plan.delta_slot;
    if (x.out == 7) saw_inv = x.a == 6 && x.b == plan.delta_slot;
  }
  EXPECT_TRUE(saw_eq);
  EXPECT_TRUE(saw_inv);
  ASSERT_EQ(plan.layers.size(), 3u);
  EXPECT_EQ(plan.layers[1].and_end, 1u);
  EXPECT_EQ(plan.layers[2].and_end, 2u);
}

}  // namespace
}  // namespace smpc
