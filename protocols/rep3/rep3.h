// Replicated secret sharing for three parties, semi-honest, one corruption.
//
// Paper: Araki, Furukawa, Lindell, Nof, Ohara, "High-Throughput Semi-Honest Secure Three-Party
// Computation with an Honest Majority", ACM CCS 2016, eprint 2016/768. Its 2-out-of-3 sharing
// of v gives P_i the pair (x_i, a_i) with x_1 ⊕ x_2 ⊕ x_3 = 0 and a_i = x_{i−1} ⊕ v. We keep
// the equivalent replicated form: v = s_0 + s_1 + s_2 and party i holds (s_i, s_{i+1})
// (indices mod 3); the paper's pair is (s_i ⊕ s_{i+1}, s_{i+1}), a local linear change, so
// messages and costs are the paper's. The same steps run over Z_2 (Boolean circuits; + is ⊕,
// · is ∧) and over Z_2^64 (ring circuits, CircuitDomain::kRing64; machine arithmetic).
//
// Steps (party i; "next" = i + 1, "prev" = i − 1 mod 3):
//   0. Correlated randomness (the paper's F_cr from PRF keys): i draws a PRG key k_i and sends
//      it to prev, so i holds k_i and k_{i+1}. For gate g of layer ℓ, α_i = F(k_i, ℓ)[g] −
//      F(k_{i+1}, ℓ)[g] (F: the ChaCha20 PRG of protocols/crypto/prg.h, stream ℓ), and
//      α_0 + α_1 + α_2 = 0 with nothing further sent.                              "rep3.setup"
//   1. Input sharing: the owner p of x picks s_{p+1}, s_{p+2} at random, sets s_p = x − s_{p+1}
//      − s_{p+2}, keeps (s_p, s_{p+1}) and sends (s_{p+1}, s_{p+2}) to next and (s_{p+2}, s_p)
//      to prev: one message to each with all of p's inputs.                          "rep3.input"
//   2. Layer by layer (layer_schedule.h): linear gates locally on both components (a constant
//      c is the sharing s_0 = c, so it lands on party 0's first and party 2's second
//      component); for the m AND/MUL gates z = x·y of a layer,
//        z_i = x_i·y_i + x_i·y_{i+1} + x_{i+1}·y_i + α_i                (so Σ z_i = x·y),
//      i sends all m values z_i in one message to prev and receives z_{i+1} from next: i now
//      holds (z_i, z_{i+1}). One element per party per gate, one round per layer.    "rep3.mult"
//      Boolean circuits run from a flat program (Rep3BitProgram below): both components of a
//      wire in one byte, wires renumbered in the order they get their values, every linear
//      gate one XOR of two bytes; the z_i of 64 AND gates are packed into one word, to which
//      the PRG's α is added as a word, and which goes into the message as it is.
//   3. Outputs: receiver r lacks only s_{r+2}, held first by prev(r) = r + 2, which sends it
//      its first components of r's output wires; r adds the three.                 "rep3.output"
//
// Communication, exactly. With elem(k) the bytes of a message of k elements (6 + ⌈k/8⌉ for
// bits, 6 + 8k for ring words), I_p input wires of party p, layers ℓ = 1..L of m_ℓ AND/MUL
// gates, O_r output wires delivered to r:
//   "rep3.setup"   3 · (6 + 32)
//   "rep3.input"   Σ_{p: I_p>0} 2 · elem(2 I_p)
//   "rep3.mult"    Σ_ℓ 3 · elem(m_ℓ)
//   "rep3.output"  Σ_{r: O_r>0} elem(O_r)
// so one ring element (8 B; 24 B for the three parties) or one bit per party per
// multiplication, beyond the 6-byte header per message. XOR/ADD/SUB/MUL_CONST/INV/EQ/EQW: free.
// Rounds (causal, meter.h): 1 (keys and inputs) + L + 1 (outputs, when anybody receives one).
//
// Roles (docs/applications.md "Replicated 3PC with clients"; the scenario's "roles" with
// servers = 3, ProtocolSpec::client_inputs): parties 0, 1, 2 are the servers and run
// everything above; a client c ≥ 3 only deals and receives.
//   1c. Input: for each input x the client picks s_1, s_2 from its seeded stream, sets s_0 =
//       x − s_1 − s_2 and sends server i the pair (s_i, s_{i+1}), exactly the sharing the
//       servers would hold had a server dealt x: one message per server, the first components
//       of all the client's inputs, then the second ones.                       "rep3.input"
//   3c. Output to a client: each server sends its first component s_i of the client's output
//       wires; the client adds the three (the second components are redundant against a
//       semi-honest server, and rep3_malicious sends them to compare).         "rep3.output"
// Costs with roles (I_c, O_c of client c; server terms as above):
//   "rep3.input"   + Σ_{c: I_c>0} 3 · elem(2 I_c)
//   "rep3.output"  + Σ_{c: O_c>0} 3 · elem(O_c)
// so a client sends 3 · elem(2 I_c) and receives 3 · elem(O_c) bytes; server s sends
// 38 + 2 · elem(2 I_s) [I_s > 0] + Σ_ℓ elem(m_ℓ) + elem(O_{s+1}) [O_{s+1} > 0] + Σ_c elem(O_c)
// and receives 38 + Σ_{p ≠ s, I_p > 0} elem(2 I_p) + Σ_ℓ elem(m_ℓ) + elem(O_s) [O_s > 0]
// (p over the other servers and the clients; rep3_party_bytes). Rounds: unchanged (clients
// send their inputs in round 1 with the servers' keys, and receive in the output round).
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
#include "protocols/core/share_cost.h"
#include "protocols/core/status.h"

