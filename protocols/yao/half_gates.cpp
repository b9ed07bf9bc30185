#include "protocols/yao/half_gates.h"

#include <emmintrin.h>

#include <algorithm>

#include "protocols/core/layer_schedule.h"
#include "protocols/core/linear_shares.h"
#include "protocols/core/status.h"
#include "protocols/crypto/tccr_hash.h"

namespace smpc {
namespace {

// AND gates hashed together: 8 garbler gates = 32 hashes, 16 evaluator gates = 32 hashes, which
// fills the 8 zmm registers of the VAES kernel (aes_kernels.h) per AES pass.
constexpr std::size_t kGarbleBatch = 8;
constexpr std::size_t kEvalBatch = 16;

inline __m128i ld(const Block& b) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data()));
}
inline void st(Block& b, __m128i v) { _mm_storeu_si128(reinterpret_cast<__m128i*>(b.data()), v); }
inline __m128i tweak(std::uint64_t index) {
  return _mm_set_epi64x(static_cast<long long>(kTweakGarbling), static_cast<long long>(index));
}
// All-ones when the colour bit (lsb) of v is set.
inline __m128i lsb_mask(__m128i v) {
  return _mm_set1_epi64x(-static_cast<long long>(_mm_cvtsi128_si32(v) & 1));
}

inline void run_xors(const GarblingPlan& plan, Block* L, std::size_t from, std::size_t to) {
  const GarblingPlan::Op* g = plan.xors.data();
  for (std::size_t k = from; k < to; ++k)
    st(L[g[k].out], _mm_xor_si128(ld(L[g[k].a]), ld(L[g[k].b])));
}

}  // namespace

GarblingPlan GarblingPlan::compile(const Circuit& c) {
  SMPC_ASSERT(c.domain == CircuitDomain::kBoolean);
  GarblingPlan plan;
  plan.num_wires = c.num_wires;
  plan.zero_slot = c.num_wires;
  plan.delta_slot = c.num_wires + 1;
  plan.ands.reserve(c.count(GateType::kAnd));
  plan.xors.reserve(c.gates.size() - c.count(GateType::kAnd));
  for (const CircuitLayer& layer : layer_schedule(c)) {
    for (std::size_t gi : layer.nonlinear) {
      const Gate& g = c.gates[gi];
      SMPC_ASSERT(g.type == GateType::kAnd);
      plan.ands.push_back({g.in0, g.in1, g.out});
    }
    // Every linear gate is one XOR of two slots (INV with Δ, EQW with zero, EQ c of zero with
    // zero or Δ): the Boolean linear-gate helper's form, with slot pairs as values.
    const auto slot = [](std::uint32_t w) { return w; };
    for (std::size_t gi : layer.linear) {
      const Gate& g = c.gates[gi];
      plan.xors.push_back(boolean_linear_gate(
          g, slot, plan.zero_slot, plan.delta_slot,
          [&g](std::uint32_t a, std::uint32_t b) { return GarblingPlan::Op{a, b, g.out}; }));
    }
    plan.layers.push_back({plan.ands.size(), plan.xors.size()});
  }
  return plan;
}

// Walks the plan layer by layer: the layer's AND gates in batches of at most kBatch
// (and_batch(first, n), which hashes a whole batch at once), then its XOR and INV gates, which
// read the ANDs' output labels.
template <std::size_t kBatch, typename AndBatch>
void for_each_layer(const GarblingPlan& plan, Block* L, AndBatch&& and_batch) {
  std::size_t and_pos = 0, xor_pos = 0;
  for (const GarblingPlan::Layer& layer : plan.layers) {
    count_layer_gates(layer.and_end - and_pos, layer.xor_end - xor_pos);
    while (and_pos < layer.and_end) {
      const std::size_t n = std::min(kBatch, layer.and_end - and_pos);
      and_batch(and_pos, n);
      and_pos += n;
    }
    run_xors(plan, L, xor_pos, layer.xor_end);
    xor_pos = layer.xor_end;
  }
}

