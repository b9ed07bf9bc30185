// Internal to protocols/crypto: the AES round loops shared by aes.cpp and tccr_hash.cpp.
// Include only from sources compiled with -maes -msse4.1 (sources.cmake sets that); the VAES
// kernels carry their own target attribute and run only after best_aes_backend() chose them.
//
// Why interleave: one AES round has a latency of several cycles but the CPU issues two per
// cycle, so a single block wastes most of the unit. Each kernel encrypts N independent blocks
// round by round (N = 8 xmm registers, or up to 8 zmm registers of 4 blocks each).
#pragma once

#include <immintrin.h>

#include <array>
#include <cstddef>

#include "protocols/core/message.h"

#define SMPC_VAES_TARGET __attribute__((target("avx512f,vaes")))

namespace smpc::aes_detail {

struct XmmKeys {
  __m128i k[11];
};

inline XmmKeys load_xmm_keys(const std::array<Block, 11>& rk) {
  XmmKeys keys;
  for (int r = 0; r < 11; ++r)
    keys.k[r] =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(rk[static_cast<std::size_t>(r)].data()));
  return keys;
}

inline __m128i load(const Block& b) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(b.data()));
}
inline void store(Block& b, __m128i v) {
  _mm_storeu_si128(reinterpret_cast<__m128i*>(b.data()), v);
}

template <int N>
inline void xmm_encrypt(const XmmKeys& keys, __m128i* b) {
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_xor_si128(b[i], keys.k[0]);
#pragma GCC unroll 9
  for (int r = 1; r < 10; ++r) {
#pragma GCC unroll 8
    for (int i = 0; i < N; ++i) b[i] = _mm_aesenc_si128(b[i], keys.k[r]);
  }
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm_aesenclast_si128(b[i], keys.k[10]);
}

// out[i] = AES(in[i]) for N blocks.
template <int N>
inline void xmm_encrypt_n(const XmmKeys& keys, const Block* in, Block* out) {
  __m128i b[N];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = load(in[i]);
  xmm_encrypt<N>(keys, b);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) store(out[i], b[i]);
}

// TMMO (GKWY §7.4) on N blocks: out = π(π(x) ⊕ tweak) ⊕ π(x).
template <int N>
inline void xmm_tmmo_n(const XmmKeys& keys, const Block* x, const Block* tw, Block* out) {
  __m128i y[N], t[N];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) y[i] = load(x[i]);
  xmm_encrypt<N>(keys, y);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) t[i] = _mm_xor_si128(y[i], load(tw[i]));
  xmm_encrypt<N>(keys, t);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) store(out[i], _mm_xor_si128(t[i], y[i]));
}

// Dispatch a run-time count 1..8 to the unrolled kernels.
template <template <int> class Op, typename... Args>
inline void xmm_dispatch(std::size_t n, Args&&... args) {
  switch (n) {
    case 1:
      Op<1>::run(args...);
      break;
    case 2:
      Op<2>::run(args...);
      break;
    case 3:
      Op<3>::run(args...);
      break;
    case 4:
      Op<4>::run(args...);
      break;
    case 5:
      Op<5>::run(args...);
      break;
    case 6:
      Op<6>::run(args...);
      break;
    case 7:
      Op<7>::run(args...);
      break;
    case 8:
      Op<8>::run(args...);
      break;
    default:
      break;
  }
}

// ---- VAES, four blocks per zmm register --------------------------------------------------

SMPC_VAES_TARGET inline void load_zmm_keys(const std::array<Block, 11>& rk, __m512i* k) {
  for (int r = 0; r < 11; ++r)
    // The maskz form: GCC 12's plain _mm512_broadcast_i32x4 trips -Wuninitialized.
    k[r] = _mm512_maskz_broadcast_i32x4(
        0xffff,
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(rk[static_cast<std::size_t>(r)].data())));
}

template <int N>
SMPC_VAES_TARGET inline void zmm_encrypt(const __m512i* k, __m512i* b) {
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm512_xor_si512(b[i], k[0]);
#pragma GCC unroll 9
  for (int r = 1; r < 10; ++r) {
#pragma GCC unroll 8
    for (int i = 0; i < N; ++i) b[i] = _mm512_aesenc_epi128(b[i], k[r]);
  }
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm512_aesenclast_epi128(b[i], k[10]);
}

// 4N blocks.
template <int N>
SMPC_VAES_TARGET inline void zmm_encrypt_n(const __m512i* k, const Block* in, Block* out) {
  __m512i b[N];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) b[i] = _mm512_loadu_si512(in + 4 * i);
  zmm_encrypt<N>(k, b);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) _mm512_storeu_si512(out + 4 * i, b[i]);
}

template <int N>
SMPC_VAES_TARGET inline void zmm_tmmo_n(const __m512i* k, const Block* x, const Block* tw,
                                        Block* out) {
  __m512i y[N], t[N];
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) y[i] = _mm512_loadu_si512(x + 4 * i);
  zmm_encrypt<N>(k, y);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) t[i] = _mm512_xor_si512(y[i], _mm512_loadu_si512(tw + 4 * i));
  zmm_encrypt<N>(k, t);
#pragma GCC unroll 8
  for (int i = 0; i < N; ++i) _mm512_storeu_si512(out + 4 * i, _mm512_xor_si512(t[i], y[i]));
}

}  // namespace smpc::aes_detail
