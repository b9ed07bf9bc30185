// Per-link jitter, loss and traces on every topology (issue 14, leftovers of item 2;
// docs/simulator.md "Per-link jitter and loss"): graph edges, ring and tree links, a region's
// LAN and WAN links. The rule for a multi-hop route: each link of the route with its own jitter
// (loss) adds one draw of it; the network-wide one applies, once, only to a route with none.
// Statistical checks are KS tests at alpha = 1e-3 on fixed seeds (a pass or a fail replays
// exactly); the deterministic ones compare with the analytic time to 1e-9 relative.
#include <gtest/gtest.h>

#include <bit>
#include <cmath>
#include <cstdio>
#include <memory>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/run_result.h"
#include "simulator/sim_network.h"
#include "simulator/variation.h"
#include "tests/support/sim_run.h"
#include "verify/ks.h"

namespace smpc {
namespace {

using test::message_of_size;
using test::run_ok;

void expect_time(double got, double want, double relative) {
  test::expect_time(got, want, relative);
  std::printf("  exactness: got %.15g, analytic %.15g, relative error %.3g\n", got, want,
              want == 0 ? got : (got - want) / want);
}

constexpr double kW = 1e8;  // bytes/s: a 1-byte message's transfer is 1e-8 s
const Jitter kNetwork{JitterDistribution::kNormal, 0.010, 0.002, 0};
const Jitter kOwn{JitterDistribution::kUniform, 0.030, 0.040, 0};

Jitter constant(double d) { return {JitterDistribution::kUniform, d, d, 0}; }

SimRunOptions graph_options(int relays) {
  SimRunOptions o;
  o.network.topology = Topology::kGraph;
  o.network.latency_s = 0.001;
  o.network.bandwidth_bytes_per_s = kW;
  o.network.shape.relay_nodes = relays;
  o.deadline_s = 1e6;
  return o;
}

GraphEdge edge(int a, int b, double latency, std::optional<Jitter> jitter = std::nullopt) {
  GraphEdge e{a, b, latency, kW};
  e.variation.jitter = jitter;
  return e;
}

// Party 0 sends message k to every other party at t = k; each receiver records the time it got
// it minus k minus `fixed[receiver]` (its route's latency and transfer): the added delay.
std::vector<std::vector<double>> added_delays(int parties, const SimRunOptions& o, int count,
                                              const std::vector<double>& fixed) {
  const RunResult r = run_ok(parties, o, [&](PartyContext& ctx) {
    PartyOutput out;
    for (int k = 0; k < count; ++k) {
      if (ctx.net.self() == 0) {
        ctx.clock.sleep_for(static_cast<double>(k) - ctx.clock.now());
        for (PartyId p = 1; p < parties; ++p) ctx.net.send(p, "tick", Message());
      } else {
        ctx.net.recv(0);
        out.values.push_back(std::bit_cast<std::uint64_t>(
            ctx.clock.now() - k - fixed[static_cast<std::size_t>(ctx.net.self())]));
      }
    }
    return out;
  });
  std::vector<std::vector<double>> d(static_cast<std::size_t>(parties));
  for (std::size_t p = 1; p < r.parties.size(); ++p)
    for (const std::uint64_t bits : r.parties[p].outputs) d[p].push_back(std::bit_cast<double>(bits));
  return d;
}

auto cdf_of(const Jitter& j) {
  return [j](double x) { return jitter_cdf(j, x); };
}

// A graph: parties 0, 1, 2 and relay 3; edges 0-3 (5 ms), 3-1 (7 ms, its own uniform jitter
// 30-40 ms), 3-2 (9 ms); network-wide normal jitter (10 ms, sd 2 ms). The route 0 -> 1 crosses
// the jittery edge as its second hop: its delays beyond the route's fixed 12 ms + 1 byte follow
// the edge's uniform law; 0 -> 2 (no edge of its own) the network-wide normal one. Each fails
// against the other's law (the test has power).
TEST(EdgeVariation, GraphEdgeJitterOnTheSecondHopFollowsItsLawOtherRoutesTheNetworkWide) {
  SimRunOptions o = graph_options(1);
  o.seed = 7;  // (seed 1 would replay the full-mesh test's draws: same receivers, same streams)
  o.network.variation.jitter = kNetwork;
  o.network.shape.edges = {edge(0, 3, 0.005), edge(3, 1, 0.007, kOwn), edge(3, 2, 0.009)};
  const auto d = added_delays(3, o, 1000, {0, 0.012 + 1 / kW, 0.014 + 1 / kW});
  ASSERT_EQ(d[1].size(), 1000u);
  ASSERT_EQ(d[2].size(), 1000u);
  const KsResult own = ks_test(d[1], cdf_of(kOwn)), net = ks_test(d[2], cdf_of(kNetwork));
  std::printf("  KS graph edge 3-1 on route 0->1: D = %.4f, p = %.4f; route 0->2 (network-wide): "
              "D = %.4f, p = %.4f\n", own.statistic, own.p_value, net.statistic, net.p_value);
  EXPECT_GT(own.p_value, 1e-3) << "D = " << own.statistic;
  EXPECT_GT(net.p_value, 1e-3) << "D = " << net.statistic;
  EXPECT_LT(ks_test(d[1], cdf_of(kNetwork)).p_value, 1e-3);
  EXPECT_LT(ks_test(d[2], cdf_of(kOwn)).p_value, 1e-3);
}

// Two jittery edges on one route add: 0 - 3 - 1 with uniform 30-40 ms on both edges gives the
// sum of two independent uniforms, triangular on [60, 80] ms; one uniform alone (what M84 draws)
// fails the same test.
TEST(EdgeVariation, TwoJitteryEdgesOnARouteAddTheirDraws) {
  SimRunOptions o = graph_options(1);
  o.network.shape.edges = {edge(0, 2, 0.005, kOwn), edge(2, 1, 0.007, kOwn)};
  const auto d = added_delays(2, o, 1000, {0, 0.012 + 1 / kW});
  ASSERT_EQ(d[1].size(), 1000u);
  const auto triangular = [](double x) {
    const double w = 0.010, lo = 0.060, mid = 0.070, hi = 0.080;
    if (x <= lo) return 0.0;
    if (x >= hi) return 1.0;
    return x < mid ? (x - lo) * (x - lo) / (2 * w * w) : 1 - (hi - x) * (hi - x) / (2 * w * w);
  };
  const KsResult sum = ks_test(d[1], triangular);
  std::printf("  KS two jittery edges (sum of two uniforms): D = %.4f, p = %.4f\n", sum.statistic,
              sum.p_value);
  EXPECT_GT(sum.p_value, 1e-3) << "D = " << sum.statistic;
  EXPECT_LT(ks_test(d[1], cdf_of(kOwn)).p_value, 1e-3);
}

// Party `from` sends one 1-byte message at t = 0 to each party of `to`; each records its arrival.
std::vector<double> arrivals(int parties, const SimRunOptions& o, PartyId from,
                             const std::vector<PartyId>& to) {
  const RunResult r = run_ok(parties, o, [&](PartyContext& ctx) {
    PartyOutput out;
    if (ctx.net.self() == from)
      for (PartyId p : to) ctx.net.send(p, "m", Message());
    for (PartyId p : to)
      if (ctx.net.self() == p) {
        ctx.net.recv(from);
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      }
    return out;
  });
  std::vector<double> got;
  for (PartyId p : to)
    if (static_cast<std::size_t>(p) < r.parties.size() && !r.parties[static_cast<std::size_t>(p)].outputs.empty())
      got.push_back(std::bit_cast<double>(r.parties[static_cast<std::size_t>(p)].outputs[0]));
    else
      got.push_back(-1);
  return got;
}

// A topology of identical links (latency l, bandwidth kW).
SimRunOptions uniform(Topology topology, double l) {
  SimRunOptions o;
  o.network.topology = topology;
  o.network.latency_s = l;
  o.network.bandwidth_bytes_per_s = kW;
  return o;
}

LinkOverride own_link(PartyId from, PartyId to, const SimRunOptions& o, double jitter) {
  LinkOverride l;
  l.from = from;
  l.to = to;
  l.latency_s = o.network.latency_s;
  l.bandwidth_bytes_per_s = o.network.bandwidth_bytes_per_s;
  l.jitter = constant(jitter);
  return l;
}

// Constant jitters make the sum rule exact. Ring of 5 (5 ms links): 1 -> 2 has 0.25 s of its
// own; 0 -> 2 goes 0, 1, 2 and takes it, 2 -> 0 goes back over 2 -> 1 -> 0 and does not. Tree
// (fanout 2: 1 and 2 under 0, 3 under 1): own 0.1 s on 0 -> 1 and 0.3 s on 1 -> 3; 0 -> 3
// crosses both (0.4 s), 0 -> 2 neither.
TEST(EdgeVariation, RingAndTreeLinksAddTheirOwnJitterExactly) {
  const double l = 0.005, hop = 1 / kW;
  SimRunOptions ring = uniform(Topology::kRing, l);
  ring.network.overrides.push_back(own_link(1, 2, ring, 0.25));
  auto got = arrivals(5, ring, 0, {2});
  expect_time(got[0], 2 * l + hop + 0.25, 1e-9);
  got = arrivals(5, ring, 2, {0});
  expect_time(got[0], 2 * l + hop, 1e-9);

  SimRunOptions tree = ring;
  tree.network.topology = Topology::kTree;
  tree.network.overrides = {own_link(0, 1, tree, 0.1), own_link(1, 3, tree, 0.3)};
  got = arrivals(4, tree, 0, {3, 2});
  expect_time(got[0], 2 * l + hop + 0.1 + 0.3, 1e-9);
  expect_time(got[1], l + hop, 1e-9);
}

// A star message between two parties that both have their own jitter crosses both their links
// and takes both (the sum rule; before it took the sender's only); from a party without one, the
// receiver's alone.
TEST(EdgeVariation, StarMessageBetweenTwoOverriddenPartiesTakesBoth) {
  const double l = 0.005, hop = 1 / kW;
  SimRunOptions o = uniform(Topology::kStar, l);
  o.network.overrides = {own_link(1, -1, o, 0.1), own_link(2, -1, o, 0.2)};
  auto got = arrivals(3, o, 1, {2});
  expect_time(got[0], 2 * l + hop + 0.1 + 0.2, 1e-9);
  got = arrivals(3, o, 0, {2});
  expect_time(got[0], 2 * l + hop + 0.2, 1e-9);
}

// Regions eu (parties 0, 1; LAN 1 ms with 0.02 s jitter of its own) and us (party 2; LAN 2 ms),
// 80 ms RTT; the WAN link eu -> us has 0.1 s of its own, us -> eu none. 0 -> 1 crosses two eu
// LAN links (0.04 s); 0 -> 2 eu's LAN up, the WAN eu -> us (0.12 s); 2 -> 0 only eu's LAN down.
TEST(EdgeVariation, RegionLanAndWanLinksAddTheirOwnJitterExactly) {
  SimRunOptions o;
  o.network.topology = Topology::kRegions;
  o.network.bandwidth_bytes_per_s = kW;
  o.deadline_s = 100;
  Region eu{"eu", {0, 1}, 0.001, kW};
  eu.lan_variation.jitter = constant(0.02);
  o.network.shape.regions = {eu, Region{"us", {2}, 0.002, kW}};
  o.network.shape.region_latency_s = {0, 0.040, 0.040, 0};
  o.network.shape.region_bandwidth_bytes_per_s = {kW, kW, kW, kW};
  WanLink w;
  w.from = 0;
  w.to = 1;
  w.variation.jitter = constant(0.1);
  o.network.shape.wan_links = {w};
  const double hop = 1 / kW;
  auto got = arrivals(3, o, 0, {1, 2});
  expect_time(got[0], 0.002 + hop + 0.04, 1e-9);
  expect_time(got[1], 0.001 + 0.040 + 0.002 + hop + 0.02 + 0.1, 1e-9);
  got = arrivals(3, o, 2, {0});
  expect_time(got[0], 0.002 + 0.040 + 0.001 + hop + 0.02, 1e-9);
}

std::shared_ptr<const Trace> trace(std::vector<std::pair<double, double>> points) {
  auto t = std::make_shared<Trace>();
  t->points = std::move(points);
  return t;
}

// Traces on a graph edge, on the second hop of a 2-hop route 0 - 2 - 1 (edge 0-2: 5 ms, fast):
// the latency of edge 2-1 steps from 10 to 100 ms at 0.3 s (1 kB messages at 0.25, 0.295 and
// 0.35 s take the latency in force when sent); its bandwidth (1 MB/s) halves at 0.5 s, so 1 MB
// sent at 0 flows from 0.015 s: 0.485 MB by 0.5 s, the remaining 0.515 MB at 0.5 MB/s, in at
// 1.53 s.
TEST(EdgeVariation, TracesOnAGraphEdgeAreExactOnATwoHopRoute) {
  const double w = 1e6, bytes = 1000;
  SimRunOptions o = graph_options(1);
  GraphEdge slow{2, 1, 0.010, w};
  slow.traces.latency = trace({{0, 0.010}, {0.3, 0.100}});
  o.network.shape.edges = {GraphEdge{0, 2, 0.005, 1e9}, slow};
  std::vector<double> got;
  const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
    PartyOutput out;
    for (const double t : {0.25, 0.295, 0.35}) {
      if (ctx.net.self() == 0) {
        ctx.clock.sleep_for(t - ctx.clock.now());
        ctx.net.send(1, "m", message_of_size(1000));
      } else {
        ctx.net.recv(0);
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      }
    }
    return out;
  });
  ASSERT_EQ(r.parties.size(), 2u);
  ASSERT_EQ(r.parties[1].outputs.size(), 3u);
  for (const std::uint64_t bits : r.parties[1].outputs) got.push_back(std::bit_cast<double>(bits));
  expect_time(got[0], 0.25 + 0.005 + 0.010 + bytes / w, 1e-9);
  expect_time(got[1], 0.295 + 0.005 + 0.010 + bytes / w, 1e-9);
  expect_time(got[2], 0.35 + 0.005 + 0.100 + bytes / w, 1e-9);
  EXPECT_DOUBLE_EQ(r.max_message_latency_s, 0.005 + 0.100);  // the latency the last one met

