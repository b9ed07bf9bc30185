// Per-link jitter and loss, latency and bandwidth traces, and the ns-3 model (issue 14, item 2;
// docs/simulator.md "Per-link jitter and loss", "Traces", "The ns-3 model"). Statistical
// checks are KS tests at alpha = 1e-3 on fixed seeds (a pass or a fail replays exactly); the
// deterministic ones compare with the analytic time to 1e-9 relative.
#include <gtest/gtest.h>

#include <bit>
#include <cstdio>
#include <memory>
#include <vector>

#include "protocols/core/run_result.h"
#include "simulator/sim_network.h"
#include "simulator/variation.h"
#include "tests/support/sim_run.h"
#include "verify/ks.h"

namespace smpc {
namespace {

using test::message_of_size;

// expect_time (1e-9 relative), printing the error: the figure docs/simulator.md quotes.
void expect_time(double got, double want, double relative) {
  test::expect_time(got, want, relative);
  std::printf("  exactness: got %.15g, analytic %.15g, relative error %.3g\n", got, want,
              want == 0 ? got : (got - want) / want);
}
using test::run_ok;

SimRunOptions options(double latency, double bandwidth) {
  SimRunOptions o;
  o.network.latency_s = latency;
  o.network.bandwidth_bytes_per_s = bandwidth;
  o.deadline_s = 1e6;
  return o;
}

LinkOverride own_link(PartyId from, PartyId to, const SimRunOptions& o) {
  LinkOverride l;
  l.from = from;
  l.to = to;
  l.latency_s = o.network.latency_s;
  l.bandwidth_bytes_per_s = o.network.bandwidth_bytes_per_s;
  return l;
}

// Party 0 sends message k to parties 1 and 2 at t = k; each receiver records when it got it,
// minus the send time and the link's own time (latency + 1 byte): the added delay.
std::vector<std::vector<double>> added_delays(const SimRunOptions& o, int count) {
  const double link = o.network.latency_s + 1 / o.network.bandwidth_bytes_per_s;
  const RunResult r = run_ok(3, o, [&](PartyContext& ctx) {
    PartyOutput out;
    for (int k = 0; k < count; ++k) {
      if (ctx.net.self() == 0) {
        ctx.clock.sleep_for(static_cast<double>(k) - ctx.clock.now());
        ctx.net.send(1, "tick", Message());
        ctx.net.send(2, "tick", Message());
      } else {
        ctx.net.recv(0);
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now() - k - link));
      }
    }
    return out;
  });
  std::vector<std::vector<double>> d(3);
  for (std::size_t p = 1; p < r.parties.size(); ++p)
    for (const std::uint64_t bits : r.parties[p].outputs) d[p].push_back(std::bit_cast<double>(bits));
  return d;
}

const Jitter kNetwork{JitterDistribution::kNormal, 0.010, 0.002, 0};
const Jitter kOwn{JitterDistribution::kUniform, 0.030, 0.040, 0};

// The overridden link 0 -> 1 follows its own uniform jitter, the link 0 -> 2 the network-wide
// normal one; each fails against the other's distribution (the test has power: it is what
// catches M59, a link's own jitter ignored).
TEST(PerLinkVariation, OverriddenLinkFollowsItsOwnJitterOthersTheNetworkWide) {
  SimRunOptions o = options(0.020, 1e8);
  o.network.variation.jitter = kNetwork;
  LinkOverride l = own_link(0, 1, o);
  l.jitter = kOwn;
  o.network.overrides.push_back(l);
  const auto d = added_delays(o, 1000);
  ASSERT_EQ(d[1].size(), 1000u);
  ASSERT_EQ(d[2].size(), 1000u);
  const auto cdf = [](const Jitter& j) { return [j](double x) { return jitter_cdf(j, x); }; };
  const KsResult own = ks_test(d[1], cdf(kOwn)), net = ks_test(d[2], cdf(kNetwork));
  std::printf("  KS own link 0->1: D = %.4f, p = %.4f; network-wide link 0->2: D = %.4f, p = %.4f\n",
              own.statistic, own.p_value, net.statistic, net.p_value);
  EXPECT_GT(own.p_value, 1e-3) << "D = " << own.statistic;
  EXPECT_GT(net.p_value, 1e-3) << "D = " << net.statistic;
  EXPECT_LT(ks_test(d[1], cdf(kNetwork)).p_value, 1e-3);
  EXPECT_LT(ks_test(d[2], cdf(kOwn)).p_value, 1e-3);
}

