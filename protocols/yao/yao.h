// YaoSemiHonest: Yao's garbled-circuit protocol for two parties, semi-honest security against
// one corrupted party (garbler or evaluator).
//
// Papers: Yao (FOCS 1986); the protocol and its proof as in Lindell, Pinkas, "A Proof of
// Security of Yao's Protocol for Two-Party Computation" (J. Cryptology 2009, eprint 2004/175),
// §3; garbling with half-gates + free-XOR + point-and-permute (Zahur–Rosulek–Evans, eprint
// 2014/756; half_gates.h) over the TMMO hash of Guo–Katz–Wang–Yu (eprint 2019/074;
// tccr_hash.h); the evaluator's input labels by IKNP OT extension (iknp.h) on Naor–Pinkas
// base OTs over ristretto255 (eprint 2019/706; base_ot.h).
//
// Steps (G = garbler, party `garbler`, default 0; E = the other party):
//   1. G picks Δ (lsb 1) and a random zero-label for every input wire.
//   2. G sends its active input labels W_w^0 ⊕ x_w·Δ.                             "yao.inputs"
//   3. Base OTs: E (IKNP receiver) and G (IKNP sender) each send their Naor–Pinkas base-OT message.
//                                                                                 "yao.ot.base"
//   4. E obtains W_w^{x_w} for each of its input wires by chosen-message OT of
//      (W_w^0, W_w^0 ⊕ Δ): E sends the IKNP matrix, G the masked pairs.
//                                                          "yao.ot.extend", "yao.ot.messages"
//   5. G garbles gate by gate and streams the tables, 2 blocks per AND gate, in messages of at
//      most `table_chunk_gates` gates; E evaluates each chunk as it arrives.       "yao.tables"
//   6. Outputs, as the circuit's output groups say, authenticated by the labels (the garbled
//      circuit's "authenticity", Bellare–Hoang–Rogaway, eprint 2012/265, §3):
//      a. for E's outputs G sends, per wire w, h(W_w^0) and h(W_w^1) in value order
//         ("yao.decode"), h(W, w) = the first 8 bytes of H(W, (kTweakYaoOutput, w));
//         E outputs b if h(W_w) = h(W_w^b) and aborts (CheckFailed, naming w) if neither matches;
//      b. for G's outputs E sends its labels W_w ("yao.reveal"); G outputs b if W_w = W_w^b
//         and aborts (CheckFailed, naming w) otherwise.
//      An output group for both parties takes both messages; a party learns nothing about a
//      wire it does not receive. Without Δ nobody can make up the label of the other value, so
//      a label altered in transit, by garbage tables, or by a cheating E is detected: 64-bit
//      hashes make a wrong accepted output a 2^-64 guess per wire (E's side; the hash is
//      correlation robust, so h(W ⊕ Δ) gives no hold on Δ), the full label a 2^-127 one (G's).
//      Why labels and not colour bits for G's outputs: 16 B instead of 1 bit per wire (2 KiB for
//      AES-128's 128 output bits, 1% of its tables), and E can no longer flip G's outputs.
//      This does NOT make Yao secure against a malicious garbler (it may garble another
//      circuit) and abort-or-not still leaks (selective failure, docs/yao.md).
//
// Communication, exactly (wire size of a message: 1 + Σ(5 + data) bytes, message.h). With
// I_G, I_E the input wires of G and E, A the AND gates, O_G, O_E the output wires delivered to
// G and E, C = table_chunk_gates (2048), B = kIknpBatch (2048) and m'_k = 128·⌈m_k/128⌉ for the
// OT batches m_k of I_E (⌈I_E/B⌉ of them):
//   yao.inputs       G→E  6 + 16·I_G                                  (if I_G > 0)
//   yao.ot.base      E→G  6 + 32 = 38;   G→E  6 + 32·128 = 4102       (if I_E > 0)
//   yao.ot.extend    E→G  Σ_k (6 + 16·m'_k)                           (if I_E > 0)
//   yao.ot.messages  G→E  Σ_k (6 + 32·m_k)                            (if I_E > 0)
//   yao.tables       G→E  32·A + 6·⌈A/C⌉  (exactly 32 B per AND gate plus 6 B per message)
//   yao.decode       G→E  6 + 16·O_E  (two 8-byte hashes per wire)    (if O_E > 0)
//   yao.reveal       E→G  6 + 16·O_G  (one 16-byte label per wire)    (if O_G > 0)
// XOR, INV, EQ and EQW gates cost nothing.
//
// Rounds (causal, meter.h), independent of the circuit's size and depth: G's inputs and both
// base-OT messages are round 1, E's IKNP matrix round 2, G's OT messages, tables and decoding
// hashes round 3, E's reveal round 4. So 3 rounds, plus 1 when G receives outputs; when E has no
// input wires there is no OT and the counts are 1 and 2.
//
// Example: AES-128 (Bristol, 6400 AND, key from G, plaintext from E, ciphertext to both):
// tables 32·6400 + 6·4 = 204824 B in 4 messages; inputs 2054; base OT 4140; extend 2054;
// OT messages 4102; decode 6+16·128 = 2054; reveal 2054: 221282 bytes, 4 rounds.
// Example: the millionaires' problem on 32-bit values (CircuitBuilder::lt, 32 AND gates),
// output to both: 6+512 + 38+4102 + 6+2048 + 6+1024 + 6+1024 + 6+16 + 6+16 = 8816 bytes, 4 rounds.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/status.h"
#include "protocols/yao/half_gates.h"

