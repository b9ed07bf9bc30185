#include "protocols/core/chacha20.h"

#include <openssl/evp.h>
#include <sodium.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <memory>
#include <vector>

#include "protocols/core/sodium.h"
#include "protocols/core/status.h"

namespace smpc {
namespace {

// The keystream is the XOR with zeros, read from this constant (no buffer to clear first);
// longer outputs take it in slices of its size, a whole number of 64-byte blocks.
constexpr std::size_t kZeroSlice = 4096;
const std::uint8_t kZeros[kZeroSlice] = {};

// libsodium's crypto_stream_chacha20_xor_ic: the reference for the bytes. out = in ^ stream;
// in = nullptr: out = stream.
void sodium_xor(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                const std::uint8_t* in, std::span<std::uint8_t> out) {
  ensure_sodium();
  unsigned char n[crypto_stream_chacha20_NONCEBYTES];
  static_assert(crypto_stream_chacha20_NONCEBYTES == 8);
  for (int i = 0; i < 8; ++i) n[i] = static_cast<unsigned char>(nonce >> (8 * i));
  for (std::size_t done = 0; done < out.size(); done += kZeroSlice) {
    const std::size_t len = std::min(kZeroSlice, out.size() - done);
    crypto_stream_chacha20_xor_ic(out.data() + done, in ? in + done : kZeros, len, n,
                                  first_block + done / 64, key.data());
  }
}

// OpenSSL's "ChaCha20" takes a 16-byte IV = the state's words 12–15: a 32-bit counter, then a
// 96-bit nonce. Its counter carries into the next word (word 13) when it wraps, so IV =
// (counter low, counter high, nonce) is the original 64/64-bit layout. Fetched once; each
// thread keeps one context and re-keys it per request (no allocation on the hot path).
const EVP_CIPHER* openssl_chacha() {
  static EVP_CIPHER* const cipher = EVP_CIPHER_fetch(nullptr, "ChaCha20", nullptr);
  return cipher;
}

struct CtxFree {
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};

EVP_CIPHER_CTX* thread_ctx() {
  thread_local std::unique_ptr<EVP_CIPHER_CTX, CtxFree> ctx;
  thread_local bool tried = false;
  if (!tried) {
    tried = true;
    std::unique_ptr<EVP_CIPHER_CTX, CtxFree> c(EVP_CIPHER_CTX_new());
    std::array<std::uint8_t, 32> zero_key{};
    std::array<std::uint8_t, 16> zero_iv{};
    if (c && openssl_chacha() &&
        EVP_EncryptInit_ex2(c.get(), openssl_chacha(), zero_key.data(), zero_iv.data(), nullptr) == 1)
      ctx = std::move(c);
  }
  return ctx.get();
}

// out = in ^ stream (in = nullptr: the stream). False when OpenSSL is unavailable or refused;
// the caller then takes libsodium's path.
bool openssl_xor(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block, const std::uint8_t* in,
                 std::span<std::uint8_t> out) {
  EVP_CIPHER_CTX* ctx = thread_ctx();
  if (!ctx) return false;
  std::array<std::uint8_t, 16> iv{};
  for (int i = 0; i < 8; ++i) {
    iv[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(first_block >> (8 * i));
    iv[static_cast<std::size_t>(8 + i)] = static_cast<std::uint8_t>(nonce >> (8 * i));
  }
  if (EVP_EncryptInit_ex2(ctx, nullptr, key.data(), iv.data(), nullptr) != 1) return false;
  for (std::size_t done = 0; done < out.size(); done += kZeroSlice) {  // the context keeps the counter
    const std::size_t len = std::min(kZeroSlice, out.size() - done);
    int got = 0;
    if (EVP_EncryptUpdate(ctx, out.data() + done, &got, in ? in + done : kZeros, static_cast<int>(len)) != 1 ||
        static_cast<std::size_t>(got) != len)
      return false;
  }
  return true;
}

}  // namespace

void chacha20_keystream(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                        std::span<std::uint8_t> out) {
  if (out.size() >= kChachaLongRequest && openssl_xor(key, nonce, first_block, nullptr, out)) return;
  sodium_xor(key, nonce, first_block, nullptr, out);  // rewrites all of `out`
}

void chacha20_xor(ChachaKey key, std::uint64_t nonce, std::uint64_t first_block,
                  std::span<std::uint8_t> inout) {
  if (inout.size() < kChachaLongRequest) return sodium_xor(key, nonce, first_block, inout.data(), inout);
  // Into a copy: a call OpenSSL refuses midway must leave `inout` as it was for libsodium.
  thread_local std::vector<std::uint8_t> copy;
  copy.resize(inout.size());
  if (openssl_xor(key, nonce, first_block, inout.data(), copy)) {
    std::memcpy(inout.data(), copy.data(), inout.size());
    return;
  }
  sodium_xor(key, nonce, first_block, inout.data(), inout);
}

}  // namespace smpc
