// Pedersen commitments and polynomial (VSS) commitments over ristretto255.
//
// Pedersen, "Non-interactive and information-theoretic secure verifiable secret sharing"
// (CRYPTO '91): Commit(v, r) = v·G + r·H with G the ristretto255 base point and H a second
// generator whose discrete logarithm to G nobody knows (here: hash to the group of a fixed
// domain string, so anyone can recompute it). Perfectly hiding, computationally binding
// (opening one commitment two ways gives log_G H). Commitments are additively homomorphic:
// Commit(a, r) + Commit(b, s) = Commit(a + b, r + s), which is what makes a tally auditable.
//
// A VSS commitment to a polynomial pair (f, g) of degree d is the list E_m = Commit(f_m, g_m),
// m = 0..d; the share (f(x), g(x)) of the party at point x is valid iff
// Commit(f(x), g(x)) = Σ_m x^m·E_m (evaluate_vss_commitment). FROST's Feldman commitments are
// the special case H-free: Σ_k x^k·C_k with C_k = a_k·G.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "protocols/crypto/ristretto.h"

namespace smpc {

// The second generator H (fixed, derived from the domain "smpc-pedersen-H").
const RistrettoPoint& pedersen_h();

// v·G + r·H (any v, r, zero included).
RistrettoPoint pedersen_commit(const Scalar& v, const Scalar& r);

// Horner evaluation of Σ a_k x^k over Z_ℓ.
Scalar evaluate_polynomial(const std::vector<Scalar>& coefficients, std::uint64_t x);

// Σ_k x^k·C_k: the commitment to the polynomial's value at x (Horner in the exponent).
RistrettoPoint evaluate_vss_commitment(const std::vector<RistrettoPoint>& c, std::uint64_t x);

// The product of two polynomials (coefficient lists, lowest first).
std::vector<Scalar> multiply_polynomials(const std::vector<Scalar>& a, const std::vector<Scalar>& b);

// Lagrange interpolation at 0 of the points (xs[i], ys[i]) (distinct, non-zero xs); nullopt if
// two xs coincide.
std::optional<Scalar> interpolate_at_zero(const std::vector<std::uint64_t>& xs,
                                          const std::vector<Scalar>& ys);

// The scalar as an integer (tallies are small counts); nullopt when s >= 2^64.
std::optional<std::uint64_t> scalar_to_u64(const Scalar& s);

}  // namespace smpc