// Loss on one link only: its delays are whole timeouts and some are nonzero; the other link,
// without loss, adds nothing.
TEST(PerLinkVariation, OverriddenLinkAloneIsLossy) {
  SimRunOptions o = options(0.010, 1e8);
  LinkOverride l = own_link(0, 2, o);
  l.loss = Loss{0.3, 0.2, 1460};
  o.network.overrides.push_back(l);
  const auto d = added_delays(o, 200);
  ASSERT_EQ(d[2].size(), 200u);
  int lost = 0;
  for (const double x : d[2]) {
    EXPECT_NEAR(x / 0.2, std::round(x / 0.2), 1e-6);
    lost += x > 0.1;
  }
  EXPECT_GT(lost, 30);  // P(one packet lost at least once) = 0.3: 60 expected, sd 6.5
  for (const double x : d[1]) EXPECT_NEAR(x, 0, 1e-9);
}

// On a star a party's override covers both its links: messages it sends (its up-link) and
// receives (its down-link) get its constant jitter; a message between two other parties none.
TEST(PerLinkVariation, StarOverrideCoversBothDirectionsOfTheParty) {
  const double l = 0.005, w = 1e12, d = 0.25;  // (1-byte messages: the transfers are ~1e-12 s)
  SimRunOptions o = options(l, w);
  o.network.topology = Topology::kStar;
  LinkOverride own = own_link(2, -1, o);
  own.jitter = Jitter{JitterDistribution::kUniform, d, d, 0};
  o.network.overrides.push_back(own);
  const RunResult r = run_ok(3, o, [](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    if (me == 0) {
      ctx.net.send(1, "a", Message());
      ctx.net.send(2, "b", Message());
    } else if (me == 1) {
      ctx.net.recv(0);
    } else {
      ctx.net.recv(0);
      ctx.net.send(1, "c", Message());
    }
    if (me == 1) ctx.net.recv(2);
    return PartyOutput{};
  });
  const double hop2 = 2 * l + 1 / w;
  expect_time(r.parties[2].finish_time_s, hop2 + d, 1e-9);          // 0 -> 2: its down-link
  expect_time(r.parties[1].finish_time_s, 2 * (hop2 + d), 1e-9);  // then 2 -> 1: its up-link
}

// Same seed, same report with per-link jitter and loss on; another seed, other delays.
TEST(PerLinkVariation, SameSeedSameRunAnotherSeedOtherDelays) {
  SimRunOptions o = options(0.010, 1e7);
  o.network.variation.jitter = kNetwork;
  LinkOverride l = own_link(0, 1, o);
  l.jitter = kOwn;
  l.loss = Loss{0.2, 0.1, 100};
  o.network.overrides.push_back(l);
  const auto body = [](PartyContext& ctx) {
    for (int round = 0; round < 20; ++round) {
      for (PartyId p = 0; p < ctx.net.party_count(); ++p)
        if (p != ctx.net.self()) ctx.net.send(p, "r", message_of_size(500));
      for (PartyId p = 0; p < ctx.net.party_count(); ++p)
        if (p != ctx.net.self()) ctx.net.recv(p);
    }
    return PartyOutput{};
  };
  const auto json_of = [&](std::uint64_t seed) {
    o.seed = seed;
    nlohmann::json j;
    to_json(j, run_ok(3, o, body));
    return j.dump();
  };
  const std::string a = json_of(5);
  EXPECT_EQ(a, json_of(5));
  EXPECT_NE(a, json_of(6));
}

// ---------------------------------------------------------------------------------------------
// Traces.

std::shared_ptr<const Trace> trace(std::vector<std::pair<double, double>> points, double period = 0) {
  auto t = std::make_shared<Trace>();
  t->points = std::move(points);
  t->period_s = period;
  return t;
}

