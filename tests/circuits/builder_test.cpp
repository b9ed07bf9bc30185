// Builder functions against plain integer arithmetic (RapidCheck) and against the Bristol
// adder64 / sub64 / mult64 circuits on random inputs.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <bit>
#include <functional>
#include <random>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_eval.h"
#include "tests/circuits/test_util.h"

namespace smpc {
namespace {

using test::as_signed;
using test::mask;
using test::run_ints;
using W = CircuitBuilder::Wires;

// A two-input, one-output circuit of width n built by f.
Circuit binary(std::size_t n, const std::function<W(CircuitBuilder&, const W&, const W&)>& f) {
  CircuitBuilder b;
  const W x = b.input("a", 0, n);
  const W y = b.input("b", 1, n);
  b.output("c", f(b, x, y));
  Circuit c = b.take();
  EXPECT_TRUE(c.validate(2).ok()) << c.validate(2).message();
  return c;
}

Circuit predicate(
    std::size_t n,
    const std::function<CircuitBuilder::Wire(CircuitBuilder&, const W&, const W&)>& f) {
  return binary(n, [&](CircuitBuilder& b, const W& x, const W& y) { return W{f(b, x, y)}; });
}

// Width in [1, 64] and two operands of that width.
struct Operands {
  std::size_t n;
  std::uint64_t a, b;
};
Operands gen_operands() {
  const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 65));
  const std::uint64_t a = *rc::gen::arbitrary<std::uint64_t>() & mask(n);
  const std::uint64_t b = *rc::gen::arbitrary<std::uint64_t>() & mask(n);
  return {n, a, b};
}

RC_GTEST_PROP(CircuitBuilder, AddSubMulNegMatchIntegers, ()) {
  const auto [n, a, b] = gen_operands();
  const Circuit add =
      binary(n, [](CircuitBuilder& cb, const W& x, const W& y) { return cb.add(x, y); });
  const Circuit sub =
      binary(n, [](CircuitBuilder& cb, const W& x, const W& y) { return cb.sub(x, y); });
  const Circuit mul =
      binary(n, [](CircuitBuilder& cb, const W& x, const W& y) { return cb.mul(x, y); });
  const Circuit neg = binary(n, [](CircuitBuilder& cb, const W& x, const W&) { return cb.neg(x); });
  RC_ASSERT(run_ints(add, {a, b})[0] == ((a + b) & mask(n)));
  RC_ASSERT(run_ints(sub, {a, b})[0] == ((a - b) & mask(n)));
  RC_ASSERT(run_ints(mul, {a, b})[0] == ((a * b) & mask(n)));
  RC_ASSERT(run_ints(neg, {a, b})[0] == ((0 - a) & mask(n)));
  // AND counts as documented.
  RC_ASSERT(add.count(GateType::kAnd) == n - 1);
  RC_ASSERT(sub.count(GateType::kAnd) == n - 1);
  RC_ASSERT(mul.count(GateType::kAnd) == n * n - n + 1);
}

RC_GTEST_PROP(CircuitBuilder, ComparisonsMatchIntegers, ()) {
  auto [n, a, b] = gen_operands();
  if (*rc::gen::arbitrary<bool>()) b = a;  // equal operands often enough
  const auto U = Signedness::kUnsigned;
  const auto S = Signedness::kSigned;
  const auto lt_u =
      predicate(n, [&](CircuitBuilder& cb, const W& x, const W& y) { return cb.lt(x, y, U); });
  const auto le_u =
      predicate(n, [&](CircuitBuilder& cb, const W& x, const W& y) { return cb.le(x, y, U); });
  const auto lt_s =
      predicate(n, [&](CircuitBuilder& cb, const W& x, const W& y) { return cb.lt(x, y, S); });
  const auto le_s =
      predicate(n, [&](CircuitBuilder& cb, const W& x, const W& y) { return cb.le(x, y, S); });
  const auto eq =
      predicate(n, [](CircuitBuilder& cb, const W& x, const W& y) { return cb.eq(x, y); });
  const std::int64_t sa = as_signed(a, n), sb = as_signed(b, n);
  RC_ASSERT(run_ints(lt_u, {a, b})[0] == (a < b ? 1u : 0u));
  RC_ASSERT(run_ints(le_u, {a, b})[0] == (a <= b ? 1u : 0u));
  RC_ASSERT(run_ints(lt_s, {a, b})[0] == (sa < sb ? 1u : 0u));
  RC_ASSERT(run_ints(le_s, {a, b})[0] == (sa <= sb ? 1u : 0u));
  RC_ASSERT(run_ints(eq, {a, b})[0] == (a == b ? 1u : 0u));
  RC_ASSERT(lt_u.count(GateType::kAnd) == n);
  RC_ASSERT(eq.count(GateType::kAnd) == n - 1);
  RC_ASSERT(and_depth(eq) == static_cast<std::uint32_t>(std::bit_width(n - 1)));
}

