// RapidCheck generator of random n-party Boolean circuits that survive a round trip through a
// Bristol Fashion file (to_bristol_fashion), for suites that drive protocols through scenario
// files: XOR, AND, INV, EQ, EQW gates; input groups of 1..6 wires owned by any party; output
// groups of 1..3 wires for every party or a random subset. Plus random group values and the
// plain evaluation per party.
#pragma once

#include <rapidcheck.h>

#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"

namespace smpc::testing {

inline Circuit gen_bristol_circuit(int parties, int max_gates = 40) {
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  // Bristol Fashion needs at least one input group; most parties get one.
  const int groups = *rc::gen::inRange(1, parties + 2);
  for (int g = 0; g < groups; ++g) {
    InputGroup grp{"in" + std::to_string(g), *rc::gen::inRange(0, parties), {}};
    const int width = *rc::gen::inRange(1, 7);
    for (int k = 0; k < width; ++k) grp.wires.push_back(c.num_wires++);
    c.inputs.push_back(grp);
  }
  const int gates = *rc::gen::inRange(0, max_gates + 1);
  for (int i = 0; i < gates; ++i) {
    Gate g;
    // AND and XOR carry the cost and the interaction; weight them.
    g.type = *rc::gen::element(GateType::kAnd, GateType::kAnd, GateType::kAnd, GateType::kXor,
                               GateType::kXor, GateType::kInv, GateType::kEq, GateType::kEqw);
    if (g.type == GateType::kEq) {
      g.constant = *rc::gen::inRange<std::uint64_t>(0, 2);
    } else {
      g.in0 = *rc::gen::inRange<std::uint32_t>(0, c.num_wires);
      g.in1 = gate_arity(g.type) == 2 ? *rc::gen::inRange<std::uint32_t>(0, c.num_wires) : 0;
    }
    g.out = c.num_wires++;
    c.gates.push_back(g);
  }
  const int outputs = *rc::gen::inRange(1, 4);
  for (int o = 0; o < outputs; ++o) {
    OutputGroup grp{"out" + std::to_string(o), {}, {}};
    const int width = *rc::gen::inRange(1, 4);
    const std::uint32_t lo = c.num_wires > 6 ? c.num_wires - 6 : 0;  // mostly late wires
    for (int k = 0; k < width; ++k)
      grp.wires.push_back(*rc::gen::inRange<std::uint32_t>(lo, c.num_wires));
    if (*rc::gen::inRange(0, 3) == 0) {
      for (PartyId p = 0; p < parties; ++p)
        if (*rc::gen::arbitrary<bool>()) grp.receivers.push_back(p);
    }
    c.outputs.push_back(grp);
  }
  return c;
}

inline std::vector<std::vector<std::uint64_t>> gen_group_bits(const Circuit& c) {
  std::vector<std::vector<std::uint64_t>> values;
  for (const auto& g : c.inputs)
    values.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
        g.wires.size(), rc::gen::inRange<std::uint64_t>(0, 2)));
  return values;
}

// Bits (LSB first) as an unsigned integer; at most 64 of them.
inline std::uint64_t bits_value(const std::vector<std::uint64_t>& bits, std::size_t from = 0,
                                std::size_t count = 64) {
  std::uint64_t v = 0;
  for (std::size_t k = 0; k < count && from + k < bits.size(); ++k) v |= bits[from + k] << k;
  return v;
}

}  // namespace smpc::testing
