#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include "protocols/bgw/shamir.h"

namespace smpc {
namespace {

RC_GTEST_PROP(Shamir, AnyTPlusOneSharesReconstruct, ()) {
  const int n = *rc::gen::inRange(1, 20);
  const int t = *rc::gen::inRange(0, n);
  const Fp61 secret = Fp61::from_u64(*rc::gen::arbitrary<std::uint64_t>());
  Rng rng(*rc::gen::arbitrary<std::uint64_t>(), 0, "shamir");
  const auto shares = shamir_share(secret, t, n, rng);
  std::vector<PartyId> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  const auto subset = *rc::gen::map(rc::gen::arbitrary<std::uint64_t>(), [&](std::uint64_t s) {
    std::vector<PartyId> v = all;
    for (std::size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[(s = s * 6364136223846793005ULL + 1) % i]);
    v.resize(static_cast<std::size_t>(t) + 1);
    return v;
  });
  std::vector<Fp61> picked;
  for (PartyId p : subset) picked.push_back(shares[static_cast<std::size_t>(p)]);
  RC_ASSERT(shamir_reconstruct(subset, picked) == secret);
}

TEST(Shamir, TSharesOfDifferentSecretsCanLookAlike) {
  // With t = 1 and one share, every secret is consistent: for a fixed share value y at α_1 and
  // any secret s there is exactly one line through (0, s) and (1, y).
  const Fp61 y = Fp61::from_u64(12345);
  for (std::uint64_t s : {0ULL, 1ULL, 999ULL}) {
    const Fp61 slope = y - Fp61::from_u64(s);
    EXPECT_EQ(evaluate_polynomial(std::vector<Fp61>{Fp61::from_u64(s), slope}, shamir_point(0)), y);
  }
}

TEST(Shamir, DegreeTwoTProductRecombines) {
  Rng rng(5, 0, "p");
  const int n = 7, t = 3;
  const Fp61 a = Fp61::from_u64(1234567), b = Fp61::from_u64(7654321);
  const auto sa = shamir_share(a, t, n, rng), sb = shamir_share(b, t, n, rng);
  std::vector<PartyId> all = {0, 1, 2, 3, 4, 5, 6};
  std::vector<Fp61> prod;
  for (int i = 0; i < n; ++i) prod.push_back(sa[i] * sb[i]);
  EXPECT_EQ(shamir_reconstruct(all, prod), a * b);
}

}  // namespace
}  // namespace smpc