RC_GTEST_PROP(CircuitBuilder, MuxMinMaxMatchIntegers, ()) {
  const auto [n, a, b] = gen_operands();
  const bool signed_cmp = *rc::gen::arbitrary<bool>();
  const auto s = signed_cmp ? Signedness::kSigned : Signedness::kUnsigned;
  const std::uint64_t sel = *rc::gen::inRange(0, 2);
  CircuitBuilder cb;
  const W x = cb.input("a", 0, n);
  const W y = cb.input("b", 1, n);
  const W z = cb.input("sel", 2, 1);
  cb.output("mux", cb.mux(z[0], x, y));
  cb.output("min", cb.min(x, y, s));
  cb.output("max", cb.max(x, y, s));
  const auto mm = cb.min_max(x, y, s);
  cb.output("mm_min", mm.min);
  cb.output("mm_max", mm.max);
  const Circuit c = cb.take();
  RC_ASSERT(c.validate(3).ok());
  const auto r = run_ints(c, {a, b, sel});
  const bool a_less = signed_cmp ? as_signed(a, n) < as_signed(b, n) : a < b;
  const std::uint64_t lo = a_less ? a : b, hi = a_less ? b : a;
  RC_ASSERT(r[0] == (sel ? a : b));
  RC_ASSERT(r[1] == lo);
  RC_ASSERT(r[2] == hi);
  RC_ASSERT(r[3] == lo);
  RC_ASSERT(r[4] == hi);
}

RC_GTEST_PROP(CircuitBuilder, ArgmaxMatchesIntegers, ()) {
  const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 17));
  const auto k = static_cast<std::size_t>(*rc::gen::inRange(1, 10));
  const bool signed_cmp = *rc::gen::arbitrary<bool>();
  const auto s = signed_cmp ? Signedness::kSigned : Signedness::kUnsigned;
  // Small values so that ties happen.
  const auto values = *rc::gen::container<std::vector<std::uint64_t>>(
      k, rc::gen::map(rc::gen::inRange<std::uint64_t>(0, 8),
                      [n](std::uint64_t v) { return (v * 0x9e3779b97f4a7c15ULL) & mask(n); }));
  CircuitBuilder cb;
  std::vector<W> in;
  for (std::size_t i = 0; i < k; ++i) in.push_back(cb.input("v" + std::to_string(i), 0, n));
  const auto am = cb.argmax(in, s);
  cb.output("index", am.index);
  cb.output("value", am.value);
  const Circuit c = cb.take();
  const auto r = run_ints(c, values);
  std::size_t best = 0;
  for (std::size_t i = 1; i < k; ++i) {
    const bool greater = signed_cmp ? as_signed(values[i], n) > as_signed(values[best], n)
                                    : values[i] > values[best];
    if (greater) best = i;
  }
  RC_ASSERT(r[0] == best);
  RC_ASSERT(r[1] == values[best]);
}

RC_GTEST_PROP(CircuitBuilder, PopcountAndHammingMatchIntegers, ()) {
  const auto [n, a, b] = gen_operands();
  CircuitBuilder cb;
  const W x = cb.input("a", 0, n);
  const W y = cb.input("b", 1, n);
  const W pc = cb.popcount(x);
  const W hd = cb.hamming(x, y);
  RC_ASSERT(pc.size() == static_cast<std::size_t>(std::bit_width(n)));
  cb.output("popcount", pc);
  cb.output("hamming", hd);
  const Circuit c = cb.take();
  RC_ASSERT(c.validate(2).ok());
  const auto r = run_ints(c, {a, b});
  RC_ASSERT(r[0] == static_cast<std::uint64_t>(std::popcount(a)));
  RC_ASSERT(r[1] == static_cast<std::uint64_t>(std::popcount(a ^ b)));
  RC_ASSERT(c.count(GateType::kAnd) < 2 * (2 * n) + 1);  // two adder trees, each < 2n ANDs
}

