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
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/pedersen.h"

namespace smpc::vote {

// The public commitments of one voter, per candidate.
struct BallotPost {
  std::vector<std::vector<RistrettoPoint>> c;  // C_0..C_t
  std::vector<std::vector<RistrettoPoint>> f;  // F_0..F_t
  std::vector<std::vector<RistrettoPoint>> e;  // E_1..E_2t
};

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

// An honest voter's dealing of `ballot` (entries as given, well formed or not) for `servers`
// servers and threshold t.
Dealing deal_ballot(const std::vector<std::uint64_t>& ballot, int t, int servers, Rng& rng);

// Wire forms. Points: per candidate C, F, E (4t + 2 points of 32 bytes); shares: per candidate
// f, g, c, γ, D, e (six scalars of 32 bytes). Readers return nullopt on anything else
// (a wrong length, a non-canonical point or scalar, an identity commitment C_m or F_m).
Bytes encode_post(const BallotPost& post);
std::optional<BallotPost> decode_post(ByteSpan bytes, int candidates, int t);
Bytes encode_shares(const ShareSet& s);
std::optional<ShareSet> decode_shares(ByteSpan bytes, int candidates);

// Checks (1)–(4) of the header for the server at point alpha.
bool share_valid(const BallotPost& post, std::uint64_t alpha, const ShareSet& s);

}  // namespace smpc::vote
