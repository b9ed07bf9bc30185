// Builtin functions compile to circuits whose plain evaluation equals direct integer arithmetic.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "scenarios/functions.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

std::vector<std::uint64_t> eval(const Function& f) {
  auto e = ideal_outputs(f.circuit, f.party_inputs);
  EXPECT_TRUE(e.ok());
  return (*e)[0];
}

RC_GTEST_PROP(Functions, SumProductInnerProductMatchIntegers, ()) {
  const int n = *rc::gen::inRange(3, 12);
  std::vector<std::vector<std::uint64_t>> in;
  for (int p = 0; p < n; ++p)
    in.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
        *rc::gen::inRange<std::size_t>(1, 4), rc::gen::inRange<std::uint64_t>(0, 1u << 20)));
  const auto sum = build_function({{"name", "sum"}}, in, n);
  RC_ASSERT(sum.ok());
  std::uint64_t s = 0;
  Fp61 prod = Fp61::from_u64(1);
  for (const auto& v : in)
    for (auto x : v) {
      s += x;
      prod *= Fp61::from_u64(x);
    }
  RC_ASSERT(eval(*sum) == std::vector<std::uint64_t>{s});
  const auto product = build_function({{"name", "product"}}, in, n);
  RC_ASSERT(product.ok());
  RC_ASSERT(eval(*product) == std::vector<std::uint64_t>{prod.value()});
  std::vector<std::vector<std::uint64_t>> ip(static_cast<std::size_t>(n));
  ip[0] = in[0];
  ip[1] = in[0];
  std::reverse(ip[1].begin(), ip[1].end());
  Fp61 dot;
  for (std::size_t k = 0; k < ip[0].size(); ++k) dot += Fp61::from_u64(ip[0][k]) * Fp61::from_u64(ip[1][k]);
  const auto inner = build_function({{"name", "inner_product"}}, ip, n);
  RC_ASSERT(inner.ok());
  RC_ASSERT(eval(*inner) == std::vector<std::uint64_t>{dot.value()});
}

TEST(Functions, MeanVariance) {
  const std::vector<std::vector<std::uint64_t>> in = {{2, 4}, {4}, {4, 5, 5, 7, 9}};
  const auto f = build_function({{"name", "mean_variance"}}, in, 3);
  ASSERT_TRUE(f.ok());
  const auto out = describe_outputs(*f, 0, eval(*f));
  EXPECT_EQ(out["count"], 8);
  EXPECT_EQ(out["sum"], 40);
  EXPECT_DOUBLE_EQ(out["mean"].get<double>(), 5.0);
  EXPECT_DOUBLE_EQ(out["variance"].get<double>(), 4.0);
  EXPECT_EQ(f->circuit.nonlinear_count(), 0u);  // linear: secure_sum can run it
}

TEST(Functions, SumRejectsWrapAround) {
  const std::vector<std::vector<std::uint64_t>> in = {{Fp61::kModulus - 1}, {5}};
  const auto f = build_function({{"name", "sum"}}, in, 2);
  ASSERT_FALSE(f.ok());
  EXPECT_NE(f.status().message().find("wrap"), std::string::npos);
}

}  // namespace
}  // namespace smpc
