// AES-128 on AES-NI / VAES: FIPS-197 known answers, OpenSSL on random keys and blocks, both
// backends on every batch size (the kernels have separate paths for 32-, 4- and 1-block
// groups), and the documented fixed key of π.
#include "protocols/crypto/aes.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>
#include <rapidcheck/gtest.h>
#include <sodium.h>

#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

#include "protocols/crypto/block.h"
#include "protocols/crypto/prg.h"
#include "tests/crypto/test_blocks.h"

namespace smpc {
namespace {

using test::block_hex;
using test::hex_block;

std::vector<AesBackend> supported_backends() {
  std::vector<AesBackend> out;
  for (AesBackend b : {AesBackend::kAesNi, AesBackend::kVaes512})
    if (aes_backend_supported(b)) out.push_back(b);
  return out;
}

Block openssl_aes128(const Block& key, const Block& in) {
  EVP_CIPHER_CTX* ctx = EVP_CIPHER_CTX_new();
  EXPECT_EQ(EVP_EncryptInit_ex(ctx, EVP_aes_128_ecb(), nullptr, key.data(), nullptr), 1);
  EVP_CIPHER_CTX_set_padding(ctx, 0);
  Block out{};
  int len = 0;
  EXPECT_EQ(EVP_EncryptUpdate(ctx, out.data(), &len, in.data(), 16), 1);
  EXPECT_EQ(len, 16);
  EVP_CIPHER_CTX_free(ctx);
  return out;
}

TEST(Aes128, Fips197AppendixC1) {
  const Aes128 aes(hex_block("000102030405060708090a0b0c0d0e0f"));
  const Block pt = hex_block("00112233445566778899aabbccddeeff");
  EXPECT_EQ(block_hex(aes.encrypt(pt)), "69c4e0d86a7b0430d8cdb78070b4c55a");
  // The same block at every position of a long batch, on every backend.
  for (AesBackend b : supported_backends()) {
    SCOPED_TRACE(aes_backend_name(b));
    std::vector<Block> in(77, pt), out(77);
    aes.encrypt_blocks(in, out, b);
    for (const Block& c : out) EXPECT_EQ(block_hex(c), "69c4e0d86a7b0430d8cdb78070b4c55a");
  }
}

TEST(Aes128, Fips197AppendixA1KeyExpansion) {
  const Aes128 aes(hex_block("2b7e151628aed2a6abf7158809cf4f3c"));
  EXPECT_EQ(block_hex(aes.round_keys()[1]), "a0fafe1788542cb123a339392a6c7605");
  EXPECT_EQ(block_hex(aes.round_keys()[10]), "d014f9a8c9ee2589e13f0cc8b6630ca6");
}

TEST(Aes128, Fips197AppendixBCipherExample) {
  const Aes128 aes(hex_block("2b7e151628aed2a6abf7158809cf4f3c"));
  EXPECT_EQ(block_hex(aes.encrypt(hex_block("3243f6a8885a308d313198a2e0370734"))),
            "3925841d02dc09fbdc118597196a0b32");
}

RC_GTEST_PROP(Aes128, AgreesWithOpenSslOnEveryBackendAndBatchSize, ()) {
  const auto key_bytes =
      *rc::gen::container<std::vector<std::uint8_t>>(16, rc::gen::arbitrary<std::uint8_t>());
  Block key;
  std::copy(key_bytes.begin(), key_bytes.end(), key.begin());
  const auto n = *rc::gen::inRange<std::size_t>(0, 80);
  std::vector<Block> in(n);
  for (auto& b : in)
    for (auto& v : b) v = *rc::gen::arbitrary<std::uint8_t>();
  const Aes128 aes(key);
  for (AesBackend backend : supported_backends()) {
    std::vector<Block> out(n);
    aes.encrypt_blocks(in, out, backend);
    for (std::size_t k = 0; k < n; ++k) RC_ASSERT(out[k] == openssl_aes128(key, in[k]));
    // In place.
    std::vector<Block> inplace = in;
    aes.encrypt_blocks(inplace, inplace, backend);
    RC_ASSERT(inplace == out);
  }
}

TEST(FixedKeyAes, KeyIsTheDocumentedBlake2bConstant) {
  ASSERT_GE(sodium_init(), 0);
  static constexpr char kLabel[] = "smpc-testbed/fixed-key-aes/v1";
  Block key;
  crypto_generichash(key.data(), 16, reinterpret_cast<const unsigned char*>(kLabel),
                     sizeof kLabel - 1, nullptr, 0);
  const Aes128 expected(key);
  EXPECT_EQ(fixed_key_aes().round_keys(), expected.round_keys());
}

TEST(AesBackend, BestIsSupportedAndNamed) {
  EXPECT_TRUE(aes_backend_supported(AesBackend::kAesNi));
  EXPECT_TRUE(aes_backend_supported(best_aes_backend()));
  std::cout << "AES backend: " << aes_backend_name(best_aes_backend()) << "\n";
}


// The IKNP column PRG (prg.h): every key's stream equals OpenSSL AES-128-ECB of the counter
// blocks (b, stream), on every backend, for key counts that leave no pair, one pair and a lone
// key, and block counts that hit the 16-block pair kernel, the 32-, 4- and 1-block paths.
TEST(AesPrgBank, EqualsAesOfCounterBlocksOnEveryBackend) {
  Rng rng(7, 0, "aes-prg");
  for (std::size_t keys : {1u, 2u, 3u, 128u}) {
    std::vector<PrgSeed> seeds(keys);
    for (auto& s : seeds) s = random_seed(rng);
    const AesPrgBank bank(seeds);
    ASSERT_EQ(bank.size(), keys);
    for (std::size_t blocks : {1u, 3u, 4u, 5u, 16u, 17u, 35u, 64u}) {
      const std::uint64_t stream = 0x0123456789abcdefULL + blocks;
      for (AesBackend backend : supported_backends()) {
        SCOPED_TRACE(std::string(aes_backend_name(backend)) + " keys=" + std::to_string(keys) +
                     " blocks=" + std::to_string(blocks));
        std::vector<Block> out(keys * blocks);
        bank.expand(stream, reinterpret_cast<std::uint8_t*>(out.data()), 16 * blocks, backend);
        for (std::size_t k = 0; k < keys; ++k) {
          Block key;
          std::memcpy(key.data(), seeds[k].data(), 16);
          for (std::size_t b = 0; b < blocks; ++b)
            ASSERT_EQ(block_hex(out[k * blocks + b]),
                      block_hex(openssl_aes128(key, block_from_u64(b, stream))));
        }
      }
    }
  }
}

// Different streams and different seeds give different output (a stream number that did not
// reach the counter block, or a key taken from the wrong seed, would repeat it).
TEST(AesPrgBank, StreamsAndSeedsAreDistinct) {
  Rng rng(8, 0, "aes-prg");
  const std::vector<PrgSeed> seeds = {random_seed(rng), random_seed(rng)};
  const AesPrgBank bank(seeds);
  std::vector<std::uint8_t> a(2 * 256), b(2 * 256);
  bank.expand(1, a.data(), 256);
  bank.expand(2, b.data(), 256);
  EXPECT_NE(a, b);
  EXPECT_FALSE(std::equal(a.begin(), a.begin() + 256, a.begin() + 256));
}

}  // namespace
}  // namespace smpc
