// Σ s_i·P_i over ristretto255 for public points and scalars, in variable time: Pippenger's
// bucket method over points kept in extended twisted-Edwards coordinates (Hisil–Wong–Carter–
// Dawson, ASIACRYPT 2008), decoded and encoded once each as RFC 9496 §4.3 specifies.
//
// Why not libsodium: its ristretto255 API works on encodings only, so every addition decodes
// both operands and encodes the sum (three inverse square roots), and it has no multi-scalar
// multiplication; a FROST signer's group commitment among 667 signers (RFC 9591 §4.5:
// Σ D_i + ρ_i·E_i) cost ~45 ms that way. Variable time is sound only for public data: use this
// for sums of commitments and public keys, never with a secret scalar or point.
#pragma once

#include <optional>
#include <span>

#include "protocols/crypto/ristretto.h"

namespace smpc {

// Fewer points than this are summed with libsodium (same result, faster for few points).
inline constexpr std::size_t kMinPointsForBuckets = 16;

// Σ scalars[i]·points[i] (the identity for empty input). nullopt if the spans differ in length
// or a point is not a canonical encoding (RistrettoPoint values always are; this checks anyway).
std::optional<RistrettoPoint> ristretto_multi_scalar_mul(std::span<const RistrettoPoint> points,
                                                         std::span<const Scalar> scalars);

}  // namespace smpc
