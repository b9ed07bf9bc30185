// Secure sum and BGW on SimNetwork: random circuits (depth ≤ 6), party counts, thresholds,
// inputs, latencies (0–200 ms), bandwidths and topologies. Outputs equal the plain evaluation,
// bytes and causal rounds equal the documented formulas, and simulated time is at least one
// latency per causal round (every round waits for a message of the previous one).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/bgw/reshare_plan.h"
#include "protocols/sum/secure_sum.h"
#include "simulator/sim_network.h"
#include "tests/support/random_circuit.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

NetworkSpec gen_network() {
  NetworkSpec net;
  net.topology = *rc::gen::element(Topology::kFullMesh, Topology::kStar);
  net.latency_s = *rc::gen::inRange(0, 200001) / 1e6;  // 0 .. 200 ms, µs resolution
  net.bandwidth_bytes_per_s = *rc::gen::element(1.0, 10.0, 100.0, 1000.0, 10000.0) * 1e6 / 8;
  return net;
}

void check_run(const testing::CircuitCase& cc, const Protocol& protocol, const NetworkSpec& net,
               std::size_t layers) {
  SimRunOptions o;
  o.seed = *rc::gen::arbitrary<std::uint64_t>();
  o.network = net;
  const auto r = run_simulated(cc.parties, o, [&](PartyContext& ctx) {
    return protocol.run(ctx, cc.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  RC_ASSERT(r.ok());
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  std::uint32_t rounds = 0;
  for (const auto& p : r->parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    rounds = std::max(rounds, p.meter.max_round);
  }
  RC_ASSERT(rounds == testing::expected_causal_rounds(cc.circuit, cc.parties, layers));
  const double hop = net.latency_s * (net.topology == Topology::kStar ? 2 : 1);
  RC_ASSERT(r->simulated_time_s + 1e-9 >= rounds * hop);
}

RC_GTEST_PROP(SimProperty, SecureSumOnSimNetwork, ()) {
  const auto cc = testing::gen_case(2, 16, /*linear_only=*/true);
  check_run(cc, SecureSum(cc.circuit), gen_network(), 0);
}

RC_GTEST_PROP(SimProperty, BgwOnSimNetwork, ()) {
  const auto cc = testing::gen_case(3, 16, /*linear_only=*/false);
  const int t = *rc::gen::inRange(0, (cc.parties - 1) / 2 + 1);
  // A layer costs a round when it reshares something (reshare_plan.h): not when nothing reads
  // its products.
  std::size_t layers = 0;
  for (const auto& l : bgw_reshare_plan(cc.circuit)) layers += l.reshare.empty() ? 0 : 1;
  check_run(cc, BgwSemiHonest(cc.circuit, t), gen_network(), layers);
}

}  // namespace
}  // namespace smpc
