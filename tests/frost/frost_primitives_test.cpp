// FROST's operations on random groups: any min-of-max subset signs a message that verifies as
// a plain Schnorr signature under the group key; a share off by anything fails
// verify_signature_share; Lagrange coefficients recombine the secret; scalar decoding rejects
// non-canonical encodings.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <numeric>

#include "protocols/frost/frost.h"
#include "tests/frost/frost_test_util.h"

namespace smpc::frost {
namespace {

std::array<std::uint8_t, 32> random32(Rng& rng) {
  std::array<std::uint8_t, 32> a;
  rng.fill(a);
  return a;
}

RC_GTEST_PROP(FrostPrimitives, AnyQuorumSignsAVerifiableSchnorrSignature, ()) {
  const int n = *rc::gen::inRange(1, 9);
  const int min = *rc::gen::inRange(1, n + 1);
  const int signers = *rc::gen::inRange(min, n + 1);
  const auto seed = *rc::gen::arbitrary<std::uint64_t>();
  const Bytes msg = *rc::gen::arbitrary<Bytes>();
  Rng rng(seed, 0, "frost-primitives-test");
  const KeyShares keys = trusted_dealer_keygen(rng, min, n);
  const auto ids = test::random_signers(rng, n, signers);

  CommitmentList list;
  std::vector<Nonces> nonces;
  for (std::uint64_t id : ids) {
    const RoundOne r = commit(id, keys.shares[id - 1], random32(rng), random32(rng));
    list.push_back(r.commitment);
    nonces.push_back(r.nonces);
  }
  const auto ctx = signing_context(keys.group_public_key, list, msg);
  RC_ASSERT(ctx.has_value());
  std::vector<Scalar> shares;
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const auto z = sign_share(ids[i], keys.shares[ids[i] - 1], nonces[i], list, *ctx);
    RC_ASSERT(z.has_value());
    RC_ASSERT(verify_signature_share(ids[i], keys.public_shares[ids[i] - 1], *z, list, *ctx));
    // Off by one: the share no longer verifies, and names this signer.
    RC_ASSERT(!verify_signature_share(ids[i], keys.public_shares[ids[i] - 1],
                                      *z + Scalar::from_u64(1), list, *ctx));
    shares.push_back(*z);
  }
  const Signature sig = aggregate(*ctx, shares);
  RC_ASSERT(verify_signature(keys.group_public_key, msg, sig));
  Bytes other = msg;
  other.push_back(0);
  RC_ASSERT(!verify_signature(keys.group_public_key, other, sig));
}

RC_GTEST_PROP(FrostPrimitives, LagrangeCoefficientsRecombineTheSecret, ()) {
  const int n = *rc::gen::inRange(1, 12);
  const int min = *rc::gen::inRange(1, n + 1);
  Rng rng(*rc::gen::arbitrary<std::uint64_t>(), 0, "frost-lagrange-test");
  const KeyShares keys = trusted_dealer_keygen(rng, min, n);
  const auto ids = test::random_signers(rng, n, min);
  Scalar secret = Scalar::from_u64(0);
  for (std::uint64_t id : ids)
    secret = secret + *derive_interpolating_value(ids, id) * keys.shares[id - 1];
  RC_ASSERT(RistrettoPoint::base_mul_any(secret) == keys.group_public_key);
}

TEST(FrostPrimitives, InterpolationRejectsMissingOrRepeatedIdentifiers) {
  EXPECT_FALSE(derive_interpolating_value({1, 2, 3}, 4).has_value());
  EXPECT_FALSE(derive_interpolating_value({1, 2, 2}, 2).has_value());
  EXPECT_FALSE(derive_interpolating_value({1, 2, 2}, 1).has_value());  // x_1 fine, list not
  EXPECT_TRUE(derive_interpolating_value({1, 2, 3}, 2).has_value());
}

TEST(FrostPrimitives, ScalarDecodeAcceptsOnlyCanonicalEncodings) {
  ScalarBytes ell{};  // ℓ itself, little-endian: not canonical
  const std::uint8_t le[32] = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                               0xa2, 0xde, 0xf9, 0xde, 0x14, 0,    0,    0,    0,    0,    0,
                               0,    0,    0,    0,    0,    0,    0,    0,    0,    0x10};
  std::copy(std::begin(le), std::end(le), ell.begin());
  EXPECT_FALSE(Scalar::decode(ell).has_value());
  ell[0] -= 1;  // ℓ − 1 is
  const auto m1 = Scalar::decode(ell);
  ASSERT_TRUE(m1.has_value());
  EXPECT_TRUE((*m1 + Scalar::from_u64(1)).is_zero());
  EXPECT_EQ(*m1 * *m1, Scalar::from_u64(1));
  EXPECT_FALSE(Scalar::from_u64(0).inverse().has_value());
}

TEST(FrostPrimitives, ZeroScalarsGiveTheIdentityInsteadOfFailing) {
  const Scalar zero = Scalar::from_u64(0);
  EXPECT_TRUE(RistrettoPoint::base_mul_any(zero).is_identity());
  Rng rng(7, 0, "frost-identity-test");
  const RistrettoPoint p = RistrettoPoint::random(rng);
  EXPECT_TRUE(p.mul_any(zero).is_identity());
  EXPECT_EQ(RistrettoPoint::identity() + p, p);
}

}  // namespace
}  // namespace smpc::frost
