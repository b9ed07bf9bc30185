// The function "tally" as a circuit: what a scenario's vote run counts, carried the way frost
// carries its signing (protocols/frost/ideal.h), so the vote protocol reads the election's shape
// from the circuit it is given.
//
// The correct tally is not one value once voters may be corrupted: a corrupted voter may cast
// any valid ballot or none (input substitution), never an invalid one. So this circuit is not
// evaluated against. It has NO input wires on purpose: the ideal-world oracle
// (scenarios/judge.cpp) can then never "explain" a tally by a corrupted voter's invalid input
// (an entry 2), which a plain sum circuit over the ballots would let it do. Its output wires are
// placeholders (constant 0) that fix how many words each party outputs and who gets them; the
// verdict judges the outputs with a predicate (Function::output_check, scenarios/vote_function.h).
//
// Ring64, no input wires, only constant gates, in this order: S (servers), V (voters),
// k (candidates), mode (1 one_of_k, 0 approval); then the output group "tally" (k words) to the
// servers 0..S-1 and the bulletin board S+V.
#pragma once

#include <optional>

#include "protocols/core/circuit.h"

namespace smpc::vote {

struct ElectionShape {
  int servers = 0;
  int voters = 0;
  int candidates = 0;
  bool one_of_k = true;
  int board() const { return servers + voters; }
  int parties() const { return servers + voters + 1; }
  bool operator==(const ElectionShape&) const = default;
};

// Bounds the function builder enforces (tens of thousands of voters would still be fine for the
// protocol; these keep a scenario's run within minutes).
inline constexpr int kMaxCandidates = 64, kMaxVoters = 10000;

Circuit election_circuit(const ElectionShape& shape);
// The shape of `c` if c is exactly election_circuit(shape) for some shape, else nullopt.
std::optional<ElectionShape> election_shape(const Circuit& c);

}  // namespace smpc::vote
