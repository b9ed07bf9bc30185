// ristretto_multi_scalar_mul (protocols/crypto/ristretto_msm.h) against libsodium's one product
// and one addition at a time: the same encoding for random points, scalars and sizes (every
// window width Pippenger picks), zero scalars, the identity, scalar one (decode then encode is
// the identity map), ℓ − 1, and mismatched spans.
#include "protocols/crypto/ristretto_msm.h"

#include <gtest/gtest.h>

#include <vector>

namespace smpc {
namespace {

RistrettoPoint naive(const std::vector<RistrettoPoint>& p, const std::vector<Scalar>& s) {
  RistrettoPoint acc = RistrettoPoint::identity();
  for (std::size_t i = 0; i < p.size(); ++i) acc = acc + p[i].mul_any(s[i]);
  return acc;
}

TEST(RistrettoMsm, MatchesLibsodiumOverSizesAndWindows) {
  Rng rng(7, 0, "msm-test");
  for (std::size_t n : {0u, 1u, 2u, 3u, 15u, 16u, 17u, 40u, 100u, 513u, 1334u}) {
    std::vector<RistrettoPoint> p;
    std::vector<Scalar> s;
    for (std::size_t i = 0; i < n; ++i) {
      p.push_back(RistrettoPoint::random(rng));
      s.push_back(Scalar::random(rng));
    }
    const auto got = ristretto_multi_scalar_mul(p, s);
    ASSERT_TRUE(got.has_value()) << n;
    EXPECT_EQ(got->bytes(), naive(p, s).bytes()) << n;
  }
}

TEST(RistrettoMsm, ScalarOneIsDecodeThenEncode) {
  Rng rng(8, 0, "msm-test");
  for (int i = 0; i < 200; ++i) {
    const RistrettoPoint p = RistrettoPoint::random(rng);
    const std::vector<RistrettoPoint> one_point{p};
    const std::vector<Scalar> one{Scalar::from_u64(1)};
    EXPECT_EQ(ristretto_multi_scalar_mul(one_point, one)->bytes(), p.bytes()) << i;
  }
}

TEST(RistrettoMsm, EdgeScalarsAndPoints) {
  Rng rng(9, 0, "msm-test");
  const RistrettoPoint p = RistrettoPoint::random(rng), q = RistrettoPoint::random(rng);
  const Scalar zero = Scalar::from_u64(0), one = Scalar::from_u64(1);
  const Scalar minus_one = zero - one;  // ℓ − 1: every window digit of a 253-bit scalar
  const std::vector<RistrettoPoint> pts{p, q, RistrettoPoint::identity(), p};
  const std::vector<Scalar> sc{zero, minus_one, Scalar::random(rng), one};
  EXPECT_EQ(ristretto_multi_scalar_mul(pts, sc)->bytes(), naive(pts, sc).bytes());
  // p + (ℓ − 1)·p = identity.
  const std::vector<RistrettoPoint> pp{p, p};
  const std::vector<Scalar> cancel{one, minus_one};
  EXPECT_TRUE(ristretto_multi_scalar_mul(pp, cancel)->is_identity());
  const std::vector<Scalar> short_scalars{one};
  EXPECT_FALSE(ristretto_multi_scalar_mul(pp, short_scalars).has_value());
}

}  // namespace
}  // namespace smpc
