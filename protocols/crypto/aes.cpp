#include "protocols/crypto/aes.h"

#include <sodium.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>

#include "protocols/core/enum_names.h"
#include "protocols/core/ops.h"
#include "protocols/core/sodium.h"
#include "protocols/core/status.h"
#include "protocols/crypto/aes_kernels.h"

namespace smpc {
namespace {

using namespace aes_detail;

// FIPS-197 §5.2 key expansion, one round key per AESKEYGENASSIST (its round constant must be
// an immediate, hence the macro).
__m128i expand_step(__m128i key, __m128i assist) {
  assist = _mm_shuffle_epi32(assist, 0xff);
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  key = _mm_xor_si128(key, _mm_slli_si128(key, 4));
  return _mm_xor_si128(key, assist);
}

bool cpu_has_aesni() { return __builtin_cpu_supports("aes") && __builtin_cpu_supports("sse4.1"); }
bool cpu_has_vaes512() {
  // libgcc's cpu model also checks that the OS saves the zmm state (XCR0).
#if defined(__clang__) && __clang_major__ < 16
  return false;  // clang 14 (the fuzz build) has no "vaes" cpu feature: the 128-bit path
#else
  return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("vaes");
#endif
}

template <int N>
struct EncryptXmm {
  static void run(const XmmKeys& k, const Block* in, Block* out) { xmm_encrypt_n<N>(k, in, out); }
};

void encrypt_aesni(const std::array<Block, 11>& rk, const Block* in, Block* out, std::size_t n) {
  const XmmKeys k = load_xmm_keys(rk);
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) xmm_encrypt_n<8>(k, in + i, out + i);
  xmm_dispatch<EncryptXmm>(n - i, k, in + i, out + i);
}

SMPC_VAES_TARGET void encrypt_vaes(const std::array<Block, 11>& rk, const Block* in, Block* out,
                                   std::size_t n) {
  __m512i k[11];
  load_zmm_keys(rk, k);
  std::size_t i = 0;
  for (; i + 32 <= n; i += 32) zmm_encrypt_n<8>(k, in + i, out + i);
  for (; i + 4 <= n; i += 4) zmm_encrypt_n<1>(k, in + i, out + i);
  if (i < n) encrypt_aesni(rk, in + i, out + i, n - i);
}

// Counter blocks (b, nonce) for b = first, first + 1, …
inline __m128i ctr_block(std::uint64_t b, std::uint64_t nonce) {
  return _mm_set_epi64x(static_cast<long long>(nonce), static_cast<long long>(b));
}

// Blocks first .. first + blocks − 1 of the stream, into out[0 ..).
void ctr_aesni(const Aes128& key, std::uint64_t nonce, std::uint64_t first, Block* out,
               std::size_t blocks) {
  const XmmKeys k = load_xmm_keys(key.round_keys());
  for (std::size_t b = 0; b < blocks; b += 8) {
    __m128i x[8];
    for (int i = 0; i < 8; ++i) x[i] = ctr_block(first + b + static_cast<std::size_t>(i), nonce);
    xmm_encrypt<8>(k, x);
    const std::size_t n = std::min<std::size_t>(8, blocks - b);
    for (std::size_t i = 0; i < n; ++i) store(out[b + i], x[i]);
  }
}

// Two keys × 16 blocks (4 zmm registers each): the IKNP batch size of 2048 OTs.
SMPC_VAES_TARGET void ctr_vaes_pair16(const Aes128& k0, const Aes128& k1, std::uint64_t nonce,
                                      Block* out0, Block* out1) {
  __m512i r0[11], r1[11];
  load_zmm_keys(k0.round_keys(), r0);
  load_zmm_keys(k1.round_keys(), r1);
  const __m512i step = _mm512_set_epi64(0, 4, 0, 4, 0, 4, 0, 4);
  __m512i c = _mm512_set_epi64(static_cast<long long>(nonce), 3, static_cast<long long>(nonce), 2,
                               static_cast<long long>(nonce), 1, static_cast<long long>(nonce), 0);
  __m512i b[8];
  for (int i = 0; i < 4; ++i) {
    b[i] = _mm512_xor_si512(c, r0[0]);
    b[4 + i] = _mm512_xor_si512(c, r1[0]);
    c = _mm512_add_epi64(c, step);
  }
#pragma GCC unroll 9
  for (int r = 1; r < 10; ++r) {
#pragma GCC unroll 4
    for (int i = 0; i < 4; ++i) {
      b[i] = _mm512_aesenc_epi128(b[i], r0[r]);
      b[4 + i] = _mm512_aesenc_epi128(b[4 + i], r1[r]);
    }
  }
#pragma GCC unroll 4
  for (int i = 0; i < 4; ++i) {
    _mm512_storeu_si512(out0 + 4 * i, _mm512_aesenclast_epi128(b[i], r0[10]));
    _mm512_storeu_si512(out1 + 4 * i, _mm512_aesenclast_epi128(b[4 + i], r1[10]));
  }
}

// One key, 4·N blocks from counter `first`.
template <int N>
SMPC_VAES_TARGET void ctr_vaes_n(const Aes128& key, std::uint64_t nonce, std::uint64_t first,
                                 Block* out) {
  __m512i r[11];
  load_zmm_keys(key.round_keys(), r);
  const auto nn = static_cast<long long>(nonce);
  const auto f = static_cast<long long>(first);
  __m512i c = _mm512_set_epi64(nn, f + 3, nn, f + 2, nn, f + 1, nn, f);
  const __m512i step = _mm512_set_epi64(0, 4, 0, 4, 0, 4, 0, 4);
  __m512i b[N];
  for (int i = 0; i < N; ++i) {
    b[i] = c;
    c = _mm512_add_epi64(c, step);
  }
  zmm_encrypt<N>(r, b);
  for (int i = 0; i < N; ++i) _mm512_storeu_si512(out + 4 * i, b[i]);
}

SMPC_VAES_TARGET void ctr_vaes_one(const Aes128& key, std::uint64_t nonce, Block* out,
                                   std::size_t blocks) {
  std::size_t b = 0;
  for (; b + 32 <= blocks; b += 32) ctr_vaes_n<8>(key, nonce, b, out + b);
  for (; b + 4 <= blocks; b += 4) ctr_vaes_n<1>(key, nonce, b, out + b);
  if (b < blocks) ctr_aesni(key, nonce, b, out + b, blocks - b);
}

}  // namespace

