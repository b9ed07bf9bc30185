#include "protocols/core/circuit_eval.h"

#include <limits>
#include <string>

#include "protocols/core/field.h"
#include "protocols/core/linear_shares.h"

namespace smpc {

namespace {

Status check_inputs(const Circuit& c, const std::vector<std::vector<std::uint64_t>>& inputs) {
  if (inputs.size() != c.inputs.size())
    return Error("circuit has " + std::to_string(c.inputs.size()) + " input groups, got " +
                 std::to_string(inputs.size()));
  for (std::size_t g = 0; g < inputs.size(); ++g)
    if (inputs[g].size() != c.inputs[g].wires.size())
      return Error("input group '" + c.inputs[g].name + "' has " +
                   std::to_string(c.inputs[g].wires.size()) + " wires, got " +
                   std::to_string(inputs[g].size()) + " values");
  return OkStatus();
}

}  // namespace

Result<std::vector<std::uint64_t>> evaluate_packed(
    const Circuit& c, const std::vector<std::vector<std::uint64_t>>& inputs) {
  if (c.domain != CircuitDomain::kBoolean)
    return Error("evaluate_packed needs a boolean circuit, this one is " +
                 std::string(domain_name(c.domain)));
  SMPC_RETURN_IF_ERROR(check_inputs(c, inputs));
  SMPC_RETURN_IF_ERROR(check_wire_ranges(c));
  std::vector<std::uint64_t> w(c.num_wires, 0);
  for (std::size_t g = 0; g < inputs.size(); ++g)
    for (std::size_t i = 0; i < inputs[g].size(); ++i) w[c.inputs[g].wires[i]] = inputs[g][i];
  std::uint64_t* const v = w.data();
  const auto operand = [v](std::uint32_t wire) { return v[wire]; };
  for (const Gate& g : c.gates) {
    if (g.type == GateType::kAnd)
      v[g.out] = v[g.in0] & v[g.in1];
    else  // check_wire_ranges() let only Boolean gates through
      v[g.out] = boolean_linear_value<std::uint64_t>(g, operand, 0, ~std::uint64_t{0});
  }
  std::vector<std::uint64_t> out;
  out.reserve(c.output_count());
  for (const auto& grp : c.outputs)
    for (std::uint32_t x : grp.wires) out.push_back(w[x]);
  return out;
}

Result<std::vector<std::uint64_t>> evaluate_bounded(
    const Circuit& c, const WireSlots& slots,
    const std::vector<std::vector<std::uint64_t>>& inputs) {
  SMPC_RETURN_IF_ERROR(check_inputs(c, inputs));
  SMPC_RETURN_IF_ERROR(check_wire_ranges(c));
  if (slots.slot.size() != c.num_wires)
    return Error("wire slots were computed for a different circuit");
  for (std::uint32_t s : slots.slot)
    if (s != WireSlots::kNoSlot && s >= slots.num_slots)
      return Error("wire slot " + std::to_string(s) + " is out of range");
  std::vector<std::uint64_t> m(slots.num_slots, 0);
  std::uint64_t scratch = 0;  // target of wires without a slot (undefined, never read)
  const auto at = [&](std::uint32_t wire) -> std::uint64_t& {
    const std::uint32_t s = slots.slot[wire];
    return s == WireSlots::kNoSlot ? scratch : m[s];
  };
  for (std::size_t g = 0; g < inputs.size(); ++g)
    for (std::size_t i = 0; i < inputs[g].size(); ++i) {
      const std::uint64_t x = inputs[g][i];
      const bool ok = c.domain == CircuitDomain::kBoolean   ? x <= 1
                      : c.domain == CircuitDomain::kField61 ? x < Fp61::kModulus
                                                            : true;
      if (!ok)
        return Error("input group '" + c.inputs[g].name + "' value " + std::to_string(i) +
                     " is not a " + domain_name(c.domain) + " value");
      at(c.inputs[g].wires[i]) = x;
    }
  for (const Gate& g : c.gates) {
    const std::uint64_t a = gate_arity(g.type) >= 1 ? at(g.in0) : 0;
    const std::uint64_t b = gate_arity(g.type) == 2 ? at(g.in1) : 0;
    std::uint64_t r = 0;
    switch (g.type) {
      case GateType::kXor:
        r = a ^ b;
        break;
      case GateType::kAnd:
        r = a & b;
        break;
      case GateType::kInv:
        r = a ^ 1;
        break;
      case GateType::kEq:
        r = g.constant;
        break;
      case GateType::kEqw:
        r = a;
        break;
      case GateType::kAdd:
        r = c.domain == CircuitDomain::kField61 ? (Fp61::from_u64(a) + Fp61::from_u64(b)).value()
                                                : a + b;
        break;
      case GateType::kSub:
        r = c.domain == CircuitDomain::kField61 ? (Fp61::from_u64(a) - Fp61::from_u64(b)).value()
                                                : a - b;
        break;
      case GateType::kMul:
        r = c.domain == CircuitDomain::kField61 ? (Fp61::from_u64(a) * Fp61::from_u64(b)).value()
                                                : a * b;
        break;
      case GateType::kMulConst:
        r = c.domain == CircuitDomain::kField61
                ? (Fp61::from_u64(a) * Fp61::from_u64(g.constant)).value()
                : a * g.constant;
        break;
    }
    at(g.out) = r;
  }
  std::vector<std::uint64_t> out;
  out.reserve(c.output_count());
  for (const auto& grp : c.outputs)
    for (std::uint32_t x : grp.wires) out.push_back(at(x));
  return out;
}

}  // namespace smpc
