// SPDZ preprocessing by a trusted dealer: the ideal functionality F_Prep of Damgård–Pastro–
// Smart–Zakarias (eprint 2011/535, Fig. 2 there; "F_Triple"/"F_Prep" in Damgård et al., eprint
// 2012/642), computed in the clear.
//
// What the dealer hands out, for k MAC keys α^(1..k) (α^(l) = Σ_i α_i^(l), party i holds α_i):
// authenticated sharings [[v]] = (v_i, γ_i^(1..k))_i with Σ v_i = v and Σ γ_i^(l) = α^(l)·v, of
//   - one random input mask r per input wire, r given in the clear to the wire's owner;
//   - one multiplication triple (a, b, c = ab) per MUL gate;
//   - one random output mask s per output wire of a group with a restricted receiver set, s given
//     in the clear to every receiver of the group (so private outputs can be opened publicly
//     as y + s);
//   - for a fixed-point program (protocols/fixedpoint/fixed.h; none for plain circuits): a
//     triple per BitLT product; a random mask [[a_x]] per factor x of its products and
//     [[a_x·a_y]] per product x·y (fx::Needs's factors: Beaver triples whose a and b are
//     fixed by the factors, so a factor of several products is masked and opened once;
//     Ben-Efraim–Nielsen–Omri's function-dependent preprocessing, ACNS 2019, at the
//     granularity of factors); and per TruncPr, LTZ and Floor a mask pair (r, bits): m
//     random shared bits b_i and [[r]] = [[2^m r'' + Σ 2^i b_i]] with r'' < 2^(k+κ−m) (m = f
//     for TruncPr, fx::mod2m_bits for LTZ and Floor): Catrina–Saxena's PRandM, dealt rather
//     than computed; for LTZ and Floor also [[b_2i·b_2i+1]], i < ⌊m/2⌋, the products of
//     BitLT's first level, which then takes no round; and one random shared bit [[b]] per
//     kRandBit, dealt last (so a program without them draws what it drew before they existed).
//
// SIMULATION, NOT A SECURE PREPROCESSING: every party computes the dealer's whole output from a
// common random stream and keeps its own part. The stream is seeded by a value all parties
// agree on (the "dealer_seed" parameter and 32 random bytes from every party, exchanged in the
// protocol's offline phase so that it changes from run to run), so a party that wanted to could
// recompute everybody's shares and the MAC key. It models an incorruptible dealer for the
// testbed's adversaries, which act on messages; real SPDZ replaces it with MASCOT (eprint
// 2016/505; mascot.h, "preprocessing": "mascot") or SPDZ's somewhat-homomorphic offline phase
// (not implemented here).
#pragma once

#include <array>
#include <optional>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/fixedpoint/fixed.h"

