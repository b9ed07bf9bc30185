// Delayed reduction over Mersenne-61 for the dot products of table-based Shamir sharing and
// Lagrange recombination (shamir.h, bgw_semi_honest.cpp). Kept beside them rather than in
// core/field.h, which nearly every file includes.
#pragma once

#include <cstdint>

#include "protocols/core/field.h"

namespace smpc {

// x mod p for any 128-bit x: 2^61 ≡ 1, so x = hi·2^122 + mid·2^61 + lo ≡ hi + mid + lo < 2^63,
// which from_u64 reduces.
constexpr Fp61 fp61_from_u128(uint128_t x) {
  const std::uint64_t lo = static_cast<std::uint64_t>(x) & Fp61::kModulus;
  const std::uint64_t mid = static_cast<std::uint64_t>(x >> 61) & Fp61::kModulus;
  const std::uint64_t hi = static_cast<std::uint64_t>(x >> 122);
  return Fp61::from_u64(lo + mid + hi);
}

// Σ a_k·b_k with one reduction per 63 terms instead of one per product: each product is below
// 2^122, so 63 of them and a reduced start value fit in 128 bits.
class Fp61Accumulator {
 public:
  constexpr Fp61Accumulator() = default;
  constexpr explicit Fp61Accumulator(Fp61 start) : acc_(start.value()) {}
  // Counted as one F_p product (ops.h): the delayed reduction makes it cheaper than
  // Fp61::operator*, but it is the product of Shamir sharing and Lagrange interpolation, which
  // the compute model otherwise missed (docs/performance.md, "Computation model").
  constexpr void add_product(Fp61 a, Fp61 b) {
    if (!std::is_constant_evaluated()) count_op(Op::kFp61Mul);
    acc_ += static_cast<uint128_t>(a.value()) * b.value();
    if (++pending_ == 63) fold();
  }
  constexpr Fp61 get() const { return fp61_from_u128(acc_); }

 private:
  constexpr void fold() {
    acc_ = fp61_from_u128(acc_).value();
    pending_ = 0;
  }
  uint128_t acc_ = 0;
  int pending_ = 0;
};

}  // namespace smpc
