// MASCOT: SPDZ preprocessing from oblivious transfer — Keller, Orsini, Scholl, "MASCOT: Faster
// Malicious Arithmetic Secure Computation with Oblivious Transfer" (CCS 2016, eprint 2016/505).
// Produces what spdz_dealer.h's simulated dealer hands out (MAC key shares, authenticated input
// masks, triples, output masks: one per receiver of a restricted output group, authenticated by
// that receiver alone, SpdzOutputMasks::kPerReceiver), but from a protocol among the n parties,
// secure with abort against n − 1 malicious parties. The paper's boxes, and the step numbers
// used in mascot.cpp:
//
//   Π_COPE (correlated OLE, §3; "Initialize"/"Extend"): P_B holds Δ = α_B^(l) (one instance per
//     MAC key l), P_A holds x. Initialize: 61 base OTs (Naor–Pinkas, base_ot.h), P_B the
//     receiver with the bits Δ_i, P_A the sender of seed pairs (k_i^0, k_i^1). Extend, for the
//     j-th value: t_b^i = PRF(k_i^b, j) ∈ F_p; P_A sends u^i = t_0^i − t_1^i + x; P_B computes
//     q^i = t_{Δ_i}^i + Δ_i·u^i = t_0^i + Δ_i·x. Then Σ 2^i q^i − Σ 2^i t_0^i = Δ·x: P_B keeps
//     Σ 2^i q^i, P_A keeps −Σ 2^i t_0^i, additive shares of Δ·x.
//   Π_[[·]] (authentication, §4, "Input"/"check"): P_o authenticates x_1 .. x_m plus a random
//     x_0 by COPE with every other party; MAC share of party i: α_i·x (owner) + its COPE shares.
//     Check: coefficients r_j from a coin toss; P_o sends y = x_0 + Σ r_j x_j to everyone and
//     y joins the final MACCheck. A P_A that used different x in different u^i (or a P_A
//     trying to learn Δ bits by a selective failure) makes the MACs of y wrong: caught with
//     probability 1 − O(1/p) per key (MASCOT §4, Theorem on Π_[[·]]).
//   Π_Triple (§5): Multiply: P_i draws a^i ∈ F^τ, b^i ∈ F; for each ordered pair (i, j),
//     Gilboa multiplication over τ·61 random OTs of KOS (kos.h): P_i is the OT receiver with
//     the bits of a^i, P_j sends d_h = q_0^h − q_1^h + b^j; P_i keeps Σ 2^h (q_{bit}^h +
//     bit·d_h) and P_j keeps −Σ 2^h q_0^h: shares of a^i_h·b^j. c^i = a^i b^i + those shares.
//     Combine: r, r̂ ∈ F^τ from a coin toss; a = ⟨r, a⟩, c = ⟨r, c⟩, â = ⟨r̂, a⟩, ĉ = ⟨r̂, c⟩
//     (a P_j that used different b^j per OT learns bits of a by selective failure; the random
//     combination of τ values leaves a uniform by the leftover hash lemma, §5).
//     Authenticate: [[a]], [[b]], [[c]], [[â]], [[ĉ]] by Π_[[·]].
//     Sacrifice: s from a coin toss; open ρ = s·[[a]] − [[â]]; open z = s·[[c]] − [[ĉ]] − ρ·[[b]]
//     and abort unless z = 0; ρ and z join the final MACCheck.
//   MACCheck (as spdz.h's, eprint 2012/642): of every y, ρ, z, with coefficients from a coin
//     toss, commit to σ_i, open, Σ σ_i = 0.
//
// τ = kMascotTau = 4, not the paper's 3: the paper's 3 is for its 128-bit field; the combine
// step needs τ·log p − ℓ ≥ log p + 2σ when the adversary learned ℓ bits (it survives that with
// probability 2^-ℓ), so the best ℓ gives 2^-(τ−1)·log p/3: τ = 3 over Mersenne-61 gives ≈ 2^-40,
// τ = 4 gives ≈ 2^-61, matching the MACCheck's 2^-60 per key (docs/malicious.md, "MASCOT").
//
// Coins: four commit-then-open coin tosses (combine, authentication check, sacrifice,
// MACCheck), all committed in the first flow and each opened only after the values it
// randomises are fixed.
//
// Causal rounds (every party sends to every other in each; labels "spdz.mascot.…", labels.h):
//   1  base OTs of COPE (both directions) and of KOS (kos.h ".base"), coin commitments
//   2  KOS u and commitment      3  KOS seed      4  KOS check
//   5  Gilboa d                  6  combine coin opening
//   7  COPE u                    8  authentication-check coin    9  sacrifice coin
//   10 y (auth.check)            11 ρ shares (sacrifice)         12 z shares (sacrifice.zero)
//   13 MACCheck coin opening     14 σ commitment                 15 σ opening
// 15 rounds whatever n and the number of triples (kMascotRounds, cost.h).
// Exact bytes: mascot_cost (cost.h).
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/core/circuit.h"
#include "protocols/core/rng.h"
#include "protocols/core/per_party.h"
#include "protocols/core/status.h"
#include "protocols/crypto/commit.h"
#include "protocols/spdz/spdz_dealer.h"

