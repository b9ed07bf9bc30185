// Topologies, host links and faults (simulator/topology.h): the simulated time of fixed message
// patterns equals the analytic value, routes take the lowest latency, and faults fire at their
// simulated times with the documented effect on messages in flight.
//
// Tolerance: 1e-9 relative + 1e-12 s absolute (issue 14's bound; SimGrid's own error here is a
// few ulps, see sim_network_test.cpp).

#include <gtest/gtest.h>

#include <bit>
#include <chrono>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "protocols/core/message.h"
#include "protocols/core/mutants.h"
#include "simulator/sim_network.h"
#include "simulator/topology.h"
#include "tests/support/sim_run.h"

namespace smpc {
namespace {

using test::message_of_size;
using test::out;
using test::run_ok;

void expect_time(double actual, double expected) { test::expect_time(actual, expected, 1e-9); }

// Party `from` sends one message of `bytes` to `to`; the others do nothing. Returns the
// arrival time (the receiver's finish time).
double one_message(int parties, const SimRunOptions& o, PartyId from, PartyId to,
                   std::size_t bytes) {
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == from) ctx.net.send(to, "m", message_of_size(bytes));
    if (ctx.net.self() == to) ctx.net.recv(from);
    return out(0);
  };
  const RunResult r = run_ok(parties, o, body);
  return r.parties.empty() ? -1 : r.parties[static_cast<std::size_t>(to)].finish_time_s;
}

SimRunOptions with(Topology t, double latency_s, double bandwidth) {
  SimRunOptions o;
  o.network.topology = t;
  o.network.latency_s = latency_s;
  o.network.bandwidth_bytes_per_s = bandwidth;
  return o;
}

// Parties 0 and 1 have a direct edge of 50 ms, and a three-hop path through two relays of
// 1 + 2 + 3 ms whose slowest edge is 10 MB/s: the route is the three-hop one (catches M41,
// which routes by hop count).
TEST(TopologyExact, GraphTakesTheLowestLatencyRouteOverSeveralHops) {
  SimRunOptions o = with(Topology::kGraph, 0.001, 1e8);
  o.network.shape.relay_nodes = 2;  // nodes 3 and 4
  o.network.shape.edges = {{0, 1, 0.050, 1e8}, {0, 3, 0.001, 1e8}, {3, 4, 0.002, 1e7},
                           {4, 1, 0.003, 5e7}, {2, 3, 0.004, 1e8}};
  const std::size_t b = 20'000;
  expect_time(one_message(3, o, 0, 1, b), 0.006 + b / 1e7);
  expect_time(one_message(3, o, 1, 2, b), 0.003 + 0.002 + 0.004 + b / 1e7);
  auto plan = plan_platform(3, o.network);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(plan->route(0, 1).size(), 3u);
  expect_time(plan->route_latency_s(0, 1), 0.006);
}

