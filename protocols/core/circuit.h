// One circuit type for every protocol and for the verifier: Boolean gates (XOR, AND, INV, EQ,
// EQW) and arithmetic gates (ADD, SUB, MUL, MUL_CONST, and EQ as "constant") over a domain.
// Plain evaluation of a circuit is the ideal functionality every protocol is checked against.
//
// Wire values are carried as uint64: bits (0/1) in the Boolean domain, canonical field
// elements in kField61, machine words in kRing64.
//
// Around this type (docs/circuits.md): bristol.h (Bristol Fashion / legacy import, export,
// assign_parties for scenarios), circuit_encoding.h (values <-> wire bits), circuit_builder.h
// (adders, comparators, multipliers, mux, sorting networks), circuit_analysis.h (Boost.Graph:
// AND depth, AND layers, liveness, DOT), circuit_eval.h (64-way and memory-bounded evaluators).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

enum class CircuitDomain : std::uint8_t { kBoolean, kField61, kRing64 };
const char* domain_name(CircuitDomain d);

enum class GateType : std::uint8_t {
  // Boolean
  kXor,   // out = in0 ^ in1
  kAnd,   // out = in0 & in1
  kInv,   // out = !in0
  kEq,    // out = constant (Bristol "EQ"; also the arithmetic constant gate)
  kEqw,   // out = in0 (wire copy)
  // Arithmetic
  kAdd,       // out = in0 + in1
  kSub,       // out = in0 - in1
  kMul,       // out = in0 * in1
  kMulConst,  // out = in0 * constant
};
const char* gate_name(GateType t);
int gate_arity(GateType t);                  // number of input wires: 0, 1 or 2
bool gate_allowed(GateType t, CircuitDomain d);
// Gates that need interaction in secret-sharing protocols (AND, MUL).
inline bool gate_is_nonlinear(GateType t) { return t == GateType::kAnd || t == GateType::kMul; }

struct Gate {
  GateType type = GateType::kXor;
  std::uint32_t in0 = 0;
  std::uint32_t in1 = 0;
  std::uint32_t out = 0;
  std::uint64_t constant = 0;  // kEq, kMulConst
  bool operator==(const Gate&) const = default;
};

// A named group of input wires provided by one party.
struct InputGroup {
  std::string name;
  PartyId owner = 0;
  std::vector<std::uint32_t> wires;
  bool operator==(const InputGroup&) const = default;
};

// A named group of output wires; `receivers` empty means every party learns it.
struct OutputGroup {
  std::string name;
  std::vector<PartyId> receivers;
  std::vector<std::uint32_t> wires;
  bool operator==(const OutputGroup&) const = default;
  bool delivered_to(PartyId p) const;
};

struct Circuit {
  CircuitDomain domain = CircuitDomain::kBoolean;
  std::uint32_t num_wires = 0;
  std::vector<Gate> gates;  // in topological order
  std::vector<InputGroup> inputs;
  std::vector<OutputGroup> outputs;

  // Structural checks: wires in range, every wire written once (by an input or a gate), gates
  // read only defined wires, gate types fit the domain, constants are canonical, owners and
  // receivers within [0, parties). An error names the gate or group at fault.
  Status validate(int parties) const;

  // The input wires of party p, in group order then wire order.
  std::vector<std::uint32_t> input_wires_of(PartyId p) const;
  // All output wires, in group order; and those delivered to p.
  std::vector<std::uint32_t> output_wires() const;
  std::vector<std::uint32_t> output_wires_of(PartyId p) const;
  std::size_t input_count() const;
  std::size_t output_count() const;
  std::size_t count(GateType t) const;
  std::size_t nonlinear_count() const;

  bool operator==(const Circuit&) const = default;
};

// Plain evaluation. `inputs[g]` holds the values of input group g (one per wire).
// Returns the outputs of every group, concatenated in group order. Wire indices are checked as
// the gates run (an unvalidated circuit gives an error, not an out-of-bounds access); Boolean
// circuits take a fast path (sha256.txt, 135k gates: ~0.4 ms).
Result<std::vector<std::uint64_t>> evaluate(const Circuit& c,
                                            const std::vector<std::vector<std::uint64_t>>& inputs);

// Per-wire input values in input_wires order (all groups concatenated, at least input_count()
// of them) split back into evaluate()'s one vector per input group.
std::vector<std::vector<std::uint64_t>> split_input_groups(const Circuit& c,
                                                           const std::vector<std::uint64_t>& flat);

// Range checks the evaluators share, so that an unvalidated circuit gives an error and never an
// out-of-bounds access; the errors name the group or gate at fault. check_wire_ranges: every
// group's wires and every gate's wires below num_wires, every gate type allowed in the domain.
Status check_wire_ranges(const Circuit& c);
Status check_output_wires(const Circuit& c);
// A gate's wires (as many inputs as `arity`) below num_wires; inline for the evaluators' loops.
inline bool gate_wires_in_range(const Gate& g, int arity, std::uint32_t num_wires) {
  return g.out < num_wires && (arity < 1 || g.in0 < num_wires) && (arity < 2 || g.in1 < num_wires);
}
// The error for gate i failing gate_wires_in_range or gate_allowed.
Status gate_error(const Circuit& c, std::size_t i);

// Multiplicative depth of each wire (number of nonlinear gates on the longest path to it), and
// the circuit's depth. Layer d of nonlinear gates = those whose output has depth d.
std::vector<std::uint32_t> nonlinear_depths(const Circuit& c);
std::uint32_t nonlinear_depth(const Circuit& c);

}  // namespace smpc
