// Helpers for 128-bit blocks (smpc::Block, message.h): garbled-circuit labels, OT messages, AES
// states. Bytes are little-endian: bit k of a block is bit (k mod 8) of byte k/8, so the
// point-and-permute bit (lsb) is bit 0 of byte 0.
#pragma once

#include <cstdint>
#include <cstring>
#include <span>

#include "protocols/core/message.h"
#include "protocols/core/rng.h"

namespace smpc {

inline Block block_xor(const Block& a, const Block& b) {
  Block r;
  for (std::size_t i = 0; i < 16; ++i) r[i] = static_cast<std::uint8_t>(a[i] ^ b[i]);
  return r;
}

inline bool block_lsb(const Block& a) { return a[0] & 1; }

// (lo, hi) as two little-endian 64-bit words.
inline Block block_from_u64(std::uint64_t lo, std::uint64_t hi = 0) {
  Block r;
  for (int i = 0; i < 8; ++i) {
    r[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(lo >> (8 * i));
    r[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(hi >> (8 * i));
  }
  return r;
}

inline std::uint64_t block_lo(const Block& a) {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | a[static_cast<std::size_t>(i)];
  return v;
}

inline bool block_bit(const Block& a, std::size_t k) { return (a[k / 8] >> (k % 8)) & 1; }

inline Block random_block(Rng& rng) {
  Block r;
  rng.fill(r);
  return r;
}

// n uniformly random blocks in one call (one pass over the Rng's ChaCha20 stream).
inline void random_blocks(Rng& rng, std::span<Block> out) {
  if (out.empty()) return;
  rng.fill(std::span<std::uint8_t>(reinterpret_cast<std::uint8_t*>(out.data()), out.size() * 16));
}

}  // namespace smpc