namespace smpc {

// AND gates per "yao.tables" message: 64 KiB of tables. Big enough that the 6-byte header and
// the per-message work vanish (0.02%), small enough that the evaluator holds one chunk at a
// time and that messages stay under glibc's mmap threshold (bigger blocks are mapped and
// unmapped per message; fresh pages fault).
inline constexpr std::size_t kYaoTableChunkGates = 2048;

class YaoSemiHonest final : public Protocol {
 public:
  // Requires a Boolean circuit validated for 2 parties (make_yao checks user input).
  explicit YaoSemiHonest(Circuit circuit, PartyId garbler = 0,
                         std::size_t table_chunk_gates = kYaoTableChunkGates);

  std::string_view name() const override { return "yao"; }
  SecurityClaim claim(int parties) const override;

  PartyId garbler() const { return garbler_; }
  const GarblingPlan& plan() const { return plan_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  // What both roles start from: the input and output wires of the garbler (g) and of the
  // evaluator (e), and this party's input bits.
  struct Role {
    std::vector<std::uint32_t> in_g, in_e, out_g, out_e;
    std::vector<bool> bits;
  };
  PartyOutput run_garbler(PartyContext& ctx, const Role& role) const;
  PartyOutput run_evaluator(PartyContext& ctx, const Role& role) const;

  Circuit circuit_;
  GarblingPlan plan_;  // immutable after construction: shared by both parties' run()
  PartyId garbler_;
  std::size_t chunk_;
};

// The cost the class comment documents, computed for a circuit: bytes and messages per label
// (summed over both parties) and the causal round count.
struct YaoCost {
  std::map<std::string, std::uint64_t> bytes;
  std::map<std::string, std::uint64_t> messages;
  std::uint32_t rounds = 0;
};
YaoCost yao_cost(const Circuit& circuit, PartyId garbler = 0,
                 std::size_t table_chunk_gates = kYaoTableChunkGates);

// Registry factory (same contract as make_bgw in protocols/registry.cpp). Accepts
// {"garbler": 0 | 1} (default 0). Errors start with a JSON pointer: "/parties: ...",
// "/function: ...", "/protocol/garbler: ...".
Result<std::unique_ptr<Protocol>> make_yao(const nlohmann::json& params, const Circuit& circuit,
                                           int parties);

}  // namespace smpc
