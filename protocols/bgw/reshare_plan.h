// Which wires semi-honest BGW reshares in each multiplication layer (bgw_semi_honest.h).
//
// A product share d = a·b lies on a degree-2t polynomial, and so does any linear combination of
// such shares (and of degree-t shares): local linear gates work on degree-2t shares as well as
// on degree-t ones, and 2t ≤ n − 1 points still determine them. Only a value that must have
// degree t, because a multiplication or an output reads it, needs the resharing round. So an
// inner product Σ a_k·b_k of length m reshares one locally summed value, not m products: one
// multiplication's communication, as in Damgård–Nielsen (CRYPTO 2007, §4) and every Shamir
// framework since.
//
// Per layer ℓ (layer_schedule.h), two plans, the cheaper one taken (the fused one on a tie):
//   fused:   a product of layer ℓ is "high" (degree 2t); a linear gate of layer ℓ is high when
//            it reads a high wire that is not reshared; a high wire is reshared when a
//            multiplication, an output, or a gate of a later layer reads it;
//   product: every product of layer ℓ that anything reads is reshared (the textbook order),
//            every linear gate of the layer is evaluated afterwards.
// High wires never leave their layer, so layers are planned independently. A product nothing
// reads is never reshared, and a layer with nothing to reshare sends nothing (one round fewer).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "protocols/core/circuit.h"

namespace smpc {

struct BgwLayerPlan {
  std::vector<std::size_t> products;   // the layer's multiplication gates, in gate order
  std::vector<std::size_t> before;     // linear gates evaluated on degree-2t shares before the round
  std::vector<std::uint32_t> reshare;  // wires reshared in this layer's round, in gate order
  std::vector<std::size_t> after;      // linear gates evaluated after the round (degree-t inputs)
};

// One entry per layer of layer_schedule(c), layer 0 (linear gates only) included.
std::vector<BgwLayerPlan> bgw_reshare_plan(const Circuit& c);

}  // namespace smpc