namespace smpc {

inline constexpr int kRep3Parties = 3;

// A Boolean circuit's layers as flat operand arrays for step 2's inner loops (rep3.cpp). The
// wires are renumbered in the order they get their values (inputs, then layer by layer the AND
// outputs and the linear gates' outputs), so a layer writes one contiguous run of slots and
// mostly reads recent ones. Every linear gate is one XOR of two slots: INV x = x ⊕ one, EQW x =
// x ⊕ zero, EQ c = (c ? one : zero) ⊕ zero, where slots `zero` and `one` hold the sharings of 0
// and 1 (s_0 = 1 carries the constant, as in step 2).
struct Rep3BitProgram {
  static constexpr std::uint32_t zero = 0, one = 1;
  std::vector<std::uint32_t> slot;     // wire → slot
  std::size_t slots = 2;               // zero, one, then every wire
  std::vector<std::uint32_t> and_ops;  // in0, in1 slots per AND gate, layer after layer
  std::vector<std::uint32_t> xor_ops;  // in0, in1 slots per linear gate, layer after layer
  // Layer ℓ's gates are [and_begin[ℓ], and_begin[ℓ + 1]) and likewise for xor_begin; their
  // outputs are the slots from first_out[ℓ] on, the AND gates' first.
  std::vector<std::size_t> and_begin, xor_begin;
  std::vector<std::uint32_t> first_out;
};

// The circuit and its layer schedule, computed once and shared read-only by the three parties.
struct Rep3Plan {
  Circuit circuit;
  std::vector<CircuitLayer> layers;
  int parties = kRep3Parties;  // with roles (clients 3..parties−1) more than the three servers
  Rep3BitProgram bits;         // Boolean circuits only
};

// The plan of a Boolean or kRing64 circuit for `parties` (rep3 and rep3_malicious).
Rep3Plan rep3_plan(Circuit circuit, int parties);

class Rep3SemiHonest final : public Protocol {
 public:
  // A Boolean or kRing64 circuit already validated for three parties (make_rep3 checks user
  // input).
  // `parties` > 3: roles, parties 3.. are clients (rep3.h "Roles").
  explicit Rep3SemiHonest(Circuit circuit, int parties = kRep3Parties);

  std::string_view name() const override { return "rep3"; }
  SecurityClaim claim(int parties) const override;
  const Rep3Plan& plan() const { return plan_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Rep3Plan plan_;
};

// The exact cost the comment above documents (bytes per label summed over all parties,
// causal rounds) for a Boolean or kRing64 circuit; `parties` > 3 with roles.
ExactCost rep3_cost(const Circuit& c, int parties = kRep3Parties);
// Every party's bytes sent and received (rep3 or, `malicious`, rep3_malicious), roles or not.
std::vector<PartyCost> rep3_party_bytes(const Circuit& c, int parties, bool malicious);

// The claim's wording shared by both protocols: who may be corrupted, with or without roles.
std::string rep3_corruption_text(int parties);

// Registry factory: three parties (or, with roles, three servers and any number of clients), a
// Boolean or kRing64 circuit, no parameters. Errors start with a JSON pointer ("/parties: ...",
// "/function: ...").
Result<std::unique_ptr<Protocol>> make_rep3(const nlohmann::json& params, const Circuit& circuit,
                                            int parties);

}  // namespace smpc
