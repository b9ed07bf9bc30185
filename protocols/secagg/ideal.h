// The ideal functionality of secure aggregation with dropouts as a Ring64 circuit: the function
// "secure_aggregation" (scenarios/secagg_function.h) compiles to it, every verdict judges secagg
// against its plain evaluation, and secagg recognises its shape from it.
//
// Bonawitz et al. (eprint 2017/281, Fig. 4) compute Σ_{u ∈ U3} x_u, where U3 is the set
// of clients whose masked input reached the server in round 2: the environment decides who
// drops out and when. Here the scenario decides (a client "drops after round r": it completes
// rounds 0 .. r and sends nothing afterwards), so U3 is known before the run and the circuit
// sums exactly those clients' vectors: a client that drops after round 2 is in the sum, one
// that drops after round 0 or 1 is not. Each client's input group records its drop round in its
// name ("vector" or "vector, drops after round r"), so the circuit alone carries the whole
// scenario and secagg reads its schedule from the circuit it is given.
//
// Party 0 is the server (no input); clients 1 .. N each give L values of k bits. Z_{2^k} is
// embedded in Ring64 as the multiples of 2^(64-k): output j is (Σ_{u ∈ U3} x_u[j]) · 2^(64-k)
// mod 2^64, so the circuit reduces mod 2^k exactly (high input bits vanish), and reports shift
// the output back (Function::output_shift). Gates: N3·L - L additions (N3 = |U3|) and L
// multiplications by the constant, about N·L in all.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

#include "protocols/core/circuit.h"

namespace smpc {

// The rounds of Bonawitz et al.'s semi-honest protocol a client can drop out after (round 3,
// ConsistencyCheck, exists only in the actively secure variant).
inline constexpr int kSecAggNoDrop = -1;
inline constexpr int kSecAggDropRounds[] = {0, 1, 2};

// At most this many input values (N·L) in a scenario's ideal circuit (about 50 MB).
inline constexpr std::size_t kSecAggMaxValues = std::size_t{1} << 21;

struct SecAggShape {
  std::size_t clients = 0;    // N: parties 1 .. N
  std::size_t length = 0;     // L
  unsigned bits = 64;         // k, 1 .. 64
  std::vector<int> drop_after;  // per client (index u - 1): kSecAggNoDrop or 0, 1, 2
  bool operator==(const SecAggShape&) const = default;

  // Whether client u (1 .. N) sends its masked input (is in U3).
  bool in_sum(std::size_t u) const {
    const int d = drop_after[u - 1];
    return d == kSecAggNoDrop || d >= 2;
  }
  // Whether client u still takes part in round r (0, 1, 2 or 4).
  bool active_in(std::size_t u, int round) const {
    const int d = drop_after[u - 1];
    return d == kSecAggNoDrop || round <= d;
  }
};

// 2^(64-k): the embedding of Z_{2^k} in Ring64 (1 for k = 64).
std::uint64_t secagg_scale(unsigned bits);
// The mask of k bits.
std::uint64_t secagg_mask(unsigned bits);

// Requires clients >= 1, length >= 1, 1 <= bits <= 64, drop_after.size() == clients.
Circuit secagg_circuit(const SecAggShape& shape);
// The shape of `c` if c is exactly secagg_circuit(shape) for some shape, else nullopt.
std::optional<SecAggShape> secagg_shape(const Circuit& c);

}  // namespace smpc
