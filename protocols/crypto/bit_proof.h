// A non-interactive proof that a Pedersen commitment C = b·G + r·H (pedersen.h) commits to a
// bit b ∈ {0, 1}: the disjunctive Chaum–Pedersen / Schnorr OR proof of Cramer, Damgård and
// Schoenmakers ("Proofs of partial knowledge and simplified design of witness hiding
// protocols", CRYPTO '94), made non-interactive with Fiat–Shamir as Helios does (Adida,
// USENIX Security 2008). The statement is "I know r with Y_0 = C = r·H, or with
// Y_1 = C − G = r·H"; the prover runs Schnorr's protocol for the true branch and the
// simulator for the other, and the two challenges must add up to the hash.
//
// Prover, bit b (the other branch s = 1 − b):
//   1. c_s, z_s random; A_s = z_s·H − c_s·Y_s            (the simulated branch)
//   2. w random; A_b = w·H                               (the real branch's commitment)
//   3. e = Hash(context, C, A_0, A_1)                     (Fiat–Shamir)
//   4. c_b = e − c_s; z_b = w + c_b·r
// Proof: (c_0, c_1, z_0, z_1), four scalars (128 bytes).
// Verifier: A_0 = z_0·H − c_0·C, A_1 = z_1·H − c_1·(C − G); accept iff c_0 + c_1 = Hash(context,
// C, A_0, A_1). Soundness: two accepting answers to different challenges give r for one branch
// (special soundness), so a commitment to any b ∉ {0, 1} has no proof except with negligible
// probability in the random-oracle model. Zero knowledge: the transcript of either branch is
// simulatable, so the proof does not reveal b.
//
// Hash: BLAKE2b-512 (Blake2b in hash.h: the domain "smpc-bit-proof/1" then each part with an
// 8-byte little-endian length prefix: context, C, A_0, A_1), reduced mod ℓ. `context` binds
// the statement to its use (the election, the voter, the entry: protocols/vote/ballot.h), so a
// proof cannot be replayed for another commitment slot; the commitment is hashed too (strong
// Fiat–Shamir: Bernhard, Pereira, Warinschi, ASIACRYPT 2012, show what omitting it breaks).
#pragma once

#include <array>
#include <optional>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/ristretto.h"

namespace smpc {

struct BitProof {
  Scalar c0, c1, z0, z1;
};

inline constexpr std::size_t kBitProofBytes = 4 * 32;

// The proof for C = b·G + r·H with b ∈ {0, 1} (SMPC_ASSERT otherwise: a non-bit has no proof).
BitProof prove_bit(const RistrettoPoint& c, bool b, const Scalar& r, ByteSpan context, Rng& rng);
bool verify_bit_proof(const RistrettoPoint& c, const BitProof& proof, ByteSpan context);

// c0 ‖ c1 ‖ z0 ‖ z1, each 32 bytes little-endian; decode: nullopt unless 128 bytes of
// canonical scalars.
std::array<std::uint8_t, kBitProofBytes> encode_bit_proof(const BitProof& proof);
std::optional<BitProof> decode_bit_proof(ByteSpan bytes);

}  // namespace smpc
