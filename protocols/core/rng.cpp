#include "protocols/core/rng.h"

#include <sodium.h>

#include <cstring>

#include "protocols/core/chacha20.h"
#include "protocols/core/message.h"
#include "protocols/core/mutants.h"
#include "protocols/core/ops.h"
#include "protocols/core/sodium.h"
#include "protocols/core/status.h"

namespace smpc {

Rng::Rng(std::uint64_t seed, PartyId party, std::string_view stream) {
  ensure_sodium();
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, key_.size());
  static constexpr char kDomain[] = "smpc-rng/v1";
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  unsigned char buf[12];
  for (int i = 0; i < 8; ++i) buf[i] = static_cast<unsigned char>(seed >> (8 * i));
  const auto p = static_cast<std::uint32_t>(party);
  for (int i = 0; i < 4; ++i) buf[8 + i] = static_cast<unsigned char>(p >> (8 * i));
  crypto_generichash_update(&st, buf, sizeof buf);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(stream.data()),
                            stream.size());
  crypto_generichash_final(&st, key_.data(), key_.size());
}

Rng::Rng(const std::array<std::uint8_t, 32>& key) : key_(key) { ensure_sodium(); }

Rng Rng::derive(std::string_view name) const {
  std::array<std::uint8_t, 32> child{};
  crypto_generichash(child.data(), child.size(), reinterpret_cast<const unsigned char*>(name.data()),
                     name.size(), key_.data(), key_.size());
  return Rng(child);
}

void Rng::refill() {
  // The party's randomness is PRG work too: counted as ChaCha20 bytes like prg_expand (ops.h).
  count_op(Op::kChachaByte, buffer_.size());
  if (ahead_pos_ == ahead_.size() && block_counter_ >= 2 * kWindowBlocks) {  // from the third window
    ahead_.resize(kAhead);
    chacha20_keystream(key_, 0, block_counter_, ahead_);
    ahead_pos_ = 0;
  }
  if (ahead_pos_ < ahead_.size()) {
    std::memcpy(buffer_.data(), ahead_.data() + ahead_pos_, buffer_.size());
    ahead_pos_ += buffer_.size();
  } else {
    chacha20_keystream(key_, 0, block_counter_, buffer_);
  }
  block_counter_ += kWindowBlocks;
  pos_ = 0;
}

void Rng::fill(std::span<std::uint8_t> out) {
  std::size_t done = 0;
  while (done < out.size()) {
    if (pos_ == buffer_.size()) refill();
    const std::size_t take = std::min(out.size() - done, buffer_.size() - pos_);
    std::memcpy(out.data() + done, buffer_.data() + pos_, take);
    pos_ += take;
    done += take;
  }
}

std::uint64_t Rng::next_u64_across_refill() {
  std::uint8_t b[8];
  fill(b);
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | b[i];
  return v;
}

std::uint64_t Rng::uniform_below(std::uint64_t bound) {
  SMPC_ASSERT(bound > 0);
  // Largest multiple of bound that fits: values at or above it are rejected.
  const std::uint64_t limit = ~std::uint64_t{0} - (~std::uint64_t{0} % bound);
  for (;;) {
    const std::uint64_t v = next_u64();
    if (v < limit) return v % bound;
  }
}

}  // namespace smpc
