// FROST signing with a coordinator (RFC 9591 §5) over the simulator's Channel, with
// identifiable abort: a signature share that fails verify_signature_share names its sender.
//
// Parties: party 0 is the Coordinator (it holds no share; RFC 9591 §2 allows it to be a
// participant too, this testbed keeps the roles apart so a blamed party is always a signer or
// the coordinator). Party p = 1..n is the participant with identifier p and share s_p. The
// signer set S (|S| ≥ MIN_PARTICIPANTS, sorted identifiers) and the messages are public inputs.
// For each message (one signing session each, in order):
//   Step 1 (round one, §5.1). Each signer i ∈ S draws fresh nonces from its own Rng
//           (nonce_generate over 32 random bytes and s_i) and sends (D_i, E_i) to the
//           coordinator: "frost.commit".
//   Step 2. The coordinator checks each commitment is a non-identity point and has never been
//           sent by that signer before (freshness: a repeated commitment means repeated nonces,
//           which leak s_i, see docs/applications.md), and sends every signer the signing
//           package (identifiers, commitment list, message): "frost.package".
//   Step 3 (round two, §5.2). Each signer checks the package (its own commitment unchanged, the
//           agreed signer set and message; else it aborts blaming the coordinator), computes
//           z_i and sends it: "frost.share"; its nonces are then discarded.
//   Step 4 (§5.3, §5.4). The coordinator verifies every z_i against PK_i; any that fails
//           aborts the run blaming exactly those signers (identifiable abort: honest shares
//           always verify). Otherwise it aggregates (R, z).
// Who an abort names. The coordinator names a signer whose message is malformed, repeated,
// wrong, missing by deadline − coordinator_margin_s, or an abort notice (an honest signer sends
// one only after the coordinator cheated, so an honest coordinator may blame the sender). A
// signer names the coordinator when the package fails its checks or is missing by the deadline,
// and nobody when it stops on the coordinator's notice (it cannot check the coordinator's
// reason). With an honest coordinator and the margin above the network's delay, an honest
// signer therefore never names anyone but a corrupted party.
// Exact cost per session with k = |S| signers and an m-byte message (wire format of message.h:
// 1 byte + 5 per part + data):
//   "frost.commit"   k × (6 + 64)               = 70k bytes
//   "frost.package"  k × (1 + 5+8k + 5+64k + 5+m) = k(16 + 72k + m) bytes
//   "frost.share"    k × (6 + 32)               = 38k bytes
// and 2s + 1 causal rounds for s sessions (session j+1's commitments go out once session j's
// package arrives, alongside its shares). The coordinator outputs every signature; signers
// output nothing. A party that aborts sends the others it talks to a "frost.abort" notice
// (channel.h), so nobody waits for the deadline.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/frost/frost.h"

namespace smpc::frost {

// What every party knows about the group.
struct GroupInfo {
  int min_participants = 0;
  int max_participants = 0;
  RistrettoPoint group_public_key;
  std::vector<RistrettoPoint> public_shares;  // PK_1..PK_n
};

struct SignConfig {
  GroupInfo group;
  std::vector<std::uint64_t> signers;  // sorted, distinct, in 1..n, at least min_participants
  std::vector<Bytes> messages;         // one signing session each
  // The coordinator gives up on a silent signer this long before the run's deadline, so that
  // its abort notice reaches the signers, which wait for it until the deadline itself, first
  // (the synchrony bound Δ; 0: everyone waits until the deadline).
  double coordinator_margin_s = 0;
};

// A SignConfig's problem, or empty when it is usable.
std::string check_sign_config(const SignConfig& cfg);

// The steps above for party ctx.net.self() (0: coordinator; p ≥ 1: participant p, whose share
// is `share`, ignored for the coordinator and for participants outside S). Returns the
// signatures at the coordinator, nothing elsewhere; throws Abort as described.
std::vector<Signature> run_sign(PartyContext& ctx, const SignConfig& cfg, const Scalar& share);

// Step 2's package: identifiers (ring64), D_1, E_1, D_2, … (points), the message (bytes).
Message signing_package(const CommitmentList& list, const Bytes& msg);

// Step 3 for one signer: checks the coordinator's package against `mine` (its round-one
// output), derives the signing context and returns z_i. Throws Abort blaming the coordinator.
// Public for the round-two benchmark (bench/frost_bench.cpp).
Scalar sign_round_two(const Message& package, const SignConfig& cfg, const Bytes& msg,
                      const Scalar& share, const RoundOne& mine);

// Signature bytes as eight little-endian 64-bit words per signature (PartyOutput's values).
std::vector<std::uint64_t> signature_words(const std::vector<Signature>& sigs);

// Exact cost formula above (bytes by label, causal rounds).
struct SignCost {
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
};
SignCost sign_cost(const SignConfig& cfg);

namespace labels {
inline constexpr std::string_view kCommit = "frost.commit";
inline constexpr std::string_view kPackage = "frost.package";
inline constexpr std::string_view kShare = "frost.share";
inline constexpr std::string_view kAbort = "frost.abort";  // abort notice (channel.h)
}  // namespace labels

}  // namespace smpc::frost
