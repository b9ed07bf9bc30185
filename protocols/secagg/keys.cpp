#include "protocols/secagg/keys.h"

#include <sodium.h>

#include <algorithm>

#include "protocols/crypto/hash.h"

namespace smpc {
namespace {

constexpr std::size_t kChunkBytes = 7;

std::array<std::uint8_t, crypto_aead_chacha20poly1305_IETF_NPUBBYTES> nonce_of(
    std::uint32_t sender, std::uint32_t recipient) {
  std::array<std::uint8_t, crypto_aead_chacha20poly1305_IETF_NPUBBYTES> n{};
  for (int i = 0; i < 4; ++i) {
    n[static_cast<std::size_t>(i)] = static_cast<std::uint8_t>(sender >> (8 * i));
    n[static_cast<std::size_t>(4 + i)] = static_cast<std::uint8_t>(recipient >> (8 * i));
  }
  return n;
}

}  // namespace

X25519Pair x25519_pair(Rng& rng) {
  X25519Pair p;
  rng.fill(p.sk);
  p.pk = x25519_public(p.sk);
  return p;
}

Key32 x25519_public(const Key32& sk) {
  Key32 pk;
  crypto_scalarmult_base(pk.data(), sk.data());
  return pk;
}

std::optional<Key32> x25519_agree(const Key32& sk, const Key32& pk, std::string_view domain) {
  Key32 shared;
  if (crypto_scalarmult(shared.data(), sk.data(), pk.data()) != 0) return std::nullopt;
  Key32 key;
  Blake2b(domain, key.size()).add(shared).finish(key);
  return key;
}

Bytes aead_seal(const Key32& key, std::uint32_t sender, std::uint32_t recipient, ByteSpan plain) {
  Bytes out(plain.size() + kAeadTagBytes);
  const auto nonce = nonce_of(sender, recipient);
  unsigned long long len = 0;
  crypto_aead_chacha20poly1305_ietf_encrypt(out.data(), &len, plain.data(), plain.size(), nullptr,
                                            0, nullptr, nonce.data(), key.data());
  out.resize(static_cast<std::size_t>(len));
  return out;
}

std::optional<Bytes> aead_open(const Key32& key, std::uint32_t sender, std::uint32_t recipient,
                               ByteSpan sealed) {
  if (sealed.size() < kAeadTagBytes) return std::nullopt;
  Bytes out(sealed.size() - kAeadTagBytes);
  const auto nonce = nonce_of(sender, recipient);
  unsigned long long len = 0;
  if (crypto_aead_chacha20poly1305_ietf_decrypt(out.data(), &len, nullptr, sealed.data(),
                                                sealed.size(), nullptr, 0, nonce.data(),
                                                key.data()) != 0)
    return std::nullopt;
  out.resize(static_cast<std::size_t>(len));
  return out;
}

SecretChunks secret_chunks(const Key32& secret) {
  SecretChunks c;
  for (std::size_t i = 0; i < kSecretChunks; ++i) {
    std::uint64_t v = 0;
    for (std::size_t b = 0; b < kChunkBytes && i * kChunkBytes + b < secret.size(); ++b)
      v |= std::uint64_t{secret[i * kChunkBytes + b]} << (8 * b);
    c[i] = Fp61::from_u64(v);
  }
  return c;
}

std::optional<Key32> secret_of_chunks(std::span<const Fp61> chunks) {
  if (chunks.size() != kSecretChunks) return std::nullopt;
  Key32 s{};
  for (std::size_t i = 0; i < kSecretChunks; ++i) {
    const std::size_t bytes = std::min(kChunkBytes, s.size() - i * kChunkBytes);
    const std::uint64_t v = chunks[i].value();
    if (v >> (8 * bytes) != 0) return std::nullopt;
    for (std::size_t b = 0; b < bytes; ++b)
      s[i * kChunkBytes + b] = static_cast<std::uint8_t>(v >> (8 * b));
  }
  return s;
}

}  // namespace smpc
