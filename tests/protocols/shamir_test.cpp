#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include "protocols/bgw/shamir.h"
#include "protocols/core/mutants.h"

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

// The table-based sharing (Vandermonde rows, delayed reduction) equals Horner per share, bit for
// bit, and draws the same randomness: after both, the two streams are in the same place.
RC_GTEST_PROP(Shamir, TableSharingEqualsHorner, ()) {
  const int n = *rc::gen::inRange(1, 130);
  const int t = *rc::gen::inRange(0, n);
  const std::uint64_t seed = *rc::gen::arbitrary<std::uint64_t>();
  const auto secret = Fp61::from_u64(*rc::gen::arbitrary<std::uint64_t>());
  Rng a(seed, 0, "shamir"), b(seed, 0, "shamir");
  RC_ASSERT(shamir_share(secret, t, n, a) == shamir_share_horner(secret, t, n, b));
  RC_ASSERT(a.next_u64() == b.next_u64());
}

// A batch equals one sharing per secret, in order, from the same stream.
RC_GTEST_PROP(Shamir, BatchEqualsOneSharingAtATime, ()) {
  const int n = *rc::gen::inRange(1, 12);
  const int t = *rc::gen::inRange(0, n);
  const auto raw = *rc::gen::container<std::vector<std::uint64_t>>(rc::gen::arbitrary<std::uint64_t>());
  std::vector<Fp61> secrets;
  for (auto v : raw) secrets.push_back(Fp61::from_u64(v));
  Rng a(7, 1, "batch"), b(7, 1, "batch");
  std::vector<Fp61> out(secrets.size() * static_cast<std::size_t>(n));
  shamir_share_batch<Fp61>(secrets, t, n, a, out);
  for (std::size_t k = 0; k < secrets.size(); ++k) {
    const auto one = shamir_share_horner(secrets[k], t, n, b);
    for (int p = 0; p < n; ++p) RC_ASSERT(out[static_cast<std::size_t>(p) * secrets.size() + k] == one[p]);
  }
}

// Reconstruction from a cached Lagrange table equals Lagrange from scratch, on any point set
// and any values (not only consistent shares), and the table equals the plain coefficients.
RC_GTEST_PROP(Shamir, TableReconstructionEqualsPlainLagrange, ()) {
  const int n = *rc::gen::inRange(1, 130);
  std::vector<PartyId> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  std::uint64_t s = *rc::gen::arbitrary<std::uint64_t>();
  for (std::size_t i = all.size(); i > 1; --i)
    std::swap(all[i - 1], all[(s = s * 6364136223846793005ULL + 1442695040888963407ULL) % i]);
  all.resize(static_cast<std::size_t>(*rc::gen::inRange(1, n + 1)));
  std::vector<Fp61> values;
  for (std::size_t i = 0; i < all.size(); ++i)
    values.push_back(Fp61::from_u64(*rc::gen::arbitrary<std::uint64_t>()));
  RC_ASSERT(lagrange_at_zero<Fp61>(all) == lagrange_at_zero_plain<Fp61>(all));
  RC_ASSERT(shamir_reconstruct<Fp61>(all, values) == shamir_reconstruct_plain<Fp61>(all, values));
}

TEST(Shamir, SmallFieldTablesEqualPlainVersions) {
  using F = SmallPrimeField<7>;
  std::uint64_t next = 0;
  auto source = [&] { return F::from_u64(next++); };
  auto source2 = [&, k = std::uint64_t{0}]() mutable { return F::from_u64(k++); };
  for (int i = 0; i < 5; ++i)
    EXPECT_EQ(shamir_share<F>(F::from_u64(3), 2, 5, source), shamir_share_horner<F>(F::from_u64(3), 2, 5, source2));
  const std::vector<PartyId> pts = {0, 2, 4};
  EXPECT_EQ(lagrange_at_zero<F>(pts), lagrange_at_zero_plain<F>(pts));
}

TEST(Shamir, BatchInvertEqualsOneInversionEach) {
  std::vector<Fp61> v;
  for (std::uint64_t x : std::vector<std::uint64_t>{1, 2, 3, 12345, Fp61::kModulus - 1, std::uint64_t{1} << 60})
    v.push_back(Fp61::from_u64(x));
  auto inv = v;
  batch_invert<Fp61>(inv);
  for (std::size_t i = 0; i < v.size(); ++i) {
    EXPECT_EQ(inv[i], v[i].inverse());
    EXPECT_EQ(inv[i] * v[i], Fp61::from_u64(1));
  }
}

TEST(Shamir, DelayedReductionAtTheExtremes) {
  // 200 products of (p − 1)^2: the accumulator folds every 63 and must still agree.
  const Fp61 m = Fp61::from_u64(Fp61::kModulus - 1);
  std::vector<Fp61> a(200, m);
  Fp61 plain;
  for (int i = 0; i < 200; ++i) plain += m * m;
  EXPECT_EQ(dot_product<Fp61>(a, a), plain);
  // 2^128 − 1 ≡ 2^6 − 1 (2^122 ≡ 1).
  EXPECT_EQ(fp61_from_u128(~uint128_t{0}), Fp61::from_u64(63));
  EXPECT_EQ(fp61_from_u128(uint128_t{Fp61::kModulus} * Fp61::kModulus), Fp61());
}

// Seeded bug M40 (a wrong entry in the cached Lagrange table) makes the table-based
// reconstruction differ from the plain one; the test above must fail under it.
TEST(Shamir, WrongLagrangeTableEntryIsCaught) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const std::vector<PartyId> pts = {0, 1, 2, 3, 4};
  Rng rng(3, 0, "m40");
  const auto shares = shamir_share(Fp61::from_u64(42), 2, 5, rng);
  EXPECT_EQ(shamir_reconstruct<Fp61>(pts, shares), Fp61::from_u64(42));
  const ScopedMutant m40(Mutant::kM40);
  ASSERT_TRUE(m40.status().ok());
  EXPECT_NE(lagrange_at_zero<Fp61>(pts), lagrange_at_zero_plain<Fp61>(pts));
  EXPECT_NE(shamir_reconstruct<Fp61>(pts, shares), Fp61::from_u64(42));
  // The property TableReconstructionEqualsPlainLagrange fails on every point set.
  for (int n = 1; n <= 20; ++n) {
    std::vector<PartyId> all(static_cast<std::size_t>(n));
    std::iota(all.begin(), all.end(), 0);
    const std::vector<Fp61> values(all.size(), Fp61::from_u64(1));
    EXPECT_NE(shamir_reconstruct<Fp61>(all, values), shamir_reconstruct_plain<Fp61>(all, values)) << n;
  }
}

}  // namespace
}  // namespace smpc
