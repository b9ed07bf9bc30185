#include "protocols/bgw/reshare_plan.h"

#include <algorithm>
#include <utility>

#include "protocols/core/layer_schedule.h"

namespace smpc {
namespace {

template <class Visit>
void for_each_input(const Gate& g, Visit visit) {
  const int arity = gate_arity(g.type);
  if (arity >= 1) visit(g.in0);
  if (arity >= 2) visit(g.in1);
}

}  // namespace

std::vector<BgwLayerPlan> bgw_reshare_plan(const Circuit& c) {
  const auto depth = nonlinear_depths(c);
  // A wire needs degree t when a multiplication or an output reads it, or a gate of another
  // (later) layer does: high wires stay inside their layer.
  std::vector<bool> needs_low(c.num_wires, false), read(c.num_wires, false);
  for (const auto& group : c.outputs)
    for (auto w : group.wires) needs_low[w] = read[w] = true;
  for (const Gate& g : c.gates)
    for_each_input(g, [&](std::uint32_t w) {
      read[w] = true;
      if (gate_is_nonlinear(g.type) || depth[w] != depth[g.out]) needs_low[w] = true;
    });

  // Only wires of the layer being planned are consulted (same depth), so one array serves all.
  std::vector<bool> high(c.num_wires, false), reshared(c.num_wires, false);
  std::vector<BgwLayerPlan> plans;
  for (const CircuitLayer& layer : layer_schedule(c)) {
    BgwLayerPlan fused, product;
    fused.products = product.products = layer.nonlinear;
    product.after = layer.linear;
    std::vector<std::pair<std::size_t, std::uint32_t>> fused_reshare;  // (gate, wire)
    for (std::size_t gi : layer.nonlinear) {
      const std::uint32_t w = c.gates[gi].out;
      high[w] = true;
      reshared[w] = needs_low[w];
      if (reshared[w]) fused_reshare.emplace_back(gi, w);
      if (read[w]) product.reshare.push_back(w);
    }
    bool any_high_linear = false;
    for (std::size_t gi : layer.linear) {
      const Gate& g = c.gates[gi];
      bool h = false;
      for_each_input(g, [&](std::uint32_t w) {
        h = h || (depth[w] == depth[g.out] && high[w] && !reshared[w]);
      });
      high[g.out] = h;
      reshared[g.out] = h && needs_low[g.out];
      if (reshared[g.out]) fused_reshare.emplace_back(gi, g.out);
      if (!h) fused.after.push_back(gi);
      any_high_linear = any_high_linear || h;
    }
    std::sort(fused_reshare.begin(), fused_reshare.end());
    for (const auto& [gi, w] : fused_reshare) fused.reshare.push_back(w);
    if (any_high_linear) fused.before = layer.linear;
    plans.push_back(fused.reshare.size() <= product.reshare.size() ? std::move(fused)
                                                                   : std::move(product));
  }
  return plans;
}

}  // namespace smpc
