// Exact cost formulas of protocols that share inputs, run one all-to-all exchange per
// multiplication layer and open outputs, over Mersenne-61 shares (secure_sum, BGW, SPDZ): the
// bytes of a message of k field elements, per-party input and output messages and the causal
// round recurrence. Each protocol's folder writes its own formula with these
// (protocols/<name>/cost.h); its spec exports it (cost_formula_of, protocol_spec.h) and the tests
// compare measured runs with the spec, so each formula is written once.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol_spec.h"

namespace smpc {

struct ExactCost {
  std::map<std::string, std::uint64_t> bytes;  // per message label, summed over all parties
  std::uint32_t rounds = 0;                     // causal rounds (meter.h)
};

// One party's bytes sent and received in a run (the per-party formulas of protocols with roles).
struct PartyCost {
  std::uint64_t sent = 0, received = 0;
};

// A message of k field elements: 6 header bytes + 8 per element.
constexpr std::uint64_t field_message_bytes(std::size_t k) { return 6 + 8 * k; }

// The messages of the form "party p sends its k_p values to each of the n − 1 others" (inputs
// to share) or "each of the n − 1 others sends receiver p its k_p shares" (outputs): adds
// (n − 1)(6 + 8 k_p) under `label` for every p with k_p > 0, k_p = (c.*wires_of)(p).size()
// (Circuit::input_wires_of or Circuit::output_wires_of).
using WiresOf = std::vector<std::uint32_t> (Circuit::*)(PartyId) const;
void add_per_party_messages(ExactCost& e, const std::string& label, const Circuit& c,
                            int parties, WiresOf wires_of);

// Causal rounds of "input owners send shares, then `layers` all-to-all exchanges, then output
// holders receive": from meter.h's definition (a message's round is 1 + the largest round its
// sender had received). L + 2 when two or more parties give inputs; a single owner's first
// message does not wait for anybody, so it can be one less.
std::uint32_t share_layers_open_rounds(const Circuit& c, int parties, std::size_t layers);

}  // namespace smpc
