// The functions "logistic_regression" and "mlp": private inference on SPDZ or BGW, fixed-point
// arithmetic (protocols/fixedpoint/; docs/applications.md "Private inference").
//
//   {"name": "logistic_regression" | "mlp", "model": "<file.json>" | {inline model}, "f": 12}
// Roles: party 0 is the model owner (its input is the model: the weights file, or the inline
// weights; it gives [] under /inputs), party 1 the data owner (its features, as numbers in
// decimal strings such as "-1.25" or integers); any other party gives [] and only computes.
// Programs take no client inputs, so both owners are computing parties. Output: "score" to the
// data owner, the fixed-point σ(logit) shown as a decimal (scale 2^f).
//
// The program is carried in the circuit (fx::carrier_circuit); spdz (with the dealer) and bgw
// (bgw_program.h: the parties make the masks) run it. The score is
// randomized by the truncations' rounding, so the verdict judges it with a predicate: party
// p's score must equal the fixed-point reference replayed from the opened truncation values p
// recorded (fx::evaluate_opened), on the true inputs, or on the corrupted owners' inputs
// extracted from the run (the protocol's extractor: spdz's ε + r, bgw's Shamir interpolation).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

// `protocol` ("spdz", "bgw", or empty: spdz) picks the extractor of corrupted owners' inputs.
Result<Function> build_inference(const nlohmann::json& spec, const std::vector<nlohmann::json>& in,
                                 int parties, const std::string& base_dir,
                                 const std::string& protocol = "");

// {"score": decimal} (and {"score_fixed": integer}) for the data owner.
nlohmann::ordered_json describe_inference_outputs(const Function& f, PartyId party,
                                                  const std::vector<std::uint64_t>& values);

}  // namespace smpc
