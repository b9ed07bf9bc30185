// Berlekamp–Welch: decodes up to ⌊(N − t − 1)/2⌋ wrong points, with or without erasures, and
// never returns a polynomial that is farther than that from the points.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <set>

#include "protocols/bgw/reed_solomon.h"
#include "protocols/bgw/shamir.h"

namespace smpc {
namespace {

Fp61 gen_fp() { return Fp61::from_u64(*rc::gen::arbitrary<std::uint64_t>()); }

RC_GTEST_PROP(ReedSolomon, CorrectsUpToHalfTheDistance, ()) {
  const int t = *rc::gen::inRange(0, 6);
  const int n = *rc::gen::inRange(t + 1, 3 * t + 8);
  std::vector<Fp61> poly(static_cast<std::size_t>(t) + 1);
  for (auto& c : poly) c = gen_fp();
  std::vector<Fp61> xs, ys;
  for (PartyId p = 0; p < n; ++p) {
    xs.push_back(shamir_point(p));
    ys.push_back(evaluate_polynomial(poly, xs.back()));
  }
  const int e = rs_correctable_errors(static_cast<std::size_t>(n), t);
  const int errors = *rc::gen::inRange(0, e + 1);
  std::set<std::size_t> where;
  while (static_cast<int>(where.size()) < errors)
    where.insert(*rc::gen::inRange<std::size_t>(0, static_cast<std::size_t>(n)));
  for (auto i : where) ys[i] += Fp61::from_u64(*rc::gen::inRange<std::uint64_t>(1, Fp61::kModulus));
  const auto got = berlekamp_welch(xs, ys, t);
  RC_ASSERT(got.has_value());
  RC_ASSERT(*got == poly);
}

RC_GTEST_PROP(ReedSolomon, BeyondTheRadiusNeverReturnsAFarPolynomial, ()) {
  const int t = *rc::gen::inRange(0, 4);
  const int n = *rc::gen::inRange(t + 1, 3 * t + 6);
  std::vector<Fp61> xs, ys;
  for (PartyId p = 0; p < n; ++p) {
    xs.push_back(shamir_point(p));
    ys.push_back(gen_fp());
  }
  const auto got = berlekamp_welch(xs, ys, t);
  if (!got) return;
  RC_ASSERT(got->size() == static_cast<std::size_t>(t) + 1);
  int disagree = 0;
  for (std::size_t i = 0; i < xs.size(); ++i) disagree += evaluate_polynomial(*got, xs[i]) != ys[i];
  RC_ASSERT(disagree <= rs_correctable_errors(xs.size(), t));
}

TEST(ReedSolomon, SevenSharesDegreeTwoTwoErrors) {
  const std::vector<Fp61> poly{Fp61::from_u64(42), Fp61::from_u64(7), Fp61::from_u64(3)};
  std::vector<Fp61> xs, ys;
  for (PartyId p = 0; p < 7; ++p) {
    xs.push_back(shamir_point(p));
    ys.push_back(evaluate_polynomial(poly, xs.back()));
  }
  ys[0] += Fp61::from_u64(1);  // the first t + 1 points are not all right: no fast path
  ys[5] = Fp61();
  EXPECT_EQ(rs_correctable_errors(7, 2), 2);
  EXPECT_EQ(berlekamp_welch(xs, ys, 2), poly);
  ys[3] += Fp61::from_u64(9);  // three errors: beyond the radius
  const auto three = berlekamp_welch(xs, ys, 2);
  EXPECT_NE(three, std::optional<std::vector<Fp61>>(poly));
}

TEST(ReedSolomon, InterpolationThroughPoints) {
  const std::vector<Fp61> xs{Fp61::from_u64(1), Fp61::from_u64(2), Fp61::from_u64(5)};
  const std::vector<Fp61> ys{Fp61::from_u64(6), Fp61::from_u64(11), Fp61::from_u64(38)};
  // 1 + 2x + ... : p(x) = x^2 + 2x + 3.
  EXPECT_EQ(interpolate_coefficients(xs, ys),
            (std::vector<Fp61>{Fp61::from_u64(3), Fp61::from_u64(2), Fp61::from_u64(1)}));
}

}  // namespace
}  // namespace smpc
