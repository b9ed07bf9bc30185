// Authenticated Byzantine broadcast of Dolev and Strong ("Authenticated algorithms for
// Byzantine agreement", SIAM J. Comput. 12(4), 1983), for any number f < n of corrupted
// parties, over point-to-point channels in lock-step rounds (protocols/bgw/lockstep.h), with
// Ed25519 signatures (libsodium crypto_sign_*). Several senders broadcast in the same rounds,
// one instance each, batched in one message per pair and round.
//
// Setup (a PKI): every party p holds an Ed25519 key pair and knows every party's public key.
// The testbed simulates the setup with pki_from_seed (keys from crypto_sign_seed_keypair over
// Rng(seed, p, "dolev-strong-pki")); a party's code uses only its own secret key, and no adversary
// strategy holds another party's key, so a corrupted party can sign only as itself.
//
// A signature on (tag, s, v) is p's Ed25519 signature on
//   SHA-512("smpc-dolev-strong-v1" ‖ u32 |tag| ‖ tag ‖ u32 s ‖ v)  (u32 little-endian),
// so it binds the instance (tag: the caller's protocol step), the sender s and the value v.
// R = f + 1 rounds:
//   Round 1. The sender s signs v and sends (v, σ_s) to every party (label `send`).
//   Round r. A party accepts value v for sender s when it arrives in round r with valid
//            signatures on (tag, s, v) by at least r distinct parties, s among them. Each accepted
//            v that is new for s (a party keeps at most two values per sender) joins s's extracted
//            set and, if r < R, goes to every other party in round r + 1 with r of those
//            signatures and the party's own added (label `relay`: every party sends one relay
//            message to every other in rounds 2..R, empty when it has nothing new, so that
//            rounds never wait for their deadline in an honest run).
//   Output. For each sender: its value if the extracted set holds exactly one, else ⊥.
// Why it agrees (Dolev–Strong, Thm. 1): if an honest party extracts v in round r < R, every
// honest party extracts v by round r + 1; if in round R, v carries R = f + 1 distinct signatures,
// one of them an honest party's, which extracted v earlier and relayed it to all. So all honest
// parties end with the same extracted set. An honest sender signs only v, so every honest party
// extracts exactly v (validity).
//
// Messages (message.h wire format: 1 byte + 5 per part + data):
//   send:  bytes v; bytes σ_s (64)                           6 + |v| + 5 + 64 = 75 + |v| bytes
//   relay: bytes: entries  u32 s ‖ u32 |v| ‖ v ‖ u32 k ‖ k × (u32 signer ‖ σ (64))
//          (an entry with k signatures is 12 + |v| + 68k bytes; an empty relay 6 bytes)
// Exact cost with honest parties, N parties, senders with values of L_s bytes:
//   send   Σ_s (N − 1)(75 + L_s)                                        round 1
//   relay  (N − 1)(6N + (N − 1) Σ_s (148 + L_s))                        round 2 (R ≥ 2)
//          + (R − 2)·N(N − 1)·6                                         rounds 3..R (empty)
// in R = f + 1 causal rounds (dolev_strong_cost).
#pragma once

#include <array>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "protocols/bgw/lockstep.h"

namespace smpc {

using SigPublicKey = std::array<std::uint8_t, 32>;
using SigSecretKey = std::array<std::uint8_t, 64>;
using Signature64 = std::array<std::uint8_t, 64>;

// The simulated PKI: party p's key pair is keys[p]; everyone knows every public key.
struct Pki {
  std::vector<SigPublicKey> public_keys;
  std::vector<SigSecretKey> secret_keys;
};
Pki pki_from_seed(std::uint64_t seed, int parties);

struct BroadcastConfig {
  const Pki* pki = nullptr;
  int max_corrupted = 0;         // f: R = f + 1 rounds
  std::string_view tag;          // binds the signatures to this instance
  std::string_view send_label;   // round 1
  std::string_view relay_label;  // rounds 2..R
};

inline int dolev_strong_rounds(int max_corrupted) { return max_corrupted + 1; }

// Runs R lock-step rounds (net.begin_round() once per round). `senders` (sorted, distinct, the
// same at every honest party) broadcast; `mine` is this party's value when it is a sender.
// Entry s of the result is the agreed value of sender s (nullopt = ⊥, and for non-senders);
// entry self() is `mine` when self() sends.
std::vector<std::optional<Bytes>> dolev_strong(LockstepNet& net, const BroadcastConfig& cfg,
                                               const std::vector<PartyId>& senders,
                                               const Bytes& mine);

// The signature helpers (public for the tests' forging attacker).
Signature64 broadcast_sign(const SigSecretKey& sk, std::string_view tag, PartyId sender,
                           ByteSpan value);
bool broadcast_verify(const SigPublicKey& pk, std::string_view tag, PartyId sender,
                      ByteSpan value, const Signature64& sig);
// One relay entry: (sender, value, [(signer, σ)]).
struct RelayEntry {
  PartyId sender = 0;
  Bytes value;
  std::vector<std::pair<PartyId, Signature64>> chain;
};
Bytes encode_relay(const std::vector<RelayEntry>& entries);
std::optional<std::vector<RelayEntry>> decode_relay(ByteSpan bytes, int parties);

// The honest cost above: bytes by label and rounds, for `parties` parties and one payload size
// per sender.
struct BroadcastCost {
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
};
BroadcastCost dolev_strong_cost(const BroadcastConfig& cfg, int parties,
                                const std::vector<std::size_t>& payload_bytes);

}  // namespace smpc