// Party 0 sends one message of `bytes` at each of `at` (in order); party 1 records each
// message's delivery time.
std::vector<double> deliveries(const SimRunOptions& o, const std::vector<double>& at,
                               std::size_t bytes) {
  const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
    PartyOutput out;
    for (const double t : at) {
      if (ctx.net.self() == 0) {
        ctx.clock.sleep_for(t - ctx.clock.now());
        ctx.net.send(1, "m", message_of_size(bytes));
      } else {
        ctx.net.recv(0);
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      }
    }
    return out;
  });
  std::vector<double> got;
  if (r.parties.size() == 2)
    for (const std::uint64_t bits : r.parties[1].outputs) got.push_back(std::bit_cast<double>(bits));
  return got;
}

// 1 MB at t = 0 over a 10 ms, 1 MB/s link whose bandwidth halves at 0.5 s: 0.49 MB by then, the
// remaining 0.51 MB at 0.5 MB/s: 1.52 s. Periodic with P = 0.6 s (back to 1 MB/s at 0.6, half
// again at 1.1): 0.49 + 0.05 MB by 0.6 s, the rest by 1.06 s.
TEST(Traces, BandwidthStepIsExact) {
  SimRunOptions o = options(0.010, 1e6);
  o.network.traces.bandwidth = trace({{0, 1e6}, {0.5, 0.5e6}});
  auto got = deliveries(o, {0}, 1'000'000);
  ASSERT_EQ(got.size(), 1u);
  expect_time(got[0], 1.52, 1e-9);
  o.network.traces.bandwidth = trace({{0, 1e6}, {0.5, 0.5e6}}, 0.6);
  got = deliveries(o, {0}, 1'000'000);
  ASSERT_EQ(got.size(), 1u);
  expect_time(got[0], 1.06, 1e-9);
}

// The latency rises from 10 to 100 ms at 0.3 s: a message takes the latency in force when it is
// sent, also one still travelling at the step (sent at 0.295); one sent after it takes 100 ms.
TEST(Traces, LatencyStepAppliesAtTheSendTime) {
  const double w = 1e6, b = 1 / w;
  SimRunOptions o = options(0.010, w);
  o.network.traces.latency = trace({{0, 0.010}, {0.3, 0.100}});
  const auto got = deliveries(o, {0.25, 0.295, 0.35}, 1);
  ASSERT_EQ(got.size(), 3u);
  expect_time(got[0], 0.25 + 0.010 + b, 1e-9);
  expect_time(got[1], 0.295 + 0.010 + b, 1e-9);
  expect_time(got[2], 0.35 + 0.100 + b, 1e-9);
}

// A latency drop does not let a later message overtake an earlier one (FIFO, as TCP): sent at
// 0.25 under 100 ms and at 0.31 under 10 ms, the second is handed over with the first.
TEST(Traces, LatencyDropKeepsTheLinkFifo) {
  const double w = 1e6, b = 1 / w;
  SimRunOptions o = options(0.100, w);
  o.network.traces.latency = trace({{0.3, 0.010}});
  const auto got = deliveries(o, {0.25, 0.31, 0.5}, 1);
  ASSERT_EQ(got.size(), 3u);
  expect_time(got[0], 0.25 + 0.100 + b, 1e-9);
  expect_time(got[1], 0.25 + 0.100 + b, 1e-9);
  expect_time(got[2], 0.5 + 0.010 + b, 1e-9);
}

// Periodic latency (P = 1 s: 10 ms, then 50 ms from 0.5 s in each second), and before the first
// point of a non-periodic trace the configured latency.
TEST(Traces, PeriodicLatencyRepeatsAndBeforeTheFirstPointTheConfiguredValue) {
  const double w = 1e9, b = 1 / w;
  SimRunOptions o = options(0.010, w);
  o.network.traces.latency = trace({{0, 0.010}, {0.5, 0.050}}, 1.0);
  auto got = deliveries(o, {0.2, 1.6, 2.2, 3.75}, 1);
  ASSERT_EQ(got.size(), 4u);
  expect_time(got[0], 0.2 + 0.010 + b, 1e-9);
  expect_time(got[1], 1.6 + 0.050 + b, 1e-9);
  expect_time(got[2], 2.2 + 0.010 + b, 1e-9);
  expect_time(got[3], 3.75 + 0.050 + b, 1e-9);
  o.network.traces.latency = trace({{1.0, 0.200}});
  got = deliveries(o, {0.5, 1.5}, 1);
  ASSERT_EQ(got.size(), 2u);
  expect_time(got[0], 0.5 + 0.010 + b, 1e-9);
  expect_time(got[1], 1.5 + 0.200 + b, 1e-9);
}

