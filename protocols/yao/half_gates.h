// Half-gates garbling: Zahur, Rosulek, Evans, "Two Halves Make a Whole: Reducing Data Transfer
// in Garbled Circuits using Half Gates" (EUROCRYPT 2015, eprint 2014/756), Fig. 2, with
// free-XOR (Kolesnikov–Schneider 2008) and point-and-permute: two 16-byte ciphertexts per AND
// gate, nothing for XOR, INV, EQ (constants) or EQW (copies).
//
// Labels: every wire w has a zero-label W_w^0 (garbler) and W_w^1 = W_w^0 ⊕ Δ with a global Δ
// whose lsb is 1, so the lsb of the label the evaluator holds (its "colour") is the wire value
// masked by p_w = lsb(W_w^0). H is tccr_hash.h (TMMO, GKWY) with tweak (kTweakGarbling, ·).
//
// AND gate number j in plan order (tweaks j0 = 2j, j1 = 2j + 1), inputs a, b, output c:
//   garbler   p_a = lsb(W_a^0), p_b = lsb(W_b^0)
//             T_G = H(W_a^0, j0) ⊕ H(W_a^1, j0) ⊕ p_b·Δ
//             W_G^0 = H(W_a^0, j0) ⊕ p_a·T_G
//             T_E = H(W_b^0, j1) ⊕ H(W_b^1, j1) ⊕ W_a^0
//             W_E^0 = H(W_b^0, j1) ⊕ p_b·(T_E ⊕ W_a^0)
//             W_c^0 = W_G^0 ⊕ W_E^0; the table is (T_G, T_E).
//   evaluator s_a = lsb(W_a), s_b = lsb(W_b):
//             W_c = H(W_a, j0) ⊕ s_a·T_G  ⊕  H(W_b, j1) ⊕ s_b·(T_E ⊕ W_a)
// Linear gates: XOR W_c = W_a ⊕ W_b (both parties); INV: garbler W_c^0 = W_a^0 ⊕ Δ, evaluator
// copies; EQW copies; EQ c (a public constant): the evaluator's label is the public all-zero
// block and the garbler sets W^0 = c·Δ, so no ciphertext is needed (the other label, Δ ⊕ 0,
// stays secret). To keep the inner loop branch-free every linear gate is an XOR with one of two
// extra label slots: "zero" (always 0) and "delta" (Δ for the garbler, 0 for the evaluator).
//
// Order: gates run layer by layer (layer_schedule.h): the AND gates of one AND-depth layer are
// independent, so a batch of them is hashed together, which keeps the AES unit busy (aes.h).
// Both parties use the same plan, so table j always belongs to the same gate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/message.h"
#include "protocols/crypto/block.h"

namespace smpc {

struct GarblingPlan {
  // A gate as the garbling loops see it: two input slots and an output slot.
  struct Op {
    std::uint32_t a = 0, b = 0, out = 0;
  };
  struct Layer {
    std::size_t and_end = 0;  // ands[previous and_end .. and_end) run first
    std::size_t xor_end = 0;  // then xors[previous xor_end .. xor_end)
  };

  // Requires a Boolean circuit that passes validate().
  static GarblingPlan compile(const Circuit& c);

  std::size_t label_slots() const { return static_cast<std::size_t>(num_wires) + 2; }

  std::uint32_t num_wires = 0;
  std::uint32_t zero_slot = 0;   // = num_wires: always the zero block
  std::uint32_t delta_slot = 0;  // = num_wires + 1: Δ (garbler) / zero (evaluator)
  std::vector<Op> ands;          // in garbling order; table j belongs to ands[j]
  std::vector<Op> xors;          // every linear gate, as an XOR of two slots
  std::vector<Layer> layers;
};

// Receives the tables in order, in chunks of at most the requested number of gates (2 blocks
// per gate); the span is valid only during the call.
using TableSink = std::function<void(std::span<const Block>)>;
// Returns the next chunk of tables (a non-empty, even number of blocks); the span must stay
// valid until the next call.
using TableSource = std::function<std::span<const Block>()>;

// Garbler. labels.size() == plan.label_slots(); the caller has set the zero-label of every input
// wire; delta has lsb 1. On return labels holds every wire's zero-label.
void garble(const GarblingPlan& plan, const Block& delta, std::span<Block> labels,
            std::size_t chunk_gates, const TableSink& sink);

// Scalar reference of one AND gate, number j in plan order: the formulas above, one hash at a
// time and nothing else. garble/evaluate compute the same in batches with SIMD; the tests hold
// both to this (and this to known answers).
struct GarbledAnd {
  Block t_g, t_e;  // the table
  Block out_zero;  // W_c^0
};
GarbledAnd garble_and_reference(const Block& a0, const Block& b0, const Block& delta,
                                std::uint64_t j);
Block evaluate_and_reference(const Block& a, const Block& b, const Block& t_g, const Block& t_e,
                             std::uint64_t j);

// Evaluator. The caller has set the active label of every input wire; on return labels holds
// every wire's active label. The source must deliver exactly plan.ands.size() gates in total.
void evaluate(const GarblingPlan& plan, std::span<Block> labels, const TableSource& source);

}  // namespace smpc
