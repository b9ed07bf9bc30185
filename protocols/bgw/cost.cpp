#include "protocols/bgw/cost.h"

#include "protocols/core/layer_schedule.h"

namespace smpc {

ExactCost bgw_cost(const Circuit& c, int parties) {
  ExactCost e;
  const auto peers = static_cast<std::uint64_t>(parties - 1);
  for (PartyId p = 0; p < parties; ++p) {
    if (const auto ip = c.input_wires_of(p).size(); ip > 0)
      e.bytes["bgw.input"] += peers * field_message_bytes(ip);
    if (const auto op = c.output_wires_of(p).size(); op > 0)
      e.bytes["bgw.output"] += peers * field_message_bytes(op);
  }
  std::size_t mult_layers = 0;
  for (const auto& l : layer_schedule(c)) {
    if (l.nonlinear.empty()) continue;
    e.bytes["bgw.mult.reshare"] += static_cast<std::uint64_t>(parties) * peers *
                                   field_message_bytes(l.nonlinear.size());
    ++mult_layers;
  }
  e.rounds = share_layers_open_rounds(c, parties, mult_layers);
  return e;
}

}  // namespace smpc