namespace smpc {

inline constexpr std::size_t kMascotTau = 4;
inline constexpr std::size_t kMascotBits = 61;  // bits of a Mersenne-61 element

// What the online phase of a circuit needs, in the dealer's order (spdz_dealer.h).
struct MascotNeeds {
  std::size_t triples = 0;
  std::vector<PartyId> input_owner;                   // by input wire
  // By output opening (spdz_output_openings, kPerReceiver): the one party that authenticates
  // and knows the opening's mask, as it would an input mask; none = a public group.
  std::vector<std::optional<PartyId>> output_receiver;
};

// A restricted output group with receivers R_1..R_m needs m masks per output wire, r_a
// authenticated by R_a (SpdzOutputMasks::kPerReceiver, spdz_dealer.h).
MascotNeeds mascot_needs(const Circuit& c);

// Party p's authenticated values (x_0, five per triple, its input masks, its output masks), and
// the place of an owner's k-th input mask among its values (mascot.cpp's layout).
std::size_t mascot_values_of(const MascotNeeds& needs, PartyId p);
std::size_t mascot_input_mask_slot(const MascotNeeds& needs, std::size_t k);

// Π_[[·]]'s check coefficients of every party's values (1 for x_0, then r_j) from the opened
// authentication-check coin (the second coin opened, spdz.mascot.coin.open). Public once the
// coin is open: a corrupted P_A that shifts value j in its u by δ and adds r_j·δ to its y
// passes the check, a valid input substitution through Π_COPE — the attack the extractor's
// transcript comparison exists for (extract.h; scenarios/mascot_attacks.h).
PerParty<std::vector<Fp61>> mascot_auth_check_coefficients(const std::array<std::uint8_t, 32>& coin,
                                                           const MascotNeeds& needs, int parties);

// The digest of the values y of Π_[[·]]'s check as one party holds them, every owner's but
// `recipient`'s, in party order: what a party echoes to `recipient` in flow 11
// (spdz.mascot.maccheck.commit, part 1), and what the recipient compares with its own view.
Digest mascot_y_digest(const std::vector<Fp61>& y, PartyId recipient);

// The Π_COPE transcript of this party with each peer, as BLAKE2b-256 digests (hash.h) of the
// messages' wire encodings, as this party sent or received them — the input extractor's
// evidence (extract.h): a corrupted owner's r is the one its code holds exactly when every
// honest peer's transcript with it as P_A is the one the owner's code produced.
// Per peer: [0] P_A's Naor–Pinkas sender message, [1] P_B's Naor–Pinkas receiver message (both
// kMascotCopeBase), [2] P_A's u (kMascotCope).
inline constexpr std::size_t kMascotTranscriptMessages = 3;
using MascotCopeTranscript = std::array<Digest, kMascotTranscriptMessages>;
struct MascotTranscript {
  PerParty<MascotCopeTranscript> as_a;  // this party P_A (its values), the peer P_B
  PerParty<MascotCopeTranscript> as_b;  // the peer P_A (its values), this party P_B
};

// Runs MASCOT among all parties of `net` (every party calls it with the same needs and k);
// throws Abort when a check fails. input_mask_dealt stays empty: no party knows another's mask.
// `transcript`, when given, receives this party's Π_COPE transcript digests.
SpdzPreprocessing mascot_preprocess(Channel& net, Rng& rng, int mac_keys, const MascotNeeds& needs,
                                    MascotTranscript* transcript = nullptr);

}  // namespace smpc
