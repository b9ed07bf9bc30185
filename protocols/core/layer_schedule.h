// Execution order for protocols that interact once per layer of nonlinear gates (BGW, GMW):
// layer ℓ holds the nonlinear gates (AND/MUL) whose output has nonlinear depth ℓ, which can all
// be evaluated in one communication round, followed by the linear gates of depth ℓ, which are
// local. Layer 0 has no nonlinear gates.
#pragma once

#include <cstddef>
#include <vector>

#include "protocols/core/circuit.h"

namespace smpc {

struct CircuitLayer {
  std::vector<std::size_t> nonlinear;  // gate indices, batched into one round
  std::vector<std::size_t> linear;     // gate indices, in topological order
};

// layers.size() == nonlinear_depth(c) + 1.
std::vector<CircuitLayer> layer_schedule(const Circuit& c);

}  // namespace smpc
