// Differentially private sums on SPDZ: binomial noise from coins no single party knows.
//
// Paper: Dwork, Kenthapadi, McSherry, Mironov, Naor, "Our Data, Ourselves: Privacy via
// Distributed Noise Generation" (Eurocrypt 2006), §3 and §5: the parties add to a sum the
// centred binomial noise Z = Σ_{j<m} c_j − m/2 from m unbiased coins c_j, each coin the XOR of
// one private random bit from every party, computed inside the MPC, so that a coalition missing
// one party sees every coin as uniform. DKMMN prove (ε, δ)-DP for m = O(Δ² log(1/δ) / ε²)
// coins with loose constants; this file instead calibrates m exactly (binomial_delta below).
//
// Mechanism (dp_program, the straight-line program SPDZ runs, protocols/fixedpoint/fixed.h):
// party p inputs its values x_{p,i} (clipped by itself to [lower, upper]), m bits b_{p,j} and
// m uniform field elements u_{p,j};
//   1. coin j: c_j = b_{0,j} ⊕ b_{1,j} ⊕ ... with a ⊕ b = a + b − 2ab (n − 1 products, one round
//      per party after the first: all coins in one batch);
//   2. bit check: t_j = c_j (c_j − 1), r_j = Σ_p u_{p,j}, C = Σ_j r_j t_j (2 products per coin,
//      2 rounds);
//   3. y = Σ x_{p,i} + Σ_j c_j − m/2 + C, opened to every party.
// Why step 2 suffices against malicious parties (any coalition missing an honest party h):
// each step y ↦ y ⊕ q = (1 − 2q) y + q is affine with slope + 2·offset = 1, a property kept by
// composition, and b_h enters as P ⊕ b_h ∈ {P, 1 − P}; so c_j(b_h = 1) = 1 − c_j(b_h = 0) for
// any values the others input. Either both are bits (c_j is b_h or 1 − b_h: uniform) or neither
// is: then t_j ≠ 0 whatever b_h is (a party input, say, 1/2 to fix the coin: 1/2 ⊕ b = 1/2), and
// C is uniform in the field (r_j holds u_{h,j}, uniform and unknown to the coalition), so y is
// uniform and reveals nothing; honest parties see y outside [count·lower − m/2, count·upper +
// m/2] (except with probability about range / 2^61) and reject it.
//
// Dealer coins (Layout::dealer_coins, the scenario's "coins": "dealer"): the m coins are random
// shared bits from the preprocessing (fx::Op::kRandBit; SPDZ's dealer deals them authenticated,
// as it deals the masks' bits), so steps 1 and 2 vanish: no coin inputs, no products, no check,
// y = Σ x_{p,i} + Σ_j c_j − m/2. The coins are bits by construction and no party knows them;
// the dealer does (it is trusted with every input already: it knows the masks behind them).
// This is how SPDZ-family frameworks take random bits (from the offline phase); DKMMN's coins
// keep the noise from the dealer too, at three products and four inputs per coin (n = 2).
//
// Calibration (calibrate_coins): the privacy profile of adding Z to a sum of sensitivity Δ is
// the hockey-stick divergence δ(ε) = Σ_k max(0, P[Z = k] − e^ε P[Z = k − Δ]) ((ε, δ)-DP of a
// mechanism is exactly this divergence bounded by δ on every pair of neighbours: Balle,
// Barthe, Gaboardi, "Privacy amplification by subsampling", NeurIPS 2018, §2). Z is log-concave and symmetric, so the shift by ±Δ is the worst case over
// neighbours (monotone likelihood ratio: a shift by d ≤ Δ is dominated); δ(ε) does not grow
// with m (m + 1 coins are m coins plus one independent coin: post-processing). m is the
// smallest even number with δ(ε) ≤ δ, found by doubling then bisection.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/status.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc::dp {

inline constexpr std::size_t kMaxCoins = std::size_t{1} << 17;

// δ(ε) of Z = Binomial(m, 1/2) − m/2 added to a sum of sensitivity Δ (exact, in doubles).
double binomial_delta(std::size_t coins, double epsilon, std::uint64_t sensitivity);
// The smallest even m ≤ kMaxCoins with binomial_delta(m, ε, Δ) ≤ δ; an error naming the count
// needed when it exceeds kMaxCoins. ε > 0, 0 < δ < 1, Δ ≥ 1.
Result<std::size_t> calibrate_coins(double epsilon, double delta, std::uint64_t sensitivity);
// P[Z = k − m/2] for k = 0..m: C(m, k) / 2^m.
std::vector<double> binomial_pmf(std::size_t coins);

// Where each party's inputs sit in the program's input order: party p's group is its values,
// then its m·q coins, then its m·q check randoms (q queries: the benchmark's batches); its
// values only with dealer coins.
struct Layout {
  std::vector<std::size_t> values;  // per party
  std::size_t coins = 0;            // m, even
  std::size_t queries = 1;          // independent noisy sums of the same values, one run
  bool dealer_coins = false;        // the coins are the preprocessing's random bits
  std::size_t parties() const { return values.size(); }
  std::size_t base(std::size_t p) const;  // index of party p's first input
  // Each party's coin and check inputs after its values (none with dealer coins).
  std::size_t coin_inputs() const { return dealer_coins ? 0 : 2 * coins * queries; }
  std::size_t size(std::size_t p) const { return values[p] + coin_inputs(); }
  std::size_t total() const { return base(parties()); }
};

// Steps 1-3 as a program with one output y per query (query k: coins k·m .. k·m + m − 1).
fx::Program dp_program(const Layout& layout);

// The reference: y computed directly over the field from all inputs (steps 1-3 without the
// program), the ideal functionality the verdict replays. One query. With dealer coins the
// coins are `dealt` (fx::kRandBitsRecord's packing: coin j is bit j % 32 of word j / 32); an
// error when it holds another number of words than the m coins need.
Result<Fp61> reference_output(const Layout& layout, std::span<const Fp61> inputs,
                              std::span<const std::uint64_t> dealt = {});
// The noise Σ_j ⊕_p b_{p,j} − m/2 of bits (bits[p][j] ∈ {0, 1}).
std::int64_t noise_of_bits(const std::vector<std::vector<std::uint8_t>>& bits);

// Runs a program without truncations or comparisons over the field (the MPC's arithmetic
// exactly): an error on kTrunc, kLtz, kFloor and kRandBit.
Result<std::vector<Fp61>> evaluate_field(const fx::Program& prog, std::span<const Fp61> inputs);

}  // namespace smpc::dp
