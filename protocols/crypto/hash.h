// General-purpose hashing from libsodium: BLAKE2b (crypto_generichash) with a domain string
// and length-prefixed inputs, so that different uses and different splits of the same bytes
// never collide. For per-gate / per-OT hashing see tccr_hash.h (fixed-key AES, much faster).
#pragma once

#include <sodium.h>

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

#include "protocols/core/types.h"

namespace smpc {

class Blake2b {
 public:
  // out_bytes in [16, 64].
  Blake2b(std::string_view domain, std::size_t out_bytes);

  Blake2b& add(ByteSpan part);  // length-prefixed
  Blake2b& add_u64(std::uint64_t v);
  // Writes the digest; out.size() must equal out_bytes. The object is spent afterwards.
  void finish(std::span<std::uint8_t> out);

 private:
  void raw(const void* data, std::size_t n);
  crypto_generichash_state st_;
  std::size_t out_bytes_;
};

// Plain SHA-512 (FIPS 180-4), no domain or length prefixes: for standards that fix their own
// input encoding (RFC 9591 FROST's H1..H5).
class Sha512 {
 public:
  Sha512();
  Sha512& add(ByteSpan part);
  Sha512& add(std::string_view text);
  std::array<std::uint8_t, 64> finish();

 private:
  crypto_hash_sha512_state st_;
};

}  // namespace smpc
