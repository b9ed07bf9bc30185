// The function "secure_aggregation": the server (party 0) learns the sum mod 2^k of the vectors
// of the clients that are still there after round 2 of Bonawitz et al.'s protocol, compiled to
// the ideal circuit of protocols/secagg/ideal.h.
//
//   {"name": "secure_aggregation", "bits": k (1 .. 64, default 32),
//    "dropouts": [{"after_round": 0 | 1 | 2, "clients": [u, ...]},
//                 {"after_round": r, "fraction": 0.1, "seed": 1}, ...]}
// Party 0 gives no input ([]); every client gives L >= 1 values below 2^k (the same L for all).
// A client that drops out after round r completes rounds 0 .. r and then sends nothing; a
// "fraction" entry picks round(fraction · N) of the clients not yet dropping, uniformly by a
// ChaCha20 stream under `seed` (so a scenario names the same clients on every machine).
// A client in two entries is an error. Reports show the sum (outputs are stored as
// sum · 2^(64-k), Function::output_shift).
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

Result<Function> build_secure_aggregation(const nlohmann::json& spec,
                                          const std::vector<nlohmann::json>& in);

}  // namespace smpc
