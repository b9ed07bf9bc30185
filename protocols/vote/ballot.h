// A voter's ballot as dealt to the election servers: Pedersen VSS (Pedersen, CRYPTO '91) of
// every entry b over ristretto255's scalar field Z_ℓ, with the validity check of Asharov–
// Lindell's F_VSS^mult (eprint 2011/136, §6.6) made verifiable with Pedersen commitments:
//
//   f   degree t, f(0) = b            the entry               commitments C_m = Commit(f_m, g_m)
//   c   degree t, c(0) = b(b − 1)     the check value         commitments F_m = Commit(c_m, γ_m)
//   D   degree 2t, D(0) = 0,          D = f·(f − 1) − c       commitments E_m = Commit(d_m, e_m),
//                                                            m = 1..2t (no constant term)
// Server j (point α_j = j + 1) gets f, g, c, γ, D, e at α_j and accepts them iff
//   (1) Commit(f(α), g(α)) = Σ α^m C_m,  (2) Commit(c(α), γ(α)) = Σ α^m F_m,
//   (3) Commit(D(α), e(α)) = Σ_{m≥1} α^m E_m,  (4) D(α) = f(α)(f(α) − 1) − c(α).
// Why opening c(0) = 0 proves b ∈ {0, 1}: if 2t + 1 servers' checks hold, the degree-2t
// polynomials D and f(f − 1) − c agree at 2t + 1 points, so they are equal, and at 0 (D has no
// constant term, and the commitments bind it): b(b − 1) − c(0) = 0. Opening c reveals nothing
// else: c is a fresh random polynomial with c(0) = 0 for a bit, and t servers' points of D are
// determined by their points of f and c (AL's argument for F_VSS^mult).
//
// Bit proofs (protocols/crypto/bit_proof.h, Cramer–Damgård–Schoenmakers CRYPTO '94 as in
// Helios): the voter also posts, per entry, a disjunctive Chaum–Pedersen proof that C_0 commits
// to 0 or 1, bound by its Fiat–Shamir context to the election, the voter and the entry. Anyone
// can check it on the board, so bit-ness no longer rests on the servers' checks above; the
// servers keep the check (the issue asks for a range check inside the MPC), which now also
// covers a proof that is sound only in the random-oracle model.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/bit_proof.h"
#include "protocols/crypto/pedersen.h"

namespace smpc::vote {

// The public commitments of one voter, per candidate.
struct BallotPost {
  std::vector<std::vector<RistrettoPoint>> c;  // C_0..C_t
  std::vector<std::vector<RistrettoPoint>> f;  // F_0..F_t
  std::vector<std::vector<RistrettoPoint>> e;  // E_1..E_2t
  std::vector<BitProof> proof;                  // C_0 commits to a bit (bit_proof.h)
};

// What the bit proofs' Fiat–Shamir challenge binds (besides the commitment).
struct ElectionContext {
  int servers = 0, t = 0, candidates = 0;
  bool one_of_k = true;
};
// The context of voter party `voter`'s entry `candidate`: the ASCII tag "smpc-vote-ballot/2",
// then servers, t, candidates, mode (1 one_of_k, 0 approval), voter, candidate, each a u32
// little-endian (docs/applications.md "Voting"; verify/tally.cpp rebuilds it from the
// transcript).
Bytes bit_proof_context(const ElectionContext& e, int voter, int candidate);
// The first entry of `post` whose bit proof fails, or -1 when all verify.
int failing_bit_proof(const BallotPost& post, const ElectionContext& e, int voter);
// failing_bit_proof for many posts (posts[n] of party voters[n]) with one batch test of all
// their proofs (verify_bit_proofs_batch, weights from `seed`); the same answers.
std::vector<int> failing_bit_proofs(const std::vector<const BallotPost*>& posts,
                                    const std::vector<int>& voters, const ElectionContext& e,
                                    const std::array<std::uint8_t, 32>& seed);

// One server's values of one entry's six polynomials.
struct EntryShare {
  Scalar f, g, c, gamma, d, e;
};
using ShareSet = std::vector<EntryShare>;  // per candidate

struct Dealing {
  BallotPost post;
  std::vector<ShareSet> shares;  // per server
};

inline std::uint64_t server_point(int server) { return static_cast<std::uint64_t>(server) + 1; }

// An honest voter's (party `voter`) dealing of `ballot` (entries as given, well formed or not).
// A non-bit entry has no bit proof: its proof is made as for b mod 2 and fails, as any
// voter's software would have it (the servers then disqualify the voter).
Dealing deal_ballot(const std::vector<std::uint64_t>& ballot, const ElectionContext& e, int voter,
                    Rng& rng);

// Wire forms. Posts: the commitments, per candidate C, F, E (4t + 2 points of 32 bytes), then
// per candidate the bit proof of C_0 (A_0, A_1, c_0, z_0, z_1: 160 bytes); shares: per candidate
// f, g, c, γ, D, e (six scalars of 32 bytes). Readers return nullopt on anything else
// (a wrong length, a non-canonical point or scalar, an identity commitment C_m or F_m).
Bytes encode_post(const BallotPost& post);
Bytes encode_commitments(const BallotPost& post);  // the first part (the transcript's "post")
std::optional<BallotPost> decode_post(ByteSpan bytes, int candidates, int t);
Bytes encode_shares(const ShareSet& s);
std::optional<ShareSet> decode_shares(ByteSpan bytes, int candidates);

// Checks (1)–(4) of the header for the server at point alpha.
bool share_valid(const BallotPost& post, std::uint64_t alpha, const ShareSet& s);

// share_valid for many voters at once: out[v] = share_valid(*posts[v], alpha, *shares[v]).
// Checks (1)–(3) of every entry are combined with random weights ρ from `rng` into one
// multi-scalar multiplication (the random-linear-combination batch test of Bellare, Garay and
// Rabin, EUROCRYPT '98, with full-size weights: a batch holding a false check passes with
// probability 1/ℓ); only when the batch fails is each voter checked on its own, so the answer
// is share_valid's. The weights are the verifier's, unknown to the voters.
std::vector<bool> shares_valid_batch(const std::vector<const BallotPost*>& posts,
                                     std::uint64_t alpha,
                                     const std::vector<const ShareSet*>& shares, Rng& rng);

}  // namespace smpc::vote
