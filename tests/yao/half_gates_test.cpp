// Half-gates garbling in isolation (no network): garble, hand the evaluator the active input
// labels, evaluate, decode with lsb(W^0): plain evaluation comes out, with exactly two blocks
// per AND gate, whatever the chunking.
#include "protocols/yao/half_gates.h"

#include <string>

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/crypto/block.h"
#include "protocols/crypto/tccr_hash.h"
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

// Known answers for one AND gate, computed outside this code base from the definitions alone
// (Python: hashlib + the `cryptography` package's AES-128-ECB), so a bug shared by the scalar
// reference and the SIMD garbler cannot hide:
//   π   = AES-128 under key BLAKE2b-128("smpc-testbed/fixed-key-aes/v1")
//       = bcfdf41b10b3ba87625c42d630bb062b (aes.h);
//   H(x, i) = π(π(x) ⊕ i) ⊕ π(x) (tccr_hash.h, TMMO);
//   blocks are little-endian (lo, hi) u64 pairs (block_from_u64);
//   gate j = 3: tweaks j0 = (6, "garble01"), j1 = (7, "garble01") (half_gates.h);
//   Δ = (0x1111111111111111, 0x2222222222222222), A0 = (3, 0), B0 = (5, 7): p_a = p_b = 1.
// Step by step (hex of the 16 bytes):
//   H(A0, j0)     = b75f39d1c5b0347586551076307761e5
//   H(A0 ⊕ Δ, j0) = 27314119554e6e218817c1931fe81457
//   H(B0, j1)     = 9e7917187c7a15b1d4756185c5ee2ffa
//   H(B0 ⊕ Δ, j1) = a3b5d65cd86e98d28db87d41788e3062
//   T_G = H(A0) ⊕ H(A1) ⊕ p_b·Δ                    = 817f69d981ef4b452c60f3c70dbd5790
//   W_G = H(A0) ⊕ p_a·T_G                          = 36205008445f7f30aa35e3b13dca3675
//   T_E = H(B0) ⊕ H(B1) ⊕ A0                       = 3eccc144a4148d6359cd1cc4bd601f98
//   W_E = H(B0) ⊕ p_b·(T_E ⊕ A0) = H(B1)           = a3b5d65cd86e98d28db87d41788e3062
//   W_c^0 = W_G ⊕ W_E                              = 959586549c31e7e2278d9ef045440617
//   W_c^1 = W_c^0 ⊕ Δ                              = 848497458d20f6f305afbcd267662435
Block from_hex(const char* hex) {
  Block b{};
  for (std::size_t i = 0; i < b.size(); ++i)
    b[i] = static_cast<std::uint8_t>(std::stoi(std::string(hex + 2 * i, 2), nullptr, 16));
  return b;
}

struct KnownGate {
  Block delta = block_from_u64(0x1111111111111111, 0x2222222222222222);
  Block a0 = block_from_u64(3, 0), b0 = block_from_u64(5, 7);
  std::uint64_t j = 3;
  Block t_g = from_hex("817f69d981ef4b452c60f3c70dbd5790");
  Block t_e = from_hex("3eccc144a4148d6359cd1cc4bd601f98");
  Block out0 = from_hex("959586549c31e7e2278d9ef045440617");
  Block out1 = from_hex("848497458d20f6f305afbcd267662435");
};

TEST(HalfGates, ScalarReferenceMatchesKnownAnswers) {
  const KnownGate k;
  EXPECT_EQ(tccr_hash(k.a0, tccr_tweak(kTweakGarbling, 6)),
            from_hex("b75f39d1c5b0347586551076307761e5"));
  const GarbledAnd g = garble_and_reference(k.a0, k.b0, k.delta, k.j);
  EXPECT_EQ(g.t_g, k.t_g);
  EXPECT_EQ(g.t_e, k.t_e);
  EXPECT_EQ(g.out_zero, k.out0);
  // The evaluator gets W^{a∧b} from every pair of input labels.
  for (int va = 0; va < 2; ++va)
    for (int vb = 0; vb < 2; ++vb) {
      const Block a = va ? block_xor(k.a0, k.delta) : k.a0;
      const Block b = vb ? block_xor(k.b0, k.delta) : k.b0;
      EXPECT_EQ(evaluate_and_reference(a, b, k.t_g, k.t_e, k.j), va && vb ? k.out1 : k.out0)
          << va << vb;
    }
}

