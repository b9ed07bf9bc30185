#include "protocols/core/circuit.h"

#include <algorithm>

#include "protocols/core/enum_names.h"
#include "protocols/core/field.h"
#include "protocols/core/linear_shares.h"

namespace smpc {

constexpr const char* kDomainNames[] = {"boolean", "field61", "ring64"};
const char* domain_name(CircuitDomain d) { return enum_name(kDomainNames, d); }

constexpr const char* kGateNames[] = {
    "XOR", "AND", "INV", "EQ", "EQW", "ADD", "SUB", "MUL", "MUL_CONST"};
const char* gate_name(GateType t) { return enum_name(kGateNames, t); }

int gate_arity(GateType t) {
  switch (t) {
    case GateType::kEq: return 0;
    case GateType::kInv:
    case GateType::kEqw:
    case GateType::kMulConst: return 1;
    default: return 2;
  }
}

bool gate_allowed(GateType t, CircuitDomain d) {
  const bool boolean = t == GateType::kXor || t == GateType::kAnd || t == GateType::kInv;
  const bool arith = t == GateType::kAdd || t == GateType::kSub || t == GateType::kMul ||
                     t == GateType::kMulConst;
  if (d == CircuitDomain::kBoolean) return !arith;
  return !boolean;
}

bool OutputGroup::delivered_to(PartyId p) const {
  return receivers.empty() || std::find(receivers.begin(), receivers.end(), p) != receivers.end();
}

namespace {

bool canonical(std::uint64_t v, CircuitDomain d) {
  switch (d) {
    case CircuitDomain::kBoolean: return v <= 1;
    case CircuitDomain::kField61: return v < Fp61::kModulus;
    case CircuitDomain::kRing64: return true;
  }
  return false;
}

}  // namespace

Status Circuit::validate(int parties) const {
  std::vector<std::uint8_t> defined(num_wires, 0);
  for (std::size_t g = 0; g < inputs.size(); ++g) {
    const auto& grp = inputs[g];
    const std::string where = "input group " + std::to_string(g) + " ('" + grp.name + "')";
    if (grp.owner < 0 || grp.owner >= parties)
      return Error(where + ": owner party " + std::to_string(grp.owner) + " is not in [0, " +
                   std::to_string(parties) + ")");
    for (std::uint32_t w : grp.wires) {
      if (w >= num_wires)
        return Error(where + ": wire " + std::to_string(w) + " is out of range (circuit has " +
                     std::to_string(num_wires) + " wires)");
      if (defined[w]) return Error(where + ": wire " + std::to_string(w) + " is defined twice");
      defined[w] = 1;
    }
  }
  for (std::size_t i = 0; i < gates.size(); ++i) {
    const Gate& gt = gates[i];
    // Built only on error: a per-gate string dominated validation of large circuits.
    const auto where = [&] {
      return "gate " + std::to_string(i) + " (" + gate_name(gt.type) + ")";
    };
    if (!gate_allowed(gt.type, domain))
      return Error(where() + ": gate type not allowed in a " + domain_name(domain) + " circuit");
    const int arity = gate_arity(gt.type);
    const std::uint32_t ins[2] = {gt.in0, gt.in1};
    for (int k = 0; k < arity; ++k) {
      if (ins[k] >= num_wires)
        return Error(where() + ": input wire " + std::to_string(ins[k]) + " is out of range");
      if (!defined[ins[k]])
        return Error(where() + ": input wire " + std::to_string(ins[k]) +
                     " is read before it is defined");
    }
    if (gt.out >= num_wires)
      return Error(where() + ": output wire " + std::to_string(gt.out) + " is out of range");
    if (defined[gt.out])
      return Error(where() + ": output wire " + std::to_string(gt.out) + " is written twice");
    if ((gt.type == GateType::kEq || gt.type == GateType::kMulConst) &&
        !canonical(gt.constant, domain))
      return Error(where() + ": constant " + std::to_string(gt.constant) + " is not a " +
                   domain_name(domain) + " value");
    defined[gt.out] = 1;
  }
  for (std::size_t g = 0; g < outputs.size(); ++g) {
    const auto& grp = outputs[g];
    const std::string where = "output group " + std::to_string(g) + " ('" + grp.name + "')";
    for (PartyId p : grp.receivers)
      if (p < 0 || p >= parties)
        return Error(where + ": receiver party " + std::to_string(p) + " is not in [0, " +
                     std::to_string(parties) + ")");
    for (std::uint32_t w : grp.wires) {
      if (w >= num_wires) return Error(where + ": wire " + std::to_string(w) + " is out of range");
      if (!defined[w]) return Error(where + ": wire " + std::to_string(w) + " is never defined");
    }
  }
  return OkStatus();
}

std::vector<std::uint32_t> Circuit::input_wires_of(PartyId p) const {
  std::vector<std::uint32_t> out;
  for (const auto& g : inputs)
    if (g.owner == p) out.insert(out.end(), g.wires.begin(), g.wires.end());
  return out;
}

std::vector<std::uint32_t> Circuit::output_wires() const {
  std::vector<std::uint32_t> out;
  for (const auto& g : outputs) out.insert(out.end(), g.wires.begin(), g.wires.end());
  return out;
}

std::vector<std::uint32_t> Circuit::output_wires_of(PartyId p) const {
  std::vector<std::uint32_t> out;
  for (const auto& g : outputs)
    if (g.delivered_to(p)) out.insert(out.end(), g.wires.begin(), g.wires.end());
  return out;
}

std::size_t Circuit::input_count() const {
  std::size_t n = 0;
  for (const auto& g : inputs) n += g.wires.size();
  return n;
}

std::size_t Circuit::output_count() const {
  std::size_t n = 0;
  for (const auto& g : outputs) n += g.wires.size();
  return n;
}

std::size_t Circuit::count(GateType t) const {
  return static_cast<std::size_t>(
      std::count_if(gates.begin(), gates.end(), [t](const Gate& g) { return g.type == t; }));
}

std::size_t Circuit::nonlinear_count() const {
  return static_cast<std::size_t>(std::count_if(
      gates.begin(), gates.end(), [](const Gate& g) { return gate_is_nonlinear(g.type); }));
}

namespace {

std::uint64_t apply(const Gate& g, std::uint64_t a, std::uint64_t b, CircuitDomain d) {
  switch (g.type) {
    case GateType::kXor: return a ^ b;
    case GateType::kAnd: return a & b;
    case GateType::kInv: return a ^ 1;
    case GateType::kEq: return g.constant;
    case GateType::kEqw: return a;
    default: break;
  }
  if (d == CircuitDomain::kField61) {
    const Fp61 x = Fp61::from_u64(a), y = Fp61::from_u64(b);
    switch (g.type) {
      case GateType::kAdd: return (x + y).value();
      case GateType::kSub: return (x - y).value();
      case GateType::kMul: return (x * y).value();
      case GateType::kMulConst: return (x * Fp61::from_u64(g.constant)).value();
      default: return 0;
    }
  }
  switch (g.type) {
    case GateType::kAdd: return a + b;
    case GateType::kSub: return a - b;
    case GateType::kMul: return a * b;
    case GateType::kMulConst: return a * g.constant;
    default: return 0;
  }
}

template <typename Group>
Status check_group_wires(const std::vector<Group>& groups, const char* kind, std::uint32_t n) {
  for (const auto& grp : groups)
    for (std::uint32_t w : grp.wires)
      if (w >= n)
        return Error(std::string(kind) + " group '" + grp.name + "': wire " + std::to_string(w) +
                     " is out of range");
  return OkStatus();
}

}  // namespace

std::vector<std::vector<std::uint64_t>> split_input_groups(const Circuit& c,
                                                           const std::vector<std::uint64_t>& flat) {
  std::vector<std::vector<std::uint64_t>> groups;
  std::size_t k = 0;
  for (const auto& g : c.inputs) {
    groups.emplace_back(flat.begin() + static_cast<std::ptrdiff_t>(k),
                        flat.begin() + static_cast<std::ptrdiff_t>(k + g.wires.size()));
    k += g.wires.size();
  }
  return groups;
}

Status check_output_wires(const Circuit& c) {
  return check_group_wires(c.outputs, "output", c.num_wires);
}

Status check_wire_ranges(const Circuit& c) {
  SMPC_RETURN_IF_ERROR(check_group_wires(c.inputs, "input", c.num_wires));
  SMPC_RETURN_IF_ERROR(check_output_wires(c));
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    if (!gate_wires_in_range(g, gate_arity(g.type), c.num_wires) ||
        !gate_allowed(g.type, c.domain))
      return gate_error(c, i);
  }
  return OkStatus();
}

