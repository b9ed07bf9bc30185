// GMW for n parties: Boolean circuits on XOR-shared bits, AND gates by Beaver triples.
//
// Papers: Goldreich, Micali, Wigderson, "How to Play any Mental Game" (STOC 1987) — XOR
// sharing, local XOR/INV, interaction only for AND; Beaver, "Efficient Multiparty Protocols
// Using Circuit Randomization" (CRYPTO 1991) — an AND from a precomputed triple and two
// openings; the presentation and step numbering follow Evans–Kolesnikov–Rosulek, "A Pragmatic
// Introduction to Secure MPC" (2018), §3.2 (GMW) with Beaver triples (§3.4). Triples:
// bit_triples.h (IKNP random OT between every pair, eprint 2013/552; or a trusted dealer).
//
// Two protocols, one online phase:
//   GmwSemiHonest     "gmw"         triples from OT in an offline phase (report phase
//                                   "offline"), then the online phase (phase "online").
//   GmwTrustedDealer  "gmw_dealer"  triples from a trusted dealer (no messages), online only:
//                                   for comparing online phases.
// Security: semi-honest, up to n − 1 of n parties corrupted (dishonest majority), correct
// output; no output guarantee against a malicious party (none is claimed).
//
// Online phase (party i; every message bit-packed, message.h):
//   1. Input sharing: the owner of each input bit x picks x_j at random for every peer j, keeps
//      x_i = x ⊕ ⊕_j x_j, and sends each peer one message with its shares of all the owner's
//      input bits.                                                              "gmw.input"
//   2. Layer by layer (layer_schedule.h): for the m AND gates z = x ∧ y of the layer, each with
//      its own triple (a, b, c), i opens d_i = x_i ⊕ a_i and e_i = y_i ⊕ b_i: one message to
//      every peer with the 2m bits (d_0..d_{m−1}, e_0..e_{m−1}).                  "gmw.and"
//      With d = ⊕ d_j and e = ⊕ e_j, z_i = c_i ⊕ d·b_i ⊕ e·a_i ⊕ [i = 0]·d·e (Beaver).
//      Then the layer's linear gates, locally: XOR of shares; INV and the constant EQ on party
//      0's share only; EQW copies.
//   3. Outputs: for each receiver r of some output wires (Circuit::output_wires_of), every
//      other party sends r one message with its shares of them; r XORs.         "gmw.output"
//
// Communication, exactly (bytes of a message with k bits: 6 + ⌈k/8⌉). With n parties, I_p
// input wires of party p, layers ℓ = 1..L of m_ℓ AND gates (A = Σ m_ℓ), O_r output wires
// delivered to r:
//   online   "gmw.input"   Σ_{p: I_p>0} (n−1)·(6 + ⌈I_p/8⌉)
//            "gmw.and"     Σ_ℓ n(n−1)·(6 + ⌈2m_ℓ/8⌉)
//            "gmw.output"  Σ_{r: O_r>0} (n−1)·(6 + ⌈O_r/8⌉)
//   offline  (gmw only, when A > 0; bit_triples.h: one IKNP instance per unordered pair,
//            2A random OTs each, in batches m_k of at most kIknpBatch, m'_k = 128·⌈m_k/128⌉)
//            "gmw.ot.base"     n(n−1)/2 · (38 + 4102)
//            "gmw.ot.extend"   n(n−1)/2 · Σ_k (6 + 16·m'_k)
//            "gmw.triple.fix"  n(n−1)/2 · (6 + ⌈2A/8⌉)          (none for n = 2)
// Per AND gate and pair of parties, beyond the per-message headers and the one-time base OTs:
//   online   4 bits = 0.5 B  (d and e, 2 bits each way)
//   offline  32 B + 2 bits   (two IKNP random OTs, 16 B of u each, receiver → sender; two
//                             correction bits sender → receiver; 32 B flat for n = 2)
// XOR, INV, EQ and EQW cost nothing. gmw_cost() computes all of this per label and per link.
//
// Roles (docs/applications.md "Roles"; the scenario's "roles", ProtocolSpec::client_inputs):
// parties 0..S−1 are the servers and run everything above among themselves (n = S: triples,
// openings); a client c (party ≥ S) only deals and receives. It XOR-shares each input bit into
// S shares, the first S−1 random, the last the bit ⊕ the others, one message per server; its
// output shares come from every server. So, with the same notation (n = S; I_p, O_r of any
// party, client or server):
//   "gmw.input"   dealer p sends 6 + ⌈I_p/8⌉ bytes to each server ≠ p
//   "gmw.and"     per layer: S(S−1)·(6 + ⌈2m_ℓ/8⌉), among the servers only
//   "gmw.output"  receiver r gets 6 + ⌈O_r/8⌉ bytes from each server ≠ r
//   offline       the formula above with n = S (clients hold no triples)
// A client sends S(6 + ⌈I_c/8⌉) and receives S(6 + ⌈O_c/8⌉) bytes; a server s sends
// (S−1)(6 + ⌈I_s/8⌉) [I_s > 0] + Σ_ℓ (S−1)(6 + ⌈2m_ℓ/8⌉) + Σ_{r ≠ s, O_r > 0} (6 + ⌈O_r/8⌉)
// + its offline messages, and receives Σ_{p ≠ s, I_p > 0} (6 + ⌈I_p/8⌉) + Σ_ℓ (S−1)(6 +
// ⌈2m_ℓ/8⌉) + [O_s > 0] (S−1)(6 + ⌈O_s/8⌉) + its offline messages. Rounds: the replay
// below, clients starting at round 0 (their inputs go out in round 1, while the servers'
// triples are made: L + 1 online rounds after the offline ones when only clients give inputs).
//
// Rounds (causal, meter.h): offline 3 (base OTs; u; corrections), 2 for n = 2, 0 when A = 0
// or with the dealer. Online = total − offline = 1 (inputs) + L (one per AND layer, whatever
// its width) + 1 (outputs) = L + 2 in the usual case (n ≥ 3 and someone gives inputs; n = 2
// and party 0 gives inputs). Causality makes it one less when nobody gives inputs, or for
// n = 2 when only party 1 does: the OT receiver holds its triples after round 1, so its
// input and first layer go out in the last offline round. gmw_cost() replays the exact count
// for any input/output pattern.
//
// Example: AES-128 (6400 ANDs, 60 layers), 3 parties, key from party 0, plaintext from
// party 1, ciphertext to all: 3 offline + 62 online rounds. Offline per pair: 4140 B of base
// OTs, 16·12800 B of u plus 6 B per IKNP batch message, 6 + 1600 B of corrections; online
// 11 980 B in all (88 inputs, 11 760 openings, 132 outputs). Over 50 ms links:
// 65 × 50 ms + transfer ≈ 3.25 s simulated (docs/gmw.md).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/layer_schedule.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"

