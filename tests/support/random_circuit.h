// RapidCheck generators shared by the protocol and property suites: random arithmetic circuits
// over Mersenne-61 with inputs from random parties, bounded multiplicative depth, and outputs
// to everybody or to random subsets; and inputs for them.
#pragma once

#include <rapidcheck.h>

#include <algorithm>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/protocol.h"
#include "protocols/core/share_cost.h"

namespace smpc::testing {

struct CircuitCase {
  int parties = 0;
  Circuit circuit;
  std::vector<PartyInput> inputs;
};

inline std::uint64_t gen_value() {
  // Mix of small values, edge values and uniform field elements.
  return *rc::gen::oneOf(rc::gen::inRange<std::uint64_t>(0, 10),
                         rc::gen::element<std::uint64_t>(0, 1, Fp61::kModulus - 1),
                         rc::gen::map(rc::gen::arbitrary<std::uint64_t>(),
                                      [](std::uint64_t v) { return Fp61::from_u64(v).value(); }));
}

// A random circuit for `parties` parties. linear_only: no MUL (for secure_sum).
inline Circuit gen_circuit(int parties, bool linear_only, std::uint32_t max_depth = 6) {
  Circuit c;
  c.domain = CircuitDomain::kField61;
  std::vector<std::uint32_t> depth;
  const int groups = *rc::gen::inRange(1, parties + 2);
  for (int g = 0; g < groups; ++g) {
    InputGroup grp{"in" + std::to_string(g), *rc::gen::inRange(0, parties), {}};
    const int width = *rc::gen::inRange(1, 4);
    for (int k = 0; k < width; ++k) {
      grp.wires.push_back(c.num_wires++);
      depth.push_back(0);
    }
    c.inputs.push_back(grp);
  }
  const int gates = *rc::gen::inRange(0, 25);
  for (int i = 0; i < gates; ++i) {
    std::vector<GateType> types = {GateType::kAdd, GateType::kSub, GateType::kMulConst,
                                   GateType::kEq};
    if (!linear_only) types.insert(types.end(), 3, GateType::kMul);  // weight multiplications
    Gate g;
    g.type = *rc::gen::elementOf(types);
    g.in0 = *rc::gen::inRange<std::uint32_t>(0, c.num_wires);
    g.in1 = *rc::gen::inRange<std::uint32_t>(0, c.num_wires);
    if (g.type == GateType::kMul && std::max(depth[g.in0], depth[g.in1]) + 1 > max_depth)
      g.type = GateType::kAdd;
    if (g.type == GateType::kEq || g.type == GateType::kMulConst) g.constant = gen_value();
    if (g.type == GateType::kEq) g.in0 = g.in1 = 0;
    if (g.type == GateType::kMulConst) g.in1 = 0;
    g.out = c.num_wires++;
    const std::uint32_t d = g.type == GateType::kEq ? 0
                            : g.type == GateType::kMulConst
                                ? depth[g.in0]
                                : std::max(depth[g.in0], depth[g.in1]);
    depth.push_back(d + (g.type == GateType::kMul ? 1 : 0));
    c.gates.push_back(g);
  }
  const int outputs = *rc::gen::inRange(1, 4);
  for (int o = 0; o < outputs; ++o) {
    OutputGroup grp{"out" + std::to_string(o), {}, {}};
    // Prefer the last wires so that most gates matter.
    const std::uint32_t lo = c.num_wires > 4 ? c.num_wires - 4 : 0;
    grp.wires.push_back(*rc::gen::inRange<std::uint32_t>(lo, c.num_wires));
    if (*rc::gen::inRange(0, 3) == 0) {
      for (PartyId p = 0; p < parties; ++p)
        if (*rc::gen::arbitrary<bool>()) grp.receivers.push_back(p);
      if (grp.receivers.empty()) grp.receivers.push_back(0);
    }
    c.outputs.push_back(grp);
  }
  return c;
}

inline std::vector<PartyInput> gen_inputs(const Circuit& c, int parties) {
  std::vector<PartyInput> in(static_cast<std::size_t>(parties));
  for (PartyId p = 0; p < parties; ++p)
    for (std::size_t k = 0; k < c.input_wires_of(p).size(); ++k)
      in[static_cast<std::size_t>(p)].values.push_back(gen_value());
  return in;
}

inline CircuitCase gen_case(int min_parties, int max_parties, bool linear_only) {
  CircuitCase cc;
  cc.parties = *rc::gen::inRange(min_parties, max_parties + 1);
  cc.circuit = gen_circuit(cc.parties, linear_only);
  cc.inputs = gen_inputs(cc.circuit, cc.parties);
  return cc;
}

// The causal round count of a "share inputs, then one round per nonempty layer, then open
// outputs" protocol: the protocols' own recurrence (protocols/core/share_cost.h), one place for it.
inline std::uint32_t expected_causal_rounds(const Circuit& c, int n, std::size_t layers) {
  return share_layers_open_rounds(c, n, layers);
}

inline int input_owner_count(const Circuit& c, int n) {
  int owners = 0;
  for (PartyId p = 0; p < n; ++p) owners += c.input_wires_of(p).empty() ? 0 : 1;
  return owners;
}

}  // namespace smpc::testing
