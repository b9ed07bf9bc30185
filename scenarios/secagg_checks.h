// Checks of secagg that play a party with its secrets (protocols/secagg/secagg.h).
#pragma once

#include "protocols/core/status.h"

namespace smpc {

struct SecAggLateInput {
  int trials = 0;
  int unmasked = 0;  // trials in which the server recovered x_u
};

// Bonawitz et al.'s reason for two masks: a client's masked input y_u may reach the server after
// the server has given up on it and had the others reveal its key s_u^SK; the self mask
// PRG(b_u) must then still hide x_u. For `trials` seeds: 4 clients' keys, client 1's y_u
// computed by the code the client runs (secagg_masked_input), then what that server can do:
// remove every pairwise mask with s_u^SK and compare with x_u (16 values of 32 bits; a match
// by chance has probability 2^-512).
SecAggLateInput secagg_late_input_leak(int trials);

}  // namespace smpc