namespace smpc {

// The circuit and its layer schedule, computed once and shared read-only by every party.
struct GmwPlan {
  Circuit circuit;
  int servers = 0;  // roles: parties 0..servers-1 compute, the others are clients; 0: all
  std::vector<CircuitLayer> layers;
  std::size_t and_count = 0;
};

class GmwSemiHonest final : public Protocol {
 public:
  // Requires a Boolean circuit already validated for the run's party count (make_gmw checks
  // user input).
  // With `servers` > 0 (roles, docs/applications.md) parties 0..servers-1 compute and the
  // others are clients that XOR-share their inputs to the servers and receive outputs.
  explicit GmwSemiHonest(Circuit circuit, int servers = 0);

  std::string_view name() const override { return "gmw"; }
  SecurityClaim claim(int parties) const override;

  const GmwPlan& plan() const { return plan_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  GmwPlan plan_;
};

class GmwTrustedDealer final : public Protocol {
 public:
  // dealer_seed fixes the dealer's randomness (bit_triples.h): vary it across runs that must
  // be independent (e.g. privacy sampling).
  GmwTrustedDealer(Circuit circuit, std::uint64_t dealer_seed, int servers = 0);

  std::string_view name() const override { return "gmw_dealer"; }
  SecurityClaim claim(int parties) const override;

  const GmwPlan& plan() const { return plan_; }
  std::uint64_t dealer_seed() const { return dealer_seed_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  GmwPlan plan_;
  std::uint64_t dealer_seed_;
};

enum class GmwPreprocessing { kOt, kTrustedDealer };

// The cost the class comment documents, computed for a circuit and party count: bytes and
// messages per label (summed over all parties), bytes per link [from][to] (all labels), and
// causal rounds.
struct GmwCost {
  std::map<std::string, std::uint64_t> bytes;
  std::map<std::string, std::uint64_t> messages;
  std::vector<std::vector<std::uint64_t>> link_bytes;
  std::uint32_t offline_rounds = 0;
  std::uint32_t online_rounds = 0;
  std::uint32_t rounds = 0;  // offline + online: the largest round stamped on any message
};
// With `servers` > 0 (roles) the formula of "Roles" above; link_bytes then give every party's
// bytes sent (row sums) and received (column sums).
GmwCost gmw_cost(const Circuit& circuit, int parties, GmwPreprocessing preprocessing,
                 int servers = 0);

// Registry factories (same contract as make_bgw in protocols/registry.cpp). Errors start with
// a JSON pointer: "/parties: ...", "/function: ...", "/protocol/<key>: ...".
//   make_gmw         accepts no parameters (besides "name").
//   make_gmw_dealer  accepts {"dealer_seed": non-negative integer} (default 0).
Result<std::unique_ptr<Protocol>> make_gmw(const nlohmann::json& params, const Circuit& circuit,
                                           int parties);
Result<std::unique_ptr<Protocol>> make_gmw_dealer(const nlohmann::json& params,
                                                  const Circuit& circuit, int parties);

}  // namespace smpc
