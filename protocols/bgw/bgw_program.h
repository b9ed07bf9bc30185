// Fixed-point programs (protocols/fixedpoint/fixed.h) on semi-honest BGW (bgw_semi_honest.h),
// t < n/2, with no dealer: the random bits and masks that TruncPr, LTZ and Floor consume are made by
// the parties themselves.
//
// Papers: Catrina, Saxena, "Secure computation with fixed-point numbers" (FC 2010), written for
// Shamir sharing with an honest majority: TruncPr (Protocol 3.1) and its mask r = 2^m r'' + r'
// from random bits and a random integer that every party contributes to (§2, PRandBit and
// PRandInt); Catrina, de Hoogh (SCN 2010) for LTZ and Floor (Mod2m) — all run by fixedpoint/engine.h, as under
// SPDZ; random bits by Damgård, Fitzi, Kiltz, Nielsen, Toft, "Unconditionally secure
// constant-rounds multi-party computation for equality, comparison, bits and exponentiation"
// (TCC 2006), §3 (RAN2): a random [a], a² opened, b = (a / √(a²) + 1) / 2.
//
// Steps (BGW's numbering, bgw_semi_honest.h; B shared bits and M masks, fx::Needs: the masks'
// bits, then one per kRandBit, which the engine takes as they are):
//   1.  inputs as for circuits ("bgw.input"); in the same round every party deals fresh degree-t
//       sharings of B uniform field elements and of M integers below 2^ρ_m
//       ("bgw.fx.random", n(n−1)(6 + 8(B + M)) bytes); the sums over all dealers are [a_j]
//       (uniform: an honest dealer's term is) and [r''] per mask;
//   R2. [a_j²] by one GRR multiplication round ("bgw.fx.bits.square", n(n−1)(6 + 8B));
//   R3. a_j² opened to everyone ("bgw.fx.bits.open", n(n−1)(6 + 8B)); s_j = the root of a_j² in
//       [1, (p−1)/2] (p ≡ 3 mod 4: s = (a²)^((p+1)/4)); [b_j] = (s_j^{−1}[a_j] + 1)/2, a bit,
//       uniform and unknown to any t parties (a/s = ±1 with the sign of a's root class). An
//       opened 0 (probability 2^−61 per bit) or a non-square (only if a share was altered)
//       aborts the run;
//   2.  the program's batches (engine.h): products by GRR resharing ("bgw.mult.reshare",
//       n(n−1)(6 + 8m) per batch of m, and n(n−1)(6 + 8P) per BitLT level of P products
//       (fx::program_rounds: Σ⌊w_j/2⌋ at the first level, Σ(2⌊w_j/2⌋ − [w_j ≥ 2]) after, w_j
//       each comparison's width there),
//       TruncPr openings ("bgw.fx.trunc", n(n−1)(6 + 8m)), LTZ and Floor openings
//       ("bgw.fx.ltz", n(n−1)(6 + 8m)); every opening reconstructs from all n shares;
//   3.  outputs as for circuits.
// Rounds: 1 + 2 + |fx::program_rounds| + 1 (no R-steps when the program has no TruncPr, LTZ,
// Floor or kRandBit: then as a circuit with |fx::program_rounds| multiplication layers). Exact cost:
// bgw_cost.
//
// Masks: r'' of a mask over m low bits (m = f for TruncPr, k − 1 for LTZ, c for Floor(a, c),
// fx::mod2m_bits) is the sum of the n
// dealers' contributions, each below 2^ρ_m with ρ_m = k + κ − m − ⌈log2 n⌉, so r'' < 2^(k+κ−m)
// and no opened c = 2^(k−1) + a + r wraps mod p, as with SPDZ's dealer. An honest dealer's
// contribution alone hides a: the statistical distance between the opened c of two inputs is
// at most 2^−(κ − ⌈log2 n⌉), so BGW keeps κ − ⌈log2 n⌉ bits of statistical security where
// the dealer keeps κ; make_bgw refuses a run where that is below fx::kMinKappa.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/protocol.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {

// Steps 2b–2c of bgw_semi_honest.h for `values`, this party's shares on polynomials of degree
// 2t: a fresh degree-t sharing of each is sent to every party (one message per peer under
// `label`), and the received ones are recombined with `lambda`. Returns degree-t shares.
// Defined in bgw_semi_honest.cpp with the rest of step 2 (and seeded bug M15).
std::vector<Fp61> bgw_reshare(std::span<const Fp61> values, int t, int n,
                              std::span<const Fp61> lambda, PartyContext& ctx,
                              std::string_view label);

// Statistical security of a program's masked openings under BGW with n parties.
int bgw_program_kappa(const fx::Params& p, int n);

// Step 1's dealing of the R-steps' randomness (sent after this party's input shares and before
// it receives any, so in round 1, and received after the inputs: each link is FIFO), then R2,
// R3 and step 2 on `inputs` (this party's shares, in circuit input order).
// Returns this party's shares of the program's outputs, in output order, and records the opened
// truncation values under fx::kOpenedTruncRecord.
class BgwProgramRun {
 public:
  // `plan` = fx::plan_of(prog) (BgwSemiHonest keeps it with the program).
  BgwProgramRun(const fx::Program& prog, const fx::Plan& plan, int t, int n, PartyContext& ctx);
  void deal_randomness();
  std::vector<Fp61> run(const std::vector<Fp61>& inputs, std::span<const Fp61> lambda);

 private:
  const fx::Program& prog_;
  const fx::Plan& plan_;
  int t_, n_;
  PartyContext& ctx_;
  std::vector<Fp61> own_;  // this party's shares of its own dealt values
};

}  // namespace smpc
