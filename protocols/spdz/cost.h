// Exact cost of the SPDZ online phase (the step table of spdz.h), in one place: spdz_spec().cost
// wraps it and the tests compare measured runs with the spec.
#pragma once

#include "protocols/core/circuit.h"
#include "protocols/core/share_cost.h"

namespace smpc {

// Bytes per label of spdz.h's steps 0-5 for n parties and k MAC keys; rounds L + 10 (the
// generated and example circuits all have some input owner, which spdz.h's count assumes).
ExactCost spdz_cost(const Circuit& c, int parties, int mac_keys);

}  // namespace smpc
