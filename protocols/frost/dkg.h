// Distributed key generation for FROST: the Pedersen DKG with Feldman commitments and proofs
// of knowledge of Komlo, Goldberg, "FROST: Flexible Round-Optimized Schnorr Threshold
// Signatures", SAC 2020 (ePrint 2020/852), §5.1 "KeyGen", with the complaint and
// disqualification procedure of Gennaro, Jarecki, Krawczyk, Rabin (J. Cryptology 2007) where
// FROST's KeyGen simply aborts. Replaces RFC 9591 Appendix C's trusted dealer.
//
// Parties 0..n−1 have identifiers 1..n; t = MIN_PARTICIPANTS. Every "broadcast" below is the
// Dolev–Strong authenticated broadcast of protocols/broadcast/dolev_strong.h among all the run's
// parties (observers too) for f = t − 1 corruptions, R = t lock-step rounds, so a dealer that
// sends different commitments (or complaints, or responses) to different parties cannot make
// honest parties disagree: they all hold the same value for it, or all ⊥ (then it is
// disqualified). That replaces the paper's assumed broadcast channel, under a PKI (Ed25519 keys,
// a setup assumption) and synchrony (every round's messages due by start + r·Δ, LockstepNet).
//   Round 1. P_i samples f_i(x) = Σ_{k<t} a_ik x^k, broadcasts C_i = (φ_i0..φ_i,t−1),
//            φ_ik = a_ik·G, and σ_i = (R_i, μ_i), a Schnorr proof of knowledge of a_i0:
//            k random, R_i = k·G, c_i = H_dkg(i ‖ φ_i0 ‖ R_i), μ_i = k + a_i0·c_i
//            ("frost.dkg.commit", relays "frost.dkg.commit_relay"). Every party checks
//            μ_l·G − c_l·φ_l0 = R_l; a dealer whose agreed dealing is ⊥, malformed, or whose proof
//            fails is disqualified.
//   Round 2. P_i sends f_i(l) to P_l privately ("frost.dkg.share", one lock-step round). P_l
//            checks f_i(l)·G = Σ_k l^k·φ_ik (Feldman) and complains against each dealer that
//            fails or is silent.
//   Round 3. Every dealer broadcasts its complaints (dealer identifiers): "frost.dkg.complaint"
//            (relays "frost.dkg.complaint_relay"); ⊥ counts as no complaint.
//   Round 4 (only when somebody complained; every honest party knows, the complaints being
//            agreed). Each accused dealer broadcasts the shares it was accused over
//            ("frost.dkg.response", relays "frost.dkg.response_relay"); a dealer whose agreed
//            response is ⊥ or fails the Feldman check is disqualified; otherwise the complainer
//            takes the published share.
//   Output. QUAL = dealers not disqualified; s_i = Σ_{l∈QUAL} f_l(i), PK = Σ_{l∈QUAL} φ_l0 and
//            PK_j = Σ_k j^k Σ_{l∈QUAL} φ_lk. Nobody aborts: every dispute ends in a
//            disqualification or a published share, decided on agreed values, so every honest
//            party computes the same QUAL, PK and PK_j.
// H_dkg(m) = SHA-512("FROST-RISTRETTO255-SHA512-v1" ‖ "dkg" ‖ m) mod ℓ (the preimage
// identifier ‖ φ_i0 ‖ R_i as in the ZF frost-core crate; the context string is the paper's Φ).
//
// Exact cost with no complaints, n dealers among N = n + observers parties, R = t
// (dolev_strong.h's formula for n payloads each):
//   "frost.dkg.commit"          n(N−1)(75 + 75 + 32t)            payload 75 + 32t bytes
//   "frost.dkg.commit_relay"    (N−1)(6N + (N−1)·n(148 + 75 + 32t)) + (R−2)N(N−1)6   (R ≥ 2)
//   "frost.dkg.share"           n(n−1)·38 bytes
//   "frost.dkg.complaint"       n(N−1)(75 + 6)                   payload 6 bytes (no complaint)
//   "frost.dkg.complaint_relay" (N−1)(6N + (N−1)·n(148 + 6)) + (R−2)N(N−1)6          (R ≥ 2)
// in 2R + 1 causal rounds (0 for a lone dealer, which never receives before it sends);
// complaints add R rounds and the response labels.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "protocols/broadcast/dolev_strong.h"
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
struct DkgSetup {
  int min_participants = 1;     // t
  PartyId first_dealer = 0;
  const Pki* pki = nullptr;     // one Ed25519 key pair per party of the run (dolev_strong.h)
  double round_timeout_s = 1;   // Δ of the lock-step rounds
  int max_corrupted = -1;       // f of the broadcasts; −1: t − 1 (the FROST claim's bound)
};
DkgResult run_dkg(PartyContext& ctx, const DkgSetup& setup);
// As above with the PKI of pki_from_seed(kDefaultPkiSeed, parties) and Δ = 1 s (tests).
inline constexpr std::uint64_t kDefaultPkiSeed = 0;
DkgResult run_dkg(PartyContext& ctx, int min_participants, PartyId first_dealer = 0);

// The honest cost above for n = `parties` dealers and `observers` observers.
SignCost dkg_cost(int parties, int min_participants, int observers = 0);

namespace labels {
inline constexpr std::string_view kDkgCommit = "frost.dkg.commit";
inline constexpr std::string_view kDkgShare = "frost.dkg.share";
inline constexpr std::string_view kDkgComplaint = "frost.dkg.complaint";
inline constexpr std::string_view kDkgResponse = "frost.dkg.response";
inline constexpr std::string_view kDkgCommitRelay = "frost.dkg.commit_relay";
inline constexpr std::string_view kDkgComplaintRelay = "frost.dkg.complaint_relay";
inline constexpr std::string_view kDkgResponseRelay = "frost.dkg.response_relay";
}  // namespace labels

}  // namespace smpc::frost
