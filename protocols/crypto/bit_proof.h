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
// Proof: (A_0, A_1, c_0, z_0, z_1), two points and three scalars (160 bytes), the form Helios
// posts: c_1 = e − c_0 is not sent but recomputed from the hash.
// Verifier: e = Hash(context, C, A_0, A_1), c_1 = e − c_0; accept iff z_0·H = A_0 + c_0·C and
// z_1·H = A_1 + c_1·(C − G). Soundness: two accepting answers to different challenges give r for
// one branch (special soundness), so a commitment to any b ∉ {0, 1} has no proof except with
// negligible probability in the random-oracle model. Zero knowledge: the transcript of either
// branch is simulatable, so the proof does not reveal b.
//
// Why the commitments are posted (and not c_1): the verifier's two equations are then linear in
// the posted values, so N proofs are checked at once (verify_bit_proofs_batch) with the
// small-exponent batch test of Bellare, Garay and Rabin ("Fast batch verification for modular
// exponentiation and digital signatures", EUROCRYPT '98, §3.2): for independent random 128-bit
// weights w_{j,0}, w_{j,1},
//   Σ_j Σ_b w_{j,b}·(z_{j,b}·H − A_{j,b} − c_{j,b}·(C_j − b·G)) = 0,
// one multi-scalar multiplication of 3N + 2 points (ristretto_msm.h) instead of 4N variable-base
// products. Each equation has its own weight: with one weight per proof its two equations'
// errors could cancel each other (a prover who sets c_0 = e(1 − b), z_0 + z_1 = a_0 + a_1 + e·r
// "proves" any b). If any equation is false, the sum is 0 for at most one value of that
// equation's weight given the others (the group has prime order ℓ > 2^128), so a false batch
// passes with probability ≤ 2^-128 over the weights.
//
// Hash: BLAKE2b-512 (Blake2b in hash.h: the domain "smpc-bit-proof/1" then each part with an
// 8-byte little-endian length prefix: context, C, A_0, A_1), reduced mod ℓ. `context` binds
// the statement to its use (the election, the voter, the entry: protocols/vote/ballot.h), so a
// proof cannot be replayed for another commitment slot; the commitment is hashed too (strong
// Fiat–Shamir: Bernhard, Pereira, Warinschi, ASIACRYPT 2012, show what omitting it breaks).
#pragma once

#include <array>
#include <optional>
#include <span>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/ristretto.h"

namespace smpc {

struct BitProof {
  RistrettoPoint a0, a1;
  Scalar c0, z0, z1;
};

inline constexpr std::size_t kBitProofBytes = 2 * 32 + 3 * 32;

// The proof for C = b·G + r·H with b ∈ {0, 1} (SMPC_ASSERT otherwise: a non-bit has no proof).
BitProof prove_bit(const RistrettoPoint& c, bool b, const Scalar& r, ByteSpan context, Rng& rng);
bool verify_bit_proof(const RistrettoPoint& c, const BitProof& proof, ByteSpan context);

// One statement of a batch: the proof `proof` for the commitment `c` under `context`.
struct BitStatement {
  const RistrettoPoint* c;
  const BitProof* proof;
  ByteSpan context;
};

// out[j] = verify_bit_proof(statement j): first the batch test of the header with weights
// w_{j,0} ‖ w_{j,1} = BLAKE2b-256("smpc-bit-proof-batch/1", seed, j) (two 16-byte little-endian
// integers); a failing batch is halved and each half tested again, and a failing part of at
// most 8 proofs is checked proof by proof, so the answer is verify_bit_proof's, every failing
// proof named (a false proof is accepted only if a batch holding it passed: probability
// ≤ 2^-128 per batch test, at most 2N − 1 of them). `seed` must be unknown to the
// provers when they choose their proofs: a verifier's own Rng (the servers, the board), or
// bit_proof_batch_seed of everything batched (the public verifier: Fiat–Shamir for the weights).
std::vector<bool> verify_bit_proofs_batch(std::span<const BitStatement> statements,
                                          const std::array<std::uint8_t, 32>& seed);
// BLAKE2b-256("smpc-bit-proof-batch-seed/1", then per statement context, C, and the proof's
// encoding): the weights then depend on every proof, so a prover cannot choose proofs after them.
// A prover who grinds q transcripts passes a false batch with probability ≤ q·2^-128.
std::array<std::uint8_t, 32> bit_proof_batch_seed(std::span<const BitStatement> statements);

// A_0 ‖ A_1 ‖ c_0 ‖ z_0 ‖ z_1, each 32 bytes (points as ristretto255 encodings, scalars
// little-endian); decode: nullopt unless 160 bytes of canonical points and scalars (so a batch
// never holds a non-canonical encoding).
std::array<std::uint8_t, kBitProofBytes> encode_bit_proof(const BitProof& proof);
std::optional<BitProof> decode_bit_proof(ByteSpan bytes);

}  // namespace smpc
