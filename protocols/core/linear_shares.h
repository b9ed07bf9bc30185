// Local evaluation of linear gates on shares, common to every linear secret-sharing scheme
// (additive, Shamir, SPDZ's authenticated shares, robust BGW's rows): ADD, SUB, MUL_CONST act on
// shares directly; a constant c becomes the share `constant_share(c)` (c itself for Shamir, c at
// party 0 and 0 elsewhere for additive).
#pragma once

#include <vector>

#include "protocols/core/abort.h"
#include "protocols/core/circuit.h"
#include "protocols/core/field.h"

namespace smpc {

// The share type's three linear operations: combine(a, b, s) = a + s·b, scale(a, c) = c·a,
// constant_share(c) = a sharing of the public c. Reads only the wires the gate has (its
// arity), so unused input fields are never dereferenced.
template <typename Share, typename Combine, typename Scale, typename ConstantShare>
Share linear_gate(const Gate& g, const std::vector<Share>& wire, Combine combine, Scale scale,
                  ConstantShare constant_share) {
  switch (g.type) {
    case GateType::kAdd: return combine(wire[g.in0], wire[g.in1], Fp61::from_u64(1));
    case GateType::kSub: return combine(wire[g.in0], wire[g.in1], -Fp61::from_u64(1));
    case GateType::kMulConst: return scale(wire[g.in0], Fp61::from_u64(g.constant));
    case GateType::kEqw: return wire[g.in0];
    case GateType::kEq: return constant_share(Fp61::from_u64(g.constant));
    default: break;
  }
  SMPC_ASSERT(false && "nonlinear or Boolean gate in an arithmetic linear evaluation");
  return Share();
}

// One field element per share (Shamir, additive).
template <typename ConstantShare>
Fp61 linear_gate_share(const Gate& g, const std::vector<Fp61>& wire,
                       ConstantShare constant_share) {
  return linear_gate(
      g, wire, [](Fp61 x, Fp61 y, Fp61 s) { return x + s * y; },
      [](Fp61 x, Fp61 c) { return x * c; }, constant_share);
}

}  // namespace smpc
