// Every Z3 call honours its time limit overall (issue 15), not only per check: the ideal-world
// oracle's timeout_s and the leakage count's overall_timeout_s bound the whole computation,
// bit-blasting included (verify/z3_deadline.h). Both problems below take Z3 far longer than
// their budget (64-bit factoring; model enumeration over 2^64 products), so without the
// watcher they run on.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>

#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_encoding.h"
#include "verify/ideal_world.h"
#include "verify/leakage.h"

namespace smpc {
namespace {

using Clock = std::chrono::steady_clock;

double since(Clock::time_point t0) {
  return std::chrono::duration<double>(Clock::now() - t0).count();
}

std::vector<std::uint64_t> concat(std::vector<std::uint64_t> a,
                                  const std::vector<std::uint64_t>& b) {
  a.insert(a.end(), b.begin(), b.end());
  return a;
}

TEST(OverallTimeout, TheIdealWorldOracleStopsAtItsTimeout) {
  // Party 1 would have to factor N = p·q (two 32-bit primes) into x·y with 2 <= x, y < 2^32.
  CircuitBuilder b;
  const auto x = b.input("x", 1, 64);
  const auto y = b.input("y", 1, 64);
  const auto h = b.input("h", 0, 64);
  b.output("n", b.add(b.mul(x, y), h), {0});
  const Circuit c = b.take();
  const std::uint64_t p = 4294967291u, q = 4294967279u;
  IdealWorldQuery query;
  query.circuit = &c;
  query.inputs = {PartyInput{bits_of(0, 64)}, PartyInput{concat(bits_of(3, 64), bits_of(5, 64))}};
  query.corrupted = {1};
  query.outputs = {bits_of(p * q, 64), std::nullopt};
  query.ranges = {InputRange{1, 0, 64, 2, 0xffffffffu}, InputRange{1, 64, 64, 2, 0xffffffffu}};
  query.timeout_s = 1;
  const auto t0 = Clock::now();
  auto a = explain_by_substitution(query);
  const double took = since(t0);
  ASSERT_TRUE(a.ok()) << a.status().message();
  std::printf("ideal-world oracle, 64-bit factoring, timeout 1 s: %s after %.2f s (%s)\n",
              ideal_world_kind_name(a->kind), took, a->detail.c_str());
  if (a->kind == IdealWorldAnswer::Kind::kExplained) return;  // Z3 was quick after all
  EXPECT_EQ(a->kind, IdealWorldAnswer::Kind::kUnknown) << a->detail;
  EXPECT_LT(took, 3.0);
}

TEST(OverallTimeout, TheLeakageCountStopsAtItsOverallTimeout) {
  // The attacker knows b and sees a·b: 2^64 possible outputs to enumerate by model.
  CircuitBuilder b;
  const auto x = b.input("a", 0, 64);
  const auto y = b.input("b", 1, 64);
  b.output("c", b.mul(x, y));
  const Circuit c = b.take();
  const LeakageQuery q{
      .circuit = &c,
      .inputs = {PartyInput{bits_of(123456789, 64)}, PartyInput{bits_of(6789, 64)}},
      .attacker = {1},
      .timeout_s = 60,
      .overall_timeout_s = 1};
  const auto t0 = Clock::now();
  auto r = compute_leakage(q);
  const double took = since(t0);
  ASSERT_TRUE(r.ok()) << r.status().message();
  std::printf("leakage, 64-bit product, overall timeout 1 s: %.2f s, %zu distinct (%s)\n", took,
              r->distinct_outputs, r->method.c_str());
  EXPECT_LT(took, 3.0);
  EXPECT_FALSE(r->distinct_exact);
  EXPECT_FALSE(r->shannon_leakage_bits.has_value());
}

}  // namespace
}  // namespace smpc
