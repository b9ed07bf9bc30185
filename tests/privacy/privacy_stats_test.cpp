// Known answers for the statistics of verify/privacy_stats.h: chi-square tail against published
// quantiles, planted differences and relations detected, uniform data left alone.
#include <gtest/gtest.h>

#include <cmath>

#include "protocols/core/rng.h"
#include "verify/privacy_stats.h"

namespace smpc {
namespace {

ViewSamples uniform_samples(std::uint64_t seed, std::size_t runs, std::size_t positions) {
  Rng rng(seed, 0, "privacy-stats-test");
  ViewSamples s;
  for (std::size_t k = 0; k < positions; ++k)
    s.layout.push_back({"p" + std::to_string(k), ElementDomain::kField61});
  for (std::size_t r = 0; r < runs; ++r) {
    std::vector<std::uint64_t> row;
    for (std::size_t k = 0; k < positions; ++k) row.push_back(rng.uniform_fp61().value());
    s.runs.push_back(std::move(row));
  }
  return s;
}

TEST(ChiSquare, UpperTailAtPublishedQuantiles) {
  // Quantiles from standard tables (NIST/SEMATECH e-Handbook, table 1.3.6.7.4).
  EXPECT_NEAR(chi_square_upper_tail(3.841, 1), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_upper_tail(6.635, 1), 0.01, 1e-4);
  EXPECT_NEAR(chi_square_upper_tail(7.815, 3), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_upper_tail(29.588, 10), 0.001, 1e-5);
  EXPECT_NEAR(chi_square_upper_tail(24.996, 15), 0.05, 1e-4);
  EXPECT_NEAR(chi_square_upper_tail(7.0, 7), 0.4289, 1e-3);  // the median region
  EXPECT_EQ(chi_square_upper_tail(0, 4), 1.0);
  EXPECT_LT(chi_square_upper_tail(1e4, 7), 1e-300);
}

TEST(ChiSquare, BucketsKeepFiveExpectedPerBucket) {
  EXPECT_EQ(bucket_bits_for(10), 1);
  EXPECT_EQ(bucket_bits_for(20), 2);
  EXPECT_EQ(bucket_bits_for(40), 3);
  EXPECT_EQ(bucket_bits_for(200), 4);
  EXPECT_EQ(bucket_bits_for(40, 10), 2);
  EXPECT_EQ(bucket_bits_for(200, 10), 4);
}

TEST(TwoSample, UniformSamplesRaiseNoAlarm) {
  int alarms = 0;
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    const auto r = two_sample_chi_square(uniform_samples(seed, 200, 12),
                                         uniform_samples(seed + 1000, 200, 12), 1e-3);
    EXPECT_EQ(r.tested, 12u);
    EXPECT_GT(r.p_value, 0.0);
    alarms += r.alarm;
  }
  EXPECT_EQ(alarms, 0);
}

TEST(TwoSample, DifferentConstantsAreDetected) {
  auto a = uniform_samples(1, 40, 5), b = uniform_samples(2, 40, 5);
  for (auto& run : a.runs) run[3] = 6;
  for (auto& run : b.runs) run[3] = 14;
  const auto r = two_sample_chi_square(a, b, 1e-3);
  EXPECT_TRUE(r.alarm);
  EXPECT_EQ(r.worst, 3);
  EXPECT_LT(r.p_value, 1e-10);
  // Equal constants carry no information and are skipped.
  for (auto& run : b.runs) run[3] = 6;
  const auto same = two_sample_chi_square(a, b, 1e-3);
  EXPECT_FALSE(same.alarm);
  EXPECT_EQ(same.tested, 4u);
}

TEST(TwoSample, HalfRangeValuesAreDetected) {
  auto a = uniform_samples(3, 200, 4), b = uniform_samples(4, 200, 4);
  for (auto& run : b.runs) run[1] >>= 1;  // top bit always 0
  const auto r = two_sample_chi_square(a, b, 1e-3);
  EXPECT_TRUE(r.alarm);
  EXPECT_EQ(r.worst, 1);
}

TEST(Uniformity, UniformPassesLowEntropyFails) {
  auto a = uniform_samples(5, 200, 6);
  for (auto& run : a.runs) run[5] = 42;  // a public constant (an output)
  auto r = uniformity_chi_square(a, 1e-3);
  EXPECT_FALSE(r.alarm) << r.detail;
  EXPECT_EQ(r.tested, 5u);
  for (auto& run : a.runs) run[2] &= 0xffffffffu;  // 32-bit masks (M04)
  r = uniformity_chi_square(a, 1e-3);
  EXPECT_TRUE(r.alarm);
  EXPECT_EQ(r.worst, 2);
}

TEST(Uniformity, BitsAreCountedExactly) {
  ViewSamples s;
  s.layout = {{"b", ElementDomain::kBit}};
  for (int r = 0; r < 200; ++r) s.runs.push_back({static_cast<std::uint64_t>(r % 2)});
  EXPECT_FALSE(uniformity_chi_square(s, 1e-3).alarm);
  for (int r = 0; r < 200; ++r) s.runs[static_cast<std::size_t>(r)][0] = r % 4 == 0;  // P(1) = 1/4
  EXPECT_TRUE(uniformity_chi_square(s, 1e-3).alarm);
}

TEST(Kernel, BasisSpansTheNullSpace) {
  const auto f = [](std::uint64_t v) { return Fp61::from_u64(v); };
  const std::vector<std::vector<Fp61>> rows = {{f(1), f(2), f(3)}, {f(2), f(4), f(6)}};
  const auto basis = kernel_basis(rows, 3);
  ASSERT_EQ(basis.size(), 2u);
  for (const auto& c : basis)
    for (const auto& row : rows) {
      Fp61 acc;
      for (std::size_t j = 0; j < 3; ++j) acc += row[j] * c[j];
      EXPECT_EQ(acc, Fp61());
    }
  EXPECT_TRUE(kernel_basis({{f(1), f(0)}, {f(0), f(1)}}, 2).empty());
}

TEST(Relations, UniformDataHasNoRelationAndNoAlarm) {
  const auto r = relation_test(uniform_samples(7, 40, 4), uniform_samples(8, 40, 4));
  EXPECT_FALSE(r.alarm);
  EXPECT_EQ(r.degree, 2);
  EXPECT_EQ(r.monomials, 15u);  // 1 + 4 + 10
  EXPECT_EQ(r.relations_a, 0u);
  EXPECT_EQ(r.relations_b, 0u);
  EXPECT_LT(r.false_alarm_log10, -100);
}

TEST(Relations, SharedRelationIsNoAlarm) {
  // x2 = x0·x1 + 5 under both inputs: a relation, but the same one.
  auto a = uniform_samples(9, 40, 3), b = uniform_samples(10, 40, 3);
  for (auto* s : {&a, &b})
    for (auto& run : s->runs)
      run[2] = (Fp61::from_u64(run[0]) * Fp61::from_u64(run[1]) + Fp61::from_u64(5)).value();
  const auto r = relation_test(a, b);
  EXPECT_FALSE(r.alarm) << r.detail;
  EXPECT_EQ(r.relations_a, 1u);
  EXPECT_EQ(r.relations_b, 1u);
}

TEST(Relations, PlantedQuadraticRelationThatMovesIsDetected) {
  auto a = uniform_samples(11, 40, 4), b = uniform_samples(12, 40, 4);
  for (auto& run : a.runs)
    run[3] = (Fp61::from_u64(run[0]) * Fp61::from_u64(run[1]) + Fp61::from_u64(5)).value();
  for (auto& run : b.runs)
    run[3] = (Fp61::from_u64(run[0]) * Fp61::from_u64(run[1]) + Fp61::from_u64(6)).value();
  const auto r = relation_test(a, b);
  EXPECT_TRUE(r.alarm);
  EXPECT_EQ(r.broken, 2u);  // each side's relation fails on the other
  EXPECT_NE(r.detail.find("degree-2 relation"), std::string::npos) << r.detail;
  // Marginals cannot see it: run[3] is uniform on both sides.
  EXPECT_FALSE(two_sample_chi_square(a, b, 1e-3).alarm);
}

TEST(Relations, PlantedLinearRelationThatMovesIsDetected) {
  auto a = uniform_samples(13, 30, 3), b = uniform_samples(14, 30, 3);
  for (auto& run : a.runs) run[1] = (Fp61::from_u64(run[0]) * Fp61::from_u64(3) + Fp61::from_u64(1)).value();
  for (auto& run : b.runs) run[1] = (Fp61::from_u64(run[0]) * Fp61::from_u64(3) + Fp61::from_u64(2)).value();
  const auto r = relation_test(a, b);
  EXPECT_TRUE(r.alarm);
  EXPECT_NE(r.detail.find("degree-1 relation"), std::string::npos) << r.detail;
}

TEST(Relations, ManyPositionsFallBackToFewerMonomials) {
  // 30 positions: 496 degree-2 monomials do not fit 60 runs; all 31 linear ones do, plus the
  // degree-2 monomials of the first k positions with 31 + k(k+1)/2 ≤ 50, k = 5.
  const auto r = relation_test(uniform_samples(15, 60, 30), uniform_samples(16, 60, 30));
  EXPECT_FALSE(r.alarm);
  EXPECT_EQ(r.positions, 30u);
  EXPECT_EQ(r.quadratic_positions, 5u);
  EXPECT_EQ(r.monomials, 31u + 15u);
  // Fewer runs than positions: degree 1 on the first ones.
  const auto small = relation_test(uniform_samples(17, 20, 30), uniform_samples(18, 20, 30));
  EXPECT_EQ(small.degree, 1);
  EXPECT_EQ(small.positions, 9u);  // cap = 20 − 10 monomials: 1 + 9
  // Too few runs for anything.
  const auto none = relation_test(uniform_samples(19, 5, 3), uniform_samples(20, 5, 3));
  EXPECT_FALSE(none.alarm);
  EXPECT_NE(none.detail.find("too few runs"), std::string::npos);
}

TEST(Relations, FalseAlarmBound) {
  EXPECT_EQ(relation_false_alarm_log10(10, 15, 2), 0.0);
  // 2 · C(40, 25) · (2^21 / p)^25.
  const double expect = std::log10(2.0) + std::log10(40225345056.0) +
                        25 * (21 * std::log10(2.0) - std::log10(static_cast<double>(Fp61::kModulus)));
  EXPECT_NEAR(relation_false_alarm_log10(40, 15, 2), expect, 1e-6);
}

TEST(TotalVariation, ExactOnSmallDistributions) {
  const TupleCounts a{{{1}, 1}, {{2}, 1}}, b{{{1}, 2}, {{2}, 2}}, c{{{3}, 1}}, d{{{1}, 3}, {{2}, 1}};
  EXPECT_EQ(total_variation(a, b), 0.0);
  EXPECT_EQ(total_variation(a, c), 1.0);
  EXPECT_DOUBLE_EQ(total_variation(d, a), 0.25);
}

}  // namespace
}  // namespace smpc
