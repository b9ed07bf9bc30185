// GF(2^128) = F_2[x] / (x^128 + x^7 + x^2 + x + 1), the field of the KOS consistency check
// (Keller, Orsini, Scholl, eprint 2015/546, §4: "we view κ-bit strings as elements of F_{2^κ}").
// A Block is a polynomial: bit k (block.h's order: bit k mod 8 of byte k/8) is the coefficient
// of x^k. Only the check's sums of products are needed, so products accumulate unreduced
// (256 bits) and are reduced once per sum.
#pragma once

#include <array>
#include <cstdint>

#include "protocols/core/message.h"

namespace smpc {

// An unreduced sum of products: 4 little-endian 64-bit words, coefficients of x^0 .. x^255.
struct Gf128Wide {
  std::array<std::uint64_t, 4> w{};
};

// acc += a·b (carry-less, unreduced): PCLMULQDQ when the CPU has it, else a constant-time loop.
void gf128_mul_acc(const Block& a, const Block& b, Gf128Wide& acc);
// The same product by the portable loop only: the reference the tests compare against.
void gf128_mul_acc_portable(const Block& a, const Block& b, Gf128Wide& acc);
Block gf128_reduce(const Gf128Wide& acc);
Block gf128_mul(const Block& a, const Block& b);

}  // namespace smpc
