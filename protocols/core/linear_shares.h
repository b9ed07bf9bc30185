// Local evaluation of linear gates on shares, common to every linear secret-sharing scheme
// (additive, Shamir, SPDZ's authenticated shares, robust BGW's rows): ADD, SUB, MUL_CONST act on
// shares directly; a constant c becomes the share `constant_share(c)` (c itself for Shamir, c at
// party 0 and 0 elsewhere for additive). The Boolean counterpart, boolean_linear_gate, serves
// XOR sharings, free-XOR labels and plain bits alike. The input and output rounds of the field
// sharings (secure_sum, bgw, bgw_robust) are here too: they move one share per wire and differ
// only in how a share is made and how the received ones are combined.
#pragma once

#include <functional>
#include <string_view>
#include <vector>

#include "protocols/core/abort.h"
#include "protocols/core/channel.h"
#include "protocols/core/circuit.h"
#include "protocols/core/extraction.h"
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

// Boolean linear gates (XOR, INV, EQ, EQW) in any representation where XOR is local: a plain
// bit (one = 1), a bit packed 64 to a word (one = all ones), a GMW XOR share (one = 1 at
// party 0, 0 elsewhere), a free-XOR wire label (zero = the 0-label of a constant wire,
// one = Δ). Each gate is one XOR: INV is a ⊕ one, EQW is a ⊕ zero, EQ c is zero ⊕ (c ? one :
// zero), so a representation whose XOR builds something else (e.g. a garbling plan's slot pairs)
// gets every gate in that form. `operand(w)` reads wire w; only the wires of the gate's arity
// are read.
template <typename Value, typename Operand, typename Xor>
auto boolean_linear_gate(const Gate& g, Operand operand, const Value& zero, const Value& one,
                         Xor xor_) {
  switch (g.type) {
    case GateType::kXor: return xor_(operand(g.in0), operand(g.in1));
    case GateType::kInv: return xor_(operand(g.in0), one);
    case GateType::kEqw: return xor_(operand(g.in0), zero);
    case GateType::kEq: return xor_(zero, (g.constant & 1) != 0 ? one : zero);
    default: break;
  }
  SMPC_ASSERT(false && "not a linear Boolean gate");
  return xor_(zero, zero);
}

// For representations whose XOR is operator^ on the values themselves.
template <typename Value, typename Operand>
Value boolean_linear_value(const Gate& g, Operand operand, Value zero, Value one) {
  return boolean_linear_gate(g, operand, zero, one,
                             [](Value a, Value b) { return static_cast<Value>(a ^ b); });
}

// Input round, dealing side: to[j] (shares of this party's inputs, in input order) goes to every
// other party j, to[self] becomes this party's input wires. Recorded as the dealer's own
// "shares" for the extractor.
inline void deal_input_shares(PartyContext& ctx, std::string_view label, const Circuit& c,
                              const PerParty<std::vector<Fp61>>& to, std::vector<Fp61>& wire) {
  const PartyId me = ctx.net.self();
  record_input_phase(ctx, "shares", me, to[me]);
  for (const auto& [j, shares] : to.others(me))
    ctx.net.send(j, label, Message().add_field61(shares));
  const auto my_wires = c.input_wires_of(me);
  for (std::size_t k = 0; k < my_wires.size(); ++k) wire[my_wires[k]] = to[me][k];
}

// Input round, receiving side: from every other party with inputs, one message of this party's
// shares of them (in input order) into their wires. Each dealer's shares are recorded under
// input_phase "shares", which the protocols' extractors read.
inline void receive_input_shares(PartyContext& ctx, const Circuit& c, std::vector<Fp61>& wire) {
  for (PartyId p : other_parties(ctx.net.party_count(), ctx.net.self())) {
    const auto wires = c.input_wires_of(p);
    if (wires.empty()) continue;
    const auto shares = ctx.net.recv(p).field61(0, wires.size());
    for (std::size_t k = 0; k < wires.size(); ++k) wire[wires[k]] = shares[k];
    record_input_phase(ctx, "shares", p, shares);
  }
}

// Output round, sending side: every other party with outputs gets this party's shares of them,
// one message in output order. `field_share(wire[w])` is the share as a field element (the
// wire itself, or robust BGW's row at 0).
template <typename Share, typename FieldShare = std::identity>
void send_output_shares(Channel& net, std::string_view label, const Circuit& c,
                        const std::vector<Share>& wire, FieldShare field_share = {}) {
  for (PartyId r : other_parties(net.party_count(), net.self())) {
    const auto wires = c.output_wires_of(r);
    if (wires.empty()) continue;
    std::vector<Fp61> shares;
    for (auto w : wires) shares.push_back(field_share(wire[w]));
    net.send(r, label, Message().add_field61(shares));
  }
}

}  // namespace smpc