// A per-link trace on a star (party 1's links) over two hops: the route's latencies add, each
// at the send time; party 0's link keeps the configured 5 ms.
TEST(Traces, PerLinkLatencyTraceOnAStarRoute) {
  const double w = 1e7, bytes = 1000;
  SimRunOptions o = options(0.005, w);
  o.network.topology = Topology::kStar;
  LinkOverride l = own_link(1, -1, o);
  l.traces.latency = trace({{0, 0.005}, {1.0, 0.020}});
  o.network.overrides.push_back(l);
  const auto got = deliveries(o, {0.5, 2.0}, 1000);
  ASSERT_EQ(got.size(), 2u);
  expect_time(got[0], 0.5 + 0.005 + 0.005 + bytes / w, 1e-9);
  expect_time(got[1], 2.0 + 0.005 + 0.020 + bytes / w, 1e-9);
}

TEST(Traces, BadTracesAreRefusedNamingTheProblem) {
  const auto refused = [](const std::shared_ptr<const Trace>& t, bool bw, const std::string& part) {
    SimRunOptions o = options(0.01, 1e6);
    (bw ? o.network.traces.bandwidth : o.network.traces.latency) = t;
    const auto r = run_simulated(2, o, [](PartyContext&) { return PartyOutput{}; });
    ASSERT_FALSE(r.ok());
    EXPECT_NE(r.status().message().find(part), std::string::npos) << r.status().message();
  };
  refused(trace({{0, 0.01}, {2, 0.02}, {1, 0.03}}), false, "times must increase, got 1 after 2");
  refused(trace({{0, -0.01}}), false, "latency must be finite and >= 0, got -0.01");
  refused(trace({{0, 0}}), true, "bandwidth must be finite and > 0, got 0");
  refused(trace({{0, 1e6}, {2, 2e6}}, 1.5), true, "period must be later than the last point");
  SimRunOptions o = options(0.01, 1e6);
  o.network.topology = Topology::kTwoTier;
  o.network.traces.latency = trace({{0, 0.01}});
  EXPECT_FALSE(run_simulated(4, o, [](PartyContext&) { return PartyOutput{}; }).ok());
}

// ---------------------------------------------------------------------------------------------
// ns-3 (SimGrid's packet-level binding): a full mesh runs, deterministically, and a 1000-byte
// message takes the TCP handshake's round trip plus the data's latency (more than 3 latencies,
// where CM02 takes one); other topologies are refused.
TEST(Ns3Model, FullMeshRunsDeterministicallyAndOtherTopologiesAreRefused) {
  SimRunOptions o = options(0.010, 1.25e6);
  o.network.model = NetworkModel::kNS3;
  const auto body = [](PartyContext& ctx) {
    if (ctx.net.self() == 0) ctx.net.send(1, "m", message_of_size(1000));
    if (ctx.net.self() == 1) ctx.net.recv(0);
    if (ctx.net.self() == 2) {
      ctx.net.send(1, "m", message_of_size(14));
    }
    if (ctx.net.self() == 1) ctx.net.recv(2);
    return PartyOutput{};
  };
  const RunResult a = run_ok(3, o, body), b = run_ok(3, o, body);
  ASSERT_EQ(a.parties.size(), 3u);
  EXPECT_EQ(a.parties[1].status, PartyStatus::kOutput);
  EXPECT_GT(a.parties[1].finish_time_s, 3 * 0.010);
  EXPECT_LT(a.parties[1].finish_time_s, 1.0);
  EXPECT_EQ(a.parties[1].finish_time_s, b.parties[1].finish_time_s);
  o.network.topology = Topology::kStar;
  const auto refused = run_simulated(3, o, body);
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("supports only full_mesh"), std::string::npos);
}

}  // namespace
}  // namespace smpc
