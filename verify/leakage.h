// Output leakage: how much does an output tell a coalition about the honest parties' inputs?
//
// Quantitative information flow as Ah-Fat and Huth apply it to MPC (arXiv 1803.00436,
// 1901.00798), with Smith's measures (FoSSaCS 2009). The attacker is a set of parties whose
// inputs x_A are known (to them); the honest inputs X_H are uniform over their domain (every
// Boolean input wire free). For a deterministic f:
//
//   consistent(y)         #{x_H : f(x_A, x_H) = y} — the honest inputs the attacker still
//                         cannot tell apart after seeing y
//   remaining uncertainty log2 consistent(y) bits
//   revealed by y         log2(|X_H| / consistent(y)) bits
//   Shannon leakage       H(Y) = sum_y  p(y) log2(1/p(y)),  p(y) = consistent(y) / |X_H|
//   min-entropy leakage   log2(#distinct outputs y)  (Smith: for deterministic f and a uniform
//                         prior, the min-entropy leakage is the log of the number of outputs)
// where y ranges over the outputs the attacker's parties receive.
//
// Counting: exact enumeration when |X_H| <= 2^exact_limit_bits (bit-sliced evaluation, 64
// inputs at a time). Above that, Z3: distinct outputs by model enumeration with blocking
// clauses, and consistent(y) by splitting the honest input bits into cubes (MSB first) that
// Z3 proves empty (no input in the cube gives y) or full (every input in the cube gives y);
// comparisons and auctions need few cubes; cubes with at most leaf_bits free bits are counted
// by evaluation, which is cheaper than splitting them further. Past the solver-call cap the counts are lower
// bounds and say so (count_exact = false).
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

struct LeakageQuery {
  const Circuit* circuit = nullptr;
  std::vector<PartyInput> inputs;  // every party's true input (the attacker's are known)
  std::vector<PartyId> attacker;
  std::size_t exact_limit_bits = 20;       // enumerate when the honest space is <= 2^this
  std::size_t max_distinct_outputs = 4096; // Z3 model enumeration cap
  std::size_t max_solver_calls = 100000;   // Z3 cube-counting cap (over all outputs)
  std::size_t leaf_bits = 10;              // Z3 cubes with this many free bits or fewer are
                                           // counted by (bit-sliced) evaluation instead
  double timeout_s = 60;                   // per Z3 call
  // The whole Z3 part: every call in progress once it passes is interrupted, and what is not
  // counted by then stays a lower bound (count_exact / distinct_exact false).
  double overall_timeout_s = 600;
};

struct OutputCount {
  std::vector<std::uint64_t> output;  // the attacker-visible output wires
  long double count = 0;              // consistent honest inputs
  bool exact = true;                  // false: a lower bound
};

struct LeakageReport {
  std::vector<PartyId> attacker, honest;
  std::size_t honest_bits = 0;         // log2 |X_H|
  std::vector<std::uint64_t> observed; // attacker-visible outputs on the true inputs
  std::size_t observed_wires = 0;
  // For the observed output.
  long double consistent_count = 0;
  bool count_exact = true;
  double remaining_bits = 0;           // log2 consistent_count
  double revealed_bits = 0;            // honest_bits - remaining_bits
  // Over all outputs the attacker could see with its input.
  std::size_t distinct_outputs = 0;
  bool distinct_exact = true;          // false: a lower bound (enumeration cap reached)
  double min_entropy_leakage_bits = 0; // log2 distinct_outputs
  std::optional<double> shannon_leakage_bits;  // H(Y); absent when some count is not exact
  std::vector<OutputCount> distribution;       // per distinct output (when enumerated)
  std::string method;                  // "exact enumeration" or "z3 ..."
  double seconds = 0;
};

// ---- An integer output plus independent noise (the dp functions: scenarios/dp_function.h) ----
//
// The attacker sees Y = g(X_H) + Z: g integer-valued, Z independent of X_H with a known pmf
// (for dp_sum / dp_mean, the protocol's own dp::binomial_pmf). With X_H uniform over the honest
// inputs the channel is P(y | x) = P[Z = y − g(x)], and Smith's measures ("On the Foundations
// of Quantitative Information Flow", FoSSaCS 2009) are
//   min-entropy leakage  log2 V(X|Y)/V(X) with V(X) = 1/|X_H|, V(X|Y) = Σ_y max_x π(x) P(y|x):
//                        for the uniform prior π, log2 Σ_y max_x P(y | x)
//   Shannon leakage      I(X_H; Y) = Σ_x Σ_y π(x) P(y|x) log2(P(y|x) / P(y))
// Both depend on x only through g(x), so the input is the count of honest inputs per value of
// g: counts[i] = #{x_H : g(x_H) = g_min + i}, and noise_pmf[k] = P[Z = z_min + k] (the offsets
// do not change the leakage). A point-mass pmf {1} gives the exact output's leakage: log2 of
// its number of distinct values and H(g(X_H)), as compute_leakage.
struct AdditiveNoiseLeakage {
  double vulnerability_ratio = 1;        // Σ_y max_x P(y | x), ≥ 1
  double min_entropy_leakage_bits = 0;   // log2 of it
  double shannon_leakage_bits = 0;       // I(X_H; Y)
  std::size_t outputs = 0;               // values y with P(y) > 0
  std::uint64_t terms = 0;               // (values of g) × (noise values): the work done
};

// Exact (in doubles) over every pair (value of g, value of Z). Errors: empty or negative
// counts, a pmf that is empty, negative or does not sum to 1 (within 1e-9), and more than
// max_terms pairs (the message names both numbers).
Result<AdditiveNoiseLeakage> additive_noise_leakage(const std::vector<long double>& counts,
                                                    const std::vector<double>& noise_pmf,
                                                    std::uint64_t max_terms);

// Errors: no circuit, a non-Boolean circuit whose honest input space is not tiny (field values
// range over 2^61 - 1 each; the message says so), attacker parties out of range, inputs that
// do not fit the circuit.
Result<LeakageReport> compute_leakage(const LeakageQuery& q);

}  // namespace smpc
