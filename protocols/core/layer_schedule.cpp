#include "protocols/core/layer_schedule.h"

namespace smpc {

std::vector<CircuitLayer> layer_schedule(const Circuit& c) {
  const auto depth = nonlinear_depths(c);
  std::uint32_t max_depth = 0;
  for (const Gate& g : c.gates) max_depth = std::max(max_depth, depth[g.out]);
  std::vector<CircuitLayer> layers(max_depth + 1);
  // A linear gate of depth ℓ reads wires of depth ≤ ℓ: earlier linear gates of layer ℓ (kept in
  // topological order) or nonlinear gates of layer ℓ (evaluated first), so this order is valid.
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    auto& layer = layers[depth[c.gates[i].out]];
    (gate_is_nonlinear(c.gates[i].type) ? layer.nonlinear : layer.linear).push_back(i);
  }
  return layers;
}

}  // namespace smpc
