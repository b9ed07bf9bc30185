// Execution order for protocols that interact once per layer of nonlinear gates (BGW, GMW):
// layer ℓ holds the nonlinear gates (AND/MUL) whose output has nonlinear depth ℓ, which can all
// be evaluated in one communication round, followed by the linear gates of depth ℓ, which are
// local. Layer 0 has no nonlinear gates.
#pragma once

#include <cstddef>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/ops.h"

namespace smpc {

struct CircuitLayer {
  std::vector<std::size_t> nonlinear;  // gate indices, batched into one round
  std::vector<std::size_t> linear;     // gate indices, in topological order
};

// layers.size() == nonlinear_depth(c) + 1.
std::vector<CircuitLayer> layer_schedule(const Circuit& c);

// The gates a party processes in one layer, as operations (ops.h kGateAnd, kGateXor): called
// once per layer where an engine walks it, so counting costs two adds per layer, not per gate.
inline void count_layer_gates(std::size_t nonlinear, std::size_t linear) noexcept {
  count_op(Op::kGateAnd, nonlinear);
  count_op(Op::kGateXor, linear);
}
inline void count_layer_gates(const CircuitLayer& l) noexcept {
  count_layer_gates(l.nonlinear.size(), l.linear.size());
}

}  // namespace smpc
