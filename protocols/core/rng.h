// Deterministic randomness. Every random choice a party makes flows from one Rng, itself derived
// from (scenario seed, party id, stream name), so a run replays byte for byte from its seed.
//
// Construction: key = BLAKE2b-256("smpc-rng/v1" ‖ seed ‖ party ‖ stream), then the ChaCha20
// keystream under that key (libsodium crypto_stream_chacha20, nonce 0). ChaCha20 is a PRF, so
// streams with different (seed, party, stream) are independent and unpredictable to anyone who
// does not know the seed.
#pragma once

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "protocols/core/field.h"
#include "protocols/core/types.h"

namespace smpc {

class Rng {
 public:
  Rng(std::uint64_t seed, PartyId party, std::string_view stream);
  // A child stream, e.g. per protocol instance: derived from this stream's key and `name`.
  Rng derive(std::string_view name) const;

  void fill(std::span<std::uint8_t> out);
  std::uint64_t next_u64();
  // Uniform in [0, bound) by rejection sampling (no modulo bias). bound > 0.
  std::uint64_t uniform_below(std::uint64_t bound);
  // Uniform field element by rejection sampling 61-bit values.
  Fp61 uniform_fp61();
  bool next_bit() { return next_u64() & 1; }

 private:
  explicit Rng(const std::array<std::uint8_t, 32>& key);
  void refill();

  std::array<std::uint8_t, 32> key_{};
  std::uint64_t block_counter_ = 0;  // ChaCha20 64-byte block index of the next refill
  std::array<std::uint8_t, 512> buffer_{};
  std::size_t pos_ = sizeof(buffer_);
};

}  // namespace smpc
