#include "protocols/crypto/ristretto.h"

#include <sodium.h>

#include <algorithm>

#include "protocols/core/ops.h"
#include "protocols/core/sodium.h"
#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"

namespace smpc {
namespace {

RistrettoPoint from_uniform(const std::array<std::uint8_t, 64>& h) {
  count_op(Op::kHashToGroup);
  PointBytes p;
  SMPC_ASSERT(crypto_core_ristretto255_from_hash(p.data(), h.data()) == 0);
  auto r = RistrettoPoint::decode(p);
  SMPC_ASSERT(r.has_value());
  return *r;
}

}  // namespace

Scalar Scalar::random(Rng& rng) {
  ensure_sodium();
  std::array<std::uint8_t, 64> wide;
  rng.fill(wide);
  Scalar s;
  crypto_core_ristretto255_scalar_reduce(s.b_.data(), wide.data());
  return s;
}

Scalar Scalar::reduce_wide(const std::array<std::uint8_t, 64>& wide) {
  ensure_sodium();
  Scalar s;
  crypto_core_ristretto255_scalar_reduce(s.b_.data(), wide.data());
  return s;
}

Scalar Scalar::from_u64(std::uint64_t v) {
  Scalar s;
  for (std::size_t i = 0; i < 8; ++i) s.b_[i] = static_cast<std::uint8_t>(v >> (8 * i));
  return s;  // < 2^64 < ℓ, canonical
}

std::optional<Scalar> Scalar::decode(const ScalarBytes& bytes) {
  // Canonical iff reducing it (zero-extended to 512 bits) leaves it unchanged.
  std::array<std::uint8_t, 64> wide{};
  std::copy(bytes.begin(), bytes.end(), wide.begin());
  const Scalar s = reduce_wide(wide);
  if (s.b_ != bytes) return std::nullopt;
  return s;
}

Scalar Scalar::operator+(const Scalar& o) const {
  Scalar r;
  crypto_core_ristretto255_scalar_add(r.b_.data(), b_.data(), o.b_.data());
  return r;
}

Scalar Scalar::operator-(const Scalar& o) const {
  Scalar r;
  crypto_core_ristretto255_scalar_sub(r.b_.data(), b_.data(), o.b_.data());
  return r;
}

Scalar Scalar::operator*(const Scalar& o) const {
  count_op(Op::kScalarOp);
  Scalar r;
  crypto_core_ristretto255_scalar_mul(r.b_.data(), b_.data(), o.b_.data());
  return r;
}

std::optional<Scalar> Scalar::inverse() const {
  count_op(Op::kScalarInv);
  Scalar r;
  if (crypto_core_ristretto255_scalar_invert(r.b_.data(), b_.data()) != 0) return std::nullopt;
  return r;
}

bool Scalar::is_zero() const { return sodium_is_zero(b_.data(), b_.size()) == 1; }

std::optional<RistrettoPoint> RistrettoPoint::decode(const PointBytes& bytes) {
  count_op(Op::kPointDecode);
  ensure_sodium();
  if (crypto_core_ristretto255_is_valid_point(bytes.data()) != 1) return std::nullopt;
  RistrettoPoint p;
  p.b_ = bytes;
  return p;
}

RistrettoPoint RistrettoPoint::hash(std::string_view domain, std::uint64_t index, ByteSpan data) {
  std::array<std::uint8_t, 64> h;
  Blake2b(domain, h.size()).add_u64(index).add(data).finish(h);
  return from_uniform(h);
}

RistrettoPoint RistrettoPoint::hash_sha512(std::string_view domain, ByteSpan data) {
  ensure_sodium();
  std::array<std::uint8_t, 8> len;
  for (std::size_t i = 0; i < len.size(); ++i)
    len[i] = static_cast<std::uint8_t>(static_cast<std::uint64_t>(domain.size()) >> (8 * i));
  const std::array<std::uint8_t, 64> h = Sha512().add(ByteSpan(len)).add(domain).add(data).finish();
  // The one-way map's output is a canonical encoding by construction: no decode() check (a
  // square root, ~5 µs, a tenth of PSI's per-element work).
  count_op(Op::kHashToGroup);
  RistrettoPoint p;
  SMPC_ASSERT(crypto_core_ristretto255_from_hash(p.b_.data(), h.data()) == 0);
  return p;
}

RistrettoPoint RistrettoPoint::random(Rng& rng) {
  ensure_sodium();
  std::array<std::uint8_t, 64> h;
  rng.fill(h);
  return from_uniform(h);
}

RistrettoPoint RistrettoPoint::base_mul(const Scalar& s) {
  count_op(Op::kBaseMul);
  ensure_sodium();
  RistrettoPoint p;
  SMPC_ASSERT(crypto_scalarmult_ristretto255_base(p.b_.data(), s.bytes().data()) == 0);
  return p;
}

RistrettoPoint RistrettoPoint::base_mul_any(const Scalar& s) {
  count_op(Op::kBaseMul);
  ensure_sodium();
  RistrettoPoint p;
  // libsodium refuses (-1) exactly when the product is the identity, i.e. s = 0.
  if (crypto_scalarmult_ristretto255_base(p.b_.data(), s.bytes().data()) != 0) return identity();
  return p;
}

RistrettoPoint RistrettoPoint::mul_any(const Scalar& s) const {
  auto p = mul(s);
  return p ? *p : identity();
}

bool RistrettoPoint::is_identity() const { return sodium_is_zero(b_.data(), b_.size()) == 1; }

std::optional<RistrettoPoint> RistrettoPoint::mul(const Scalar& s) const {
  count_op(Op::kScalarMul);
  RistrettoPoint p;
  if (crypto_scalarmult_ristretto255(p.b_.data(), s.bytes().data(), b_.data()) != 0)
    return std::nullopt;
  return p;
}

std::optional<RistrettoPoint> RistrettoPoint::mul_encoded(const PointBytes& bytes,
                                                          const Scalar& s) {
  count_op(Op::kScalarMul);
  ensure_sodium();
  RistrettoPoint p;
  // libsodium decodes `bytes` first and fails on a non-canonical or invalid encoding.
  if (crypto_scalarmult_ristretto255(p.b_.data(), s.bytes().data(), bytes.data()) != 0)
    return std::nullopt;
  return p;
}

RistrettoPoint RistrettoPoint::operator+(const RistrettoPoint& o) const {
  count_op(Op::kPointAdd);
  RistrettoPoint p;
  // Both operands are valid points (decode/arithmetic only), so this cannot fail.
  SMPC_ASSERT(crypto_core_ristretto255_add(p.b_.data(), b_.data(), o.b_.data()) == 0);
  return p;
}

RistrettoPoint RistrettoPoint::operator-(const RistrettoPoint& o) const {
  count_op(Op::kPointAdd);
  RistrettoPoint p;
  SMPC_ASSERT(crypto_core_ristretto255_sub(p.b_.data(), b_.data(), o.b_.data()) == 0);
  return p;
}

}  // namespace smpc
