// Exact cost of semi-honest BGW (bgw_semi_honest.h), in one place: bgw_spec().cost wraps it
// and the tests compare measured runs with the spec.
#pragma once

#include "protocols/core/circuit.h"
#include "protocols/sum/cost.h"

namespace smpc {

// With n parties, I_p inputs of party p, m_ℓ multiplications in layer ℓ of L, O_r outputs of r:
//   "bgw.input"        Σ_{p: I_p>0} (n−1)(6 + 8 I_p)
//   "bgw.mult.reshare" Σ_ℓ n(n−1)(6 + 8 m_ℓ)
//   "bgw.output"       Σ_r (n−1)(6 + 8 O_r)
// rounds: share_layers_open_rounds(c, n, L), i.e. L + 2 with two or more input owners. The
// threshold t changes neither (every party sends a share to every other whatever t is).
ExactCost bgw_cost(const Circuit& c, int parties);

}  // namespace smpc
