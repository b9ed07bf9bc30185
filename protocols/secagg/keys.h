// The primitives of Bonawitz et al. (eprint 2017/281) on libsodium: key agreement KA is
// X25519 (crypto_scalarmult) followed by BLAKE2b under a domain, authenticated encryption AE is
// ChaCha20-Poly1305 (IETF), and the PRG is the project's ChaCha20 keystream (crypto/prg.h).
// Secrets (32 bytes) are Shamir-shared over Mersenne-61 as 5 chunks of 7 bytes (bgw/shamir.h).
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include "protocols/core/field.h"
#include "protocols/core/rng.h"
#include "protocols/core/types.h"
#include "protocols/crypto/prg.h"

namespace smpc {

using Key32 = std::array<std::uint8_t, 32>;

struct X25519Pair {
  Key32 pk{}, sk{};
};
// KA.gen: a secret key from the party's randomness, pk = sk·B.
X25519Pair x25519_pair(Rng& rng);
// pk of a secret key (used to check a reconstructed s^SK against its published s^PK).
Key32 x25519_public(const Key32& sk);
// KA.agree then BLAKE2b(domain): nullopt when pk is of small order (the shared point is zero).
std::optional<Key32> x25519_agree(const Key32& sk, const Key32& pk, std::string_view domain);

inline constexpr std::size_t kAeadTagBytes = 16;
// AE.enc / AE.dec under `key` with the nonce (sender, recipient): one message per direction
// and key, so a nonce is never reused. open: nullopt when the tag does not verify.
Bytes aead_seal(const Key32& key, std::uint32_t sender, std::uint32_t recipient, ByteSpan plain);
std::optional<Bytes> aead_open(const Key32& key, std::uint32_t sender, std::uint32_t recipient,
                               ByteSpan sealed);

// A 32-byte secret as Mersenne-61 chunks of 7 bytes (the last holds 4), and back; nullopt when
// a chunk is out of range (a reconstruction from inconsistent shares).
inline constexpr std::size_t kSecretChunks = 5;
using SecretChunks = std::array<Fp61, kSecretChunks>;
SecretChunks secret_chunks(const Key32& secret);
std::optional<Key32> secret_of_chunks(std::span<const Fp61> chunks);

}  // namespace smpc