Status gate_error(const Circuit& c, std::size_t i) {
  return Error("gate " + std::to_string(i) + " (" + gate_name(c.gates[i].type) +
               "): wire out of range or gate type not allowed in a " + domain_name(c.domain) +
               " circuit");
}

Result<std::vector<std::uint64_t>> evaluate(const Circuit& c,
                                            const std::vector<std::vector<std::uint64_t>>& inputs) {
  if (inputs.size() != c.inputs.size())
    return Error("circuit has " + std::to_string(c.inputs.size()) + " input groups, got " +
                 std::to_string(inputs.size()));
  const std::uint32_t n = c.num_wires;
  for (std::size_t g = 0; g < inputs.size(); ++g) {
    const auto& grp = c.inputs[g];
    if (inputs[g].size() != grp.wires.size())
      return Error("input group '" + grp.name + "' has " + std::to_string(grp.wires.size()) +
                   " wires, got " + std::to_string(inputs[g].size()) + " values");
    for (std::size_t i = 0; i < grp.wires.size(); ++i) {
      if (!canonical(inputs[g][i], c.domain))
        return Error("input group '" + grp.name + "' value " + std::to_string(i) + " (" +
                     std::to_string(inputs[g][i]) + ") is not a " + domain_name(c.domain) +
                     " value");
      if (grp.wires[i] >= n)
        return Error("input group '" + grp.name + "': wire " + std::to_string(grp.wires[i]) +
                     " is out of range");
    }
  }
  SMPC_RETURN_IF_ERROR(check_output_wires(c));
  std::vector<std::uint64_t> out;
  out.reserve(c.output_count());
  if (c.domain == CircuitDomain::kBoolean) {
    // Fast path: one byte per wire and a tight loop over the gates (sha256: ~135k gates in well
    // under a millisecond). Wire indices are checked as we go, so an unvalidated circuit yields
    // an error instead of an out-of-bounds access.
    std::vector<std::uint8_t> w(n, 0);
    for (std::size_t g = 0; g < inputs.size(); ++g) {
      const auto& grp = c.inputs[g];
      for (std::size_t i = 0; i < grp.wires.size(); ++i)
        w[grp.wires[i]] = static_cast<std::uint8_t>(inputs[g][i]);
    }
    std::uint8_t* const v = w.data();
    const auto operand = [v](std::uint32_t wire) { return v[wire]; };
    const std::size_t ng = c.gates.size();
    const Gate* const gates = c.gates.data();
    for (std::size_t i = 0; i < ng; ++i) {
      const Gate& g = gates[i];
      // Open-coded rather than gate_wires_in_range: this order (output wire, type, inputs) keeps
      // the loop at main's speed (the shared form measured ~25% slower here).
      if (g.out >= n) return gate_error(c, i);
      const int arity = gate_arity(g.type);
      if (!gate_allowed(g.type, c.domain) || (arity >= 1 && g.in0 >= n) ||
          (arity == 2 && g.in1 >= n))
        return gate_error(c, i);
      if (g.type == GateType::kAnd)
        v[g.out] = v[g.in0] & v[g.in1];
      else
        v[g.out] = boolean_linear_value<std::uint8_t>(g, operand, 0, 1);
    }
    for (const auto& grp : c.outputs)
      for (std::uint32_t x : grp.wires) out.push_back(w[x]);
    return out;
  }
  std::vector<std::uint64_t> w(n, 0);
  for (std::size_t g = 0; g < inputs.size(); ++g) {
    const auto& grp = c.inputs[g];
    for (std::size_t i = 0; i < grp.wires.size(); ++i) w[grp.wires[i]] = inputs[g][i];
  }
  for (std::size_t i = 0; i < c.gates.size(); ++i) {
    const Gate& g = c.gates[i];
    const int arity = gate_arity(g.type);
    if (!gate_wires_in_range(g, arity, n)) return gate_error(c, i);
    w[g.out] = apply(g, w[arity >= 1 ? g.in0 : 0], w[arity == 2 ? g.in1 : 0], c.domain);
  }
  for (const auto& grp : c.outputs)
    for (std::uint32_t x : grp.wires) out.push_back(w[x]);
  return out;
}

std::vector<std::uint32_t> nonlinear_depths(const Circuit& c) {
  std::vector<std::uint32_t> depth(c.num_wires, 0);
  for (const Gate& g : c.gates) {
    const int arity = gate_arity(g.type);
    std::uint32_t d = 0;
    if (arity >= 1) d = depth[g.in0];
    if (arity == 2) d = std::max(d, depth[g.in1]);
    depth[g.out] = d + (gate_is_nonlinear(g.type) ? 1 : 0);
  }
  return depth;
}

std::uint32_t nonlinear_depth(const Circuit& c) {
  const auto d = nonlinear_depths(c);
  std::uint32_t m = 0;
  for (const auto& grp : c.outputs)
    for (std::uint32_t w : grp.wires) m = std::max(m, d[w]);
  for (const Gate& g : c.gates) m = std::max(m, d[g.out]);
  return m;
}

}  // namespace smpc
