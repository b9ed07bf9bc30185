// Statistics over bits, for the views of Boolean and OT-based protocols (Yao, GMW, IKNP) and for
// correlated randomness: what a coalition holds (its view, or its part of a triple, mask or OT
// correlation) against a few "secret" bits it must be independent of (the side of an input-swap
// test: which of x, x' the run used; or the honest part of a correlation). docs/privacy.md
// derives the false-alarm rates stated here.
//
// Two tests on N runs, each seeing plaintext-bit leaks that marginal chi-square tests over wide
// elements miss:
//   * bit_independence_test: for every pair (view bit, secret bit), Fisher's exact test of the
//     2x2 table across runs; Bonferroni over the pairs, so the family-wise false-alarm rate is
//     at most α whenever the view bits are independent of the secret bits (exact, no
//     approximation: Fisher's test is conservative at every sample size).
//   * gf2_relation_test: affine relations over GF(2) between view bits and secret bits. It
//     alarms when some non-constant combination of secret bits equals some combination of view
//     bits (and the constant 1) on every run: the column spaces span(V, 1) and span(S, 1) over
//     GF(2)^N meet outside span(1). Relations among view bits alone (e.g. output shares that
//     XOR to a public output) or among secret bits alone are no alarm. Views are too wide for
//     one elimination with N runs, so the non-constant view bits are cut into windows of W
//     consecutive bits (stride W/2: any relation among bits at most W/2 apart is inside some
//     window), in two orders when the columns carry bit planes: layout order (the bits of one
//     element and its neighbours) and plane order (bit i of every element side by side: the
//     colour bits of all labels, the same share bit of all openings). W is the widest that
//     keeps the union bound below the target; every varying view bit is in some window as soon
//     as W ≥ 1, and the result says how many bits were covered and what was not checked.
//     False alarm: for one fixed view combination v and one fixed non-constant secret
//     combination u, P(v = u on all N runs) ≤ 2^match_log2 (the caller's null model, below);
//     the union over the 2^(W+1) · 2^(|S|+1) pairs and the windows gives the stated bound.
// Pure computation: no protocol, scenario or I/O dependency.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "verify/privacy_stats.h"

namespace smpc {

// Bits of N runs, one bit-packed column per bit: bit r of column c is its value in run r.
struct BitSamples {
  std::size_t runs = 0;
  std::vector<std::string> names;
  std::vector<std::vector<std::uint64_t>> columns;
  // Optional, one per column: the bit's index inside its view element (view_bits fills it);
  // gf2_relation_test then also windows the bits in plane order.
  std::vector<std::uint16_t> plane;
  std::size_t words() const { return (runs + 63) / 64; }
  // Appends a column; values.size() == runs.
  void add(std::string name, const std::vector<bool>& values);
};

// The views of two samples as bit columns, a's runs first, then b's: every element split into
// its bits (61 for F_p61, 64 for words, 8 for bytes, 1 for bits), bit i of position k named
// "<position name> bit i". Requires equal layouts.
BitSamples view_bits(const ViewSamples& a, const ViewSamples& b);
// Which sample a run of view_bits(a, b) came from: one column "side", 0 for a, 1 for b.
BitSamples side_bit(std::size_t runs_a, std::size_t runs_b);

// Null models for gf2_relation_test: log2 of the largest probability that one fixed combination
// of view bits equals one fixed non-constant combination of secret bits on all runs.
//  * An input swap (secret = side_bit): under privacy the runs of both samples are i.i.d., so a
//    view combination is an i.i.d. sequence of bits and matches the fixed side vector with
//    probability at most max_p p^nb (1 − p)^na = 2^−N·H(nb/N).
double swap_match_log2(std::size_t runs_a, std::size_t runs_b);
//  * Independent secrets: every run draws the secret bits independently of the view, and every
//    non-constant combination of them takes each value with probability at most q (1/2 for
//    uniform bits; 3/4 for a Beaver triple (a, b, c = ab): c, a ⊕ c, a ⊕ b ⊕ c are biased).
double independent_match_log2(std::size_t runs, double q);

// Fisher's exact test (two-sided: the sum of the probabilities of the tables no more likely
// than the observed one) for every pair of non-constant columns of `view` and `secret` (same
// runs); p-values Bonferroni-adjusted over the pairs; alarm when below alpha.
StatTestResult bit_independence_test(const BitSamples& view, const BitSamples& secret,
                                     double alpha);

// Fisher's exact test (two-sided, as above) of one 2x2 table: `runs` runs, `ones_a` ones in one
// column, `ones_b` in the other, `both` runs with ones in both.
double fisher_exact_p(std::size_t runs, std::size_t ones_a, std::size_t ones_b, std::size_t both);

// Exact two-sided binomial test of every column against fair coin flips (constant columns
// included: a share that never varies is the most biased of all); Bonferroni over the columns.
// For bits that should be uniform, such as a coalition's shares of a correlation.
StatTestResult bit_uniformity_test(const BitSamples& bits, double alpha);

struct Gf2RelationOptions {
  double target_log2 = -30;      // the bound on the false-alarm probability to stay below
  std::size_t max_window = 512;  // cost cap: each window is an elimination of W + |S| columns
};

struct Gf2RelationResult : StatTestResult {
  std::size_t view_columns = 0;    // non-constant view bits
  std::size_t secret_columns = 0;  // non-constant secret bits
  std::size_t window = 0;          // W (0: too few runs for any window under the target)
  std::size_t windows = 0;         // over all orders
  std::size_t orders = 0;          // 1: layout order; 2: layout and bit-plane order
  std::size_t covered = 0;         // varying view bits inside some window (all, or 0)
  std::string unchecked;           // what the windows leave out, for the verdict; "" if nothing
  double false_alarm_log2 = 0;     // log2 of the bound actually achieved
  std::vector<std::string> relation;  // the view and secret bits of the relation found
};

// See the file comment. match_log2 from swap_match_log2 or independent_match_log2.
Gf2RelationResult gf2_relation_test(const BitSamples& view, const BitSamples& secret,
                                    double match_log2, const Gf2RelationOptions& options = {});

}  // namespace smpc
