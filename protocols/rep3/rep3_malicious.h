// Replicated secret sharing for three parties with security against one malicious party
// (security with abort).
//
// Paper: Furukawa, Lindell, Nof, Weinstein, "High-Throughput Secure Three-Party Computation for
// Malicious Adversaries and an Honest Majority", Eurocrypt 2017, eprint 2016/944 ("FLNW").
// The circuit is evaluated with the semi-honest multiplication of Araki et al. (rep3.h), which
// FLNW show is secure up to an additive attack: a malicious party can only add an error
// independent of the values to a product. Every product is then checked against a random
// multiplication triple that was itself verified by cut-and-bucket, and the parties compare
// views before anything is revealed. Steps (party i; next = i + 1, prev = i − 1 mod 3; the
// paper's sub-protocols named in brackets):
//   0-1. Keys and inputs as rep3 (steps 0 and 1 of rep3.h)            "rep3.setup", "rep3.input"
//   2. Triples [generating random triples]: with N AND/MUL gates, M = max(N, 1024) buckets of
//      B triples and C = B extra ones, T = M·B + C in all. [a], [b] come from the PRG keys
//      with nothing sent (F_rand: component j of party i is F(k_j), j ∈ {i, i + 1}); [c] =
//      [a·b] by rep3's multiplication, one element per party per triple.       "rep3m.triple"
//   3. The circuit, layer by layer, as rep3's step 2.                              "rep3.mult"
//   4. Coin [F_coin]: a random 256-bit sharing from the keys, opened (each party sends its
//      first component to next); it seeds a permutation π of the T triples.       "rep3m.coin"
//   5. Cut-and-bucket, and the circuit check, one opening round: the first C triples under π
//      are opened whole [cut-and-choose: abort unless c = a·b]; the rest form M buckets of B;
//      the first triple (x, y, z) of each bucket is checked against each other one (a, b, c)
//      [verifying a triple using another, without opening], and each AND/MUL gate g (x, y, z)
//      of the circuit against the first triple (a, b, c) of bucket g [verification of
//      multiplications]: ρ = x − a and σ = y − b are opened.                      "rep3m.open"
//   6. For every such pair, v = z − c − σ·a − ρ·b − ρ·σ (= 0 when z = x·y and c = a·b) is opened;
//      abort unless v = 0.                                                       "rep3m.check"
//      In the same round, [compare views]: i sends prev a BLAKE2b hash of its first components
//      of next's inputs (prev holds the same component as its second) and of its second
//      components of every value opened in steps 4-6 (prev received them as first components
//      from its own prev): prev aborts unless the hash equals its own. With N = 0 only the
//      inputs are hashed, in a round of its own.                                  "rep3m.view"
//   7. Outputs: receiver r lacks s_{r+2}; prev(r) sends it (its first components), next(r) sends
//      it too (its second components); r aborts unless both agree.             "rep3m.output"
// An aborting party tells the others ("rep3m.abort"), so they stop at their next receive.
// Aborts name nobody (the paper's checks do not identify the cheater), except malformed or
// missing messages, which blame their sender.
//
// Communication, exactly. bits(k) = ⌈k/8⌉ for Boolean, 8k for ring circuits; elem(k) = 6 +
// bits(k); K = M·(B − 1) + N checked pairs; the rep3 terms (setup, input, mult) as in rep3.h:
//   "rep3m.triple"  3 · elem(T)                    "rep3m.coin"   3 · (6 + 32)
//   "rep3m.open"    3 · (1 + 3·(5 + bits(C)) + 2·(5 + bits(K)))
//   "rep3m.check"   3 · elem(K)                    "rep3m.view"   3 · (6 + 32)
//   "rep3m.output"  Σ_{r: O_r>0} 2 · elem(O_r)
// (triple, coin, open and check only when N > 0). Rounds (causal): 1 + L + 4 + 1 when N > 0
// (keys and inputs, L layers, triples, coin, open, check, outputs); 1 + 1 + 1 when N = 0; the
// last 1 only when somebody receives an output.
//
// Roles (docs/applications.md "Replicated 3PC with clients"): servers 0, 1, 2 run the steps
// above; a client deals as in rep3.h step 1c and receives as below. Input consistency (FLNW's
// [compare views] applied to the client's components):
//   6c. The view hash of step 6 also covers, for every client input, the sender's first
//       component (to prev, who holds it as its second): a client that gave servers i and
//       i − 1 different copies of s_i makes i − 1 abort. No extra message or round.
//   7c. Output to client r: each server sends its pair (s_i, s_{i+1}) of r's output wires; r
//       receives every component from two servers and aborts unless both copies agree.
// A client together with one corrupted server is in the position of a corrupted input owner
// of the three-party protocol (it knows all three components and dictates the two honest
// servers' pairs), so the argument for owners' inputs carries over. Honest servers need not
// abort together: the server that sees a differing hash aborts before sending any output
// share and tells the others; every receiver needs a message from it (a server receiver gets
// its missing component from both others, a client from all three), so no honest party
// outputs — security with abort, never an output computed on inconsistent shares.
//   "rep3.input"    + Σ_{c: I_c>0} 3 · elem(2 I_c)
//   "rep3m.output"  + Σ_{c: O_c>0} 3 · elem(2 O_c)
// A client sends 3 · elem(2 I_c) and receives 3 · elem(2 O_c) bytes (rep3_party_bytes).
//
// Statistical security: B is the smallest with M^(B−1) ≥ 2^40, from FLNW's bound for
// cut-and-bucket (the adversary wins with probability about 1/M^(B−1); B = 3 at M = 2^20 as in
// the paper); M ≥ 1024 keeps B ≤ 5. The analysis is over an additive attack, so it holds in
// Z_2^64 as in Z_2 (a check passes iff the two errors are equal; the permutation is drawn after
// every triple and product is committed).
#pragma once

#include <memory>

#include <nlohmann/json.hpp>

#include "protocols/core/circuit.h"
#include "protocols/core/protocol.h"
#include "protocols/core/share_cost.h"
#include "protocols/core/status.h"
#include "protocols/rep3/rep3.h"

namespace smpc {

// Step 2's sizes for a circuit of `gates` AND/MUL gates (all zero when gates = 0).
struct Rep3Buckets {
  std::size_t gates = 0, buckets = 0, size = 0, opened = 0;
  std::size_t triples() const { return buckets * size + opened; }
  std::size_t checked() const { return buckets * (size - 1) + gates; }
};
Rep3Buckets rep3_buckets(std::size_t gates);

class Rep3Malicious final : public Protocol {
 public:
  // `parties` > 3: roles, parties 3.. are clients (the comment above, "Roles").
  explicit Rep3Malicious(Circuit circuit, int parties = kRep3Parties);

  std::string_view name() const override { return "rep3_malicious"; }
  SecurityClaim claim(int parties) const override;
  std::optional<std::string_view> abort_notice_label() const override;

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  Rep3Plan plan_;
  Rep3Buckets buckets_;
};

ExactCost rep3_malicious_cost(const Circuit& c, int parties = kRep3Parties);

Result<std::unique_ptr<Protocol>> make_rep3_malicious(const nlohmann::json& params,
                                                      const Circuit& circuit, int parties);

}  // namespace smpc
