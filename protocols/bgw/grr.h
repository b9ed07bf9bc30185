// The multiplication step of BGW as pure functions of one party's shares, over any field
// (Fp61 in the protocol, SmallPrimeField<P> in exact privacy enumeration).
//
// Paper: Gennaro, Rabin, Rabin, "Simplified VSS and fast-track multiparty computations with
// applications to threshold cryptography" (PODC 1998), §3, in the step numbering of
// bgw_semi_honest.h (Asharov–Lindell, eprint 2011/136, §3):
//   2a. d = a·b, a share on a polynomial of degree 2t;
//   2b. reshare d with a fresh degree-t polynomial h_i: h_i(α_j) goes to party j;
//   2c. party j's new share of the product is Σ_i λ_i h_i(α_j), λ the Lagrange coefficients at
//       0 over all n points (valid because 2t ≤ n − 1).
// scenarios/privacy.cpp enumerates every randomness choice of these steps to show exactly
// that a t-coalition's view does not depend on the inputs.
#pragma once

#include <cstddef>
#include <span>
#include <type_traits>
#include <vector>

#include "protocols/bgw/shamir.h"

namespace smpc {

// Steps 2a–2b at party i: h_i(α_j) for j = 0 .. n−1. Draws exactly what shamir_share draws.
// `fresh = false` is seeded bug M15's broken variant (h_i = d, the constant polynomial; the
// randomness is still drawn), which the exact privacy check must catch.
template <class F = Fp61, class Source>
std::vector<F> grr_reshare_product(std::type_identity_t<F> a, std::type_identity_t<F> b, int t,
                                   int n, Source& source, bool fresh = true) {
  const F d = a * b;                             // 2a
  auto h = shamir_share<F>(d, t, n, source);     // 2b
  if (!fresh) h.assign(static_cast<std::size_t>(n), d);
  return h;
}

// Step 2c at party j: Σ_i λ_i h_i(α_j), with received[i] = h_i(α_j).
template <class F = Fp61>
F grr_recombine(std::span<const std::type_identity_t<F>> lambda,
                std::span<const std::type_identity_t<F>> received) {
  F acc;
  for (std::size_t i = 0; i < received.size(); ++i) acc += lambda[i] * received[i];
  return acc;
}

}  // namespace smpc