// Seeded bug M41 routes by hop count: the 50 ms direct edge.
TEST(TopologyExact, HopCountRoutingMutantIsCaught) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m(Mutant::kM41);
  SimRunOptions o = with(Topology::kGraph, 0.001, 1e8);
  o.network.shape.relay_nodes = 2;
  o.network.shape.edges = {{0, 1, 0.050, 1e8}, {0, 3, 0.001, 1e8}, {3, 4, 0.002, 1e7},
                           {4, 1, 0.003, 5e7}, {2, 3, 0.004, 1e8}};
  const double t = one_message(3, o, 0, 1, 20'000);
  EXPECT_GT(std::abs(t - (0.006 + 20'000 / 1e7)), 1e-3) << "M41 not caught: " << t;
}

TEST(TopologyExact, GraphEqualLatencyPrefersFewerHops) {
  SimRunOptions o = with(Topology::kGraph, 0, 1e8);
  o.network.shape.relay_nodes = 1;  // node 2
  // 0 -> 1 directly (0 latency, 1 MB/s) or through the relay (0 latency, 100 MB/s).
  o.network.shape.edges = {{0, 2, 0, 1e8}, {2, 1, 0, 1e8}, {0, 1, 0, 1e6}};
  const std::size_t b = 10'000;
  expect_time(one_message(2, o, 0, 1, b), b / 1e6);
}

TEST(TopologyExact, DisconnectedGraphIsAnError) {
  SimRunOptions o = with(Topology::kGraph, 0.001, 1e8);
  o.network.shape.edges = {{0, 1, 0.001, 1e8}};
  const auto r = run_simulated(3, o, [](PartyContext&) { return out(0); });
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("no route from party 0 to party 2"), std::string::npos)
      << r.status().message();
}

TEST(TopologyExact, RingGoesTheShortWayRound) {
  const double l = 0.01, w = 1e7;
  const std::size_t b = 5'000;
  const SimRunOptions o = with(Topology::kRing, l, w);
  expect_time(one_message(6, o, 0, 2, b), 2 * l + b / w);
  expect_time(one_message(6, o, 0, 5, b), l + b / w);
  expect_time(one_message(6, o, 1, 4, b), 3 * l + b / w);
}

// Fanout 2 over 7 parties: 3 -> 1 -> 0 -> 2 -> 6 is four hops.
TEST(TopologyExact, TreeRoutesThroughTheCommonAncestor) {
  const double l = 0.002, w = 1e8;
  const std::size_t b = 1'000;
  SimRunOptions o = with(Topology::kTree, l, w);
  o.network.shape.fanout = 2;
  expect_time(one_message(7, o, 3, 6, b), 4 * l + b / w);
  expect_time(one_message(7, o, 3, 4, b), 2 * l + b / w);
  expect_time(one_message(7, o, 0, 5, b), 2 * l + b / w);
}

TEST(TopologyExact, TwoTierStaysInTheRackOrCrossesTheSpine) {
  const double l = 0.0001, w = 1.25e9, ls = 0.0005, ws = 1e8;
  const std::size_t b = 50'000;
  SimRunOptions o = with(Topology::kTwoTier, l, w);
  o.network.shape.rack_size = 2;
  o.network.shape.spine_latency_s = ls;
  o.network.shape.spine_bandwidth_bytes_per_s = ws;
  expect_time(one_message(5, o, 0, 1, b), 2 * l + b / w);
  expect_time(one_message(5, o, 1, 4, b), 2 * l + 2 * ls + b / ws);
}

// Three regions; one-way between regions = RTT / 2; LAN links to the region switch.
NetworkSpec three_regions() {
  NetworkSpec n;
  n.topology = Topology::kRegions;
  n.shape.regions = {{"eu", {0, 1}, 0.0005, 1.25e9},
                     {"us", {2, 3}, 0.001, 1.25e8},
                     {"ap", {4}, 0.0005, 1.25e9}};
  const double rtt[3][3] = {{0, 0.080, 0.200}, {0.080, 0, 0.150}, {0.200, 0.150, 0}};
  for (auto& row : rtt)
    for (double x : row) n.shape.region_latency_s.push_back(x / 2);
  n.shape.region_bandwidth_bytes_per_s.assign(9, 1e8);
  n.shape.region_bandwidth_bytes_per_s[0 * 3 + 2] = 2e7;
  return n;
}

TEST(TopologyExact, RegionsLanPlusWanPlusLan) {
  SimRunOptions o;
  o.network = three_regions();
  const std::size_t b = 100'000;
  expect_time(one_message(5, o, 0, 1, b), 0.001 + b / 1.25e9);
  expect_time(one_message(5, o, 0, 2, b), 0.0005 + 0.040 + 0.001 + b / 1e8);
  expect_time(one_message(5, o, 0, 4, b), 0.0005 + 0.100 + 0.0005 + b / 2e7);
  expect_time(one_message(5, o, 3, 4, b), 0.001 + 0.075 + 0.0005 + b / 1e8);
}

// A party hub: the hub's own messages take one hop, the others two.
TEST(TopologyExact, StarWithAPartyAsHub) {
  const double l = 0.01, w = 1e7;
  const std::size_t b = 10'000;
  SimRunOptions o = with(Topology::kStar, l, w);
  o.network.shape.hub = 0;
  expect_time(one_message(4, o, 1, 0, b), l + b / w);
  expect_time(one_message(4, o, 0, 3, b), l + b / w);
  expect_time(one_message(4, o, 1, 2, b), 2 * l + b / w);
}

// Party 0 sends B to each of the other three at once over a full mesh of fast links; its NIC
// up-link (C) is shared by the three flows: all arrive at L + 3B/C. Then all three send B to
// party 0 at once: its NIC down-link is shared: L + 3B/C after that.
TEST(TopologyExact, HostLinkIsSharedByAllFlowsOfTheParty) {
  const double l = 0.001, w = 1e9, c = 1e7;
  const std::size_t b = 30'000;
  SimRunOptions o = with(Topology::kFullMesh, l, w);
  o.network.host_links.up_bytes_per_s = c;
  o.network.host_links.down_bytes_per_s = c;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      for (PartyId p = 1; p < 4; ++p) ctx.net.send(p, "out", message_of_size(b));
      for (PartyId p = 1; p < 4; ++p) ctx.net.recv(p);
    } else {
      ctx.net.recv(0);
      ctx.clock.sleep_for(1 - ctx.clock.now());  // all three start together at t = 1
      ctx.net.send(0, "back", message_of_size(b));
    }
    return out(0);
  };
  const RunResult r = run_ok(4, o, body);
  for (PartyId p = 1; p < 4; ++p) expect_time(r.parties[static_cast<std::size_t>(p)].finish_time_s, 1);
  expect_time(r.parties[0].finish_time_s, 1 + l + 3 * b / c);
  // Without host links the same pattern is bounded by the links alone.
  o.network.host_links = {};
  const RunResult free = run_ok(4, o, body);
  expect_time(free.parties[0].finish_time_s, 1 + l + b / w);
}

