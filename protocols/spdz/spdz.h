// Spdz: the SPDZ online phase for arithmetic circuits over Mersenne-61, malicious security with
// abort against up to n − 1 corrupted parties, on preprocessing from MASCOT (mascot.h; the
// registry's default) or from a trusted dealer (spdz_dealer.h, "preprocessing": "dealer": a
// simulation, named as such in the claim; the Spdz constructor's default).
//
// Papers: Damgård, Pastro, Smart, Zakarias, "Multiparty Computation from Somewhat Homomorphic
// Encryption" (eprint 2011/535): authenticated additive shares [[x]] = (x_i, γ_i) with
// Σ γ_i = α·x under a global key α known to nobody, Beaver multiplication, online protocol
// Π_Online; Damgård, Keller, Larraia, Pastro, Scholl, Smart, "Practical Covertly Secure MPC for
// Dishonest Majority — or: Breaking the SPDZ Limits" (eprint 2012/642): the key is never
// opened; opened values are checked in a batch by MACCheck (commit, then open).
// With "preprocessing": "mascot" step 0 is MASCOT (mascot.h, phase "offline") instead of the
// dealer's coin toss: the online steps 1-5 and their bytes are the same (but for step 4, which
// opens a wire of a restricted group once per receiver R_a as y + r_a, r_a authenticated by R_a
// alone: spdz_output_openings, kPerReceiver, in spdz_dealer.h); "spdz.coin.commit"
// goes out in round kMascotRounds + 1 = 16 and every later round number below moves by
// kMascotRounds − 1 = 14 (cost.h): L + 24 rounds in all.
//
// Field and MACs: shares stay in Mersenne-61 (p = 2^61 − 1), so outputs are exactly the plain
// evaluation, and every value carries k MACs under independent keys α^(1..k) ("mac_keys",
// default 1). MACCheck on opened a_1 .. a_m, per key l: random r_j^(l) from a jointly tossed
// seed, a = Σ r_j a_j, σ_i = Σ r_j γ_i(a_j) − α_i a; commit to σ_i, open, accept iff Σ σ_i = 0.
// If the adversary shifted the opened values by δ ≠ 0 (fixed before the seed is known), the
// check passes only if Σ r_j δ_j = 0 (probability 1/p, the r_j being independent) or it guesses
// α_H^(l)·Σ r_j δ_j for the honest parties' unknown key share (probability 1/p; commitments stop
// it from adapting σ to the honest σ's): ≤ 2/p per key, and the keys and coefficients are
// independent, so a forgery passes one check with probability ≤ (2/p)^k ≈ 2^-60k, and a run
// (two checks) with ≤ 2·(2/p)^k, i.e. ≤ 2^-59 for k = 1 (≥ 40 bits per check already at k = 1;
// the coefficients are drawn from a ChaCha20 stream keyed by the seed, modelled as uniform).
//
// Steps (Π_Online), with rounds and bytes (k-element Mersenne-61 message: 6 + 8k bytes; byte
// part of b bytes: 6 + b; n parties, I_p inputs of party p, L layers of m_1 .. m_L
// multiplications, O output openings: the output wires of all groups, with MASCOT a wire of a
// restricted group once per receiver), every message to every other party:
//   0. offline: the dealer's stream from a 32-byte contribution of each party, committed
//      before it is opened (a rushing party cannot choose its own after seeing the others'):
//      "spdz.dealer.commit" commitment to the contribution       round 1   38·n(n−1)
//      "spdz.coin.commit" commitments to both MACCheck seeds    round 1   70·n(n−1)
//      "spdz.dealer.seed" contribution and commitment randomness round 2   70·n(n−1)
//   1. Input: owner p opens ε = x − r to everyone, [[x]] = [[r]] + ε
//      "spdz.input"                                  round 3   Σ_{p: I_p>0} (n−1)(6 + 8 I_p)
//   2. Multiply (Beaver), a layer at once: open d = x − a and e = y − b of every gate,
//      [[xy]] = [[c]] + d[[b]] + e[[a]] + de
//      "spdz.open"                                   round 3+ℓ n(n−1)(6 + 16 m_ℓ)
//   3. MACCheck of every d, e (before any output is opened), with the input broadcast check:
//      "spdz.coin.open" seed and commitment randomness         round L+4  70·n(n−1)
//      "spdz.input.check" hash of every ε received             round L+4  38·n(n−1)
//      "spdz.maccheck.commit" commitment to σ_i                 round L+5  38·n(n−1)
//      "spdz.maccheck.open" σ_i^(1..k) and randomness           round L+6  (43 + 8k)·n(n−1)
//   4. Output: open y (public groups) or y + s (restricted groups: s known to the receivers;
//      with MASCOT y + r_a for each receiver R_a, r_a known to R_a only), after DPSZ's output
//      step (eprint 2011/535); receivers output (y + s) − s after step 5
//      "spdz.output"                                 round L+7 n(n−1)(6 + 8 O)
//   5. MACCheck of the outputs: coin.open, maccheck.commit, maccheck.open at rounds L+8 .. L+10,
//      the same bytes as in step 3 (without spdz.input.check).
// Rounds: L + 10 (whenever some party has an input). Per multiplication: 16·n(n−1) bytes (two
// shares between every ordered pair) plus 6·n(n−1) per layer, one round per layer. Per opening
// of m values: n(n−1)(6 + 8m) bytes and one round, plus one MACCheck per batch of openings:
// 3 rounds and (70 + 38 + 43 + 8k)·n(n−1) bytes (+ 35·n(n−1) of the round-1 commitments).
//
// Abort: a failed check, a broken commitment or a malformed message throws Abort; the protocol
// declares "spdz.abort" as its abort notice, so Protocol::run sends it to everyone before the
// Abort propagates, and the others stop at their next receive instead of waiting for the
// deadline. Without a broadcast channel the last messages can still make some honest parties
// output and others abort (selective abort, Goldwasser–Lindell 2002); no honest party ever
// outputs a wrong value.
//
// Example: 3 parties, one input each, x0·x1 + x2: L = 1, 11 rounds.
//
// Roles (docs/applications.md "SPDZ with clients"; the scenario's "roles", dealer preprocessing
// only): parties 0..S−1 are the servers and run steps 0-5 among themselves (n = S); a client
// c ≥ S gives inputs and/or receives outputs, after Damgård, Damgård, Nielsen, Nordholt, Toft,
// "Confidential Benchmarking based on Multiparty Computation" (FC 2016): the client is an input
// owner of Π_Online that is not a computing party.
//   C1. (round 2) every server sends each active client its opened dealer contribution
//       ("spdz.dealer.client", 38 bytes); the client computes its part of the dealer's output
//       (the clear r of its input wires, the clear s of its outputs) from the same stream.
//   C2. (round 3) the client sends every server ε = x − r and the 32-byte digest of the dealer
//       stream ("spdz.client.input", 43 + 8 I_c bytes). A server aborts unless the digest is its
//       own (a server that handed the client another contribution would shift r; M95 skips
//       this), then sets [[x]] = [[r]] + ε. The client's ε join the hash of the input broadcast
//       check of MACCheck 1, so a client that sends different ε to different servers makes them
//       abort before any output is opened (MACCheck 1 alone would also fail: the MACs of
//       [[r]] + ε_i do not match).
//   6.  (round L + 11) after MACCheck 2, every server sends each receiving client the opened
//       y + s of its output wires and its stream digest ("spdz.client.output", 43 + 8 O_c).
//       C3: the client outputs y = (y + s) − s only if all S values and digests agree with
//       each other and its own, else it aborts (M96 takes server 0's values): one honest
//       server suffices, as its value passed the MAC check among the servers.
// The claim: up to S − 1 of the S servers and any number of clients; a corrupted client can
// only choose its input (ε + r, which the extractor reads off the honest servers). Exact cost:
// spdz_roles_cost (cost.h).
//
// Fixed-point programs (protocols/fixedpoint/fixed.h) come carried in a circuit
// (fx::carried_program): step 2 then runs the program's batches instead of the circuit's
// layers (the dealer hands out its factor masks, triples and masks, spdz_dealer.h), each batch
// one or more rounds counted as layers above:
//   products        "spdz.open"      1 round            n(n−1)(6 + 8 F), F the factors first
//                                                       used in the batch (fx::Needs: d_x =
//                                                       x − a_x is opened once per factor x,
//                                                       however many products read it)
//   TruncPr         "spdz.fx.trunc"  1 round            n(n−1)(6 + 8 m)
//   LTZ, Floor      "spdz.fx.ltz"    1 round            n(n−1)(6 + 8 m), then BitLT: its first
//                                                       level's products b_2i·b_2i+1 are the
//                                                       dealer's (no round), then per level
//                   "spdz.open"      ⌈log2 w⌉ − 1       n(n−1)(6 + 16 P) per level of P products:
//                                    rounds             Σ(2⌊w_j/2⌋ − [w_j ≥ 2]), w_j each one's
//                                                       width at the level (k − 1 for LTZ, c for
//                                                       Floor(a, c) before the first; halved by
//                                                       each level; fx::program_rounds)
// (m instructions in the batch). A product batch is Beaver's multiplication with triples
// (a_x, a_y, a_x·a_y) fixed by the factors (SpdzParty::multiply_factors): the program's 20
// weights are opened once for a batch of inferences, not once per inference, and a Floor's bit
// once for all the sigmoid's monomials it enters. Every opened c and d, e joins MACCheck 1 (step 3); honest
// parties record the opened c of the truncations under the input-phase kind "fx.trunc" (for
// the exact reference, fx::evaluate_opened). A kRandBit takes the dealer's next random shared
// bit (no round); the dealer's record of their clear values is kept under "fx.rand_bits"
// (fx::kRandBitsRecord) for the verdict. MASCOT does not hand out shared random bits here, so
// programs need "preprocessing": "dealer".
#pragma once

