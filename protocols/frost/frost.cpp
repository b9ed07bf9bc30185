#include "protocols/frost/frost.h"

#include <algorithm>

#include "protocols/core/status.h"
#include "protocols/crypto/hash.h"
#include "protocols/crypto/ristretto_msm.h"

namespace smpc::frost {
namespace {

Scalar hash_to_scalar(std::string_view tag, ByteSpan m) {
  return Scalar::reduce_wide(Sha512().add(kContextString).add(tag).add(m).finish());
}

std::array<std::uint8_t, 64> hash_tagged(std::string_view tag, ByteSpan m) {
  return Sha512().add(kContextString).add(tag).add(m).finish();
}

void append(Bytes& out, ByteSpan part) { out.insert(out.end(), part.begin(), part.end()); }

}  // namespace

Scalar h1(ByteSpan m) { return hash_to_scalar("rho", m); }
Scalar h2(ByteSpan m) { return hash_to_scalar("chal", m); }
Scalar h3(ByteSpan m) { return hash_to_scalar("nonce", m); }
std::array<std::uint8_t, 64> h4(ByteSpan m) { return hash_tagged("msg", m); }
std::array<std::uint8_t, 64> h5(ByteSpan m) { return hash_tagged("com", m); }

Scalar nonce_generate(const std::array<std::uint8_t, 32>& random_bytes, const Scalar& secret) {
  Bytes in(random_bytes.begin(), random_bytes.end());
  append(in, secret.bytes());
  return h3(in);
}

RoundOne commit(std::uint64_t identifier, const Scalar& secret_share,
                const std::array<std::uint8_t, 32>& hiding_randomness,
                const std::array<std::uint8_t, 32>& binding_randomness) {
  RoundOne r;
  r.nonces.hiding = nonce_generate(hiding_randomness, secret_share);
  r.nonces.binding = nonce_generate(binding_randomness, secret_share);
  r.commitment.identifier = identifier;
  r.commitment.hiding = RistrettoPoint::base_mul_any(r.nonces.hiding);
  r.commitment.binding = RistrettoPoint::base_mul_any(r.nonces.binding);
  return r;
}

Bytes encode_group_commitment_list(const CommitmentList& list) {
  Bytes out;
  out.reserve(list.size() * 96);
  for (const Commitment& c : list) {
    append(out, Scalar::from_u64(c.identifier).bytes());
    append(out, c.hiding.bytes());
    append(out, c.binding.bytes());
  }
  return out;
}

BindingFactors compute_binding_factors(const RistrettoPoint& group_public_key,
                                       const CommitmentList& list, ByteSpan msg) {
  BindingFactors bf;
  append(bf.prefix, group_public_key.bytes());
  append(bf.prefix, h4(msg));
  append(bf.prefix, h5(encode_group_commitment_list(list)));
  bf.factors.reserve(list.size());
  for (const Commitment& c : list) bf.factors.push_back(h1(binding_factor_input(bf, c.identifier)));
  return bf;
}

Bytes binding_factor_input(const BindingFactors& bf, std::uint64_t identifier) {
  Bytes in = bf.prefix;
  append(in, Scalar::from_u64(identifier).bytes());
  return in;
}

// RFC 9591 §4.5: R = Σ D_i + ρ_i·E_i, one multi-scalar multiplication over public points
// (variable time is sound: commitments and binding factors are public).
RistrettoPoint compute_group_commitment(const CommitmentList& list, const BindingFactors& bf) {
  std::vector<RistrettoPoint> points;
  std::vector<Scalar> scalars;
  points.reserve(2 * list.size());
  scalars.reserve(2 * list.size());
  for (std::size_t i = 0; i < list.size(); ++i) {
    points.push_back(list[i].hiding);
    scalars.push_back(Scalar::from_u64(1));
    points.push_back(list[i].binding);
    scalars.push_back(bf.factors[i]);
  }
  if (auto r = ristretto_multi_scalar_mul(points, scalars)) return *r;
  // Unreachable for decoded points; the libsodium sum gives the same R if it ever were.
  RistrettoPoint r = RistrettoPoint::identity();
  for (std::size_t i = 0; i < list.size(); ++i)
    r = r + list[i].hiding + list[i].binding.mul_any(bf.factors[i]);
  return r;
}

Scalar compute_challenge(const RistrettoPoint& group_commitment,
                         const RistrettoPoint& group_public_key, ByteSpan msg) {
  Bytes in;
  append(in, group_commitment.bytes());
  append(in, group_public_key.bytes());
  append(in, msg);
  return h2(in);
}

std::optional<Scalar> derive_interpolating_value(const std::vector<std::uint64_t>& ids,
                                                 std::uint64_t x_i) {
  std::vector<std::uint64_t> sorted = ids;
  std::sort(sorted.begin(), sorted.end());
  if (std::adjacent_find(sorted.begin(), sorted.end()) != sorted.end()) return std::nullopt;
  if (!std::binary_search(sorted.begin(), sorted.end(), x_i)) return std::nullopt;
  const Scalar xi = Scalar::from_u64(x_i);
  Scalar num = Scalar::from_u64(1), den = Scalar::from_u64(1);
  for (std::uint64_t x_j : ids) {
    if (x_j == x_i) continue;
    const Scalar xj = Scalar::from_u64(x_j);
    num = num * xj;
    den = den * (xj - xi);
  }
  const auto inv = den.inverse();
  if (!inv) return std::nullopt;
  return num * *inv;
}

std::optional<SigningContext> signing_context(const RistrettoPoint& group_public_key,
                                              const CommitmentList& list, ByteSpan msg) {
  SigningContext ctx;
  ctx.binding = compute_binding_factors(group_public_key, list, msg);
  ctx.group_commitment = compute_group_commitment(list, ctx.binding);
  if (ctx.group_commitment.is_identity()) return std::nullopt;
  ctx.challenge = compute_challenge(ctx.group_commitment, group_public_key, msg);
  for (const Commitment& c : list) ctx.identifiers.push_back(c.identifier);
  return ctx;
}

std::optional<std::size_t> find_identifier(const CommitmentList& list, std::uint64_t identifier) {
  const auto it = std::lower_bound(
      list.begin(), list.end(), identifier,
      [](const Commitment& c, std::uint64_t id) { return c.identifier < id; });
  if (it == list.end() || it->identifier != identifier) return std::nullopt;
  return static_cast<std::size_t>(it - list.begin());
}

std::optional<Scalar> sign_share(std::uint64_t identifier, const Scalar& secret_share,
                                 const Nonces& nonces, const CommitmentList& list,
                                 const SigningContext& ctx) {
  const auto pos = find_identifier(list, identifier);
  const auto lambda = derive_interpolating_value(ctx.identifiers, identifier);
  if (!pos || !lambda) return std::nullopt;
  const Scalar& rho = ctx.binding.factors[*pos];
  return nonces.hiding + nonces.binding * rho + *lambda * secret_share * ctx.challenge;
}

bool verify_signature_share(std::uint64_t identifier, const RistrettoPoint& public_share,
                            const Scalar& share, const CommitmentList& list,
                            const SigningContext& ctx) {
  const auto pos = find_identifier(list, identifier);
  const auto lambda = derive_interpolating_value(ctx.identifiers, identifier);
  if (!pos || !lambda) return false;
  const Commitment& c = list[*pos];
  const RistrettoPoint comm_share = c.hiding + c.binding.mul_any(ctx.binding.factors[*pos]);
  const RistrettoPoint r = comm_share + public_share.mul_any(ctx.challenge * *lambda);
  return RistrettoPoint::base_mul_any(share) == r;
}

Signature aggregate(const SigningContext& ctx, const std::vector<Scalar>& shares) {
  Scalar z = Scalar::from_u64(0);
  for (const Scalar& s : shares) z = z + s;
  Signature sig;
  std::copy(ctx.group_commitment.bytes().begin(), ctx.group_commitment.bytes().end(), sig.begin());
  std::copy(z.bytes().begin(), z.bytes().end(), sig.begin() + 32);
  return sig;
}

bool verify_signature(const RistrettoPoint& group_public_key, ByteSpan msg, const Signature& sig) {
  PointBytes r_bytes;
  ScalarBytes z_bytes;
  std::copy(sig.begin(), sig.begin() + 32, r_bytes.begin());
  std::copy(sig.begin() + 32, sig.end(), z_bytes.begin());
  const auto r = RistrettoPoint::decode(r_bytes);
  const auto z = Scalar::decode(z_bytes);
  if (!r || !z || r->is_identity()) return false;
  const Scalar c = compute_challenge(*r, group_public_key, msg);
  return RistrettoPoint::base_mul_any(*z) == *r + group_public_key.mul_any(c);
}

KeyShares trusted_dealer_keygen(Rng& rng, int min_participants, int max_participants) {
  SMPC_ASSERT(min_participants >= 1 && min_participants <= max_participants);
  std::vector<Scalar> coefficients;
  KeyShares k;
  for (int i = 0; i < min_participants; ++i) {
    coefficients.push_back(Scalar::random(rng));
    k.vss_commitment.push_back(RistrettoPoint::base_mul_any(coefficients.back()));
  }
  k.group_public_key = k.vss_commitment[0];
  for (int i = 1; i <= max_participants; ++i) {
    k.shares.push_back(evaluate_polynomial(coefficients, static_cast<std::uint64_t>(i)));
    k.public_shares.push_back(RistrettoPoint::base_mul_any(k.shares.back()));
  }
  return k;
}

}  // namespace smpc::frost