  SimRunOptions b = graph_options(1);
  GraphEdge narrow{2, 1, 0.010, w};
  narrow.traces.bandwidth = trace({{0, w}, {0.5, w / 2}});
  b.network.shape.edges = {GraphEdge{0, 2, 0.005, 1e9}, narrow};
  const RunResult big = run_ok(2, b, [](PartyContext& ctx) {
    if (ctx.net.self() == 0) ctx.net.send(1, "m", message_of_size(1'000'000));
    else ctx.net.recv(0);
    return PartyOutput{};
  });
  ASSERT_EQ(big.parties.size(), 2u);
  expect_time(big.parties[1].finish_time_s, 1.53, 1e-9);
}

// Same seed, same run (byte for byte) with jitter and loss on graph edges; another seed, other
// delays. Each link stays FIFO: party 1 gets party 0's messages in the order they were sent.
TEST(EdgeVariation, SameSeedSameRunAndEveryLinkStaysFifo) {
  SimRunOptions o = graph_options(1);
  GraphEdge a = edge(0, 3, 0.002, Jitter{JitterDistribution::kPareto, 0.001, 0, 1.5});
  a.variation.loss = Loss{0.2, 0.05, 100};
  o.network.shape.edges = {a, edge(3, 1, 0.003, kOwn), edge(3, 2, 0.004)};
  o.network.variation.jitter = kNetwork;
  const auto body = [](PartyContext& ctx) {
    PartyOutput out;
    for (int round = 0; round < 20; ++round) {
      for (PartyId p = 0; p < ctx.net.party_count(); ++p)
        if (p != ctx.net.self()) {
          const std::uint64_t k[1] = {static_cast<std::uint64_t>(round)};
          ctx.net.send(p, "r", Message().add_ring64(k));
        }
      for (PartyId p = 0; p < ctx.net.party_count(); ++p)
        if (p != ctx.net.self()) out.values.push_back(ctx.net.recv(p).ring64(0, 1).at(0));
    }
    return out;
  };
  const auto json_of = [&](std::uint64_t seed) {
    o.seed = seed;
    const RunResult r = run_ok(3, o, body);
    for (const auto& p : r.parties)  // FIFO: round k's message is the k-th from each sender
      for (std::size_t k = 0; k < p.outputs.size(); ++k) EXPECT_EQ(p.outputs[k], k / 2);
    EXPECT_GT(r.max_added_delay_s, 0);
    nlohmann::json j;
    to_json(j, r);
    return j.dump();
  };
  const std::string first = json_of(5);
  EXPECT_EQ(first, json_of(5));
  EXPECT_NE(first, json_of(6));
}

}  // namespace
}  // namespace smpc
