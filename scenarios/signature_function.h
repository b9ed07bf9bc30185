// The function "threshold_signature": the coordinator (party 0) gets a Schnorr signature of each
// message under a group key that every party gets, compiled to the carrier circuit of
// protocols/frost/ideal.h (protocol frost).
//
//   {"name": "threshold_signature", "messages": ["text", ...], "signers": [1, 3, ...]}
// Every party gives no input ([]). "signers" are participants (parties 1..n), default all of
// them; "messages" at least one string, signed as its UTF-8 bytes, in order.
//
// A signature has many correct values, so honest outputs are judged by a predicate
// (Function::output_check, verify/verdict.h), not compared with the circuit's placeholders:
// an honest party's output is correct when its group key is a valid ristretto255 encoding equal
// to the key of every other honest party with output and, for the coordinator, every signature
// verifies as plain Schnorr (RFC 9591 Appendix B) under that key over its message.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

Result<Function> build_threshold_signature(const nlohmann::json& spec,
                                           const std::vector<nlohmann::json>& in);

// The named outputs: "group_public_key" and "signature_j" as lowercase hex.
nlohmann::ordered_json describe_signature_outputs(const Function& f, PartyId party,
                                                  const std::vector<std::uint64_t>& values);

}  // namespace smpc
