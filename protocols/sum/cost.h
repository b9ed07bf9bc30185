// Exact cost of secure_sum (secure_sum.h), from the shared pieces of protocols/core/share_cost.h.
#pragma once

#include "protocols/core/share_cost.h"

namespace smpc {

// Σ_{p: I_p>0} (n−1)(6 + 8 I_p) bytes of "sum.share", Σ_r (n−1)(6 + 8 O_r) of "sum.open",
// share_layers_open_rounds with no layers.
ExactCost secure_sum_cost(const Circuit& c, int parties);

}  // namespace smpc
