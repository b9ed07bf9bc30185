// Pseudorandom generator from libsodium: the ChaCha20 keystream (crypto_stream_chacha20) under
// a 32-byte seed and a 64-bit stream number. ChaCha20 is a PRF in (key, nonce, counter), so
// distinct stream numbers under one seed give independent streams; IKNP uses one stream number
// per extension batch so that a base-OT seed is never expanded twice into the same bits.
#pragma once

#include <array>
#include <cstdint>
#include <span>

#include "protocols/core/rng.h"

namespace smpc {

using PrgSeed = std::array<std::uint8_t, 32>;

// out = G(seed, stream)[0 .. out.size()).
void prg_expand(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out);
// out ^= G(seed, stream)[0 .. out.size()).
void prg_expand_xor(const PrgSeed& seed, std::uint64_t stream, std::span<std::uint8_t> out);

inline PrgSeed random_seed(Rng& rng) {
  PrgSeed s;
  rng.fill(s);
  return s;
}

}  // namespace smpc
