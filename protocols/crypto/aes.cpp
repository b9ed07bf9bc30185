#include "protocols/crypto/aes.h"

#include <sodium.h>

#include <cstdio>
#include <cstdlib>

#include "protocols/core/enum_names.h"
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

}  // namespace

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
  if (backend == AesBackend::kVaes512)
    encrypt_vaes(rk_, in.data(), out.data(), in.size());
  else
    encrypt_aesni(rk_, in.data(), out.data(), in.size());
}

const Aes128& fixed_key_aes() {
  static const Aes128 pi = [] {
    SMPC_ASSERT(sodium_init() >= 0);
    static constexpr char kLabel[] = "smpc-testbed/fixed-key-aes/v1";
    Block key;
    crypto_generichash(key.data(), key.size(), reinterpret_cast<const unsigned char*>(kLabel),
                       sizeof kLabel - 1, nullptr, 0);
    return Aes128(key);
  }();
  return pi;
}

}  // namespace smpc
