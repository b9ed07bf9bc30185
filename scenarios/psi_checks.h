// Checks of psi_dh that play a party with its secrets (protocols/psi/psi.h): what a curious
// receiver can learn in cardinality mode beyond the count.
#pragma once

#include "protocols/core/status.h"

namespace smpc {

struct PsiOrderLeak {
  int trials = 0;
  int guessed = 0;        // trials in which the receiver named the shared element
  double p_value = 1.0;   // P[Bin(trials, 1/8) >= guessed]: the chance of so many lucky guesses
};

// `trials` cardinality-mode runs of psi_dh over LocalNetwork (seeds 1..trials): party 0 holds
// 8 elements, party 1 holds 4 of which exactly one is party 0's (a different one each trial).
// Party 0 follows the protocol (HFH steps 1-3 and 5, with its own exponent and order), then
// guesses the shared element: the one sent at the position where a returned point matches.
// With step 4's shuffle the guess is right with probability 1/8; without it, always.
Result<PsiOrderLeak> psi_cardinality_order_leak(int trials);

}  // namespace smpc
