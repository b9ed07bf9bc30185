// Pseudorandom generator: the ChaCha20 keystream (libsodium's crypto_stream_chacha20, computed by
// protocols/core/chacha20.h) under a 32-byte seed and a 64-bit stream number as its nonce. ChaCha20 is a PRF in (key, nonce, counter), so
// distinct stream numbers under one seed give independent streams; IKNP uses one stream number
// per extension batch so that a base-OT seed is never expanded twice into the same bits.
//
// AesPrgBank: the same interface for many seeds at once, on AES-128 in counter mode
// (G(seed, stream) = AES_k(0, stream) ‖ AES_k(1, stream) ‖ …, k = the seed's first 16 bytes,
// counter blocks as in aes128_ctr_many). AES is a PRF under the standard assumption, so distinct
// (stream, counter) blocks under one key give an independent stream; the key schedules are
// expanded once per session, after which a block costs 10 hardware AES rounds (VAES: four blocks
// per instruction). IKNP uses it for its κ column PRGs, where it is several times faster than
// the ChaCha20 keystream (docs/yao.md, benchmarks). 128-bit keys match IKNP's κ = 128.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <vector>

#include "protocols/core/rng.h"
#include "protocols/crypto/aes.h"

namespace smpc {

using PrgSeed = std::array<std::uint8_t, 32>;

// out = G(seed, stream)[0 .. out.size()).
void prg_expand(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out);
// out ^= G(seed, stream)[0 .. out.size()).
void prg_expand_xor(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out);

class AesPrgBank {
 public:
  AesPrgBank() = default;
  explicit AesPrgBank(std::span<const PrgSeed> seeds);

  std::size_t size() const { return keys_.size(); }
  // out + i·bytes_each = G(seed_i, stream)[0 .. bytes_each) for every seed i; bytes_each must be
  // a multiple of 16.
  void expand(std::uint64_t stream, std::uint8_t* out, std::size_t bytes_each) const;
  void expand(std::uint64_t stream, std::uint8_t* out, std::size_t bytes_each,
              AesBackend backend) const;

 private:
  std::vector<Aes128> keys_;
};

inline PrgSeed random_seed(Rng& rng) {
  PrgSeed s;
  rng.fill(s);
  return s;
}

}  // namespace smpc
