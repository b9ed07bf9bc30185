// RapidCheck generators for the Yao suites: random two-party Boolean circuits (XOR, AND, INV,
// EQ, EQW; input groups owned by party 0 or 1; output groups for party 0, 1 or both) with
// random input bits, and the plain-evaluation oracle per party.
#pragma once

#include <rapidcheck.h>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"

namespace smpc::test {

struct BooleanCase {
  Circuit circuit;
  std::vector<std::vector<std::uint64_t>> group_values;  // per input group
  std::vector<PartyInput> inputs;                        // per party (input_wires_of order)
};

inline Circuit gen_boolean_circuit(int max_gates = 60) {
  Circuit c;
  c.domain = CircuitDomain::kBoolean;
  const int groups = *rc::gen::inRange(0, 4);
  for (int g = 0; g < groups; ++g) {
    InputGroup grp{"in" + std::to_string(g), *rc::gen::inRange(0, 2), {}};
    const int width = *rc::gen::inRange(1, 7);
    for (int k = 0; k < width; ++k) grp.wires.push_back(c.num_wires++);
    c.inputs.push_back(grp);
  }
  const int gates = *rc::gen::inRange(0, max_gates + 1);
  for (int i = 0; i < gates; ++i) {
    Gate g;
    // Weighted towards AND and XOR, the gates that matter for garbling.
    g.type = c.num_wires == 0
                 ? GateType::kEq
                 : *rc::gen::element(GateType::kAnd, GateType::kAnd, GateType::kAnd, GateType::kXor,
                                     GateType::kXor, GateType::kInv, GateType::kEq, GateType::kEqw);
    if (g.type != GateType::kEq) {
      g.in0 = *rc::gen::inRange<std::uint32_t>(0, c.num_wires);
      g.in1 = gate_arity(g.type) == 2 ? *rc::gen::inRange<std::uint32_t>(0, c.num_wires) : 0;
    } else {
      g.constant = *rc::gen::inRange<std::uint64_t>(0, 2);
    }
    g.out = c.num_wires++;
    c.gates.push_back(g);
  }
  if (c.num_wires == 0) {  // something to output
    c.gates.push_back({GateType::kEq, 0, 0, 0, 1});
    c.num_wires = 1;
  }
  const int outputs = *rc::gen::inRange(1, 5);
  for (int o = 0; o < outputs; ++o) {
    OutputGroup grp{"out" + std::to_string(o), {}, {}};
    const int width = *rc::gen::inRange(1, 4);
    const std::uint32_t lo = c.num_wires > 6 ? c.num_wires - 6 : 0;  // mostly late wires
    for (int k = 0; k < width; ++k)
      grp.wires.push_back(*rc::gen::inRange<std::uint32_t>(lo, c.num_wires));
    grp.receivers = *rc::gen::element(std::vector<PartyId>{}, std::vector<PartyId>{0},
                                      std::vector<PartyId>{1}, std::vector<PartyId>{0, 1});
    c.outputs.push_back(grp);
  }
  return c;
}

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
  bc.circuit = gen_boolean_circuit(max_gates);
  for (const auto& g : bc.circuit.inputs)
    bc.group_values.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
        g.wires.size(), rc::gen::inRange<std::uint64_t>(0, 2)));
  bc.inputs = party_inputs(bc.circuit, bc.group_values);
  return bc;
}

// What party p must receive: plain evaluation, restricted to the groups delivered to p.
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

}  // namespace smpc::test
