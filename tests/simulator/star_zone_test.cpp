// A star without cuts runs on SimGrid's star zone (routes per host, O(n)) instead of a full zone
// with a route per ordered pair (issue 17: SecAgg+ at 10,000 clients). The run must be the same
// one: every simulated time, byte, round and view digest. Each case below runs one traffic
// pattern (concurrent sends sharing links, messages through a party hub, several rounds) on
// both zones (SimRunOptions::star_zone) and compares the whole RunResult, as JSON, byte for
// byte. Also: the plan of a 10,001-party star holds no per-pair table, and the per-destination
// counters of a meter are sparse but read (and read back from JSON) as the dense vector did.

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/message.h"
#include "protocols/core/meter.h"
#include "protocols/core/run_result.h"
#include "simulator/sim_network.h"
#include "simulator/topology.h"
#include "tests/support/sim_run.h"

namespace smpc {
namespace {

using test::message_of_size;
using test::out;
using test::run_ok;

constexpr int kParties = 7;

// Three rounds: every party sends to the next three (mod n) messages of different sizes, all
// at once, then receives from the previous three; the sizes depend on the round and the pair,
// so links are shared by flows of different lengths and the finish times are all different.
PartyOutput traffic(PartyContext& ctx) {
  const int n = ctx.net.party_count();
  const PartyId self = ctx.net.self();
  std::uint64_t got = 0;
  for (int round = 0; round < 3; ++round) {
    for (int d = 1; d <= 3; ++d)
      ctx.net.send((self + d) % n, "r" + std::to_string(round),
                   message_of_size(1'000 + 7'919 * static_cast<std::size_t>((self * 3 + d + round) % 11)));
    for (int d = 1; d <= 3; ++d) got += ctx.net.recv((self + n - d) % n).encoded_size();
  }
  return out(got);
}

SimRunOptions star(double latency_s, double bandwidth) {
  SimRunOptions o;
  o.network.topology = Topology::kStar;
  o.network.latency_s = latency_s;
  o.network.bandwidth_bytes_per_s = bandwidth;
  return o;
}

// The run on the star zone and on the full zone of before, as JSON text.
std::pair<std::string, std::string> both_zones(SimRunOptions o) {
  o.star_zone = true;
  nlohmann::json on;
  to_json(on, run_ok(kParties, o, traffic));
  o.star_zone = false;
  nlohmann::json off;
  to_json(off, run_ok(kParties, o, traffic));
  return {on.dump(), off.dump()};
}

void expect_same_run(const SimRunOptions& o) {
  const auto plan = plan_platform(kParties, o.network);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_TRUE(plan->star) << "not a star plan: the star zone would not be used";
  const auto [on, off] = both_zones(o);
  ASSERT_FALSE(on.empty());
  EXPECT_EQ(on, off);
  // Not a vacuous comparison: the run took time and moved bytes.
  const auto j = nlohmann::json::parse(on);
  EXPECT_GT(j.at("simulated_time_s").get<double>(), 0.01);
  EXPECT_GT(j.at("parties").at(0).at("meter").at("sent").at("bytes").get<std::uint64_t>(), 0u);
}

TEST(StarZone, RelayHubRunIsTheFullZoneRun) { expect_same_run(star(0.003, 2e6)); }

TEST(StarZone, PartyHubRunIsTheFullZoneRun) {
  SimRunOptions o = star(0.002, 5e6);
  o.network.shape.hub = 2;  // party 2's messages take one hop
  expect_same_run(o);
}

TEST(StarZone, OverridesAndHostLinksRunIsTheFullZoneRun) {
  SimRunOptions o = star(0.002, 5e6);
  o.network.shape.hub = 0;
  o.network.overrides = {{3, -1, 0.010, 1e6}, {5, -1, 0.0005, 4e7}};
  o.network.host_links.up_bytes_per_s = 3e6;
  o.network.host_links.down_bytes_per_s = 8e6;
  o.network.host_links.overrides = {{0, 1e7, 0}, {4, 0, 1.5e6}};
  expect_same_run(o);
}

TEST(StarZone, JitterLossAndCrashRunIsTheFullZoneRun) {
  SimRunOptions o = star(0.001, 1e7);
  o.deadline_s = 2;
  o.network.variation.jitter = {JitterDistribution::kUniform, 0.0001, 0.004, 0};
  o.network.variation.loss.rate = 0.05;
  Fault crash;
  crash.kind = FaultKind::kCrash;
  crash.crash = 4;
  crash.at_s = 0.006;
  o.network.faults = {crash};
  expect_same_run(o);
}

// A cut puts a gate on each separated pair's route: the plan stays per pair (full zone).
TEST(StarZone, StarWithACutKeepsPerPairRoutes) {
  SimRunOptions o = star(0.001, 1e7);
  Fault cut;
  cut.kind = FaultKind::kCut;
  cut.groups = {{0, 1}};
  cut.from_s = 0.5;
  cut.until_s = 0.6;
  o.network.faults = {cut};
  const auto plan = plan_platform(kParties, o.network);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_FALSE(plan->star);
  EXPECT_EQ(plan->route_start.size(), static_cast<std::size_t>(kParties * kParties + 1));
}

// The plan of the SecAgg+ star (a party hub, 10,000 clients): two links per client, two short
// lists per party, no per-pair table; a route is up(i) then down(j), of latency 2L between two
// clients and L to or from the hub.
TEST(StarZone, TenThousandClientPlanIsLinear) {
  SimRunOptions o = star(0.020, 1.25e9);
  o.network.shape.hub = 0;
  const int n = 10'001;
  const auto plan = plan_platform(n, o.network);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  ASSERT_TRUE(plan->star);
  EXPECT_EQ(plan->links.size(), 2u * (n - 1));
  EXPECT_TRUE(plan->route_start.empty());
  EXPECT_TRUE(plan->route_links.empty());
  EXPECT_EQ(plan->route(17, 9'000), (std::vector<int>{plan->star_up[17][0], plan->star_down[9'000][0]}));
  EXPECT_EQ(plan->route(0, 9'000).size(), 1u);
  EXPECT_EQ(plan->route(9'000, 0).size(), 1u);
  EXPECT_EQ(plan->route_latency_s(17, 9'000), 0.020 + 0.020);
  EXPECT_EQ(plan->route_latency_s(0, 9'000), 0.020);
}

// Per-destination counters are kept for the destinations sent to only, and read as before.
TEST(StarZone, MeterCountsOnlyTheDestinationsSentTo) {
  const auto body = [](PartyContext& ctx) {
    if (ctx.net.self() == 1) {
      ctx.net.send(0, "a", message_of_size(100));
      ctx.net.send(0, "b", message_of_size(50));
    }
    if (ctx.net.self() == 0) {
      ctx.net.recv(1);
      ctx.net.recv(1);
    }
    return out(0);
  };
  const RunResult r = run_ok(5, star(0.001, 1e7), body);
  ASSERT_EQ(r.parties.size(), 5u);
  const PeerTraffic& to = r.parties[1].meter.sent_to;
  EXPECT_EQ(to.size(), 5u);
  EXPECT_EQ(to[0], (TrafficCounter{150, 2}));
  EXPECT_EQ(to[3], TrafficCounter{});
  EXPECT_EQ(to.nonzero().size(), 1u);
  EXPECT_TRUE(r.parties[0].meter.sent_to.nonzero().empty());

  // Written sparse; read back equal; the dense array of before still reads.
  nlohmann::json j;
  to_json(j, r.parties[1].meter);
  EXPECT_EQ(j.at("sent_to").dump(), R"({"parties":5,"to":[[0,150,2]]})");
  EXPECT_EQ(j.get<MeterSnapshot>(), r.parties[1].meter);
  j["sent_to"] = nlohmann::json::array();
  for (int p = 0; p < 5; ++p)
    j["sent_to"].push_back({{"bytes", p == 0 ? 150 : 0}, {"messages", p == 0 ? 2 : 0}});
  EXPECT_EQ(j.get<MeterSnapshot>(), r.parties[1].meter);
}

}  // namespace
}  // namespace smpc
