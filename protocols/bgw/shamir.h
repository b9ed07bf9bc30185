// Shamir secret sharing over Mersenne-61 (Shamir, "How to share a secret", CACM 1979).
// Party i holds f(α_i) with α_i = i + 1, for a random polynomial f of degree ≤ t with
// f(0) = secret. Any t+1 shares determine the secret; any t reveal nothing about it.
#pragma once

#include <span>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "protocols/core/types.h"

namespace smpc {

// α_p = p + 1: distinct and non-zero, so f(0) is never handed out.
inline Fp61 shamir_point(PartyId p) { return Fp61::from_u64(static_cast<std::uint64_t>(p) + 1); }

// Random polynomial of degree ≤ t (t + 1 coefficients) with constant term `secret`.
std::vector<Fp61> random_polynomial(Fp61 secret, int t, Rng& rng);
// f(x) by Horner's rule.
Fp61 evaluate_polynomial(std::span<const Fp61> coefficients, Fp61 x);
// Shares for parties 0 .. n-1 of a fresh degree-t sharing of `secret`.
std::vector<Fp61> shamir_share(Fp61 secret, int t, int n, Rng& rng);

// Lagrange coefficients λ_p for interpolating at 0 from the points of `parties`:
// f(0) = Σ λ_p f(α_p) for every f of degree < |parties|.
std::vector<Fp61> lagrange_at_zero(std::span<const PartyId> parties);
// Interpolates f(0) from shares[k] = f(α_{parties[k]}).
Fp61 shamir_reconstruct(std::span<const PartyId> parties, std::span<const Fp61> shares);

}  // namespace smpc
