// RapidCheck generators of random n-party Boolean circuits: XOR, AND, INV, EQ, EQW gates (weighted
// towards AND, operands anywhere, so depth and layer widths vary); input groups of 1..6 wires
// owned by any party; output groups, mostly of late wires, for every party or a random subset.
// gen_bristol_circuit's circuits survive a round trip through a Bristol Fashion file
// (to_bristol_fashion), for suites that drive protocols through scenario files; other suites
// (GMW, Yao) choose a BooleanCircuitShape of their own. Plus random group values and the plain
// evaluation per party.
#pragma once

#include <rapidcheck.h>

#include <cstdint>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"

namespace smpc::testing {

// The knobs in which the suites' circuits differ. The defaults are Bristol Fashion's.
struct BooleanCircuitShape {
  // 0 also gives circuits without inputs (then constant gates come first); Bristol Fashion
  // needs at least one input group.
  int min_input_groups = 1;
  int max_output_groups = 3;
  int max_output_width = 3;
  // Output wires come from the last `late_wires` wires (when there are more).
  std::uint32_t late_wires = 6;
  // An output group goes to a random subset of the parties in 1 of `subset_one_in` cases (1:
  // always), otherwise to everybody.
  int subset_one_in = 3;
  // An empty random subset becomes one random party; otherwise it means everybody.
  bool nonempty_subsets = false;
};

inline Circuit gen_boolean_circuit(int parties, int max_gates, const BooleanCircuitShape& shape) {
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  const int groups = *rc::gen::inRange(shape.min_input_groups, parties + 2);
  for (int g = 0; g < groups; ++g) {
    InputGroup grp{"in" + std::to_string(g), *rc::gen::inRange(0, parties), {}};
    const int width = *rc::gen::inRange(1, 7);
    for (int k = 0; k < width; ++k) grp.wires.push_back(c.num_wires++);
    c.inputs.push_back(grp);
  }
  const int gates = *rc::gen::inRange(0, max_gates + 1);
  for (int i = 0; i < gates; ++i) {
    Gate g;
    // AND and XOR carry the cost and the interaction; weight them. Without any wire yet, only a
    // constant.
    g.type = c.num_wires == 0
                 ? GateType::kEq
                 : *rc::gen::element(GateType::kAnd, GateType::kAnd, GateType::kAnd, GateType::kXor,
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
  if (c.num_wires == 0) {  // no inputs and no gates: something to output
    c.gates.push_back({GateType::kEq, 0, 0, 0, 1});
    c.num_wires = 1;
  }
  const int outputs = *rc::gen::inRange(1, shape.max_output_groups + 1);
  for (int o = 0; o < outputs; ++o) {
    OutputGroup grp{"out" + std::to_string(o), {}, {}};
    const int width = *rc::gen::inRange(1, shape.max_output_width + 1);
    const std::uint32_t lo = c.num_wires > shape.late_wires ? c.num_wires - shape.late_wires : 0;
    for (int k = 0; k < width; ++k)
      grp.wires.push_back(*rc::gen::inRange<std::uint32_t>(lo, c.num_wires));
    if (shape.subset_one_in <= 1 || *rc::gen::inRange(0, shape.subset_one_in) == 0) {
      for (PartyId p = 0; p < parties; ++p)
        if (*rc::gen::arbitrary<bool>()) grp.receivers.push_back(p);
      if (shape.nonempty_subsets && grp.receivers.empty())
        grp.receivers.push_back(*rc::gen::inRange(0, parties));
    }
    c.outputs.push_back(grp);
  }
  return c;
}

inline Circuit gen_bristol_circuit(int parties, int max_gates = 40) {
  return gen_boolean_circuit(parties, max_gates, BooleanCircuitShape{});
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

// What party p must receive: plain evaluation of the groups' values, restricted to the output
// groups delivered to p (independent of how a protocol splits inputs among parties).
inline std::vector<std::uint64_t> expected_outputs(
    const Circuit& c, const std::vector<std::vector<std::uint64_t>>& groups, PartyId p) {
  const auto all = evaluate(c, groups);
  RC_ASSERT(all.ok());
  std::vector<std::uint64_t> out;
  std::size_t pos = 0;
  for (const auto& g : c.outputs) {
    if (g.delivered_to(p))
      out.insert(out.end(), all->begin() + static_cast<std::ptrdiff_t>(pos),
                 all->begin() + static_cast<std::ptrdiff_t>(pos + g.wires.size()));
    pos += g.wires.size();
  }
  return out;
}

}  // namespace smpc::testing
