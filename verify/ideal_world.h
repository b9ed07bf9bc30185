// The ideal-world oracle for malicious runs (DESIGN.md §5): in the ideal world a corrupted
// party may substitute its input and nothing else. When an honest party's output differs from
// f on the true inputs, the question is whether some substituted input x'_C of the corrupted
// parties explains every honest output: f(x_H, x'_C) = y. If none does, the adversary did more
// than substitute inputs, and that is a violation.
//
// Soundness: kExplained only with a substitution that re-checks by plain evaluation
// (ideal_outputs); kUnexplained only on a proof that none exists — Z3 unsat, or for field
// circuits whose constrained outputs are affine in the corrupted inputs, Gaussian elimination
// over F_p showing the linear system (with its range constraints) has no solution; kUnknown
// otherwise (timeout, or a nonlinear field problem Z3 cannot decide).
//
// Boolean circuits go to Z3 directly (bits as Booleans; the honest inputs are constants, so
// the formula shrinks to the corrupted inputs' cones). Field circuits first go through exact
// polynomial normal forms (verify/field_poly.h): sums, inner products with one corrupted side
// and products with one corrupted factor are affine in x'_C and are decided by linear algebra
// in microseconds, where Z3's bit-blasted mod-p products time out. Nonlinear cases try
// fixing corrupted inputs to their true values until the rest is affine, then fall back to Z3.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

struct InputRange {
  PartyId party = 0;
  std::size_t first = 0;  // indexes into that party's PartyInput::values; for Boolean circuits
  std::size_t count = 1;  // `count` bits, LSB first, form one unsigned integer that must lie in
                          // [lo, hi]; for field circuits count = 1.
  std::uint64_t lo = 0, hi = UINT64_MAX;
};

struct IdealWorldQuery {
  const Circuit* circuit = nullptr;
  std::vector<PartyInput> inputs;  // true inputs
  std::vector<PartyId> corrupted;  // their inputs are free variables
  std::vector<std::optional<std::vector<std::uint64_t>>> outputs;  // per party; nullopt = no
                                   // constraint (corrupted, or no output)
  std::vector<InputRange> ranges;  // domain of the corrupted inputs (empty = any)
  double timeout_s = 10;
};

struct IdealWorldAnswer {
  enum class Kind { kExplained, kUnexplained, kUnknown } kind = Kind::kUnknown;
  std::vector<PartyInput> substituted;  // full input vector with corrupted parties' x'_C
  double seconds = 0;
  std::string detail;
};
const char* ideal_world_kind_name(IdealWorldAnswer::Kind k);

// Errors (not answers): no circuit, inputs that do not fit it, an output constraint whose
// length differs from the number of outputs the party receives, a range on a party that is
// not corrupted or outside its values, a field range with count != 1, a Boolean range wider
// than 64 bits.
Result<IdealWorldAnswer> explain_by_substitution(const IdealWorldQuery& q);

}  // namespace smpc
