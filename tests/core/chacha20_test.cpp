// chacha20.h against libsodium's crypto_stream_chacha20_xor_ic (the bytes every report's
// randomness comes from), on both of its paths, and Rng's stream and its ChaCha20 byte count.
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

#include "protocols/core/chacha20.h"
#include "protocols/core/ops.h"
#include "protocols/core/rng.h"

namespace smpc {
namespace {

std::vector<std::uint8_t> reference(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                                    std::size_t size) {
  EXPECT_GE(sodium_init(), 0);
  std::vector<std::uint8_t> out(size, 0);
  unsigned char n[8];
  for (int i = 0; i < 8; ++i) n[i] = static_cast<unsigned char>(nonce >> (8 * i));
  crypto_stream_chacha20_xor_ic(out.data(), out.data(), size, n, first_block, key.data());
  return out;
}

std::array<std::uint8_t, 32> key_of(std::uint8_t salt) {
  std::array<std::uint8_t, 32> k{};
  for (std::size_t i = 0; i < k.size(); ++i) k[i] = static_cast<std::uint8_t>(salt * 31 + i * 7 + 1);
  return k;
}

// Sizes on both sides of kChachaLongRequest; counters across the 2^32-block carry, which
// OpenSSL's 32-bit counter word must pass into the next word as libsodium's 64-bit one does.
TEST(Chacha20, KeystreamAndXorAreLibsodiumsOnBothPaths) {
  const std::uint64_t counters[] = {0, 7, (std::uint64_t{1} << 32) - 3, (std::uint64_t{1} << 32) - 1,
                                    (std::uint64_t{1} << 33) + 5};
  const std::uint64_t nonces[] = {0, 0x0123456789abcdefULL};
  const std::size_t sizes[] = {1, 63, 64, 511, kChachaLongRequest - 1, kChachaLongRequest,
                               kChachaLongRequest + 13, 4096, 70000};
  std::uint8_t salt = 0;
  for (std::uint64_t c : counters)
    for (std::uint64_t nonce : nonces)
      for (std::size_t size : sizes) {
        const auto key = key_of(++salt);
        const auto want = reference(key, nonce, c, size);
        std::vector<std::uint8_t> got(size, 0xA5);
        chacha20_keystream(key, nonce, c, got);
        ASSERT_EQ(got, want) << "counter " << c << ", nonce " << nonce << ", " << size << " bytes";
        std::vector<std::uint8_t> x(size);
        for (std::size_t i = 0; i < size; ++i) x[i] = static_cast<std::uint8_t>(i * 13);
        chacha20_xor(key, nonce, c, x);
        for (std::size_t i = 0; i < size; ++i)
          ASSERT_EQ(x[i], static_cast<std::uint8_t>(want[i] ^ static_cast<std::uint8_t>(i * 13)))
              << "xor, byte " << i << " of " << size;
      }
}

// Rng's documented construction (rng.h): key = BLAKE2b-256("smpc-rng/v1\0" ‖ seed ‖ party ‖
// stream), then the keystream with nonce 0 — read here far past the point where Rng starts
// computing kAhead bytes at a time, in reads of several sizes.
TEST(Chacha20, RngReadsTheDocumentedStreamAndCountsItIn512ByteWindows) {
  const std::uint64_t seed = 0x1122334455667788ULL;
  const PartyId party = 3;
  const std::string_view stream = "chacha20-test";
  std::array<std::uint8_t, 32> key{};
  crypto_generichash_state st;
  crypto_generichash_init(&st, nullptr, 0, key.size());
  static constexpr char kDomain[] = "smpc-rng/v1";
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(kDomain), sizeof kDomain);
  unsigned char buf[12];
  for (int i = 0; i < 8; ++i) buf[i] = static_cast<unsigned char>(seed >> (8 * i));
  for (int i = 0; i < 4; ++i) buf[8 + i] = static_cast<unsigned char>(static_cast<std::uint32_t>(party) >> (8 * i));
  crypto_generichash_update(&st, buf, sizeof buf);
  crypto_generichash_update(&st, reinterpret_cast<const unsigned char*>(stream.data()), stream.size());
  crypto_generichash_final(&st, key.data(), key.size());

  constexpr std::size_t kBytes = 40000;
  const auto want = reference(key, 0, 0, kBytes);
  Rng rng(seed, party, stream);
  (void)take_op_counts();
  std::vector<std::uint8_t> got;
  std::size_t step = 1;
  while (got.size() + 8 <= kBytes) {
    if (step % 3 == 0) {
      const std::uint64_t v = rng.next_u64();
      for (int i = 0; i < 8; ++i) got.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
    } else {
      std::vector<std::uint8_t> chunk(std::min<std::size_t>(step % 700, kBytes - 8 - got.size()) + 1);
      rng.fill(chunk);
      got.insert(got.end(), chunk.begin(), chunk.end());
    }
    ++step;
  }
  ASSERT_EQ(got, std::vector<std::uint8_t>(want.begin(), want.begin() + static_cast<std::ptrdiff_t>(got.size())));
  // One count of 512 bytes per window entered, whichever way the windows were computed.
  const std::uint64_t windows = (got.size() + 511) / 512;
  EXPECT_EQ(take_op_counts()[Op::kChachaByte], 512 * windows);
  // A copy continues the same stream from the same point.
  Rng copy = rng;
  EXPECT_EQ(copy.next_u64(), rng.next_u64());
}

}  // namespace
}  // namespace smpc
