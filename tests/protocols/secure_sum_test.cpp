#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/sum/secure_sum.h"
#include "protocols/sum/spec.h"
#include "tests/support/random_circuit.h"
#include "tests/support/run_stats.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

RC_GTEST_PROP(SecureSum, LinearCircuitsEqualPlainEvaluationAndCostFormula, ()) {
  const auto cc = testing::gen_case(2, 16, /*linear_only=*/true);
  SecureSum sum(cc.circuit);
  const auto r = run_local(cc.parties, {*rc::gen::arbitrary<std::uint64_t>(), 60},
                           [&](PartyContext& ctx) {
                             return sum.run(ctx, cc.inputs[static_cast<std::size_t>(ctx.net.self())]);
                           });
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  RC_ASSERT(expected.ok());
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
  }
  // The spec's formula (protocols/sum/cost.h), and the documented 2 rounds with two owners.
  const auto& cost = secure_sum_spec().cost;
  const auto params = ProtocolParams::object();
  RC_ASSERT(testing::bytes_by_label(r) == cost.bytes_by_label(params, cc.circuit, cc.parties));
  const auto rounds = testing::max_round(r);
  RC_ASSERT(rounds == cost.rounds(params, cc.circuit, cc.parties));
  if (testing::input_owner_count(cc.circuit, cc.parties) >= 2) RC_ASSERT(rounds == 2u);
}

TEST(SecureSum, FivePartyExampleCost) {
  // Class comment: 5 parties, one input each, sum to all: 2 rounds, 560 bytes.
  Circuit c;
  c.domain = CircuitDomain::kField61;
  for (PartyId p = 0; p < 5; ++p) c.inputs.push_back({"x", p, {static_cast<std::uint32_t>(p)}});
  c.num_wires = 5;
  std::uint32_t acc = 0;
  for (std::uint32_t k = 1; k < 5; ++k) {
    c.gates.push_back({GateType::kAdd, acc, k, c.num_wires, 0});
    acc = c.num_wires++;
  }
  c.outputs = {{"sum", {}, {acc}}};
  SecureSum sum(c);
  const std::vector<std::uint64_t> x = {120, 75, 310, 42, 198};
  const auto r = run_local(5, {}, [&](PartyContext& ctx) {
    return sum.run(ctx, PartyInput{{x[static_cast<std::size_t>(ctx.net.self())]}});
  });
  std::uint64_t bytes = 0;
  for (const auto& p : r.parties) {
    EXPECT_EQ(p.outputs, std::vector<std::uint64_t>{745});
    bytes += p.meter.sent.bytes;
  }
  EXPECT_EQ(bytes, 560u);
}

}  // namespace
}  // namespace smpc
