// Distributed key generation for FROST: the Pedersen DKG with Feldman commitments and proofs
// of knowledge of Komlo, Goldberg, "FROST: Flexible Round-Optimized Schnorr Threshold
// Signatures", SAC 2020 (ePrint 2020/852), §5.1 "KeyGen", with the complaint and
// disqualification procedure of Gennaro, Jarecki, Krawczyk, Rabin (J. Cryptology 2007) where
// FROST's KeyGen simply aborts. Replaces RFC 9591 Appendix C's trusted dealer.
//
// Parties 0..n−1 have identifiers 1..n; t = MIN_PARTICIPANTS.
//   Round 1. P_i samples f_i(x) = Σ_{k<t} a_ik x^k, publishes C_i = (φ_i0..φ_i,t−1), φ_ik = a_ik·G,
//            and σ_i = (R_i, μ_i), a Schnorr proof of knowledge of a_i0:
//            k random, R_i = k·G, c_i = H_dkg(i ‖ φ_i0 ‖ R_i), μ_i = k + a_i0·c_i
//            ("frost.dkg.commit", sent to all). Every party checks μ_l·G − c_l·φ_l0 = R_l;
//            a dealer whose proof fails is disqualified.
//   Round 2. P_i sends f_i(l) to P_l privately ("frost.dkg.share"). P_l checks
//            f_i(l)·G = Σ_k l^k·φ_ik (Feldman) and complains against each dealer that fails.
//   Round 3. Everyone sends its complaints (dealer identifiers) to all ("frost.dkg.complaint").
//   Round 4 (only when somebody complained). Each accused dealer publishes the shares it was
//            accused over ("frost.dkg.response"); a dealer whose published share fails the
//            Feldman check, or that does not answer a complaint, is disqualified; otherwise the
//            complainer takes the published share.
//   Output. QUAL = dealers not disqualified; s_i = Σ_{l∈QUAL} f_l(i), PK = Σ_{l∈QUAL} φ_l0 and
//            PK_j = Σ_k j^k Σ_{l∈QUAL} φ_lk.
// H_dkg(m) = SHA-512("FROST-RISTRETTO255-SHA512-v1" ‖ "dkg" ‖ m) mod ℓ (the preimage
// identifier ‖ φ_i0 ‖ R_i as in the ZF frost-core crate; the context string is the paper's Φ).
//
// Broadcast assumption: "to all" messages are sent point-to-point, and the protocol assumes,
// as the paper does, that a sender cannot equivocate (robust BGW's phase-king broadcast,
// protocols/bgw/phase_king.h, would be needed to remove it). Every party must therefore see the
// same commitments, proofs, complaints and responses, and so computes the same QUAL.
//
// Exact cost with no complaints (n parties, t = MIN_PARTICIPANTS; message.h wire format):
//   "frost.dkg.commit"     n(n−1)(1 + 5 + 32(t+1) + 5 + 32) = n(n−1)(75 + 32t) bytes
//   "frost.dkg.share"      n(n−1)·38 bytes
//   "frost.dkg.complaint"  n(n−1)·6 bytes
// in 3 causal rounds; complaints add "frost.dkg.response" (n(n−1)(11 + 40r_i) for r_i answered
// complaints of dealer i) and a fourth round.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/core/channel.h"
#include "protocols/frost/sign_protocol.h"

namespace smpc::frost {

struct ProofOfKnowledge {
  RistrettoPoint r;
  Scalar mu;
};
Scalar h_dkg(std::uint64_t identifier, const RistrettoPoint& phi0, const RistrettoPoint& r);
ProofOfKnowledge prove_knowledge(std::uint64_t identifier, const Scalar& a0, Rng& rng);
bool verify_knowledge(std::uint64_t identifier, const RistrettoPoint& phi0,
                      const ProofOfKnowledge& proof);
// evaluate_vss_commitment (Σ_k x^k·C_k, the Feldman commitment to f(x)):
// protocols/crypto/pedersen.h.

struct DkgResult {
  Scalar share;                             // s_i
  GroupInfo group;                          // PK, PK_1..PK_n
  std::vector<std::uint64_t> disqualified;  // identifiers, sorted
};
// Party ctx.net.self() of ctx.net.party_count() = N parties. Parties first_dealer..N−1 are the
// n = N − first_dealer dealers, with identifiers 1..n (party p: p − first_dealer + 1). Parties
// below first_dealer observe: they deal nothing and hold no share, but every published message
// (commitments, complaints, responses) goes to them too, so they compute the same QUAL, PK and
// PK_j as the dealers (share 0 in their result). The FROST scenario protocol
// (protocols/frost/scenario_protocol.h) makes its coordinator, party 0, an observer.
DkgResult run_dkg(PartyContext& ctx, int min_participants, PartyId first_dealer = 0);

// The honest cost above for n = `parties` dealers; every observer adds n messages to each
// published label (commit: n·o·(75 + 32t), complaint: 6n·o bytes for o observers).
SignCost dkg_cost(int parties, int min_participants, int observers = 0);

namespace labels {
inline constexpr std::string_view kDkgCommit = "frost.dkg.commit";
inline constexpr std::string_view kDkgShare = "frost.dkg.share";
inline constexpr std::string_view kDkgComplaint = "frost.dkg.complaint";
inline constexpr std::string_view kDkgResponse = "frost.dkg.response";
}  // namespace labels

}  // namespace smpc::frost