namespace smpc {

inline constexpr int kSpdzMaxMacKeys = 4;

// One party's share of an authenticated value [[v]]: v_i and its MAC shares γ_i^(l), l < k,
// in S ≥ k slots (the slots from k on stay 0). The engine stores exactly its run's k (S = k:
// 16 bytes a share at k = 1, where 4 slots took 40 and the online phase's time went into
// touching memory, docs/performance.md "Private inference"); the other users of the dealer's
// output take S = kSpdzMaxMacKeys (AuthShare).
template <int S>
struct BasicAuthShare {
  Fp61 value;
  std::array<Fp61, S> mac{};
};
using AuthShare = BasicAuthShare<kSpdzMaxMacKeys>;

template <int S>
struct BasicSpdzTriple {
  BasicAuthShare<S> a, b, c;
};
using SpdzTriple = BasicSpdzTriple<kSpdzMaxMacKeys>;

// A fixed-point mask: [[r]] with r = 2^m r'' + Σ_{i<m} 2^i b_i, and the bits [[b_i]]; a Mod2m
// mask's also [[b_2i·b_2i+1]] for i < ⌊m/2⌋, BitLT's first-level products (engine.h bit_pair).
template <int S>
struct BasicSpdzFxMask {
  BasicAuthShare<S> r;
  std::vector<BasicAuthShare<S>> bits;   // b_0 (least significant) .. b_{m−1}
  std::vector<BasicAuthShare<S>> pairs;  // b_0·b_1, b_2·b_3, ..., Mod2m masks only
};
using SpdzFxMask = BasicSpdzFxMask<kSpdzMaxMacKeys>;

// Step 4 of Π_Online (spdz.h), one opening: output entry `entry` (output wires numbered across
// the groups, in output order) opened as y + s, with s known in the clear to `mask_holders` and
// to nobody else; empty holders: a public group, y is opened as it is.
//   kPerGroup (the dealer): one s per entry, given to every receiver of the group, as in DPSZ
//     (eprint 2011/535, §"output": a private output is the opening of y + s for a random [[s]]
//     whose s the receivers get from F_Prep).
//   kPerReceiver (MASCOT): a mask known to several parties would need an authenticated value
//     opened to just those parties, which MASCOT's Π_[[·]] does not give (eprint 2016/505,
//     §4, "Input": the owner of x authenticates it, nobody else learns x). So the entry is
//     opened once per receiver R_a as y + r_a with R_a's own authenticated r_a, a private output
//     to one party repeated for each receiver; R_a outputs (y + r_a) − r_a. Everybody else sees
//     y + r_a for a = 1..m, which reveals only the differences r_a − r_b, independent of y.
struct SpdzOutputOpening {
  std::size_t entry = 0;
  std::vector<PartyId> mask_holders;
  // Whether party p outputs from this opening (a public one is for everybody).
  bool for_party(PartyId p) const;
};
enum class SpdzOutputMasks { kPerGroup, kPerReceiver };
// In entry order, and within an entry in the group's receiver order (a receiver listed twice
// counts once).
std::vector<SpdzOutputOpening> spdz_output_openings(const Circuit& circuit, SpdzOutputMasks masks);

// One party's part of the dealer's output.
template <int S>
struct BasicSpdzPreprocessing {
  using AuthShare = BasicAuthShare<S>;
  using SpdzTriple = BasicSpdzTriple<S>;
  using SpdzFxMask = BasicSpdzFxMask<S>;
  std::array<Fp61, kSpdzMaxMacKeys> alpha{};  // this party's MAC key shares α_i^(l)
  std::vector<AuthShare> input_mask;          // by input wire, in circuit input order
  std::vector<Fp61> input_mask_clear;         // r, for the input wires this party owns (else 0)
  // r of every input wire: the simulated dealer's own record, which the simulator of the
  // security proof knows (it plays F_Prep). Never used by the protocol's steps; each party
  // records it next to the ε it received, for input extraction (protocols/spdz/extract.h).
  std::vector<Fp61> input_mask_dealt;
  std::vector<SpdzTriple> triples;            // by MUL gate, in layer_schedule order
  // By output opening (spdz_output_openings): [[s]], none for public groups; s in the clear
  // for the openings whose mask this party holds (else 0).
  std::vector<std::optional<AuthShare>> output_mask;
  std::vector<Fp61> output_mask_clear;
  // A fixed-point program's material, in the order the engine consumes it.
  std::vector<SpdzTriple> fx_triples;         // BitLT's products
  std::vector<AuthShare> fx_factor_mask;      // [[a_x]] by factor number (fx::Needs)
  std::vector<AuthShare> fx_mask_product;     // [[a_x·a_y]] by kMul, program order
  std::vector<SpdzFxMask> fx_trunc, fx_ltz;  // fx_ltz: every Mod2m's (LTZ and Floor), program order
  std::vector<AuthShare> fx_rand_bits;        // one per kRandBit, program order
  // Their clear bits, packed as fx::kRandBitsRecord: the simulated dealer's own record (as
  // input_mask_dealt), never used by the protocol's steps; recorded for the verdict.
  std::vector<std::uint64_t> fx_rand_bits_dealt;
};
using SpdzPreprocessing = BasicSpdzPreprocessing<kSpdzMaxMacKeys>;

// The dealer's output for party `me` of n (me ≥ n: a client of spdz.h "Roles", which keeps its
// clear masks only), for k MAC keys (1 ≤ k ≤ kSpdzMaxMacKeys). Every party
// calling this with the same `dealer` stream gets matching parts.
// With `program`, also its material (fx_needs(*program)); `circuit` is then its carrier
// (fx::carrier_circuit), whose gates are the program's words: no triples are dealt for them.
SpdzPreprocessing spdz_deal(const Circuit& circuit, int n, int k, PartyId me, Rng& dealer,
                            const fx::Program* program = nullptr);
// The same output (the same stream, the same values) in S ≥ k slots per share; S = 1 .. 4.
// `needs` = fx::needs_of(*program) when the caller keeps it (fx::Plan), else computed here.
template <int S>
BasicSpdzPreprocessing<S> spdz_deal_in(const Circuit& circuit, int n, int k, PartyId me,
                                       Rng& dealer, const fx::Program* program = nullptr,
                                       const fx::Needs* needs = nullptr);
// `prep` (k ≤ S keys) in S slots per share: the engine's copy of MASCOT's output.
template <int S>
BasicSpdzPreprocessing<S> narrow_macs(const SpdzPreprocessing& prep);

}  // namespace smpc
