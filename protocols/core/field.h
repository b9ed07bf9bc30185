// The Mersenne-61 prime field F_p, p = 2^61 - 1, and the ring Z_{2^64}.
//
// Mersenne-61 is the default arithmetic domain: products fit in 128 bits and reduce with two
// shifts and adds, and 2^61 is large enough for Shamir sharing among thousands of parties.
#pragma once

#include <cstdint>
#include <optional>
#include <type_traits>
#include <vector>

#include "protocols/core/ops.h"

namespace smpc {

// GCC/Clang extension; named once so -Wpedantic stays quiet everywhere else.
__extension__ using uint128_t = unsigned __int128;

class Fp61 {
 public:
  static constexpr std::uint64_t kModulus = (std::uint64_t{1} << 61) - 1;

  constexpr Fp61() = default;
  // Reduces any 64-bit value mod p.
  static constexpr Fp61 from_u64(std::uint64_t v) { return Fp61(reduce64(v)); }
  // Maps a signed integer to the field (negative x -> p - |x|).
  static constexpr Fp61 from_i64(std::int64_t v) {
    return v >= 0 ? from_u64(static_cast<std::uint64_t>(v))
                  : -from_u64(static_cast<std::uint64_t>(-(v + 1)) + 1);
  }
  // Only canonical encodings (< p) are valid field elements; used by decoders of peer data.
  static constexpr std::optional<Fp61> from_canonical(std::uint64_t v) {
    if (v >= kModulus) return std::nullopt;
    return Fp61(v);
  }
  constexpr std::uint64_t value() const { return v_; }

  friend constexpr Fp61 operator+(Fp61 a, Fp61 b) { return Fp61(reduce_once(a.v_ + b.v_)); }
  friend constexpr Fp61 operator-(Fp61 a, Fp61 b) {
    return Fp61(reduce_once(a.v_ + kModulus - b.v_));
  }
  constexpr Fp61 operator-() const { return Fp61(v_ == 0 ? 0 : kModulus - v_); }
  // The product without its operation count (ops.h): for pow, which counts in bulk, and for the
  // benchmark that measures what counting costs (bench/compute_bench.cpp).
  static constexpr Fp61 mul_uncounted(Fp61 a, Fp61 b) {
    uint128_t p = static_cast<uint128_t>(a.v_) * b.v_;
    std::uint64_t lo = static_cast<std::uint64_t>(p) & kModulus;
    std::uint64_t hi = static_cast<std::uint64_t>(p >> 61);
    return Fp61(reduce_once(lo + hi));
  }
  friend constexpr Fp61 operator*(Fp61 a, Fp61 b) {
    if (!std::is_constant_evaluated()) count_op(Op::kFp61Mul);
    return mul_uncounted(a, b);
  }
  Fp61& operator+=(Fp61 o) { return *this = *this + o; }
  Fp61& operator-=(Fp61 o) { return *this = *this - o; }
  Fp61& operator*=(Fp61 o) { return *this = *this * o; }
  friend constexpr bool operator==(Fp61 a, Fp61 b) = default;

  constexpr Fp61 pow(std::uint64_t e) const {
    std::uint64_t products = 0;
    const Fp61 r = pow_uncounted(e, products);
    if (!std::is_constant_evaluated()) count_op(Op::kFp61Mul, products);
    return r;
  }
  // Multiplicative inverse by Fermat; inverse of 0 is 0 (callers never divide by zero:
  // evaluation points are distinct and non-zero). Counted as one inversion, not as products.
  constexpr Fp61 inverse() const {
    std::uint64_t products = 0;
    const Fp61 r = pow_uncounted(kModulus - 2, products);
    if (!std::is_constant_evaluated()) count_op(Op::kFp61Inv);
    return r;
  }

 private:
  constexpr explicit Fp61(std::uint64_t v) : v_(v) {}
  constexpr Fp61 pow_uncounted(std::uint64_t e, std::uint64_t& products) const {
    Fp61 r(1), b = *this;
    while (e) {
      if (e & 1) r = mul_uncounted(r, b), ++products;
      b = mul_uncounted(b, b), ++products;
      e >>= 1;
    }
    return r;
  }
  static constexpr std::uint64_t reduce_once(std::uint64_t v) {
    return v >= kModulus ? v - kModulus : v;
  }
  static constexpr std::uint64_t reduce64(std::uint64_t v) {
    return reduce_once((v & kModulus) + (v >> 61));
  }
  std::uint64_t v_ = 0;
};

// Z_{2^64}: machine arithmetic with wrap-around; a named type so that messages and circuits
// say which domain they are in.
struct Z64 {
  std::uint64_t v = 0;
  friend constexpr Z64 operator+(Z64 a, Z64 b) { return {a.v + b.v}; }
  friend constexpr Z64 operator-(Z64 a, Z64 b) { return {a.v - b.v}; }
  constexpr Z64 operator-() const { return {0 - v}; }
  friend constexpr Z64 operator*(Z64 a, Z64 b) { return {a.v * b.v}; }
  friend constexpr bool operator==(Z64 a, Z64 b) = default;
};

}  // namespace smpc