void aes128_ctr_many(std::span<const Aes128> keys, std::uint64_t nonce, std::uint8_t* out,
                     std::size_t bytes_each) {
  aes128_ctr_many(keys, nonce, out, bytes_each, best_aes_backend());
}

void aes128_ctr_many(std::span<const Aes128> keys, std::uint64_t nonce, std::uint8_t* out,
                     std::size_t bytes_each, AesBackend backend) {
  SMPC_ASSERT(bytes_each % 16 == 0);
  SMPC_ASSERT(aes_backend_supported(backend));
  const std::size_t blocks = bytes_each / 16;
  count_op(Op::kAesBlock, blocks * keys.size());
  auto* o = reinterpret_cast<Block*>(out);
  std::size_t k = 0;
  if (backend == AesBackend::kVaes512) {
    if (blocks == 16)
      for (; k + 2 <= keys.size(); k += 2)
        ctr_vaes_pair16(keys[k], keys[k + 1], nonce, o + k * 16, o + (k + 1) * 16);
    for (; k < keys.size(); ++k) ctr_vaes_one(keys[k], nonce, o + k * blocks, blocks);
    return;
  }
  for (; k < keys.size(); ++k) ctr_aesni(keys[k], nonce, 0, o + k * blocks, blocks);
}

constexpr const char* kAesBackendNames[] = {"aes-ni", "vaes-avx512"};
const char* aes_backend_name(AesBackend b) { return enum_name(kAesBackendNames, b, "unknown"); }

bool aes_backend_supported(AesBackend b) {
  return b == AesBackend::kAesNi ? cpu_has_aesni() : cpu_has_aesni() && cpu_has_vaes512();
}

AesBackend best_aes_backend() {
  static const AesBackend best = [] {
    if (!cpu_has_aesni()) {
      std::fprintf(stderr, "smpc: this CPU lacks AES-NI/SSE4.1, which protocols/crypto requires\n");
      std::abort();
    }
    return cpu_has_vaes512() ? AesBackend::kVaes512 : AesBackend::kAesNi;
  }();
  return best;
}

Aes128::Aes128(const Block& key) {
  (void)best_aes_backend();  // fails loudly on a CPU without AES-NI
  __m128i k[11];
  k[0] = load(key);
  k[1] = expand_step(k[0], _mm_aeskeygenassist_si128(k[0], 0x01));
  k[2] = expand_step(k[1], _mm_aeskeygenassist_si128(k[1], 0x02));
  k[3] = expand_step(k[2], _mm_aeskeygenassist_si128(k[2], 0x04));
  k[4] = expand_step(k[3], _mm_aeskeygenassist_si128(k[3], 0x08));
  k[5] = expand_step(k[4], _mm_aeskeygenassist_si128(k[4], 0x10));
  k[6] = expand_step(k[5], _mm_aeskeygenassist_si128(k[5], 0x20));
  k[7] = expand_step(k[6], _mm_aeskeygenassist_si128(k[6], 0x40));
  k[8] = expand_step(k[7], _mm_aeskeygenassist_si128(k[7], 0x80));
  k[9] = expand_step(k[8], _mm_aeskeygenassist_si128(k[8], 0x1b));
  k[10] = expand_step(k[9], _mm_aeskeygenassist_si128(k[9], 0x36));
  for (std::size_t r = 0; r < 11; ++r) store(rk_[r], k[r]);
}

Block Aes128::encrypt(const Block& in) const {
  count_op(Op::kAesBlock);
  Block out;
  encrypt_aesni(rk_, &in, &out, 1);
  return out;
}

void Aes128::encrypt_blocks(std::span<const Block> in, std::span<Block> out) const {
  encrypt_blocks(in, out, best_aes_backend());
}

void Aes128::encrypt_blocks(std::span<const Block> in, std::span<Block> out,
                            AesBackend backend) const {
  SMPC_ASSERT(in.size() == out.size());
  SMPC_ASSERT(aes_backend_supported(backend));
  count_op(Op::kAesBlock, in.size());
  if (backend == AesBackend::kVaes512)
    encrypt_vaes(rk_, in.data(), out.data(), in.size());
  else
    encrypt_aesni(rk_, in.data(), out.data(), in.size());
}

const Aes128& fixed_key_aes() {
  static const Aes128 pi = [] {
    ensure_sodium();
    static constexpr char kLabel[] = "smpc-testbed/fixed-key-aes/v1";
    Block key;
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(kLabel),
                       sizeof kLabel - 1, nullptr, 0);
    return Aes128(key);
  }();
  return pi;
}

}  // namespace smpc
