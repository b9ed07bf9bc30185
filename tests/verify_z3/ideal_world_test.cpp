// The ideal-world oracle (verify/ideal_world.h): explained / unexplained / range-constrained
// cases for Boolean and Mersenne-61 circuits. Every kExplained substitution is re-checked here
// by plain evaluation too.
#include <gtest/gtest.h>

#include "protocols/core/circuit_encoding.h"
#include "protocols/core/field.h"
#include "scenarios/functions.h"
#include "verify/ideal_world.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

using Kind = IdealWorldAnswer::Kind;

Function boolean_function(const nlohmann::json& spec, const std::vector<std::uint64_t>& values) {
  std::vector<nlohmann::json> in;
  for (auto v : values) in.push_back(nlohmann::json::array({v}));
  auto f = build_function(spec, in, static_cast<int>(values.size()));
  EXPECT_TRUE(f.ok()) << f.status().message();
  return std::move(f).value();
}

Function field_function(const nlohmann::json& spec, const std::vector<std::vector<std::uint64_t>>& in) {
  auto f = build_function(spec, in, static_cast<int>(in.size()));
  EXPECT_TRUE(f.ok()) << f.status().message();
  return std::move(f).value();
}

// The substitution must give the constrained outputs, change only corrupted parties' inputs,
// and respect the ranges.
void expect_valid_substitution(const IdealWorldQuery& q, const IdealWorldAnswer& a) {
  ASSERT_EQ(a.kind, Kind::kExplained) << a.detail;
  ASSERT_EQ(a.substituted.size(), q.inputs.size());
  for (PartyId p = 0; p < static_cast<PartyId>(q.inputs.size()); ++p)
    if (std::find(q.corrupted.begin(), q.corrupted.end(), p) == q.corrupted.end()) {
      EXPECT_EQ(a.substituted[static_cast<std::size_t>(p)].values,
                q.inputs[static_cast<std::size_t>(p)].values) << "honest party " << p << " changed";
    }
  auto out = ideal_outputs(*q.circuit, a.substituted);
  ASSERT_TRUE(out.ok());
  for (std::size_t p = 0; p < q.outputs.size(); ++p)
    if (q.outputs[p]) {
      EXPECT_EQ((*out)[p], *q.outputs[p]) << "party " << p;
    }
  for (const auto& r : q.ranges) {
    const auto& v = a.substituted[static_cast<std::size_t>(r.party)].values;
    const std::uint64_t x = q.circuit->domain == CircuitDomain::kBoolean
                                ? value_of(std::span(v).subspan(r.first, r.count))
                                : v[r.first];
    EXPECT_GE(x, r.lo);
    EXPECT_LE(x, r.hi);
  }
}

TEST(IdealWorld, MillionairesFlippedOutputIsExplainedByABiggerInput) {
  const Function f = boolean_function({{"name", "millionaires"}, {"bits", 8}}, {100, 37});
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {1};
  q.outputs = {std::vector<std::uint64_t>{0}, std::nullopt};  // party 0 told "not richer"
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  expect_valid_substitution(q, *a);
  EXPECT_GE(value_of(a->substituted[1].values), 100u);

  // Party 1 may only claim wealth up to 99: then "not richer" is impossible.
  q.ranges = {InputRange{1, 0, 8, 0, 99}};
  auto b = explain_by_substitution(q);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->kind, Kind::kUnexplained) << b->detail;
  // Up to 100 is enough.
  q.ranges = {InputRange{1, 0, 8, 0, 100}};
  auto c = explain_by_substitution(q);
  ASSERT_TRUE(c.ok()) << c.status().message();
  expect_valid_substitution(q, *c);
  EXPECT_EQ(value_of(c->substituted[1].values), 100u);
}

TEST(IdealWorld, AuctionPriceTheCorruptedBidderCannotCauseIsUnexplained) {
  // Honest bids 120 and 200; bidder 2 is corrupted. If bidder 2 wins, the price is the highest
  // honest bid, 200; any other price needs more than a substituted bid.
  const Function f = boolean_function({{"name", "second_price_auction"}, {"bits", 8}}, {120, 200, 90});
  const auto outputs = [&](std::uint64_t winner, std::uint64_t price) {
    std::vector<std::uint64_t> y = bits_of(winner, 2);
    const auto p = bits_of(price, 8);
    y.insert(y.end(), p.begin(), p.end());
    return y;
  };
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {2};
  q.outputs = {outputs(2, 200), outputs(2, 200), std::nullopt};
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  expect_valid_substitution(q, *a);
  EXPECT_GT(value_of(a->substituted[2].values), 200u);

  q.outputs = {outputs(2, 150), outputs(2, 150), std::nullopt};
  auto b = explain_by_substitution(q);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->kind, Kind::kUnexplained) << b->detail;

  // Honest parties disagreeing can never be explained by one substituted input.
  q.outputs = {outputs(1, 120), outputs(2, 200), std::nullopt};
  auto c = explain_by_substitution(q);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->kind, Kind::kUnexplained) << c->detail;
}

