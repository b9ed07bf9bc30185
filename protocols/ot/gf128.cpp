#include "protocols/ot/gf128.h"

#include <immintrin.h>

#include "protocols/crypto/block.h"

namespace smpc {
namespace {

std::uint64_t block_hi(const Block& a) {
  std::uint64_t v = 0;
  for (std::size_t i = 16; i-- > 8;) v = (v << 8) | a[i];
  return v;
}

// lo, hi of the carry-less product of two 64-bit polynomials; masks instead of branches so the
// time does not depend on the (secret) operands.
void clmul64(std::uint64_t a, std::uint64_t b, std::uint64_t& lo, std::uint64_t& hi) {
  lo = hi = 0;
  for (unsigned i = 0; i < 64; ++i) {
    const std::uint64_t mask = 0 - ((b >> i) & 1);
    lo ^= (a << i) & mask;
    hi ^= (i == 0 ? 0 : a >> (64 - i)) & mask;
  }
}

__attribute__((target("pclmul,sse2"))) void mul_acc_pclmul(const Block& a, const Block& b,
                                                            Gf128Wide& acc) {
  const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i*>(a.data()));
  const __m128i y = _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data()));
  const __m128i p00 = _mm_clmulepi64_si128(x, y, 0x00), p11 = _mm_clmulepi64_si128(x, y, 0x11);
  const __m128i mid = _mm_xor_si128(_mm_clmulepi64_si128(x, y, 0x01),
                                    _mm_clmulepi64_si128(x, y, 0x10));
  alignas(16) std::uint64_t lo[2], hi[2], md[2];
  _mm_store_si128(reinterpret_cast<__m128i*>(lo), p00);
  _mm_store_si128(reinterpret_cast<__m128i*>(hi), p11);
  _mm_store_si128(reinterpret_cast<__m128i*>(md), mid);
  acc.w[0] ^= lo[0];
  acc.w[1] ^= lo[1] ^ md[0];
  acc.w[2] ^= hi[0] ^ md[1];
  acc.w[3] ^= hi[1];
}

// Asked once, at the first product (not in a static initializer: __builtin_cpu_supports needs
// __builtin_cpu_init before constructors have run).
bool has_pclmul() {
  static const bool has = [] {
    __builtin_cpu_init();
    return __builtin_cpu_supports("pclmul") != 0;
  }();
  return has;
}

}  // namespace

void gf128_mul_acc_portable(const Block& a, const Block& b, Gf128Wide& acc) {
  const std::uint64_t a0 = block_lo(a), a1 = block_hi(a), b0 = block_lo(b), b1 = block_hi(b);
  std::uint64_t lo, hi;
  clmul64(a0, b0, lo, hi);
  acc.w[0] ^= lo;
  acc.w[1] ^= hi;
  clmul64(a1, b1, lo, hi);
  acc.w[2] ^= lo;
  acc.w[3] ^= hi;
  clmul64(a0, b1, lo, hi);
  acc.w[1] ^= lo;
  acc.w[2] ^= hi;
  clmul64(a1, b0, lo, hi);
  acc.w[1] ^= lo;
  acc.w[2] ^= hi;
}

void gf128_mul_acc(const Block& a, const Block& b, Gf128Wide& acc) {
  if (has_pclmul())
    mul_acc_pclmul(a, b, acc);
  else
    gf128_mul_acc_portable(a, b, acc);
}

// x^128 = x^7 + x^2 + x + 1: fold word 3 into words 1-2, then word 2 into words 0-1.
Block gf128_reduce(const Gf128Wide& acc) {
  std::uint64_t w0 = acc.w[0], w1 = acc.w[1], w2 = acc.w[2];
  const std::uint64_t w3 = acc.w[3];
  w1 ^= w3 ^ (w3 << 1) ^ (w3 << 2) ^ (w3 << 7);
  w2 ^= (w3 >> 63) ^ (w3 >> 62) ^ (w3 >> 57);
  w0 ^= w2 ^ (w2 << 1) ^ (w2 << 2) ^ (w2 << 7);
  w1 ^= (w2 >> 63) ^ (w2 >> 62) ^ (w2 >> 57);
  return block_from_u64(w0, w1);
}

Block gf128_mul(const Block& a, const Block& b) {
  Gf128Wide acc;
  gf128_mul_acc(a, b, acc);
  return gf128_reduce(acc);
}

}  // namespace smpc
