// Extra plain evaluators, all equal to evaluate() (the ideal functionality) where they apply:
//   evaluate_packed   64 independent evaluations of a Boolean circuit at once (bit-sliced);
//                     for random testing (sha256: 64 blocks in about the time of one).
//   evaluate_bounded  memory-bounded evaluation with the wire slots of assign_wire_slots():
//                     memory is num_slots values instead of num_wires.
#pragma once

#include <cstdint>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/status.h"

namespace smpc {

// Boolean circuits only. inputs[g][i] is a 64-bit word for wire i of input group g: bit j of
// the word is that wire's value in evaluation j. Returns one word per output wire, in group
// order (like evaluate()).
Result<std::vector<std::uint64_t>> evaluate_packed(
    const Circuit& c, const std::vector<std::vector<std::uint64_t>>& inputs);

// Same contract as evaluate(), using `slots` (from assign_wire_slots(c)) for storage.
Result<std::vector<std::uint64_t>> evaluate_bounded(
    const Circuit& c, const WireSlots& slots,
    const std::vector<std::vector<std::uint64_t>>& inputs);

}  // namespace smpc
