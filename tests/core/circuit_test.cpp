#include <gtest/gtest.h>

#include "protocols/core/circuit.h"
#include "protocols/core/field.h"
#include "protocols/core/layer_schedule.h"

namespace smpc {
namespace {

// y = (a·b + c)·a, z = 5 (constant); a, b from party 0, c from party 1.
Circuit small() {
  Circuit c;
  c.domain = CircuitDomain::kField61;
  c.num_wires = 7;
  c.inputs = {{"x", 0, {0, 1}}, {"c", 1, {2}}};
  c.gates = {{GateType::kMul, 0, 1, 3, 0},
             {GateType::kAdd, 3, 2, 4, 0},
             {GateType::kMul, 4, 0, 5, 0},
             {GateType::kEq, 0, 0, 6, 5}};
  c.outputs = {{"y", {}, {5}}, {"z", {1}, {6}}};
  return c;
}

TEST(Circuit, EvaluatesAndSchedules) {
  const Circuit c = small();
  ASSERT_TRUE(c.validate(2).ok());
  auto out = evaluate(c, {{3, 4}, {5}});
  ASSERT_TRUE(out.ok());
  EXPECT_EQ(*out, (std::vector<std::uint64_t>{(3 * 4 + 5) * 3, 5}));
  EXPECT_EQ(nonlinear_depth(c), 2u);
  const auto layers = layer_schedule(c);
  ASSERT_EQ(layers.size(), 3u);
  EXPECT_TRUE(layers[0].nonlinear.empty());
  EXPECT_EQ(layers[0].linear, std::vector<std::size_t>{3});
  EXPECT_EQ(layers[1].nonlinear, std::vector<std::size_t>{0});
  EXPECT_EQ(layers[1].linear, std::vector<std::size_t>{1});
  EXPECT_EQ(layers[2].nonlinear, std::vector<std::size_t>{2});
  EXPECT_EQ(c.output_wires_of(0), std::vector<std::uint32_t>{5});
  EXPECT_EQ(c.output_wires_of(1), (std::vector<std::uint32_t>{5, 6}));
}

TEST(Circuit, ValidateNamesTheFault) {
  auto expect_error = [](Circuit c, const std::string& needle) {
    const Status s = c.validate(2);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(needle), std::string::npos) << s.message();
  };
  Circuit c = small();
  c.gates[1].in0 = 99;
  expect_error(c, "out of range");
  c = small();
  c.gates[0].in0 = 4;
  expect_error(c, "read before it is defined");
  c = small();
  c.gates[1].out = 3;
  expect_error(c, "written twice");
  c = small();
  c.gates[0].type = GateType::kAnd;
  expect_error(c, "not allowed");
  c = small();
  c.inputs[1].owner = 2;
  expect_error(c, "owner party 2");
  c = small();
  c.outputs[1].receivers = {5};
  expect_error(c, "receiver party 5");
  c = small();
  c.gates[3].constant = Fp61::kModulus;
  expect_error(c, "constant");
}

TEST(Circuit, EvaluateRejectsBadInputs) {
  const Circuit c = small();
  EXPECT_FALSE(evaluate(c, {{1, 2}}).ok());
  EXPECT_FALSE(evaluate(c, {{1}, {2}}).ok());
  EXPECT_FALSE(evaluate(c, {{1, Fp61::kModulus}, {2}}).ok());
}

}  // namespace
}  // namespace smpc
