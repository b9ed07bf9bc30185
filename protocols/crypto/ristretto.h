// The ristretto255 prime-order group (RFC 9496) from libsodium: points, scalars, hashing to the
// group. Thin value types over crypto_core_ristretto255 / crypto_scalarmult_ristretto255 so that
// protocol code reads like the paper (A = a·G, B - H(r)) and every point that came from a peer
// goes through decode(), which rejects non-canonical and invalid encodings.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string_view>

#include "protocols/core/rng.h"
#include "protocols/core/types.h"

namespace smpc {

using PointBytes = std::array<std::uint8_t, 32>;
using ScalarBytes = std::array<std::uint8_t, 32>;

// An element of Z_ℓ, ℓ = 2^252 + 27742317777372353535851937790883648493 (canonical, < ℓ).
// Little-endian encoding, as RFC 9496 / RFC 9591 serialize scalars.
class Scalar {
 public:
  // Uniform: 64 random bytes reduced mod ℓ (bias < 2^-250).
  static Scalar random(Rng& rng);
  // A 512-bit little-endian integer mod ℓ (how RFC 9591 turns a SHA-512 digest into a scalar).
  static Scalar reduce_wide(const std::array<std::uint8_t, 64>& wide);
  static Scalar from_u64(std::uint64_t v);
  // Peer data: nullopt unless `bytes` is canonical (< ℓ).
  static std::optional<Scalar> decode(const ScalarBytes& bytes);

  Scalar operator+(const Scalar& o) const;
  Scalar operator-(const Scalar& o) const;
  Scalar operator*(const Scalar& o) const;
  // nullopt for zero.
  std::optional<Scalar> inverse() const;
  bool is_zero() const;
  bool operator==(const Scalar& o) const { return b_ == o.b_; }

  const ScalarBytes& bytes() const { return b_; }

 private:
  std::array<std::uint8_t, 32> b_{};
};

class RistrettoPoint {
 public:
  // Peer data: nullopt unless `bytes` is the canonical encoding of a group element.
  static std::optional<RistrettoPoint> decode(const PointBytes& bytes);
  // Hash to the group: the ristretto255 one-way map (two Elligator 2 calls) of
  // BLAKE2b-512(domain ‖ index ‖ data). Statistically close to uniform, discrete log unknown.
  static RistrettoPoint hash(std::string_view domain, std::uint64_t index, ByteSpan data);
  // Hash to the group where a paper or ciphersuite fixes SHA-512: the one-way map
  // (crypto_core_ristretto255_from_hash, RFC 9496 §4.3.4) of SHA-512(len(domain) ‖ domain ‖
  // data), len a little-endian u64, so no domain is a prefix of another's input.
  static RistrettoPoint hash_sha512(std::string_view domain, ByteSpan data);
  // Uniform point: the one-way map of 64 random bytes.
  static RistrettoPoint random(Rng& rng);
  // s·G. s must be non-zero (Scalar::random is, except with probability 2^-252).
  static RistrettoPoint base_mul(const Scalar& s);

  // s·G for any s, the identity for s = 0 (for scalars a peer chose, e.g. a signature share).
  static RistrettoPoint base_mul_any(const Scalar& s);
  // The identity element (encoding 0^32; decode accepts it, see is_identity()).
  static RistrettoPoint identity() { return RistrettoPoint(); }

  // s·P; nullopt if the result is the identity (P of small order cannot occur in ristretto255,
  // so this happens only for P = identity).
  std::optional<RistrettoPoint> mul(const Scalar& s) const;
  // s·P for peer data `bytes`, decoded and multiplied in one libsodium call (one square root
  // fewer than decode() then mul(), ~10% of a product): nullopt unless `bytes` is the
  // canonical encoding of a group element and s·P is not the identity.
  static std::optional<RistrettoPoint> mul_encoded(const PointBytes& bytes, const Scalar& s);
  // s·P, the identity when s = 0 or P is the identity.
  RistrettoPoint mul_any(const Scalar& s) const;
  bool is_identity() const;
  RistrettoPoint operator+(const RistrettoPoint& o) const;
  RistrettoPoint operator-(const RistrettoPoint& o) const;
  bool operator==(const RistrettoPoint& o) const { return b_ == o.b_; }

  const PointBytes& bytes() const { return b_; }

 private:
  PointBytes b_{};
};

}  // namespace smpc