RC_GTEST_PROP(CircuitBuilder, BatcherSortMatchesStdSort, ()) {
  const auto n = static_cast<std::size_t>(*rc::gen::inRange(1, 13));
  const auto k = static_cast<std::size_t>(*rc::gen::inRange(0, 18));
  const bool signed_cmp = *rc::gen::arbitrary<bool>();
  const auto values = *rc::gen::container<std::vector<std::uint64_t>>(
      k, rc::gen::map(rc::gen::arbitrary<std::uint64_t>(),
                      [n](std::uint64_t v) { return v & mask(n); }));
  CircuitBuilder cb;
  std::vector<W> in;
  for (std::size_t i = 0; i < k; ++i) in.push_back(cb.input("v" + std::to_string(i), 0, n));
  const auto sorted = cb.sort(in, signed_cmp ? Signedness::kSigned : Signedness::kUnsigned);
  for (std::size_t i = 0; i < k; ++i) cb.output("s" + std::to_string(i), sorted[i]);
  const Circuit c = cb.take();
  RC_ASSERT(c.count(GateType::kAnd) == CircuitBuilder::sort_comparators(k) * 2 * n);
  auto want = values;
  std::sort(want.begin(), want.end(), [&](std::uint64_t p, std::uint64_t q) {
    return signed_cmp ? as_signed(p, n) < as_signed(q, n) : p < q;
  });
  RC_ASSERT(run_ints(c, values) == want);
}

TEST(CircuitBuilder, BatcherComparatorCountsArePowersOfTwoFormula) {
  // Batcher odd-even merge sort on 2^m inputs: (m^2 - m + 4) 2^(m-2) - 1 comparators.
  EXPECT_EQ(CircuitBuilder::sort_comparators(0), 0u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(1), 0u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(2), 1u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(4), 5u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(8), 19u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(16), 63u);
  EXPECT_EQ(CircuitBuilder::sort_comparators(32), 191u);
}

TEST(CircuitBuilder, AgreesWithBristolAdderSubMult) {
  SMPC_REQUIRE_SHARED(dir);
  struct Pair {
    const char* file;
    std::function<W(CircuitBuilder&, const W&, const W&)> op;
    std::size_t and_count;
  };
  const Pair pairs[] = {
      {"adder64.txt", [](CircuitBuilder& b, const W& x, const W& y) { return b.add(x, y); }, 63},
      {"sub64.txt", [](CircuitBuilder& b, const W& x, const W& y) { return b.sub(x, y); }, 63},
      {"mult64.txt", [](CircuitBuilder& b, const W& x, const W& y) { return b.mul(x, y); }, 4033},
  };
  std::mt19937_64 rng(2024);
  for (const Pair& p : pairs) {
    SCOPED_TRACE(p.file);
    const Circuit bristol = test::load_or_die(dir / p.file);
    const Circuit built = binary(64, p.op);
    EXPECT_EQ(built.count(GateType::kAnd), p.and_count);  // as cheap as the reference circuits
    for (int round = 0; round < 16; ++round) {            // 16 x 64 random pairs, bit-sliced
      std::vector<std::vector<std::uint64_t>> in(2, std::vector<std::uint64_t>(64));
      for (auto& grp : in)
        for (auto& w : grp) w = rng();
      auto want = evaluate_packed(bristol, in);
      auto got = evaluate_packed(built, in);
      ASSERT_TRUE(want.ok() && got.ok());
      ASSERT_EQ(*got, *want);
    }
    // Edge cases through the scalar evaluator.
    for (std::uint64_t a : {0ULL, 1ULL, ~0ULL, 1ULL << 63})
      for (std::uint64_t b : {0ULL, 1ULL, ~0ULL, 1ULL << 63})
        EXPECT_EQ(run_ints(built, {a, b}), run_ints(bristol, {a, b}));
  }
}

TEST(CircuitBuilder, ConstantsAndOwners) {
  CircuitBuilder cb;
  const W x = cb.input("x", 1, 8);
  const W k = cb.constant(0xa5, 8);
  cb.output("x_plus_k", cb.add(x, k), {0});
  EXPECT_EQ(cb.constant(true), cb.constant(true));  // cached
  const Circuit c = cb.take();
  EXPECT_EQ(c.count(GateType::kEq), 2u);
  EXPECT_TRUE(c.validate(2).ok());
  EXPECT_FALSE(c.validate(1).ok());  // owner 1 needs two parties
  EXPECT_EQ(c.input_wires_of(1).size(), 8u);
  EXPECT_TRUE(c.output_wires_of(1).empty());
  EXPECT_EQ(run_ints(c, {0x10})[0], 0xb5u);
}

}  // namespace
}  // namespace smpc
