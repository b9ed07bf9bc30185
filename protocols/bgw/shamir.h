// Shamir secret sharing (Shamir, "How to share a secret", CACM 1979).
// Party i holds f(α_i) with α_i = i + 1, for a random polynomial f of degree ≤ t with
// f(0) = secret. Any t+1 shares determine the secret; any t reveal nothing about it.
//
// The helpers are templates over the field F (Mersenne-61 by default; SmallPrimeField<P> for
// exhaustive checks: with p = 7 every choice of the dealer's randomness can be enumerated, so
// "t shares are independent of the secret" becomes an exact count, see scenarios/privacy.h) and
// over the randomness source: an Rng, or any callable returning a uniform F (an enumerator).
// The protocols call them with Fp61 and their party's Rng, unchanged.
//
// Sharing and reconstruction are products with precomputed tables, cached per (n, t) and per
// set of evaluation points: the Vandermonde rows α_p^1 .. α_p^t, and the Lagrange coefficients at
// 0. Over Mersenne-61 each share or recombination is one dot product whose 128-bit products are
// summed and reduced once (Fp61Accumulator, fp61_accumulator.h). They consume randomness exactly as the
// plain versions below (Horner per share, Lagrange from scratch), which the property tests
// compare them with bit for bit.
#pragma once

#include <concepts>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <span>
#include <type_traits>
#include <utility>
#include <vector>

#include "protocols/bgw/fp61_accumulator.h"
#include "protocols/core/field.h"
#include "protocols/core/ops.h"
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

// The plain reference versions: f(x) by Horner's rule, a fresh polynomial per sharing, Lagrange
// coefficients from scratch. The table-based versions below must equal them (tests/protocols).
template <class F = Fp61>
F evaluate_polynomial(std::span<const std::type_identity_t<F>> coefficients,
                      std::type_identity_t<F> x) {
  F acc;
  for (auto it = coefficients.rbegin(); it != coefficients.rend(); ++it) acc = acc * x + *it;
  return acc;
}

template <class F = Fp61, class Source>
std::vector<F> shamir_share_horner(std::type_identity_t<F> secret, int t, int n, Source& source) {
  const auto f = random_polynomial<F>(secret, t, source);
  std::vector<F> shares(static_cast<std::size_t>(n));
  for (PartyId p = 0; p < n; ++p)
    shares[static_cast<std::size_t>(p)] = evaluate_polynomial<F>(f, shamir_point<F>(p));
  return shares;
}

