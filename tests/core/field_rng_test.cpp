#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <set>

#include "protocols/core/field.h"
#include "protocols/core/rng.h"

namespace smpc {
namespace {

using U128 = uint128_t;
constexpr std::uint64_t kP = Fp61::kModulus;

RC_GTEST_PROP(Fp61Property, MatchesIntegerArithmeticModP, (std::uint64_t a, std::uint64_t b)) {
  const Fp61 x = Fp61::from_u64(a), y = Fp61::from_u64(b);
  const std::uint64_t ar = a % kP, br = b % kP;
  RC_ASSERT(x.value() == ar);
  RC_ASSERT((x + y).value() == (ar + br) % kP);
  RC_ASSERT((x - y).value() == (ar + kP - br) % kP);
  RC_ASSERT((x * y).value() == static_cast<std::uint64_t>(static_cast<U128>(ar) * br % kP));
  if (ar != 0) RC_ASSERT((x * x.inverse()).value() == 1u);
}

TEST(Fp61, SignedAndCanonical) {
  EXPECT_EQ(Fp61::from_i64(-1).value(), kP - 1);
  EXPECT_EQ(Fp61::from_i64(INT64_MIN) + Fp61::from_u64(static_cast<std::uint64_t>(INT64_MAX)),
            Fp61::from_i64(-1));
  EXPECT_FALSE(Fp61::from_canonical(kP).has_value());
  EXPECT_TRUE(Fp61::from_canonical(kP - 1).has_value());
}

TEST(Rng, DeterministicPerSeedPartyAndStream) {
  Rng a(42, 1, "s"), b(42, 1, "s"), c(43, 1, "s"), d(42, 2, "s"), e(42, 1, "t");
  const auto x = a.next_u64();
  EXPECT_EQ(x, b.next_u64());
  EXPECT_NE(x, c.next_u64());
  EXPECT_NE(x, d.next_u64());
  EXPECT_NE(x, e.next_u64());
  // Reading in different chunk sizes gives the same stream.
  Rng f(9, 0, "chunks"), g(9, 0, "chunks");
  std::vector<std::uint8_t> big(1000), small(1000);
  f.fill(big);
  for (std::size_t i = 0; i < small.size(); i += 7)
    g.fill(std::span<std::uint8_t>(small.data() + i, std::min<std::size_t>(7, small.size() - i)));
  EXPECT_EQ(big, small);
}

TEST(Rng, UniformBelowIsUnbiasedOnSmallBound) {
  // Chi-square over 6 cells, 60000 draws: 5 d.o.f., the 1e-6 critical value is 35.9.
  Rng r(1, 0, "chi");
  std::array<int, 6> counts{};
  for (int i = 0; i < 60000; ++i) ++counts[r.uniform_below(6)];
  double chi = 0;
  for (int c : counts) chi += (c - 10000.0) * (c - 10000.0) / 10000.0;
  EXPECT_LT(chi, 35.9);
  std::set<std::uint64_t> seen;
  for (int i = 0; i < 100; ++i) {
    const auto v = r.uniform_fp61().value();
    EXPECT_LT(v, kP);
    seen.insert(v);
  }
  EXPECT_EQ(seen.size(), 100u);
}

}  // namespace
}  // namespace smpc