TEST(IdealWorld, FieldSumIsSolvedLinearlyAndRangesAreExact) {
  const std::uint64_t p = Fp61::kModulus;
  const Function f = field_function({{"name", "sum"}}, {{5}, {7}, {11}});
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {2};
  q.outputs = {std::vector<std::uint64_t>{1000}, std::vector<std::uint64_t>{1000}, std::nullopt};
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  expect_valid_substitution(q, *a);
  EXPECT_EQ(a->substituted[2].values[0], 988u);
  EXPECT_LT(a->seconds, 1.0);

  q.ranges = {InputRange{2, 0, 1, 0, 100}};  // 988 is the only solution and lies outside
  auto b = explain_by_substitution(q);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->kind, Kind::kUnexplained) << b->detail;

  // A "negative" substitution wraps around p.
  q.ranges.clear();
  q.outputs = {std::vector<std::uint64_t>{3}, std::vector<std::uint64_t>{3}, std::nullopt};
  auto c = explain_by_substitution(q);
  ASSERT_TRUE(c.ok()) << c.status().message();
  expect_valid_substitution(q, *c);
  EXPECT_EQ(c->substituted[2].values[0], p - 9);
}

TEST(IdealWorld, InnerProductWithZeroVectorCanOnlyGiveZero) {
  IdealWorldQuery q;
  const Function f = field_function({{"name", "inner_product"}}, {{0, 0, 0}, {4, 5, 6}, {}});
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {1};
  q.outputs = {std::vector<std::uint64_t>{42}, std::nullopt, std::vector<std::uint64_t>{42}};
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_EQ(a->kind, Kind::kUnexplained) << a->detail;

  const Function g = field_function({{"name", "inner_product"}}, {{3, 0, 9}, {4, 5, 6}, {}});
  q.circuit = &g.circuit;
  q.inputs = g.party_inputs;
  auto b = explain_by_substitution(q);
  ASSERT_TRUE(b.ok()) << b.status().message();
  expect_valid_substitution(q, *b);
}

TEST(IdealWorld, ProductWithTwoCorruptedFactorsIsExplained) {
  const Function f = field_function({{"name", "product"}}, {{3}, {5}, {7}});
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {1, 2};
  q.outputs = {std::vector<std::uint64_t>{123456}, std::nullopt, std::nullopt};
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  expect_valid_substitution(q, *a);
  EXPECT_LT(a->seconds, 1.0);

  // With the honest factor 0 the product is 0 whatever the others say.
  const Function g = field_function({{"name", "product"}}, {{0}, {5}, {7}});
  q.circuit = &g.circuit;
  q.inputs = g.party_inputs;
  auto b = explain_by_substitution(q);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_EQ(b->kind, Kind::kUnexplained) << b->detail;
}

TEST(IdealWorld, HardNonlinearFieldQueryIsNeverAFalseAnswer) {
  // out = x * x for a corrupted x: y = 5 is a square mod p only if 5^((p-1)/2) = 1. Whatever
  // the oracle says must agree with that (a timeout is allowed).
  const nlohmann::json spec = {
      {"name", "arithmetic"},
      {"inputs", {{{"party", 1}, {"wires", {"x"}}}, {{"party", 0}, {"wires", {"h"}}}}},
      {"gates", {{{"op", "mul"}, {"in", {"x", "x"}}, {"out", "sq"}},
                 {{"op", "add"}, {"in", {"sq", "h"}}, {"out", "y"}}}},
      {"outputs", {"y"}}};
  const Function f = field_function(spec, {{0}, {9}});
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {1};
  q.outputs = {std::vector<std::uint64_t>{5}, std::nullopt};
  q.timeout_s = 2;
  auto a = explain_by_substitution(q);
  ASSERT_TRUE(a.ok()) << a.status().message();
  const bool square = Fp61::from_u64(5).pow((Fp61::kModulus - 1) / 2) == Fp61::from_u64(1);
  if (a->kind == Kind::kExplained) {
    EXPECT_TRUE(square);
    expect_valid_substitution(q, *a);
  }
  if (a->kind == Kind::kUnexplained) {
    EXPECT_FALSE(square);
  }
}

TEST(IdealWorld, MalformedQueriesAreErrors) {
  const Function f = field_function({{"name", "sum"}}, {{5}, {7}, {11}});
  IdealWorldQuery q;
  q.circuit = &f.circuit;
  q.inputs = f.party_inputs;
  q.corrupted = {2};
  q.outputs = {std::vector<std::uint64_t>{1, 2}};
  EXPECT_FALSE(explain_by_substitution(q).ok());  // party 0 receives one output
  q.outputs = {std::vector<std::uint64_t>{1}};
  q.ranges = {InputRange{0, 0, 1, 0, 5}};
  EXPECT_FALSE(explain_by_substitution(q).ok());  // party 0 is honest
  q.ranges = {InputRange{2, 0, 2, 0, 5}};
  EXPECT_FALSE(explain_by_substitution(q).ok());  // field ranges cover one value
}

}  // namespace
}  // namespace smpc