template <class F = Fp61>
std::vector<F> lagrange_at_zero_plain(std::span<const PartyId> parties) {
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

template <class F = Fp61>
F shamir_reconstruct_plain(std::span<const PartyId> parties,
                           std::span<const std::type_identity_t<F>> shares) {
  SMPC_ASSERT(parties.size() == shares.size());
  const auto lambda = lagrange_at_zero_plain<F>(parties);
  F acc;
  for (std::size_t i = 0; i < shares.size(); ++i) acc += lambda[i] * shares[i];
  return acc;
}

// Montgomery's trick: inverts every element of `v` in place with one field inversion and
// 3(k − 1) multiplications. Elements must be non-zero.
template <class F>
void batch_invert(std::span<F> v) {
  if (v.empty()) return;
  std::vector<F> prefix(v.size());
  F run = F::from_u64(1);
  for (std::size_t i = 0; i < v.size(); ++i) {
    prefix[i] = run;  // v_0 ⋯ v_{i−1}
    run *= v[i];
  }
  F inv = run.inverse();  // (v_0 ⋯ v_{k−1})^{−1}
  for (std::size_t i = v.size(); i-- > 0;) {
    const F vi = v[i];
    v[i] = inv * prefix[i];
    inv *= vi;
  }
}

// Σ a_k·b_k: delayed reduction over Mersenne-61, plain otherwise.
template <class F>
F dot_product(std::span<const F> a, std::span<const F> b, F start = F()) {
  if constexpr (std::same_as<F, Fp61>) {
    Fp61Accumulator acc(start);
    for (std::size_t k = 0; k < a.size(); ++k) acc.add_product(a[k], b[k]);
    return acc.get();
  } else {
    for (std::size_t k = 0; k < a.size(); ++k) start += a[k] * b[k];
    return start;
  }
}

// A small cache of immutable tables shared by every party of the process (LocalNetwork threads,
// SimGrid actors): built once per key, handed out as shared_ptr so an entry stays valid while a
// party uses it even if the cache is cleared (it is, past kMaxEntries keys, to bound memory).
template <class Key, class Table>
class TableCache {
 public:
  template <class Build>
  std::shared_ptr<const Table> get(const Key& key, Build build) {
    // The last table this thread used, without the lock (a sharing per call of shamir_share
    // would otherwise take it each time). Tables are functions of their key, so a memo that
    // outlives a clear is still right.
    thread_local std::pair<Key, std::shared_ptr<const Table>> last;
    if (last.second && last.first == key) return last.second;
    last = {key, lookup(key, build)};
    return last.second;
  }

 private:
  template <class Build>
  std::shared_ptr<const Table> lookup(const Key& key, Build& build) {
    {
      const std::lock_guard lock(mutex_);
      if (auto it = tables_.find(key); it != tables_.end()) return it->second;
    }
    // Outside the lock: may be slow. Not counted (ops.h): whichever party builds it first.
    auto made = std::make_shared<const Table>(uncounted(build));
    const std::lock_guard lock(mutex_);
    if (tables_.size() >= kMaxEntries) tables_.clear();
    return tables_.emplace(key, std::move(made)).first->second;
  }

  static constexpr std::size_t kMaxEntries = 256;
  std::mutex mutex_;
  std::map<Key, std::shared_ptr<const Table>> tables_;
};

// The Vandermonde rows of the evaluation points α_p = p + 1: row p holds α_p^1 .. α_p^t, so a
// share is f(α_p) = secret + Σ_k c_k α_p^k, one dot product.
template <class F = Fp61>
struct ShamirPowers {
  int n = 0, t = 0;
  std::vector<F> pow;  // row-major, n rows of t entries
  std::span<const F> row(PartyId p) const {
    return std::span<const F>(pow).subspan(static_cast<std::size_t>(p) * static_cast<std::size_t>(t),
                                           static_cast<std::size_t>(t));
  }
};

template <class F = Fp61>
std::shared_ptr<const ShamirPowers<F>> shamir_powers(int n, int t) {
  SMPC_ASSERT(n >= 0 && t >= 0);
  static TableCache<std::pair<int, int>, ShamirPowers<F>> cache;
  return cache.get({n, t}, [&] {
    ShamirPowers<F> s{n, t, std::vector<F>(static_cast<std::size_t>(n) * static_cast<std::size_t>(t))};
    for (PartyId p = 0; p < n; ++p) {
      const F a = shamir_point<F>(p);
      F x = a;
      for (int k = 0; k < t; ++k, x *= a)
        s.pow[static_cast<std::size_t>(p) * static_cast<std::size_t>(t) + static_cast<std::size_t>(k)] = x;
    }
    return s;
  });
}

// Seeded bug M40: the cached Lagrange table's first coefficient is off by one. Out of line
// (shamir.cpp), like M05's switch.
bool shamir_lagrange_table_mutated();

// Lagrange coefficients λ_p for interpolating at 0 from the points of `parties`:
// f(0) = Σ λ_p f(α_p) for every f of degree < |parties|. Cached per point set; the k
// denominators are inverted together (batch_invert).
template <class F = Fp61>
std::shared_ptr<const std::vector<F>> lagrange_table(std::span<const PartyId> parties) {
  static TableCache<std::pair<std::vector<PartyId>, bool>, std::vector<F>> cache;
  const bool mutated = shamir_lagrange_table_mutated();
  return cache.get({std::vector<PartyId>(parties.begin(), parties.end()), mutated}, [&] {
    const std::size_t k = parties.size();
    std::vector<F> num(k, F::from_u64(1)), den(k, F::from_u64(1));
    for (std::size_t i = 0; i < k; ++i) {
      // λ_i = Π_{j≠i} α_j / (α_j − α_i)
      const F ai = shamir_point<F>(parties[i]);
      for (std::size_t j = 0; j < k; ++j) {
        if (j == i) continue;
        const F aj = shamir_point<F>(parties[j]);
        num[i] *= aj;
        den[i] *= aj - ai;
      }
    }
    batch_invert<F>(den);
    for (std::size_t i = 0; i < k; ++i) num[i] *= den[i];
    if (mutated && k > 0) num[0] += F::from_u64(1);
    return num;
  });
}

template <class F = Fp61>
std::vector<F> lagrange_at_zero(std::span<const PartyId> parties) {
  return *lagrange_table<F>(parties);
}

// Shares of secrets[0 .. m) for parties 0 .. n−1, each a fresh degree-t sharing, drawing for
// secret 0 then secret 1 ... exactly what shamir_share would draw, in the same order;
// put(p, k, share) receives party p's share of secret k.
template <class F = Fp61, class Source, class Put>
void shamir_share_each(std::span<const std::type_identity_t<F>> secrets, int t, int n,
                       Source& source, Put put) {
  SMPC_ASSERT(t >= 0 && n >= 0);
  const auto powers = shamir_powers<F>(n, t);
  // Under M05 the top coefficients are zero: the dot product simply stops early.
  const auto degree = static_cast<std::size_t>(shamir_dealing_degree(t));
  std::vector<F> coeff(degree);
  for (std::size_t k = 0; k < secrets.size(); ++k) {
    for (auto& c : coeff) c = draw_uniform<F>(source);
    for (PartyId p = 0; p < n; ++p)
      put(p, k, dot_product<F>(coeff, powers->row(p).first(degree), secrets[k]));
  }
}

// As shamir_share_each, into out[p·m + k] (each party's shares contiguous: one message).
template <class F = Fp61, class Source>
void shamir_share_batch(std::span<const std::type_identity_t<F>> secrets, int t, int n,
                        Source& source, std::span<F> out) {
  const std::size_t m = secrets.size();
  SMPC_ASSERT(out.size() == m * static_cast<std::size_t>(n));
  shamir_share_each<F>(secrets, t, n, source, [&](PartyId p, std::size_t k, F share) {
    out[static_cast<std::size_t>(p) * m + k] = share;
  });
}

// Shares for parties 0 .. n-1 of a fresh degree-t sharing of `secret`.
template <class F = Fp61, class Source>
std::vector<F> shamir_share(std::type_identity_t<F> secret, int t, int n, Source& source) {
  std::vector<F> shares(static_cast<std::size_t>(n));
  const F one[1] = {secret};
  shamir_share_batch<F>(std::span<const F>(one), t, n, source, std::span<F>(shares));
  return shares;
}

// Interpolates f(0) from shares[k] = f(α_{parties[k]}).
template <class F = Fp61>
F shamir_reconstruct(std::span<const PartyId> parties,
                     std::span<const std::type_identity_t<F>> shares) {
  SMPC_ASSERT(parties.size() == shares.size());
  return dot_product<F>(*lagrange_table<F>(parties), shares);
}

}  // namespace smpc