TEST(HalfGates, BatchedGarblerMatchesKnownAnswers) {
  // Gate 3 of a plan of four independent AND gates is the known gate.
  const KnownGate k;
  Circuit c;
  c.num_wires = 12;
  c.inputs = {{"x", 0, {0, 1, 2, 3}}, {"y", 1, {4, 5, 6, 7}}};
  for (std::uint32_t i = 0; i < 4; ++i) c.gates.push_back({GateType::kAnd, i, 4 + i, 8 + i, 0});
  c.outputs = {{"o", {}, {8, 9, 10, 11}}};
  ASSERT_TRUE(c.validate(2).ok());
  const GarblingPlan plan = GarblingPlan::compile(c);
  ASSERT_EQ(plan.ands[3].out, 11u);
  std::vector<Block> labels(plan.label_slots());
  for (std::uint32_t w = 0; w < 8; ++w) labels[w] = block_from_u64(w + 100, w);
  labels[3] = k.a0;
  labels[7] = k.b0;
  std::vector<Block> tables;
  garble(plan, k.delta, labels, 3, [&](std::span<const Block> t) {
    tables.insert(tables.end(), t.begin(), t.end());
  });
  ASSERT_EQ(tables.size(), 8u);
  EXPECT_EQ(tables[6], k.t_g);
  EXPECT_EQ(tables[7], k.t_e);
  EXPECT_EQ(labels[11], k.out0);
}

// The SIMD garbler and evaluator equal the scalar reference gate by gate, on random labels,
// Δ and plans of independent AND gates (batch boundaries and tails included).
RC_GTEST_PROP(HalfGates, BatchedGarblingEqualsScalarReference, ()) {
  const auto m = *rc::gen::inRange<std::uint32_t>(1, 40);
  Circuit c;
  c.num_wires = 3 * m;
  c.inputs = {{"x", 0, {}}, {"y", 1, {}}};
  for (std::uint32_t i = 0; i < m; ++i) {
    c.inputs[0].wires.push_back(i);
    c.inputs[1].wires.push_back(m + i);
    c.gates.push_back({GateType::kAnd, i, m + i, 2 * m + i, 0});
  }
  c.outputs = {{"o", {}, {}}};
  for (std::uint32_t i = 0; i < m; ++i) c.outputs[0].wires.push_back(2 * m + i);
  RC_ASSERT(c.validate(2).ok());
  const GarblingPlan plan = GarblingPlan::compile(c);
  Rng rng(*rc::gen::arbitrary<std::uint64_t>(), 0, "reference");
  Block delta = random_block(rng);
  delta[0] |= 1;
  std::vector<Block> zero(plan.label_slots());
  for (std::uint32_t w = 0; w < 2 * m; ++w) zero[w] = random_block(rng);
  std::vector<Block> active = zero;
  for (std::uint32_t w = 0; w < 2 * m; ++w)
    if (rng.next_bit()) active[w] = block_xor(zero[w], delta);
  const std::vector<Block> inputs = zero;
  std::vector<Block> tables;
  garble(plan, delta, zero, *rc::gen::inRange<std::size_t>(1, 20),
         [&](std::span<const Block> t) { tables.insert(tables.end(), t.begin(), t.end()); });
  RC_ASSERT(tables.size() == 2 * static_cast<std::size_t>(m));
  bool handed_out = false;
  evaluate(plan, active, [&]() -> std::span<const Block> {
    RC_ASSERT(!handed_out);
    handed_out = true;
    return tables;
  });
  for (std::uint32_t j = 0; j < m; ++j) {
    const auto& op = plan.ands[j];
    const GarbledAnd ref = garble_and_reference(inputs[op.a], inputs[op.b], delta, j);
    RC_ASSERT(tables[2 * j] == ref.t_g);
    RC_ASSERT(tables[2 * j + 1] == ref.t_e);
    RC_ASSERT(zero[op.out] == ref.out_zero);
    RC_ASSERT(active[op.out] ==
              evaluate_and_reference(active[op.a], active[op.b], ref.t_g, ref.t_e, j));
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
