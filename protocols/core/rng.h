// Deterministic randomness. Every random choice a party makes flows from one Rng, itself derived
// from (scenario seed, party id, stream name), so a run replays byte for byte from its seed.
//
// Construction: key = BLAKE2b-256("smpc-rng/v1" ‖ seed ‖ party ‖ stream), then the ChaCha20
// keystream under that key (chacha20.h: libsodium's crypto_stream_chacha20, nonce 0, the same bytes
// whichever library computes them). ChaCha20 is a PRF, so
// streams with different (seed, party, stream) are independent and unpredictable to anyone who
// does not know the seed.
#pragma once

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <span>
#include <string_view>
#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/mutants.h"
#include "protocols/core/types.h"

namespace smpc {

class Rng {
 public:
  Rng(std::uint64_t seed, PartyId party, std::string_view stream);
  // A child stream, e.g. per protocol instance: derived from this stream's key and `name`.
  Rng derive(std::string_view name) const;

  void fill(std::span<std::uint8_t> out);
  std::uint64_t next_u64() {
    // The next 8 bytes of fill()'s stream, read in place (little-endian) while the buffer holds
    // them: inline, as the dealer and MACCheck take one per share.
    if (buffer_.size() - pos_ >= 8) [[likely]] {
      std::uint64_t v = 0;
      if constexpr (std::endian::native == std::endian::little) {
        std::memcpy(&v, buffer_.data() + pos_, 8);
      } else {
        for (int i = 7; i >= 0; --i) v = (v << 8) | buffer_[pos_ + static_cast<std::size_t>(i)];
      }
      pos_ += 8;
      return v;
    }
    return next_u64_across_refill();
  }
  // Uniform in [0, bound) by rejection sampling (no modulo bias). bound > 0.
  std::uint64_t uniform_below(std::uint64_t bound);
  // Uniform field element by rejection sampling 61-bit values.
  Fp61 uniform_fp61() {
    // M04: low-entropy masks, 32 random bits where 61 are due.
    if (mutant_active(Mutant::kM04)) return Fp61::from_u64(next_u64() & 0xffffffffu);
    for (;;) {
      const std::uint64_t v = next_u64() & Fp61::kModulus;  // 61 uniform bits
      if (auto f = Fp61::from_canonical(v)) return *f;       // rejects only v = p
    }
  }
  bool next_bit() { return next_u64() & 1; }

 private:
  explicit Rng(const std::array<std::uint8_t, 32>& key);
  void refill();
  std::uint64_t next_u64_across_refill();

  std::array<std::uint8_t, 32> key_{};
  std::uint64_t block_counter_ = 0;  // ChaCha20 64-byte block index of the next refill
  // The stream is read and counted (Op::kChachaByte) 512 bytes at a time, as it always was, so
  // the compute model prices a run alike whatever happens below. A long stream (from its third
  // refill on) is computed kAhead bytes at once into `ahead_`, where OpenSSL's ChaCha20 is
  // about 3× faster than 512-byte calls (chacha20.h); a short-lived one never allocates.
  static constexpr std::size_t kAhead = 4096;
  std::array<std::uint8_t, 512> buffer_{};
  std::size_t pos_ = sizeof(buffer_);
  std::vector<std::uint8_t> ahead_;  // the windows after buffer_, from ahead_pos_ on
  std::size_t ahead_pos_ = 0;
  static constexpr std::uint64_t kWindowBlocks = sizeof(buffer_) / 64;  // ChaCha20 blocks a refill reads
  static_assert(kAhead % sizeof(buffer_) == 0);
};

}  // namespace smpc
