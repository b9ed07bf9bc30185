// Output leakage (verify/leakage.h) against brute-force counting done here, for the
// millionaires' comparison and a three-bidder second-price auction; both counting methods
// (enumeration and Z3 cube splitting) must agree with it.
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_encoding.h"
#include "scenarios/functions.h"
#include "verify/leakage.h"

namespace smpc {
namespace {

// Brute force over the honest inputs by plain evaluation: histogram of the outputs.
std::map<std::vector<std::uint64_t>, double> brute_force(const Circuit& c,
                                                         const std::vector<std::uint64_t>& attacker_bits,
                                                         std::size_t attacker_group,
                                                         std::size_t honest_bits) {
  std::map<std::vector<std::uint64_t>, double> hist;
  for (std::uint64_t x = 0; x < (std::uint64_t{1} << honest_bits); ++x) {
    std::vector<std::vector<std::uint64_t>> groups;
    std::size_t used = 0;
    for (std::size_t g = 0; g < c.inputs.size(); ++g) {
      if (g == attacker_group) {
        groups.push_back(attacker_bits);
      } else {
        groups.push_back(bits_of(x >> used, c.inputs[g].wires.size()));
        used += c.inputs[g].wires.size();
      }
    }
    auto out = evaluate(c, groups);
    EXPECT_TRUE(out.ok());
    hist[*out] += 1;
  }
  return hist;
}

double shannon(const std::map<std::vector<std::uint64_t>, double>& hist, double total) {
  double h = 0;
  for (const auto& [y, n] : hist) h -= n / total * std::log2(n / total);
  return h;
}

Circuit millionaires(std::size_t bits) {
  CircuitBuilder b;
  const auto x = b.input("wealth0", 0, bits);
  const auto y = b.input("wealth1", 1, bits);
  b.output("party0_richer", {b.lt(y, x)});
  return b.take();
}

TEST(Leakage, MillionairesMatchesBruteForceWithBothMethods) {
  for (std::size_t bits : {3u, 5u, 8u}) {
    const Circuit c = millionaires(bits);
    const std::uint64_t top = (std::uint64_t{1} << bits) - 1;
    for (std::uint64_t a : {std::uint64_t{0}, std::uint64_t{1}, top / 3, top}) {
      const std::uint64_t honest_value = top / 2;
      LeakageQuery q;
      q.circuit = &c;
      q.inputs = {PartyInput{bits_of(a, bits)}, PartyInput{bits_of(honest_value, bits)}};
      q.attacker = {0};
      const auto hist = brute_force(c, bits_of(a, bits), 0, bits);
      auto truth = evaluate(c, {bits_of(a, bits), bits_of(honest_value, bits)});
      ASSERT_TRUE(truth.ok());
      const double total = std::ldexp(1.0, static_cast<int>(bits));
      for (std::size_t limit : {std::size_t{20}, std::size_t{0}}) {  // enumeration, then Z3
        q.exact_limit_bits = limit;
        q.leaf_bits = 0;  // the Z3 path counts every cube with Z3
        auto r = compute_leakage(q);
        ASSERT_TRUE(r.ok()) << r.status().message();
        SCOPED_TRACE("bits " + std::to_string(bits) + " a " + std::to_string(a) + " " + r->method);
        EXPECT_EQ(r->honest_bits, bits);
        EXPECT_EQ(r->observed, *truth);
        EXPECT_TRUE(r->count_exact);
        EXPECT_EQ(static_cast<double>(r->consistent_count), hist.at(*truth));
        EXPECT_NEAR(r->remaining_bits, std::log2(hist.at(*truth)), 1e-9);
        EXPECT_NEAR(r->revealed_bits, std::log2(total / hist.at(*truth)), 1e-9);
        EXPECT_EQ(r->distinct_outputs, hist.size());
        EXPECT_NEAR(r->min_entropy_leakage_bits, std::log2(static_cast<double>(hist.size())), 1e-12);
        ASSERT_TRUE(r->shannon_leakage_bits.has_value());
        EXPECT_NEAR(*r->shannon_leakage_bits, shannon(hist, total), 1e-9);
        EXPECT_EQ(r->method.rfind(limit == 0 ? "z3" : "exact", 0), 0u) << r->method;
      }
    }
  }
}

TEST(Leakage, ThirtyTwoBitMillionairesIsCountedExactlyByZ3) {
  const Circuit c = millionaires(32);
  const std::uint64_t a = 1800000;  // the attacker's wealth
  LeakageQuery q;
  q.circuit = &c;
  q.inputs = {PartyInput{bits_of(2500000, 32)}, PartyInput{bits_of(a, 32)}};
  q.attacker = {1};
  auto r = compute_leakage(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  // party0_richer = 1 exactly for the honest values above a.
  EXPECT_TRUE(r->count_exact);
  EXPECT_EQ(static_cast<double>(r->consistent_count), std::ldexp(1.0, 32) - 1 - static_cast<double>(a));
  EXPECT_EQ(r->distinct_outputs, 2u);
  ASSERT_TRUE(r->shannon_leakage_bits.has_value());
  const double p = (static_cast<double>(a) + 1) / std::ldexp(1.0, 32);
  EXPECT_NEAR(*r->shannon_leakage_bits, -p * std::log2(p) - (1 - p) * std::log2(1 - p), 1e-9);
}

TEST(Leakage, AuctionMatchesBruteForceForEachBidder) {
  const std::size_t bits = 5;
  const std::vector<std::uint64_t> bids = {20, 29, 7};
  std::vector<nlohmann::json> in;
  for (auto b : bids) in.push_back(nlohmann::json::array({b}));
  auto f = build_function({{"name", "second_price_auction"}, {"bits", bits}}, in, 3);
  ASSERT_TRUE(f.ok()) << f.status().message();
  const Circuit& c = f->circuit;
  for (PartyId attacker = 0; attacker < 3; ++attacker) {
    // Brute force over the two honest bids.
    std::map<std::vector<std::uint64_t>, double> hist;
    const std::uint64_t n = std::uint64_t{1} << bits;
    for (std::uint64_t u = 0; u < n; ++u)
      for (std::uint64_t v = 0; v < n; ++v) {
        std::vector<std::uint64_t> b = bids;
        std::size_t k = 0;
        for (PartyId p = 0; p < 3; ++p)
          if (p != attacker) b[static_cast<std::size_t>(p)] = k++ == 0 ? u : v;
        auto out = evaluate(c, {bits_of(b[0], bits), bits_of(b[1], bits), bits_of(b[2], bits)});
        ASSERT_TRUE(out.ok());
        hist[*out] += 1;
      }
    auto truth = evaluate(c, {bits_of(bids[0], bits), bits_of(bids[1], bits), bits_of(bids[2], bits)});
    ASSERT_TRUE(truth.ok());
    for (std::size_t limit : {std::size_t{20}, std::size_t{0}}) {
      LeakageQuery q;
      q.circuit = &c;
      q.inputs = f->party_inputs;
      q.attacker = {attacker};
      q.exact_limit_bits = limit;
      q.leaf_bits = 3;  // mostly Z3: cubes of up to 8 inputs are evaluated
      auto r = compute_leakage(q);
      ASSERT_TRUE(r.ok()) << r.status().message();
      SCOPED_TRACE("attacker " + std::to_string(attacker) + ": " + r->method);
      std::printf("attacker %d limit %zu: %s %.2f s\n", attacker, limit, r->method.c_str(), r->seconds);
      EXPECT_EQ(static_cast<double>(r->consistent_count), hist.at(*truth));
      EXPECT_EQ(r->distinct_outputs, hist.size());
      ASSERT_TRUE(r->shannon_leakage_bits.has_value());
      EXPECT_NEAR(*r->shannon_leakage_bits, shannon(hist, static_cast<double>(n * n)), 1e-9);
    }
  }
}

TEST(Leakage, SolverCapGivesALowerBoundNotAnExactCount) {
  const Circuit c = millionaires(16);
  LeakageQuery q;
  q.circuit = &c;
  q.inputs = {PartyInput{bits_of(12345, 16)}, PartyInput{bits_of(999, 16)}};
  q.attacker = {0};
  q.exact_limit_bits = 0;
  q.max_solver_calls = 6;
  q.leaf_bits = 0;
  auto r = compute_leakage(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->count_exact);
  EXPECT_LE(static_cast<double>(r->consistent_count), 12345.0);  // true count: x1 < 12345
  EXPECT_FALSE(r->shannon_leakage_bits.has_value());
}

TEST(Leakage, FieldCircuitsAreRefusedWithAReason) {
  auto f = build_function({{"name", "sum"}}, std::vector<std::vector<std::uint64_t>>{{1}, {2}, {3}}, 3);
  ASSERT_TRUE(f.ok()) << f.status().message();
  LeakageQuery q;
  q.circuit = &f->circuit;
  q.inputs = f->party_inputs;
  q.attacker = {0};
  auto r = compute_leakage(q);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("2^61"), std::string::npos) << r.status().message();
  q.attacker = {7};
  EXPECT_FALSE(compute_leakage(q).ok());
}

}  // namespace
}  // namespace smpc