#include <cstdint>
#include <memory>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/mascot.h"

namespace smpc {

class Spdz final : public Protocol {
 public:
  // Requires a kField61 circuit validated for the run's parties, 1 ≤ mac_keys ≤ 4, and with a
  // `program` one program output per output wire (fx::carried_program checks it). With
  // `mascot` (mascot_needs of the circuit) the preprocessing is MASCOT's (mascot.h), else the
  // simulated dealer's. Every share of a run holds exactly mac_keys MACs.
  Spdz(Circuit circuit, int mac_keys, std::uint64_t dealer_seed,
       std::optional<MascotNeeds> mascot = std::nullopt,
       std::optional<fx::Program> program = std::nullopt, int servers = 0);

  std::string_view name() const override { return "spdz"; }
  SecurityClaim claim(int parties) const override;
  std::optional<std::string_view> abort_notice_label() const override {
    return labels::spdz::kAbort;
  }

  int mac_keys() const { return mac_keys_; }
  // log2 of the forgery bound of one MACCheck, (2/p)^k.
  double log2_forgery_per_check() const;

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Circuit circuit_;
  int mac_keys_;
  std::uint64_t dealer_seed_;
  std::optional<MascotNeeds> mascot_;
  std::optional<fx::Program> program_;
  std::shared_ptr<const fx::Plan> plan_;  // fx::plan_of(*program_), made once
  int servers_;  // roles: parties 0..servers_−1 compute; 0: everyone computes
};

// The input-phase record kind of the opened truncation values (fx::evaluate_opened).
inline constexpr std::string_view kSpdzFxTruncRecord = fx::kOpenedTruncRecord;

// The registry factory. Parameters (all optional):
//   "preprocessing": "mascot" (MASCOT, mascot.h: OT-based, no trusted party; a restricted
//                    output group's wire is opened once per receiver, step 4; the default) or
//                    "dealer" (a simulated trusted dealer). Roles and fixed-point programs need
//                    "dealer": omitted there, it is an error naming /protocol/preprocessing,
//                    never a silent fall-back to the dealer.
//   "mac_keys":      integer 1..4, independent MAC keys (default 1: ≤ 2^-60 per MACCheck)
//   "dealer_seed":   unsigned integer mixed into the dealer's stream (default 0)
Result<std::unique_ptr<Protocol>> make_spdz(const nlohmann::json& params, const Circuit& circuit,
                                            int parties);

}  // namespace smpc
