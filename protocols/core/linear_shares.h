// Local evaluation of linear gates on shares, common to every linear secret-sharing scheme
// (additive, Shamir): ADD, SUB, MUL_CONST act on shares directly; a constant c becomes the
// share `constant_share(c)` (c itself for Shamir, c at party 0 and 0 elsewhere for additive).
#pragma once

#include "protocols/core/abort.h"
#include "protocols/core/circuit.h"
#include "protocols/core/field.h"

namespace smpc {

template <typename ConstantShare>
Fp61 linear_gate_share(const Gate& g, Fp61 a, Fp61 b, ConstantShare constant_share) {
  switch (g.type) {
    case GateType::kAdd: return a + b;
    case GateType::kSub: return a - b;
    case GateType::kMulConst: return a * Fp61::from_u64(g.constant);
    case GateType::kEqw: return a;
    case GateType::kEq: return constant_share(Fp61::from_u64(g.constant));
    default: break;
  }
  SMPC_ASSERT(false && "nonlinear or Boolean gate in an arithmetic linear evaluation");
  return Fp61();
}

}  // namespace smpc
