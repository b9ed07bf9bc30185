// IKNP OT extension, semi-honest: Ishai, Kilian, Nissim, Petrank, "Extending Oblivious
// Transfers Efficiently" (CRYPTO 2003), with the optimisations of Asharov, Lindell, Schneider,
// Zohner, "More Efficient Oblivious Transfer and Extensions for Faster Secure Computation"
// (CCS 2013, eprint 2013/552): random base-OT seeds expanded by a PRG (so the base OTs run
// once, before any input is known), one round per batch, and correlated / random OT flavours.
//
// Security: semi-honest sender or receiver (not malicious: a cheating receiver could use
// inconsistent choice bits across columns; kos.h adds the fix of KOS, eprint 2015/546). Hash:
// tccr_hash.h; IKNP's proof needs H(q_j ⊕ s, j) to look random for a secret s (tweakable
// correlation robustness), which GKWY (eprint 2019/074) prove for that construction.
//
// Roles. S = sender (ends up with two messages per OT), R = receiver (choice bits r).
//   Base phase (κ = 128 Naor–Pinkas OTs, base_ot.h, roles reversed): S picks s ∈ {0,1}^κ and is the
//     base-OT *receiver* with choices s; R is the base-OT sender and gets seed pairs
//     (k_i^0, k_i^1). S learns k_i^{s_i}. One round; each side sends before it receives.
//   Extension of m OTs (batch β, m' = 128·⌈m/128⌉; G = AES-128-CTR PRG,
//   AesPrgBank in prg.h, keyed by the first 16 bytes of each base-OT seed, stream β):
//     Step 1, R: t^i = G(k_i^0, β), u^i = t^i ⊕ G(k_i^1, β) ⊕ r     (columns, i < κ); send u.
//     Step 2, S: q^i = G(k_i^{s_i}, β) ⊕ s_i·u^i = t^i ⊕ s_i·r;  transposing, q_j = t_j ⊕ r_j·s.
//     Step 3, flavours, with H(x) = tccr_hash(x, tweak(OT index j)):
//       random:     S gets (H(q_j), H(q_j ⊕ s)), R gets H(t_j) = the r_j-th.     No message.
//       correlated: S picks Δ; x0_j = H(q_j), x1_j = x0_j ⊕ Δ; S sends y_j = x1_j ⊕ H(q_j ⊕ s);
//                   R gets H(t_j) ⊕ r_j·y_j = x_{r_j}.                           ALSZ13 C-OT.
//       chosen:     S sends y0_j = x0_j ⊕ H(q_j), y1_j = x1_j ⊕ H(q_j ⊕ s);
//                   R gets y^{r_j}_j ⊕ H(t_j) = x^{r_j}_j.
//
// Communication (message sizes from message.h: 1 + Σ(5 + data) bytes), labels "<label>.…":
//   "<label>.base"      R→S 1 point: 38 B;  S→R κ points: 6 + 32κ = 4102 B      (setup, once)
//   "<label>.extend"    R→S per batch: 6 + 16·m' B        (u: κ columns of m' bits)
//   "<label>.messages"  S→R per batch: chosen 6 + 32·m B; correlated 6 + 16·m B; random none
// Batches hold at most kIknpBatch OTs; a call with m OTs sends ⌈m / kIknpBatch⌉ of each.
// Rounds: setup 1 (both directions at once); then R's u messages go first and S answers, so an
// extension adds one round (random: R → S) or two (chosen, correlated: R → S → R).
//
// Example: 128 chosen OTs of 16-byte labels after setup: R sends 6 + 2048 B, S sends 6 + 4096 B.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/crypto/prg.h"
#include "protocols/ot/base_ot.h"

namespace smpc {

inline constexpr std::size_t kIknpKappa = 128;
// OTs per extension message: 32 KiB of u (64 KiB of chosen-OT replies). Small enough to stay in
// cache and under glibc's mmap threshold (bigger blocks are mmapped and unmapped per message,
// and every fresh 4 KiB page is a page fault), large enough that the 6-byte header and the
// per-message work vanish.
inline constexpr std::size_t kIknpBatch = std::size_t{1} << 11;

// S's side. Holds per-session state (s, seeds, counters): create one inside Protocol::run.
class IknpSender {
 public:
  IknpSender(Channel& net, PartyId receiver, Rng& rng, std::string label);

