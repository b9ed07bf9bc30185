// KOS: OT extension secure against a malicious receiver — Keller, Orsini, Scholl, "Actively
// Secure OT Extension with Optimal Overhead" (CRYPTO 2015, eprint 2015/546). IKNP (iknp.h)
// plus the consistency check of KOS §4 (Fig. 7 there), which makes a receiver that used
// different choice bits in different columns of u fail except with probability about 2^-κ for
// each bit of s it tries to learn (a cheating receiver guessing c bits of s passes with 2^-c;
// the κ + s padding OTs then hide from the sender what the check itself reveals).
//
// Roles as in iknp.h: S holds Δ = s (the base-OT choices), R holds choice bits r.
//   Extension of m random OTs, m' = m + κ + s_stat (κ = 128, s_stat = kKosStatistical = 64):
//   Step 1, R: r' = r ‖ (κ + s_stat random bits); IKNP step 1 on r' (u, "<label>.extend"),
//              then c_R = commit(seed_R)                                 "<label>.commit"
//   Step 2, S: IKNP step 2: q_j = t_j ⊕ r'_j·Δ for j < m'; sends seed_S    "<label>.seed"
//   Step 3, R: χ_1 .. χ_m' ∈ GF(2^128) from seed_R ⊕ seed_S (a coin toss: R's share is bound
//              before S's is seen, S's is sent after u is fixed);
//              x = Σ r'_j·χ_j, t = Σ t_j·χ_j; sends (x, t, opening of c_R)  "<label>.check"
//   Step 4, S: checks the opening and q = Σ q_j·χ_j = t ⊕ x·Δ; else Abort blaming R.
//   Step 5: the first m rows hashed as in IKNP (random OT): S gets (H(q_j), H(q_j ⊕ Δ)),
//           R gets H(t_j) = the r_j-th.  The padding rows are dropped.
// Why it catches inconsistent choices: if column i of u used r^(i) ≠ r', then
// q_j = t_j ⊕ r'_j·Δ ⊕ e_j with e_j having bits Δ_i·(r^(i)_j ⊕ r'_j); passing needs R to predict
// Σ χ_j·e_j, i.e. to guess the Δ_i of every column it cheated in (KOS Lemma 1).
//
// Communication per call of m OTs (batches of kIknpBatch as IKNP), labels "<label>.…":
//   ".extend" R→S Σ_batches (6 + 16·⌈m'_b/128⌉·128)   ".commit" R→S 38   ".seed" S→R 38
//   ".check"  R→S 1 + (5 + 32) + (5 + 64) = 107 (x, t; then seed_R and its randomness)
// plus IKNP's base phase once per session (".base": 38 + 4102). Rounds: 3 flows per call
// (R → S → R → S), after the base phase.
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/crypto/commit.h"
#include "protocols/ot/iknp.h"

namespace smpc {

inline constexpr std::size_t kKosStatistical = 64;
inline constexpr std::size_t kKosPadding = kIknpKappa + kKosStatistical;

class KosSender {
 public:
  KosSender(Channel& net, PartyId receiver, Rng& rng, std::string label);
  void send_base() { iknp_.send_base(); }
  void receive_base() { iknp_.receive_base(); }
  void setup_for_tests() { send_base(), receive_base(); }
  // Step 2 for m OTs: receives u and R's commitment, sends seed_S.
  void receive_extension(std::size_t m);
  // Steps 4-5: receives and verifies the check (Abort blaming R on failure); the m OT pairs.
  std::vector<std::array<Block, 2>> finish();

 private:
  IknpSender iknp_;
  Channel& net_;
  PartyId peer_;
  Rng& rng_;
  std::string label_;
  std::size_t m_ = 0;
  std::vector<Block> q_;
  Digest commitment_{};
  std::array<std::uint8_t, 32> seed_{};
  std::uint64_t next_index_ = 0, calls_ = 0;
};

class KosReceiver {
 public:
  KosReceiver(Channel& net, PartyId sender, Rng& rng, std::string label);
  void send_base() { iknp_.send_base(); }
  void receive_base() { iknp_.receive_base(); }
  void setup_for_tests() { send_base(), receive_base(); }
  // Step 1: pads the choices, sends u and the commitment to seed_R.
  void send_extension(const std::vector<bool>& choices);
  // Steps 3 and 5: receives seed_S, sends the check; H(t_j) for the m real OTs.
  std::vector<Block> finish();

 private:
  IknpReceiver iknp_;
  Channel& net_;
  PartyId peer_;
  Rng& rng_;
  std::string label_;
  std::size_t m_ = 0;
  std::vector<bool> choices_;
  std::vector<Block> t_;
  Opening opening_;
  std::uint64_t next_index_ = 0, calls_ = 0;
};

}  // namespace smpc
