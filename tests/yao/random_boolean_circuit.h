// RapidCheck generators for the Yao suites: random two-party Boolean cases (circuits from
// tests/support/random_boolean.h: XOR, AND, INV, EQ, EQW; input groups owned by party 0 or 1;
// output groups for party 0, 1 or both) with random input bits, and the plain-evaluation oracle
// per party.
#pragma once

#include <rapidcheck.h>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "tests/support/random_boolean.h"

namespace smpc::test {

struct BooleanCase {
  Circuit circuit;
  std::vector<std::vector<std::uint64_t>> group_values;  // per input group
  std::vector<PartyInput> inputs;                        // per party (input_wires_of order)
};

// Random two-party Boolean circuits (tests/support/random_boolean.h): also circuits without
// inputs; up to 4 output groups, each for party 0, party 1 or both, with equal odds of the four
// receiver lists {}, {0}, {1}, {0, 1}.
inline constexpr testing::BooleanCircuitShape kCircuitShape{
    .min_input_groups = 0, .max_output_groups = 4, .max_output_width = 3, .late_wires = 6,
    .subset_one_in = 1, .nonempty_subsets = false};

inline std::vector<PartyInput> party_inputs(const Circuit& c,
                                            const std::vector<std::vector<std::uint64_t>>& groups) {
  std::vector<PartyInput> in(2);
  for (std::size_t g = 0; g < c.inputs.size(); ++g) {
    auto& v = in[static_cast<std::size_t>(c.inputs[g].owner)].values;
    v.insert(v.end(), groups[g].begin(), groups[g].end());
  }
  return in;
}

inline BooleanCase gen_boolean_case(int max_gates = 60) {
  BooleanCase bc;
  bc.circuit = testing::gen_boolean_circuit(2, max_gates, kCircuitShape);
  bc.group_values = testing::gen_group_bits(bc.circuit);
  bc.inputs = party_inputs(bc.circuit, bc.group_values);
  return bc;
}

}  // namespace smpc::test