  // Base phase, split so callers can place the send in their first round and receive later.
  void send_base();
  void receive_base();
  void setup() {
    send_base();
    receive_base();
  }

  // out.size() random OTs: out[j] = {m0_j, m1_j}.
  void extend_random(std::span<std::array<Block, 2>> out);
  std::vector<std::array<Block, 2>> extend_random(std::size_t m);
  // Chosen-message OT of messages[j] = {x0_j, x1_j}.
  void send_chosen(std::span<const std::array<Block, 2>> messages);
  // Correlated OT with the given Δ: x0[j] = x0_j (and x1_j = x0_j ⊕ Δ).
  void send_correlated(const Block& delta, std::span<Block> x0);
  std::vector<Block> send_correlated(const Block& delta, std::size_t m);

  // Steps 1-2 only, for KOS (kos.h): q.size() unhashed rows q_j = t_j ⊕ r_j·s (F_COTe of KOS
  // §3), in batches of kIknpBatch, one "<label>.extend" message received per batch.
  void extend_rows(std::span<Block> q);

  // The base-OT choice string (IKNP's global correlation): IKNP's s, KOS's Δ. The sender of a
  // KOS check needs it; otherwise exposed for tests only.
  const Block& s() const { return s_; }

 private:
  // Steps 2-3 for one batch of m OTs: receives u, leaves q_j in rows_ and writes
  // {H(q_j), H(q_j ⊕ s)} to h[j] (the caller's output for random OT, pairs_ otherwise).
  void extend_batch(std::size_t m, std::array<Block, 2>* h);
  // Step 2 for one batch: receives u and returns the m' rows q_j (valid until the next call).
  const Block* receive_rows(std::size_t m);

  Channel& net_;
  PartyId peer_;
  Rng& rng_;
  std::string label_;
  Block s_{};
  std::optional<NaorPinkasReceiver> base_;
  std::vector<OtKey> seeds_;  // k_i^{s_i}
  AesPrgBank prg_;            // G(k_i^{s_i}, ·), key schedules expanded once
  std::uint64_t batches_ = 0;
  std::uint64_t next_index_ = 0;  // OT counter: the hash tweak of OT j is (kTweakOt, j)
  // Scratch reused across batches (fresh pages are expensive at these sizes).
  std::vector<std::uint8_t> columns_;
  std::vector<Block> rows_;
  std::vector<std::array<Block, 2>> pairs_;
};

// R's side.
class IknpReceiver {
 public:
  IknpReceiver(Channel& net, PartyId sender, Rng& rng, std::string label);

  void send_base();
  void receive_base();
  void setup() {
    send_base();
    receive_base();
  }

  // x_{r_j} of the corresponding flavour (see the header comment), into out (out.size() ==
  // choices.size()) or a new vector. Output spans let a caller reuse its buffers.
  void extend_random(const std::vector<bool>& choices, std::span<Block> out);
  void receive_chosen(const std::vector<bool>& choices, std::span<Block> out);
  void receive_correlated(const std::vector<bool>& choices, std::span<Block> out);
  std::vector<Block> extend_random(const std::vector<bool>& choices);
  std::vector<Block> receive_chosen(const std::vector<bool>& choices);
  std::vector<Block> receive_correlated(const std::vector<bool>& choices);
  // Step 1 only, for KOS (kos.h): sends u and writes the unhashed rows t_j into t.
  void send_rows(const std::vector<bool>& choices, std::span<Block> t);

 private:
  // Step 1 for choices[off .. off + mb): sends u, returns the rows t_j (valid until next call).
  const Block* send_rows_batch(const std::vector<bool>& choices, std::size_t off, std::size_t mb);
  // Steps 1 and 3 for every batch of `choices`: sends all u's before receiving anything, and
  // writes H(t_j) for every OT into h.
  void send_extension(const std::vector<bool>& choices, std::span<Block> h);

  Channel& net_;
  PartyId peer_;
  Rng& rng_;
  std::string label_;
  std::optional<NaorPinkasSender> base_;
  std::vector<std::array<OtKey, 2>> seeds_;  // (k_i^0, k_i^1)
  AesPrgBank prg0_, prg1_;                    // G(k_i^0, ·), G(k_i^1, ·)
  std::uint64_t batches_ = 0;
  std::uint64_t next_index_ = 0;
  std::vector<std::uint8_t> columns_, r_;
  std::vector<Block> rows_;
};

}  // namespace smpc