void garble(const GarblingPlan& plan, const Block& delta, std::span<Block> labels,
            std::size_t chunk_gates, const TableSink& sink) {
  SMPC_ASSERT(labels.size() == plan.label_slots());
  SMPC_ASSERT((delta[0] & 1) == 1);
  SMPC_ASSERT(chunk_gates > 0);
  Block* L = labels.data();
  L[plan.zero_slot].fill(0);
  L[plan.delta_slot] = delta;
  const __m128i D = ld(delta);

  std::vector<Block> out(2 * std::min(chunk_gates, std::max<std::size_t>(plan.ands.size(), 1)));
  std::size_t filled = 0;  // gates in `out`
  Block x[4 * kGarbleBatch], tw[4 * kGarbleBatch], h[4 * kGarbleBatch];
  for_each_layer<kGarbleBatch>(plan, L, [&](std::size_t and_pos, std::size_t n) {
    for (std::size_t t = 0; t < n; ++t) {
      const GarblingPlan::Op& g = plan.ands[and_pos + t];
      const __m128i a0 = ld(L[g.a]), b0 = ld(L[g.b]);
      const std::uint64_t j = and_pos + t;
      st(x[4 * t], a0);
      st(x[4 * t + 1], _mm_xor_si128(a0, D));
      st(x[4 * t + 2], b0);
      st(x[4 * t + 3], _mm_xor_si128(b0, D));
      const __m128i j0 = tweak(2 * j), j1 = tweak(2 * j + 1);
      st(tw[4 * t], j0);
      st(tw[4 * t + 1], j0);
      st(tw[4 * t + 2], j1);
      st(tw[4 * t + 3], j1);
    }
    tccr_hash(std::span<const Block>(x, 4 * n), std::span<const Block>(tw, 4 * n),
              std::span<Block>(h, 4 * n));
    for (std::size_t t = 0; t < n; ++t) {
      const GarblingPlan::Op& g = plan.ands[and_pos + t];
      const __m128i a0 = ld(x[4 * t]), b0 = ld(x[4 * t + 2]);
      const __m128i ha0 = ld(h[4 * t]), ha1 = ld(h[4 * t + 1]);
      const __m128i hb0 = ld(h[4 * t + 2]), hb1 = ld(h[4 * t + 3]);
      const __m128i pa = lsb_mask(a0), pb = lsb_mask(b0);
      // Garbler half gate: T_G = H(A0) ⊕ H(A1) ⊕ p_b·Δ, W_G = H(A0) ⊕ p_a·T_G.
      const __m128i tg = _mm_xor_si128(_mm_xor_si128(ha0, ha1), _mm_and_si128(pb, D));
      const __m128i wg = _mm_xor_si128(ha0, _mm_and_si128(pa, tg));
      // Evaluator half gate: T_E = H(B0) ⊕ H(B1) ⊕ A0, W_E = H(B0) ⊕ p_b·(T_E ⊕ A0).
      const __m128i te = _mm_xor_si128(_mm_xor_si128(hb0, hb1), a0);
      const __m128i we = _mm_xor_si128(hb0, _mm_and_si128(pb, _mm_xor_si128(te, a0)));
      st(L[g.out], _mm_xor_si128(wg, we));
      st(out[2 * filled], tg);
      st(out[2 * filled + 1], te);
      if (++filled == chunk_gates) {
        sink(std::span<const Block>(out.data(), 2 * filled));
        filled = 0;
      }
    }
  });
  if (filled > 0) sink(std::span<const Block>(out.data(), 2 * filled));
}

