// Shamir secret sharing (Shamir, "How to share a secret", CACM 1979).
// Party i holds f(α_i) with α_i = i + 1, for a random polynomial f of degree ≤ t with
// f(0) = secret. Any t+1 shares determine the secret; any t reveal nothing about it.
//
// The helpers are templates over the field F (Mersenne-61 by default; SmallPrimeField<P> for
// exhaustive checks: with p = 7 every choice of the dealer's randomness can be enumerated, so
// "t shares are independent of the secret" becomes an exact count, see scenarios/privacy.h) and
// over the randomness source: an Rng, or any callable returning a uniform F (an enumerator).
// The protocols call them with Fp61 and their party's Rng, unchanged.
#pragma once

#include <concepts>
#include <cstdint>
#include <span>
#include <type_traits>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "protocols/core/status.h"
#include "protocols/core/types.h"

namespace smpc {

// The prime field Z/PZ for a small prime P (P < 2^32, so products fit in 64 bits), with the
// interface of Fp61 the Shamir helpers use. Only for exhaustive enumeration in tests and in
// `smpc verify privacy`; P is not checked for primality beyond the static bound.
template <std::uint64_t P>
class SmallPrimeField {
  static_assert(P >= 2 && P < (std::uint64_t{1} << 32));

 public:
  static constexpr std::uint64_t kModulus = P;
  constexpr SmallPrimeField() = default;
  static constexpr SmallPrimeField from_u64(std::uint64_t v) { return SmallPrimeField(v % P); }
  constexpr std::uint64_t value() const { return v_; }
  friend constexpr SmallPrimeField operator+(SmallPrimeField a, SmallPrimeField b) {
    return SmallPrimeField((a.v_ + b.v_) % P);
  }
  friend constexpr SmallPrimeField operator-(SmallPrimeField a, SmallPrimeField b) {
    return SmallPrimeField((a.v_ + P - b.v_) % P);
  }
  friend constexpr SmallPrimeField operator*(SmallPrimeField a, SmallPrimeField b) {
    return SmallPrimeField(a.v_ * b.v_ % P);
  }
  SmallPrimeField& operator+=(SmallPrimeField o) { return *this = *this + o; }
  SmallPrimeField& operator*=(SmallPrimeField o) { return *this = *this * o; }
  friend constexpr bool operator==(SmallPrimeField, SmallPrimeField) = default;
  constexpr SmallPrimeField pow(std::uint64_t e) const {
    SmallPrimeField r(1), b = *this;
    for (; e; e >>= 1, b = b * b)
      if (e & 1) r = r * b;
    return r;
  }
  constexpr SmallPrimeField inverse() const { return pow(P - 2); }

 private:
  constexpr explicit SmallPrimeField(std::uint64_t v) : v_(v) {}
  std::uint64_t v_ = 0;
};

// One uniform element of F from `source`: a callable returning F (enumerators in exhaustive
// checks), or an Rng (rejection sampling, no modulo bias).
template <class F, class Source>
F draw_uniform(Source& source) {
  if constexpr (std::is_invocable_r_v<F, Source&>) {
    return source();
  } else if constexpr (std::same_as<F, Fp61>) {
    return source.uniform_fp61();
  } else {
    return F::from_u64(source.uniform_below(F::kModulus));
  }
}

// The degree of the dealer's polynomial for threshold t: t, or t − 1 under seeded bug M05.
// Out of line (shamir.cpp) so the mutant switch lives in one place for every field type.
int shamir_dealing_degree(int t);

// α_p = p + 1: distinct and non-zero, so f(0) is never handed out (needs n < P).
template <class F = Fp61>
F shamir_point(PartyId p) {
  return F::from_u64(static_cast<std::uint64_t>(p) + 1);
}

// Random polynomial of degree ≤ t (t + 1 coefficients) with constant term `secret`.
template <class F = Fp61, class Source>
std::vector<F> random_polynomial(std::type_identity_t<F> secret, int t, Source& source) {
  SMPC_ASSERT(t >= 0);
  std::vector<F> coeffs(static_cast<std::size_t>(t) + 1);
  coeffs[0] = secret;
  const auto degree = static_cast<std::size_t>(shamir_dealing_degree(t));
  for (std::size_t k = 1; k <= degree; ++k) coeffs[k] = draw_uniform<F>(source);
  return coeffs;
}

// f(x) by Horner's rule.
template <class F = Fp61>
F evaluate_polynomial(std::span<const std::type_identity_t<F>> coefficients,
                      std::type_identity_t<F> x) {
  F acc;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) acc = acc * x + *it;
  return acc;
}

// Shares for parties 0 .. n-1 of a fresh degree-t sharing of `secret`.
template <class F = Fp61, class Source>
std::vector<F> shamir_share(std::type_identity_t<F> secret, int t, int n, Source& source) {
  const auto f = random_polynomial<F>(secret, t, source);
  std::vector<F> shares(static_cast<std::size_t>(n));
  for (PartyId p = 0; p < n; ++p)
    shares[static_cast<std::size_t>(p)] = evaluate_polynomial<F>(f, shamir_point<F>(p));
  return shares;
}

// Lagrange coefficients λ_p for interpolating at 0 from the points of `parties`:
// f(0) = Σ λ_p f(α_p) for every f of degree < |parties|.
template <class F = Fp61>
std::vector<F> lagrange_at_zero(std::span<const PartyId> parties) {
  std::vector<F> lambda(parties.size());
  for (std::size_t i = 0; i < parties.size(); ++i) {
    // λ_i = Π_{j≠i} α_j / (α_j − α_i)
    F num = F::from_u64(1), den = F::from_u64(1);
    const F ai = shamir_point<F>(parties[i]);
    for (std::size_t j = 0; j < parties.size(); ++j) {
      if (j == i) continue;
      const F aj = shamir_point<F>(parties[j]);
      num *= aj;
      den *= aj - ai;
    }
    lambda[i] = num * den.inverse();
  }
  return lambda;
}

// Interpolates f(0) from shares[k] = f(α_{parties[k]}).
template <class F = Fp61>
F shamir_reconstruct(std::span<const PartyId> parties,
                     std::span<const std::type_identity_t<F>> shares) {
  SMPC_ASSERT(parties.size() == shares.size());
  const auto lambda = lagrange_at_zero<F>(parties);
  F acc;
  for (std::size_t i = 0; i < shares.size(); ++i) acc += lambda[i] * shares[i];
  return acc;
}

}  // namespace smpc