TEST(TopologyExact, HostLinkOverrideForOneParty) {
  const double l = 0.001, w = 1e9;
  const std::size_t b = 10'000;
  SimRunOptions o = with(Topology::kFullMesh, l, w);
  o.network.host_links.up_bytes_per_s = 1e8;
  o.network.host_links.down_bytes_per_s = 1e8;
  o.network.host_links.overrides = {{2, 1e6, 1e8}};
  expect_time(one_message(3, o, 2, 0, b), l + b / 1e6);
  expect_time(one_message(3, o, 0, 2, b), l + b / 1e8);
}

// ---------------------------------------------------------------------------------------------
// Faults.

// Party 0 sends to party 1 every 0.25 s from t = 0 to 3 (latency 0.1 s, tiny messages); a cut
// separates them in [0.9, 1.9). Messages sent before 0.9 arrive (at t + 0.1); the one sent at
// 0.75 lands at 0.85; the ones sent at 1.0 .. 1.75 are lost (sent across the cut), and 2.0 on
// arrive at t + 0.1 exactly. The gate (a fat pipe) adds nothing to the time.
TEST(TopologyFaults, CutLosesMessagesSentAcrossItAndHealsExactly) {
  const double l = 0.1, w = 1e9;
  SimRunOptions o = with(Topology::kFullMesh, l, w);
  Fault cut;
  cut.groups = {{0}, {1}};
  cut.from_s = 0.9;
  cut.until_s = 1.9;
  o.network.faults = {cut};
  o.deadline_s = 10;
  // Party 1 outputs, per message received, its number and the arrival time's bits.
  const auto body = [&](PartyContext& ctx) {
    PartyOutput o1;
    if (ctx.net.self() == 0) {
      for (std::uint64_t k = 0; k <= 12; ++k) {
        ctx.clock.sleep_for(0.25 * static_cast<double>(k) - ctx.clock.now());
        const std::uint64_t v[1] = {k};
        ctx.net.send(1, "tick", Message().add_ring64(v));
      }
      return o1;
    }
    while (auto m = ctx.net.recv_until(0, 4)) {
      o1.values.push_back(m->ring64(0, 1)[0]);
      o1.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
    }
    return o1;
  };
  const RunResult r = run_ok(2, o, body);
  ASSERT_EQ(r.parties.size(), 2u);
  const std::vector<std::uint64_t> want = {0, 1, 2, 3, 8, 9, 10, 11, 12};
  const auto& got = r.parties[1].outputs;
  ASSERT_EQ(got.size(), 2 * want.size());
  const double bytes = static_cast<double>(Message().add_ring64(want).encoded_size()) - 64;
  for (std::size_t k = 0; k < want.size(); ++k) {
    EXPECT_EQ(got[2 * k], want[k]);
    expect_time(std::bit_cast<double>(got[2 * k + 1]),
                0.25 * static_cast<double>(want[k]) + l + bytes / w);
  }
}

// A message already travelling when the cut starts is lost too.
TEST(TopologyFaults, MessageInFlightWhenTheCutStartsIsLost) {
  SimRunOptions o = with(Topology::kFullMesh, 0.5, 1e9);
  Fault cut;
  cut.groups = {{0}};
  cut.from_s = 0.2;
  cut.until_s = 0.3;
  o.network.faults = {cut};
  o.deadline_s = 3;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) ctx.net.send(1, "lost", message_of_size(6));
    if (ctx.net.self() == 1) ctx.net.recv(0);
    return out(0);
  };
  const RunResult r = run_ok(2, o, body);
  EXPECT_EQ(r.parties[1].status, PartyStatus::kNoOutput);
  EXPECT_NE(r.parties[1].abort_reason.find("by the deadline t=3 s"), std::string::npos)
      << r.parties[1].abort_reason;
  expect_time(r.parties[1].finish_time_s, 3);
}

