// The function "set_intersection": two parties' sets of 64-bit integers or of strings, from the
// scenario or from files, compiled to the ideal circuit of protocols/psi/ideal.h.
//
//   {"name": "set_intersection", "output": "receiver" | "both" | "cardinality",
//    "elements": "integers" | "strings"}
// Each party's input is a list of elements, or {"file": "path"} with one element per line
// (relative to the scenario file; blank lines are skipped; a trailing '\r' is dropped).
// Integers are unsigned 64-bit decimals; a string element is mapped to 64 bits by BLAKE2b
// (domain kSetElementDomain), so two different strings collide with probability 2^-64 per pair
// (for sets of m and k strings, at most m·k·2^-64). A set must be non-empty and hold no
// element twice; the ideal circuit bounds m·k (kMaxIdealPairs).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

inline constexpr std::string_view kSetElementDomain = "smpc-testbed set element v1";

Result<Function> build_set_intersection(const nlohmann::json& spec,
                                        const std::vector<nlohmann::json>& in,
                                        const std::string& base_dir);

// A string element's 64-bit value (what the protocol hashes to the group).
std::uint64_t set_string_value(const std::string& element);

}  // namespace smpc