GarbledAnd garble_and_reference(const Block& a0, const Block& b0, const Block& delta,
                                std::uint64_t j) {
  const Block zero{};
  const Block j0 = tccr_tweak(kTweakGarbling, 2 * j), j1 = tccr_tweak(kTweakGarbling, 2 * j + 1);
  const bool pa = block_lsb(a0), pb = block_lsb(b0);
  const Block ha0 = tccr_hash(a0, j0), ha1 = tccr_hash(block_xor(a0, delta), j0);
  const Block hb0 = tccr_hash(b0, j1), hb1 = tccr_hash(block_xor(b0, delta), j1);
  GarbledAnd g;
  // Garbler half gate: T_G = H(A0) ⊕ H(A1) ⊕ p_b·Δ, W_G = H(A0) ⊕ p_a·T_G.
  g.t_g = block_xor(block_xor(ha0, ha1), pb ? delta : zero);
  const Block wg = block_xor(ha0, pa ? g.t_g : zero);
  // Evaluator half gate: T_E = H(B0) ⊕ H(B1) ⊕ A0, W_E = H(B0) ⊕ p_b·(T_E ⊕ A0).
  g.t_e = block_xor(block_xor(hb0, hb1), a0);
  const Block we = block_xor(hb0, pb ? block_xor(g.t_e, a0) : zero);
  g.out_zero = block_xor(wg, we);
  return g;
}

Block evaluate_and_reference(const Block& a, const Block& b, const Block& t_g, const Block& t_e,
                             std::uint64_t j) {
  const Block zero{};
  const Block wg = block_xor(tccr_hash(a, tccr_tweak(kTweakGarbling, 2 * j)),
                             block_lsb(a) ? t_g : zero);
  const Block we = block_xor(tccr_hash(b, tccr_tweak(kTweakGarbling, 2 * j + 1)),
                             block_lsb(b) ? block_xor(t_e, a) : zero);
  return block_xor(wg, we);
}

void evaluate(const GarblingPlan& plan, std::span<Block> labels, const TableSource& source) {
  SMPC_ASSERT(labels.size() == plan.label_slots());
  Block* L = labels.data();
  L[plan.zero_slot].fill(0);
  L[plan.delta_slot].fill(0);

  std::span<const Block> tables;
  std::size_t pos = 0;  // next unread block of `tables`
  Block x[2 * kEvalBatch], tw[2 * kEvalBatch], h[2 * kEvalBatch];
  for_each_layer<kEvalBatch>(plan, L, [&](std::size_t and_pos, std::size_t n) {
    for (std::size_t t = 0; t < n; ++t) {
      const GarblingPlan::Op& g = plan.ands[and_pos + t];
      const std::uint64_t j = and_pos + t;
      st(x[2 * t], ld(L[g.a]));
      st(x[2 * t + 1], ld(L[g.b]));
      st(tw[2 * t], tweak(2 * j));
      st(tw[2 * t + 1], tweak(2 * j + 1));
    }
    tccr_hash(std::span<const Block>(x, 2 * n), std::span<const Block>(tw, 2 * n),
              std::span<Block>(h, 2 * n));
    for (std::size_t t = 0; t < n; ++t) {
      if (pos == tables.size()) {
        tables = source();
        pos = 0;
        SMPC_ASSERT(!tables.empty() && tables.size() % 2 == 0);
      }
      const __m128i tg = ld(tables[pos]), te = ld(tables[pos + 1]);
      pos += 2;
      const __m128i a = ld(x[2 * t]), b = ld(x[2 * t + 1]);
      // W = H(A) ⊕ s_a·T_G ⊕ H(B) ⊕ s_b·(T_E ⊕ A).
      const __m128i wg = _mm_xor_si128(ld(h[2 * t]), _mm_and_si128(lsb_mask(a), tg));
      const __m128i we =
          _mm_xor_si128(ld(h[2 * t + 1]), _mm_and_si128(lsb_mask(b), _mm_xor_si128(te, a)));
      st(L[plan.ands[and_pos + t].out], _mm_xor_si128(wg, we));
    }
  });
  SMPC_ASSERT(pos == tables.size());
}

}  // namespace smpc
