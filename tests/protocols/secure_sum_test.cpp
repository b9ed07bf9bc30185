#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/sum/secure_sum.h"
#include "tests/support/random_circuit.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

using testing::field_message_bytes;

RC_GTEST_PROP(SecureSum, LinearCircuitsEqualPlainEvaluationAndCostFormula, ()) {
  const auto cc = testing::gen_case(2, 16, /*linear_only=*/true);
  SecureSum sum(cc.circuit);
  const auto r = run_local(cc.parties, {*rc::gen::arbitrary<std::uint64_t>(), 60},
                           [&](PartyContext& ctx) {
                             return sum.run(ctx, cc.inputs[static_cast<std::size_t>(ctx.net.self())]);
                           });
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  RC_ASSERT(expected.ok());
  std::uint64_t share = 0, open = 0, want_share = 0, want_open = 0;
  std::uint32_t rounds = 0;
  const std::uint64_t peers = static_cast<std::uint64_t>(cc.parties - 1);
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    if (p.meter.by_label.count("sum.share")) share += p.meter.by_label.at("sum.share").traffic.bytes;
    if (p.meter.by_label.count("sum.open")) open += p.meter.by_label.at("sum.open").traffic.bytes;
    rounds = std::max(rounds, p.meter.max_round);
    const auto ip = cc.circuit.input_wires_of(p.party).size();
    const auto op = cc.circuit.output_wires_of(p.party).size();
    if (ip) want_share += peers * field_message_bytes(ip);
    if (op) want_open += peers * field_message_bytes(op);
  }
  RC_ASSERT(share == want_share);
  RC_ASSERT(open == want_open);
  RC_ASSERT(rounds == testing::expected_causal_rounds(cc.circuit, cc.parties, 0));
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
