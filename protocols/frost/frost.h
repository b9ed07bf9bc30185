// FROST(ristretto255, SHA-512): the ciphersuite and the signing operations of RFC 9591
// ("Two-Round Threshold Schnorr Signatures with FROST", Connolly, Komlo, Goldberg, Wood, 2024),
// sections 4 (helper functions), 5 (the two-round protocol) and 6.2 (the ciphersuite). Pure
// functions on values: the simulated protocol (sign_protocol.h) moves them between parties.
//
// Names follow the RFC: hiding/binding nonces (d_i, e_i) and their commitments (D_i, E_i),
// binding factors ρ_i = H1(PK ‖ H4(msg) ‖ H5(commitment list) ‖ i), group commitment
// R = Σ D_i + ρ_i·E_i, challenge c = H2(R ‖ PK ‖ msg), share z_i = d_i + e_i·ρ_i + λ_i·s_i·c,
// signature (R, z = Σ z_i), verified as plain Schnorr: z·G = R + c·PK.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/pedersen.h"
#include "protocols/crypto/ristretto.h"

namespace smpc::frost {

inline constexpr std::string_view kContextString = "FROST-RISTRETTO255-SHA512-v1";

// RFC 9591 §6.2: SHA-512(contextString ‖ tag ‖ m). H1 (binding factors, "rho"), H2 (challenge,
// "chal"; only the Ed25519 suite drops the context there) and H3 (nonces, "nonce") reduce the
// digest mod ℓ; H4 ("msg") and H5 ("com") are the 64-byte digests.
Scalar h1(ByteSpan m);
Scalar h2(ByteSpan m);
Scalar h3(ByteSpan m);
std::array<std::uint8_t, 64> h4(ByteSpan m);
std::array<std::uint8_t, 64> h5(ByteSpan m);

// RFC 9591 §4.1 nonce_generate: H3(random_bytes ‖ SerializeScalar(secret)); random_bytes is 32
// bytes from the caller (a seeded Rng in the simulator, the vectors' randomness in tests).
Scalar nonce_generate(const std::array<std::uint8_t, 32>& random_bytes, const Scalar& secret);

// Identifiers are non-zero scalars; this testbed uses 1..n (party p has identifier p + 1).
struct Commitment {
  std::uint64_t identifier = 0;
  RistrettoPoint hiding;   // D_i
  RistrettoPoint binding;  // E_i
};
// Sorted by identifier, no duplicates (RFC 9591 §5.1 requires the coordinator to sort).
using CommitmentList = std::vector<Commitment>;

struct Nonces {
  Scalar hiding;   // d_i
  Scalar binding;  // e_i
};

// §5.1 commit(): the two nonces from the two 32-byte randomness inputs, and their commitments.
struct RoundOne {
  Nonces nonces;
  Commitment commitment;
};
RoundOne commit(std::uint64_t identifier, const Scalar& secret_share,
                const std::array<std::uint8_t, 32>& hiding_randomness,
                const std::array<std::uint8_t, 32>& binding_randomness);

// §4.3: SerializeScalar(i) ‖ D_i ‖ E_i for each commitment, in list order.
Bytes encode_group_commitment_list(const CommitmentList& list);

// §4.4: the prefix PK ‖ H4(msg) ‖ H5(list) is hashed once, so n binding factors cost one pass
// over the list plus n short hashes (the 667-of-1000 benchmark depends on it).
struct BindingFactors {
  Bytes prefix;                  // rho_input without the identifier
  std::vector<Scalar> factors;   // in commitment-list order
};
BindingFactors compute_binding_factors(const RistrettoPoint& group_public_key,
                                       const CommitmentList& list, ByteSpan msg);
Bytes binding_factor_input(const BindingFactors& bf, std::uint64_t identifier);

// §4.5: R = Σ D_i + ρ_i·E_i.
RistrettoPoint compute_group_commitment(const CommitmentList& list, const BindingFactors& bf);
// §4.6: c = H2(R ‖ PK ‖ msg).
Scalar compute_challenge(const RistrettoPoint& group_commitment,
                         const RistrettoPoint& group_public_key, ByteSpan msg);
// §4.2 derive_interpolating_value: λ_i = Π_{j≠i} x_j / (x_j − x_i). nullopt if x_i is not in
// the list or any identifier repeats (RFC 9591 requires distinct identifiers).
std::optional<Scalar> derive_interpolating_value(const std::vector<std::uint64_t>& ids,
                                                 std::uint64_t x_i);

// Everything a signer or the coordinator derives from (PK, list, msg), computed once.
struct SigningContext {
  BindingFactors binding;
  RistrettoPoint group_commitment;
  Scalar challenge;
  std::vector<std::uint64_t> identifiers;
};
// nullopt when R is the identity (RFC 9591 §4.5: SerializeElement fails, the run aborts).
std::optional<SigningContext> signing_context(const RistrettoPoint& group_public_key,
                                              const CommitmentList& list, ByteSpan msg);
// Position of `identifier` in the list; nullopt if absent.
std::optional<std::size_t> find_identifier(const CommitmentList& list, std::uint64_t identifier);

// §5.2 sign(): z_i = d_i + e_i·ρ_i + λ_i·s_i·c. nullopt if `identifier` is not in the list.
std::optional<Scalar> sign_share(std::uint64_t identifier, const Scalar& secret_share,
                                 const Nonces& nonces, const CommitmentList& list,
                                 const SigningContext& ctx);

// §5.4 verify_signature_share: z_i·G == D_i + ρ_i·E_i + (c·λ_i)·PK_i.
bool verify_signature_share(std::uint64_t identifier, const RistrettoPoint& public_share,
                            const Scalar& share, const CommitmentList& list,
                            const SigningContext& ctx);

// §5.3 aggregate(): (R, Σ z_i), serialized as R ‖ z (64 bytes).
using Signature = std::array<std::uint8_t, 64>;
Signature aggregate(const SigningContext& ctx, const std::vector<Scalar>& shares);

// Plain Schnorr verification (RFC 9591 Appendix B): z·G == R + c·PK with c = H2(R ‖ PK ‖ msg).
// False for a non-canonical R or z, or an identity R.
bool verify_signature(const RistrettoPoint& group_public_key, ByteSpan msg, const Signature& sig);

// Key material of a t-of-n group (RFC 9591 Appendix C): a degree-(min−1) polynomial f with
// f(0) = the group secret; participant i holds s_i = f(i) and everybody knows PK_i = s_i·G.
struct KeyShares {
  RistrettoPoint group_public_key;
  std::vector<Scalar> shares;                  // s_1..s_n (index i−1)
  std::vector<RistrettoPoint> public_shares;   // PK_1..PK_n
  std::vector<RistrettoPoint> vss_commitment;  // Feldman: a_k·G for each coefficient
};
// evaluate_polynomial (Σ a_k x^k over Z_ℓ): protocols/crypto/pedersen.h.
// Appendix C trusted_dealer_keygen with coefficients from `rng` (the simulator's setup phase;
// dkg.h replaces the dealer). 1 ≤ min_participants ≤ max_participants.
KeyShares trusted_dealer_keygen(Rng& rng, int min_participants, int max_participants);

}  // namespace smpc::frost
