#include "protocols/sum/cost.h"
#include "protocols/sum/labels.h"

namespace smpc {

ExactCost secure_sum_cost(const Circuit& c, int parties) {
  ExactCost e;
  add_per_party_messages(e, std::string(labels::sum::kShare), c, parties, &Circuit::input_wires_of);
  add_per_party_messages(e, std::string(labels::sum::kOpen), c, parties, &Circuit::output_wires_of);
  e.rounds = share_layers_open_rounds(c, parties, 0);
  return e;
}

}  // namespace smpc
