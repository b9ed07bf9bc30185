// Exact privacy over small prime fields (scenarios/privacy.h): every choice of randomness is
// enumerated, so "t shares reveal nothing" is an equality of exact distributions.
#include <gtest/gtest.h>

#include <cmath>

#include "protocols/bgw/shamir.h"
#include "protocols/core/mutants.h"
#include "scenarios/privacy.h"

namespace smpc {
namespace {

TEST(ExactShamir, TSharesAreIndependentOfTheSecret) {
  for (std::uint64_t p : {7ULL, 11ULL}) {
    for (int t : {1, 2}) {
      std::vector<PartyId> coalition;
      for (PartyId c = 0; c < t; ++c) coalition.push_back(4 - c);  // parties 4, 3
      const auto r = exact_shamir_privacy(p, 5, t, coalition, 2, 5);
      ASSERT_TRUE(r.ok()) << r.status().message();
      EXPECT_EQ(r->total_variation, 0.0) << r->detail;
      EXPECT_EQ(r->outcomes, static_cast<std::uint64_t>(std::pow(p, t)));
      // Uniform: every tuple of t values appears, equally often.
      EXPECT_EQ(r->support_a, r->outcomes);
    }
  }
}

TEST(ExactShamir, TPlusOneSharesDetermineTheSecret) {
  const auto r = exact_shamir_privacy(7, 3, 1, {0, 1}, 2, 5);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r->total_variation, 1.0) << r->detail;
}

TEST(ExactShamir, DegreeTMinusOneLeaks) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m05(Mutant::kM05);
  ASSERT_TRUE(m05.status().ok());
  for (int t : {1, 2}) {
    std::vector<PartyId> coalition;
    for (PartyId c = 0; c < t; ++c) coalition.push_back(c);
    const auto r = exact_shamir_privacy(7, 5, t, coalition, 2, 5);
    ASSERT_TRUE(r.ok());
    // t points of a degree-(t−1) polynomial fix it, and with it the secret.
    EXPECT_EQ(r->total_variation, 1.0) << r->detail;
  }
}

TEST(ExactGrr, MultiplicationIsPerfectlyPrivateAndLeaksWithoutRerandomisation) {
  // x·y = 6 mod 7 both times: (2, 3) vs (6, 1); party 2 corrupted, n = 3, t = 1.
  auto ok = exact_grr_multiplication_privacy(7, 3, 1, {2}, 2, 3, 6, 1);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_EQ(ok->outcomes, 16807u);  // 7^5: two input coefficients, three reshares
  EXPECT_EQ(ok->total_variation, 0.0) << ok->detail;
  auto leak = exact_grr_multiplication_privacy(7, 3, 1, {2}, 2, 3, 6, 1, false);
  ASSERT_TRUE(leak.ok());
  EXPECT_GT(leak->total_variation, 0.0) << leak->detail;
  // Different products are told apart even by the correct protocol (the output differs).
  auto differ = exact_grr_multiplication_privacy(7, 3, 1, {2}, 2, 3, 2, 4);
  ASSERT_TRUE(differ.ok());
  EXPECT_GT(differ->total_variation, 0.0);
}

// Issue 13: the exact enumeration covers every single party, not one fixed coalition.
TEST(ExactEverySingleParty, ShamirShareIsIndependentOfTheSecretForEachParty) {
  for (std::uint64_t p : {7ULL, 11ULL})
    for (int t : {1, 2})
      for (PartyId party = 0; party < 5; ++party) {
        SCOPED_TRACE("p = " + std::to_string(p) + ", t = " + std::to_string(t) + ", party " +
                     std::to_string(party));
        const auto r = exact_shamir_privacy(p, 5, t, {party}, 1, 4);
        ASSERT_TRUE(r.ok()) << r.status().message();
        EXPECT_EQ(r->total_variation, 0.0) << r->detail;
        EXPECT_EQ(r->support_a, p);  // one share: uniform over the field
      }
}

TEST(ExactEverySingleParty, GrrMultiplicationIsPrivateAgainstEachParty) {
  // A dealer keeps its own input: x = 0 (or y = 0) makes the product 0 whatever the other
  // factor, so the honest factor can change. The input-less party 2 sees (2, 3) vs (6, 1).
  const struct {
    PartyId party;
    std::uint64_t x, y, x2, y2;
  } cases[] = {{0, 0, 3, 0, 5}, {1, 3, 0, 5, 0}, {2, 2, 3, 6, 1}};
  for (const auto& c : cases) {
    SCOPED_TRACE("party " + std::to_string(c.party));
    auto ok = exact_grr_multiplication_privacy(7, 3, 1, {c.party}, c.x, c.y, c.x2, c.y2);
    ASSERT_TRUE(ok.ok()) << ok.status().message();
    EXPECT_EQ(ok->total_variation, 0.0) << ok->detail;
    auto leak =
        exact_grr_multiplication_privacy(7, 3, 1, {c.party}, c.x, c.y, c.x2, c.y2, false);
    ASSERT_TRUE(leak.ok());
    EXPECT_GT(leak->total_variation, 0.0) << leak->detail;
  }
}

TEST(ExactErrors, BadParameters) {
  EXPECT_FALSE(exact_shamir_privacy(8, 3, 1, {0}, 1, 2).ok());
  EXPECT_FALSE(exact_shamir_privacy(5, 5, 1, {0}, 1, 2).ok());  // n ≥ p
  EXPECT_FALSE(exact_shamir_privacy(7, 3, 1, {3}, 1, 2).ok());
  EXPECT_FALSE(exact_grr_multiplication_privacy(7, 4, 2, {3}, 1, 2, 2, 1).ok());  // 2t ≥ n
  EXPECT_FALSE(exact_grr_multiplication_privacy(7, 3, 1, {0}, 1, 2, 2, 1).ok());  // x changes
}

TEST(SmallPrimeField, ArithmeticAndShamirTemplatesAgreeWithFp61Code) {
  using F = SmallPrimeField<11>;
  EXPECT_EQ((F::from_u64(7) * F::from_u64(8)).value(), 1u);
  EXPECT_EQ((F::from_u64(3) - F::from_u64(5)).value(), 9u);
  EXPECT_EQ((F::from_u64(4) * F::from_u64(4).inverse()).value(), 1u);
  Rng rng(3, 0, "small");
  const auto shares = shamir_share<F>(F::from_u64(9), 2, 5, rng);
  const std::vector<PartyId> who{1, 3, 4};
  const std::vector<F> picked{shares[1], shares[3], shares[4]};
  EXPECT_EQ(shamir_reconstruct<F>(who, picked).value(), 9u);
}

}  // namespace
}  // namespace smpc