namespace smpc {
namespace {

// additive_noise_leakage with a point mass is the exact output's leakage: the same numbers as
// compute_leakage on the counts it found (millionaires, 5 bits, attacker party 0).
TEST(AdditiveNoiseLeakage, PointMassIsTheExactOutputsLeakage) {
  const Circuit c = millionaires(5);
  LeakageQuery q;
  q.circuit = &c;
  q.inputs = {PartyInput{bits_of(9, 5)}, PartyInput{bits_of(20, 5)}};
  q.attacker = {0};
  auto r = compute_leakage(q);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::vector<long double> counts;
  for (const auto& oc : r->distribution) counts.push_back(oc.count);
  auto a = additive_noise_leakage(counts, {1.0}, 1000);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_NEAR(a->min_entropy_leakage_bits, r->min_entropy_leakage_bits, 1e-12);
  ASSERT_TRUE(r->shannon_leakage_bits.has_value());
  EXPECT_NEAR(a->shannon_leakage_bits, *r->shannon_leakage_bits, 1e-12);
  EXPECT_EQ(a->outputs, r->distinct_outputs);
}

// One bit x, Z ∈ {0, 1, 2} with pmf (1/4, 1/2, 1/4): rows over y = 0..3 are (1/4, 1/2, 1/4, 0)
// and (0, 1/4, 1/2, 1/4); Σ_y max_x = 3/2. A value of g no input takes (a zero count) adds no
// row.
TEST(AdditiveNoiseLeakage, SmallChannelsByHand) {
  auto a = additive_noise_leakage({1, 1}, {0.25, 0.5, 0.25}, 100);
  ASSERT_TRUE(a.ok());
  EXPECT_NEAR(a->vulnerability_ratio, 1.5, 1e-12);
  EXPECT_NEAR(a->min_entropy_leakage_bits, std::log2(1.5), 1e-12);
  EXPECT_EQ(a->outputs, 4u);
  EXPECT_EQ(a->terms, 6u);
  auto gap = additive_noise_leakage({1, 0, 1}, {0.5, 0.5}, 100);
  ASSERT_TRUE(gap.ok());
  // Rows over y = 0..3: (1/2, 1/2, 0, 0) and (0, 0, 1/2, 1/2): disjoint, so 1 bit.
  EXPECT_NEAR(gap->min_entropy_leakage_bits, 1.0, 1e-12);
  EXPECT_NEAR(gap->shannon_leakage_bits, 1.0, 1e-12);
}

TEST(AdditiveNoiseLeakage, RefusesBadInputAndTooLargeChannels) {
  auto big = additive_noise_leakage(std::vector<long double>(100, 1), std::vector<double>(11, 1.0 / 11), 1000);
  ASSERT_FALSE(big.ok());
  EXPECT_NE(big.status().message().find("100 output values x 11 noise values"), std::string::npos)
      << big.status().message();
  EXPECT_NE(big.status().message().find("limit of 1000"), std::string::npos);
  EXPECT_FALSE(additive_noise_leakage({1, 1}, {0.5, 0.4}, 100).ok());   // not a pmf
  EXPECT_FALSE(additive_noise_leakage({1, -1}, {1.0}, 100).ok());       // negative count
  EXPECT_FALSE(additive_noise_leakage({}, {1.0}, 100).ok());
  EXPECT_FALSE(additive_noise_leakage({0, 0}, {1.0}, 100).ok());        // no inputs
}

}  // namespace
}  // namespace smpc