// Party 1 crashes at 0.5 s: its message sent at 0.45 (latency 0.1) is lost with it, party 0
// waits for its next one until the deadline (a timeout, not a hang), and party 1's result says
// it crashed. Party 2, untouched, gets party 1's message sent at 0.3.
TEST(TopologyFaults, CrashAtASimulatedTime) {
  SimRunOptions o = with(Topology::kFullMesh, 0.1, 1e9);
  Fault crash;
  crash.kind = FaultKind::kCrash;
  crash.crash = 1;
  crash.at_s = 0.5;
  o.network.faults = {crash};
  o.deadline_s = 4;
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 1:
        ctx.clock.sleep_for(0.3);
        ctx.net.send(2, "early", message_of_size(6));
        ctx.clock.sleep_for(0.15);
        ctx.net.send(0, "late", message_of_size(6));
        ctx.net.recv(0);  // never comes: killed at 0.5 while waiting
        break;
      case 0: ctx.net.recv(1); break;
      case 2: ctx.net.recv(1); break;
    }
    return out(0);
  };
  const RunResult r = run_ok(3, o, body);
  EXPECT_EQ(r.parties[0].status, PartyStatus::kNoOutput);
  expect_time(r.parties[0].finish_time_s, 4);
  EXPECT_EQ(r.parties[1].status, PartyStatus::kNoOutput);
  EXPECT_EQ(r.parties[1].abort_reason, "crashed at t=0.5 s (fault)");
  EXPECT_EQ(r.parties[2].status, PartyStatus::kOutput);
  expect_time(r.parties[2].finish_time_s, 0.4 + 6 / 1e9);
}

TEST(TopologyFaults, SameSeedSameResultWithFaults) {
  SimRunOptions o;
  o.network = three_regions();
  o.network.host_links.up_bytes_per_s = 1e7;
  Fault cut;
  cut.groups = {{0, 1}};
  cut.from_s = 0.05;
  cut.until_s = 0.3;
  Fault crash;
  crash.kind = FaultKind::kCrash;
  crash.crash = 4;
  crash.at_s = 0.2;
  o.network.faults = {cut, crash};
  o.deadline_s = 2;
  const auto body = [](PartyContext& ctx) {
    const int n = ctx.net.party_count();
    for (int round = 0; round < 3; ++round) {
      for (PartyId p = 0; p < n; ++p)
        if (p != ctx.net.self()) ctx.net.send(p, "r", message_of_size(1000 + 10 * p));
      for (PartyId p = 0; p < n; ++p)
        if (p != ctx.net.self()) (void)ctx.net.recv_until(p, ctx.clock.now() + 0.5);
    }
    return out(static_cast<std::uint64_t>(ctx.clock.now() * 1e9));
  };
  const RunResult a = run_ok(5, o, body), b = run_ok(5, o, body);
  nlohmann::json ja, jb;
  to_json(ja, a);
  to_json(jb, b);
  EXPECT_EQ(ja.dump(), jb.dump());
}

TEST(TopologyFaults, WhoAFaultHits) {
  Fault cut;
  cut.groups = {{5, 6}};
  EXPECT_EQ(parties_hit(cut, 7), (std::vector<PartyId>{5, 6}));  // the rest is the largest
  cut.groups = {{0, 1, 2, 3}, {4}};
  EXPECT_EQ(parties_hit(cut, 7), (std::vector<PartyId>{4, 5, 6}));
  Fault link;
  link.is_link = true;
  link.groups = {{3}, {1}};
  EXPECT_EQ(parties_hit(link, 7), (std::vector<PartyId>{1, 3}));
  Fault crash;
  crash.kind = FaultKind::kCrash;
  crash.crash = 2;
  crash.at_s = 1;
  EXPECT_TRUE(fault_fired(crash, 1));
  EXPECT_FALSE(fault_fired(crash, 0.5));
  EXPECT_EQ(fault_text(crash), "party 2 crashed at t=1 s");
}

TEST(TopologyFaults, InvalidShapesAndFaultsAreErrors) {
  const auto error_of = [](int parties, const NetworkSpec& n) {
    SimRunOptions o;
    o.network = n;
    auto r = run_simulated(parties, o, [](PartyContext&) { return out(0); });
    return r.ok() ? std::string() : r.status().message();
  };
  NetworkSpec regions = three_regions();
  regions.shape.region_latency_s.pop_back();
  EXPECT_NE(error_of(5, regions).find("must be 3 x 3"), std::string::npos);
  regions = three_regions();
  regions.shape.regions[2].parties.clear();
  EXPECT_NE(error_of(5, regions).find("party 4 is in no region"), std::string::npos);
  regions = three_regions();
  regions.shape.region_latency_s[1] = -1;
  EXPECT_NE(error_of(5, regions).find("latency must be finite and >= 0"), std::string::npos);
  NetworkSpec mesh;
  Fault cut;
  cut.groups = {{0}, {9}};
  cut.until_s = 1;
  mesh.faults = {cut};
  EXPECT_NE(error_of(3, mesh).find("party 9 does not exist"), std::string::npos);
}

}  // namespace
}  // namespace smpc
