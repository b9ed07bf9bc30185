// SimNetwork: the simulated time of fixed message patterns equals its analytic value, delivery
// is eager, costs and causal rounds are accounted like on LocalNetwork, deadlines hold, and each
// simulation runs in its own process.
//
// Tolerance. Under CM02 with cross-traffic and TCP-gamma off, a message of B bytes over a route
// of total latency L and bottleneck bandwidth W takes L + B/W. SimGrid computes that in double
// precision (now + latency, then now + remaining/rate): a few ulps, ~1e-16 relative per event,
// accumulating linearly over sequential events (2e5 messages in a row: 5e-12 relative). Its
// event loop also merges events closer than surf/precision, which sim_network.cpp tightens from
// 1e-9 s to 1e-12 s, so an event may come up to 1e-12 s early. Hence kRel = 1e-12 relative
// (these tests have at most a few dozen sequential events) plus kAbs = 1e-12 s absolute.

#include <gtest/gtest.h>

#include <chrono>
#include <cmath>
#include <cstdlib>
#include <limits>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"
#include "protocols/core/message.h"
#include "simulator/sim_network.h"
#include "tests/support/sim_run.h"

namespace smpc {
namespace {

constexpr double kRel = 1e-12;
constexpr double kAbs = 1e-12;

using test::expect_time;
using test::message_of_size;
using test::out;
using test::run_ok;

SimRunOptions mesh(double latency_s, double bandwidth) {
  SimRunOptions o;
  o.network.topology = Topology::kFullMesh;
  o.network.latency_s = latency_s;
  o.network.bandwidth_bytes_per_s = bandwidth;
  return o;
}

// ---------------------------------------------------------------------------------------------
// Exactness.

// p0 sends B bytes to p1, p1 replies with B bytes: 2 (L + B/W), over a grid of sizes
// (1 B .. 64 KiB), latencies (0 .. 200 ms) and bandwidths (1 MB/s .. 1.25 GB/s), plus 10 MB at
// the corners. One test (not a parameterised suite) so that ctest starts one process for the
// 52 simulations.
TEST(SimNetworkExact, PingPongTakesTwiceLatencyPlusTransfer) {
  struct Case {
    std::size_t bytes;
    double latency_s;
    double bandwidth;
  };
  std::vector<Case> cases;
  for (std::size_t bytes : {std::size_t{1}, std::size_t{6}, std::size_t{1000},
                            std::size_t{65536 + 7}})
    for (double lat : {0.0, 0.001, 0.010, 0.200})
      for (double bw : {1e6, 125e6, 1.25e9}) cases.push_back({bytes, lat, bw});
  for (double lat : {0.0, 0.200})
    for (double bw : {1e6, 1.25e9}) cases.push_back({10'000'000, lat, bw});
  for (const Case& c : cases) {
    SCOPED_TRACE(::testing::Message() << "B=" << c.bytes << " L=" << c.latency_s
                                      << " W=" << c.bandwidth);
    const Message msg = message_of_size(c.bytes);
    const auto body = [&](PartyContext& ctx) {
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "ping", msg);
        ctx.net.recv(1);
      } else {
        ctx.net.recv(0);
        ctx.net.send(0, "pong", msg);
      }
      return out(0);
    };
    const RunResult r = run_ok(2, mesh(c.latency_s, c.bandwidth), body);
    ASSERT_EQ(r.parties.size(), 2u);
    const double one_way = c.latency_s + static_cast<double>(c.bytes) / c.bandwidth;
    expect_time(r.parties[1].finish_time_s, one_way);
    expect_time(r.parties[0].finish_time_s, 2 * one_way);
    expect_time(r.simulated_time_s, 2 * one_way);
    EXPECT_EQ(r.parties[0].meter.sent.bytes, c.bytes);
    EXPECT_EQ(r.parties[1].meter.received.bytes, c.bytes);
  }
}

// TCP-gamma would cap a flow at 4 MiB / (2 * 0.2 s) = 10.5 MB/s on a 200 ms link: 10 MB at
// 1 GB/s would take ~0.95 s instead of 0.01 s. Off under CM02, bandwidth means what it says.
TEST(SimNetworkExact, LargeMessageOnLongFatLinkIsNotWindowLimited) {
  const std::size_t bytes = 10'000'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) ctx.net.send(1, "big", message_of_size(bytes));
    else ctx.net.recv(0);
    return out(0);
  };
  const RunResult r = run_ok(2, mesh(0.2, 1e9), body);
  expect_time(r.parties[1].finish_time_s, 0.2 + 1e-2);
}

// p0 -> p1 -> p2, links with different latencies and bandwidths (overrides).
TEST(SimNetworkExact, ChainOfThreeWithPerLinkOverrides) {
  SimRunOptions o = mesh(0.001, 1e8);
  o.network.overrides.push_back({0, 1, 0.005, 2e6});
  o.network.overrides.push_back({1, 2, 0.030, 5e7});
  const std::size_t b1 = 40'000, b2 = 123'456;
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 0: ctx.net.send(1, "a", message_of_size(b1)); break;
      case 1:
        ctx.net.recv(0);
        ctx.net.send(2, "b", message_of_size(b2));
        break;
      case 2: ctx.net.recv(1); break;
    }
    return out(0);
  };
  const RunResult r = run_ok(3, o, body);
  const double t1 = 0.005 + b1 / 2e6;
  expect_time(r.parties[0].finish_time_s, 0);
  expect_time(r.parties[1].finish_time_s, t1);
  expect_time(r.parties[2].finish_time_s, t1 + 0.030 + b2 / 5e7);
  expect_time(r.simulated_time_s, t1 + 0.030 + b2 / 5e7);
}

// An override applies to its own direction only: the reverse link keeps the defaults.
TEST(SimNetworkExact, FullMeshOverrideIsOneDirection) {
  SimRunOptions o = mesh(0.001, 1e8);
  o.network.overrides.push_back({0, 1, 0.1, 1e6});
  const std::size_t b = 10'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "x", message_of_size(b));
      ctx.net.recv(1);
    } else {
      ctx.net.recv(0);
      ctx.net.send(0, "y", message_of_size(b));
    }
    return out(0);
  };
  const RunResult r = run_ok(2, o, body);
  expect_time(r.parties[1].finish_time_s, 0.1 + b / 1e6);
  expect_time(r.parties[0].finish_time_s, 0.1 + b / 1e6 + 0.001 + b / 1e8);
}

// SimGrid's default surf/precision (1e-9 s) would deliver both messages at 1e-7 s: events
// 1e-10 s apart were merged. With 1e-12 s they are not.
TEST(SimNetworkExact, EventsATenthOfANanosecondApartStayApart) {
  const double bw = 1e10;  // 1 byte = 0.1 ns
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 0:
        ctx.net.recv(1);
        expect_time(ctx.clock.now(), 1000 / bw);
        ctx.net.recv(2);
        expect_time(ctx.clock.now(), 1001 / bw);
        break;
      case 1: ctx.net.send(0, "a", message_of_size(1000)); break;
      case 2: ctx.net.send(0, "b", message_of_size(1001)); break;
    }
    return out(0);
  };
  const RunResult r = run_ok(3, mesh(0, bw), body);
  EXPECT_NE(r.parties[0].finish_time_s, 1000 / bw);
}

// Star: a message crosses up_i and down_j: 2L + B/W.
TEST(SimNetworkExact, StarIsTwoHops) {
  SimRunOptions o = mesh(0.01, 1e7);
  o.network.topology = Topology::kStar;
  const std::size_t b = 50'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(2, "x", message_of_size(b));
      ctx.net.recv(2);
    } else if (ctx.net.self() == 2) {
      ctx.net.recv(0);
      ctx.net.send(0, "y", message_of_size(b));
    }
    return out(0);
  };
  const RunResult r = run_ok(3, o, body);
  const double one_way = 2 * 0.01 + b / 1e7;
  expect_time(r.parties[2].finish_time_s, one_way);
  expect_time(r.parties[0].finish_time_s, 2 * one_way);
  expect_time(r.parties[1].finish_time_s, 0);
}

// Star override: party 1's up- and down-link are slower; a route's rate is its bottleneck and
// its latency the sum over both hops.
TEST(SimNetworkExact, StarOverrideAppliesToUpAndDownLink) {
  SimRunOptions o = mesh(0.01, 1e7);
  o.network.topology = Topology::kStar;
  o.network.overrides.push_back({1, -1, 0.05, 1e6});
  const std::size_t b = 20'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "x", message_of_size(b));
      ctx.net.recv(1);
    } else {
      ctx.net.recv(0);
      ctx.net.send(0, "y", message_of_size(b));
    }
    return out(0);
  };
  const RunResult r = run_ok(2, o, body);
  const double one_way = 0.01 + 0.05 + b / 1e6;
  expect_time(r.parties[1].finish_time_s, one_way);
  expect_time(r.parties[0].finish_time_s, 2 * one_way);
}

// On a full mesh, p0's messages to p1, p2, p3 use distinct links and do not slow each other.
TEST(SimNetworkExact, FullMeshConcurrentSendsToDistinctPeersDoNotInterfere) {
  const std::size_t b = 1'000'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      for (PartyId p = 1; p < 4; ++p) ctx.net.send(p, "x", message_of_size(b));
    } else {
      ctx.net.recv(0);
    }
    return out(0);
  };
  const RunResult r = run_ok(4, mesh(0.002, 1e8), body);
  for (PartyId p = 1; p < 4; ++p) expect_time(r.parties[p].finish_time_s, 0.002 + b / 1e8);
}

// On a star the same three messages share p0's up-link: each gets a third of it.
TEST(SimNetworkExact, StarConcurrentSendsShareTheUpLink) {
  SimRunOptions o = mesh(0.002, 1e8);
  o.network.topology = Topology::kStar;
  const std::size_t b = 1'000'000;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      for (PartyId p = 1; p < 4; ++p) ctx.net.send(p, "x", message_of_size(b));
    } else {
      ctx.net.recv(0);
    }
    return out(0);
  };
  const RunResult r = run_ok(4, o, body);
  for (PartyId p = 1; p < 4; ++p) expect_time(r.parties[p].finish_time_s, 2 * 0.002 + 3 * b / 1e8);
}

// Two messages on the same link travel together and share its bandwidth (max-min fair): the
// small one finishes at L + 2 b_small / W, the large one at L + (b_small + b_large) / W.
// Delivery stays FIFO: the large one was sent first, so it is received first, and the small one
// (already there) right after it.
TEST(SimNetworkExact, TwoMessagesOnOneLinkShareBandwidthAndStayFifo) {
  const std::size_t big = 3'000'000, small = 1'000'000;
  const double lat = 0.004, bw = 1e8;
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "big", message_of_size(big));
      ctx.net.send(1, "small", message_of_size(small));
      return out(0);
    }
    const Message first = ctx.net.recv(0);
    const double t_first = ctx.clock.now();
    const Message second = ctx.net.recv(0);
    const double t_second = ctx.clock.now();
    EXPECT_EQ(first.encoded_size(), big);
    EXPECT_EQ(second.encoded_size(), small);
    expect_time(t_first, lat + (big + small) / bw);
    expect_time(t_second, lat + (big + small) / bw);
    return out(1);
  };
  const RunResult r = run_ok(2, mesh(lat, bw), body);
  EXPECT_EQ(r.parties[1].outputs, std::vector<std::uint64_t>{1});
  // Equal sizes: both finish together at L + 2b/W, not one after the other (2L + 2b/W).
  const auto equal = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "a", message_of_size(small));
      ctx.net.send(1, "b", message_of_size(small));
    } else {
      ctx.net.recv(0);
      expect_time(ctx.clock.now(), lat + 2 * small / bw);
      ctx.net.recv(0);
    }
    return out(0);
  };
  const RunResult r2 = run_ok(2, mesh(lat, bw), equal);
  expect_time(r2.parties[1].finish_time_s, lat + 2 * small / bw);
}

// Many sends in flight at once, the pattern SimNetwork's kept send handles are built for: 50
// parties each send k = 6 messages of growing size b_0 < ... < b_5 to every peer back to back
// (294 sends per party, past the first batch sweep at 256, 14,700 in flight), then receive
// message m from every peer, m = 0..5. The k messages on one link share it max-min fairly, so
// message m arrives at L + (b_0 + ... + b_{m-1} + (k - m) b_m) / W. Then one more round of single
// messages from there: + L + b/W. Every receive is checked at the exact time.
TEST(SimNetworkExact, AllToAllWithManyConcurrentSendsPerLink) {
  const int n = 50, k = 6;
  const double lat = 0.003, bw = 2e7;
  std::vector<std::size_t> b;
  for (int m = 0; m < k; ++m) b.push_back(1000 * static_cast<std::size_t>(m + 1));
  std::vector<double> arrival;
  double before = 0;
  for (int m = 0; m < k; ++m) {
    arrival.push_back(lat + (before + static_cast<double>((k - m) * b[m])) / bw);
    before += static_cast<double>(b[m]);
  }
  const std::size_t last = 777;
  const double end = arrival.back() + lat + last / bw;
  const auto body = [&](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    for (PartyId p = 0; p < n; ++p)
      if (p != me)
        for (int m = 0; m < k; ++m) ctx.net.send(p, "m", message_of_size(b[m]));
    std::uint64_t wrong = 0;
    for (int m = 0; m < k; ++m)
      for (PartyId p = 0; p < n; ++p) {
        if (p == me) continue;
        if (ctx.net.recv(p).encoded_size() != b[m]) ++wrong;  // FIFO per link
        const double t = ctx.clock.now();
        if (std::abs(t - arrival[m]) > kRel * arrival[m] + kAbs) ++wrong;
      }
    send_to_all(ctx.net, "last", message_of_size(last));
    recv_from_all(ctx.net);
    if (std::abs(ctx.clock.now() - end) > kRel * end + kAbs) ++wrong;
    return out(wrong);
  };
  const RunResult r = run_ok(n, mesh(lat, bw), body);
  ASSERT_EQ(r.parties.size(), static_cast<std::size_t>(n));
  for (const auto& p : r.parties) {
    EXPECT_EQ(p.outputs, std::vector<std::uint64_t>{0}) << "party " << p.party;
    expect_time(p.finish_time_s, end);
    EXPECT_EQ(p.meter.sent.messages, static_cast<std::uint64_t>((n - 1) * (k + 1)));
  }
}

// What is simulated is the message's encoding: 6 + 8m bytes for m Mersenne-61 elements.
TEST(SimNetworkExact, SimulatedSizeIsEncodedSize) {
  const std::size_t m = 1000;
  std::vector<Fp61> xs(m, Fp61::from_u64(7));
  Message msg;
  msg.add_field61(xs);
  ASSERT_EQ(msg.encoded_size(), 6 + 8 * m);
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) ctx.net.send(1, "shares", msg);
    else EXPECT_EQ(ctx.net.recv(0), msg);
    return out(0);
  };
  const RunResult r = run_ok(2, mesh(0.001, 1e6), body);
  expect_time(r.parties[1].finish_time_s, 0.001 + (6.0 + 8.0 * m) / 1e6);
  EXPECT_EQ(r.parties[0].meter.sent.bytes, 6 + 8 * m);
  EXPECT_EQ(r.parties[0].meter.by_label.at("shares").traffic.bytes, 6 + 8 * m);
  EXPECT_EQ(r.parties[1].meter.received.bytes, 6 + 8 * m);
}

// ---------------------------------------------------------------------------------------------
// Eager delivery.

// p1 and p2 both send to p0 at t=0 over distinct links. p0 asks for p2's message first (the
// larger one), then p1's: p1's transfer must not have waited for p0's receive.
TEST(SimNetworkEager, ReceivingOutOfArrivalOrderDoesNotSerialise) {
  const double lat = 0.01, bw = 1e7;
  const std::size_t b1 = 100'000, b2 = 400'000;
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 0:
        ctx.net.recv(2);
        expect_time(ctx.clock.now(), lat + b2 / bw);
        ctx.net.recv(1);
        expect_time(ctx.clock.now(), lat + b2 / bw);  // arrived at lat + b1/bw, long ago
        break;
      case 1: ctx.net.send(0, "x", message_of_size(b1)); break;
      case 2: ctx.net.send(0, "y", message_of_size(b2)); break;
    }
    return out(0);
  };
  const RunResult r = run_ok(3, mesh(lat, bw), body);
  expect_time(r.simulated_time_s, lat + b2 / bw);
}

// All-to-all among 6 parties, each receiving in party order: everything travels at once, so
// the run takes one message time, not n-1 of them.
TEST(SimNetworkEager, AllToAllTakesOneMessageTime) {
  const double lat = 0.02, bw = 1e6;
  const std::size_t b = 10'000;
  const auto body = [&](PartyContext& ctx) {
    send_to_all(ctx.net, "all", message_of_size(b));
    recv_from_all(ctx.net);
    return out(0);
  };
  const RunResult r = run_ok(6, mesh(lat, bw), body);
  for (const auto& p : r.parties) expect_time(p.finish_time_s, lat + b / bw);
}

// A message sent while its receiver is busy elsewhere (here: waiting until t=1 for a party
// that never sends) is already there when the receiver asks for it.
TEST(SimNetworkEager, MessageArrivesWhileReceiverWaitsElsewhere) {
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 0: {
        EXPECT_FALSE(ctx.net.recv_until(2, 1.0).has_value());
        expect_time(ctx.clock.now(), 1.0);
        ctx.net.recv(1);
        expect_time(ctx.clock.now(), 1.0);
        break;
      }
      case 1: ctx.net.send(0, "x", message_of_size(100)); break;
      case 2: break;
    }
    return out(0);
  };
  run_ok(3, mesh(0.1, 1e6), body);
}

// ---------------------------------------------------------------------------------------------
// Accounting and causal rounds (through Meter).

TEST(SimNetworkMeter, PingPongOfKExchangesHas2KRounds) {
  const int k = 5;
  const std::size_t b = 100;
  const auto body = [&](PartyContext& ctx) {
    for (int i = 0; i < k; ++i) {
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "ping", message_of_size(b));
        ctx.net.recv(1);
      } else {
        ctx.net.recv(0);
        ctx.net.send(0, "pong", message_of_size(b));
      }
    }
    return out(0);
  };
  const RunResult r = run_ok(2, mesh(0.001, 1e6), body);
  EXPECT_EQ(r.parties[0].meter.max_round, 2u * k - 1);
  EXPECT_EQ(r.parties[1].meter.max_round, 2u * k);
  const auto& ping = r.parties[0].meter.by_label.at("ping");
  EXPECT_EQ(ping.traffic.messages, static_cast<std::uint64_t>(k));
  EXPECT_EQ(ping.traffic.bytes, k * b);
  EXPECT_EQ(ping.first_round, 1u);
  EXPECT_EQ(ping.last_round, 2u * k - 1);
  const auto& pong = r.parties[1].meter.by_label.at("pong");
  EXPECT_EQ(pong.first_round, 2u);
  EXPECT_EQ(pong.last_round, 2u * k);
  EXPECT_EQ(r.parties[0].meter.sent_to[1], (TrafficCounter{k * b, k}));
  EXPECT_EQ(r.parties[0].meter.received, (TrafficCounter{k * b, k}));
  expect_time(r.simulated_time_s, 2 * k * (0.001 + b / 1e6));
}

// Three all-to-all rounds among 4 parties: 3 causal rounds; bytes per peer and per phase.
TEST(SimNetworkMeter, AllToAllRoundsAndPerPeerBytes) {
  const int n = 4;
  const auto body = [&](PartyContext& ctx) {
    for (int round = 0; round < 3; ++round) {
      ctx.meter.set_phase(round == 0 ? "offline" : "online");
      const char* labels[] = {"r0", "r1", "r2"};
      send_to_all(ctx.net, labels[round], message_of_size(10 + round));
      recv_from_all(ctx.net);
    }
    return out(0);
  };
  const RunResult r = run_ok(n, mesh(0.001, 1e6), body);
  for (const auto& p : r.parties) {
    EXPECT_EQ(p.meter.max_round, 3u);
    EXPECT_EQ(p.meter.sent.bytes, 3u * (10 + 11 + 12));
    EXPECT_EQ(p.meter.received.bytes, 3u * (10 + 11 + 12));
    for (PartyId q = 0; q < n; ++q)
      EXPECT_EQ(p.meter.sent_to[q].bytes, q == p.party ? 0u : 10u + 11 + 12);
    EXPECT_EQ(p.meter.by_phase.at("offline").traffic.bytes, 3u * 10);
    EXPECT_EQ(p.meter.by_phase.at("online").traffic.bytes, 3u * (11 + 12));
    EXPECT_EQ(p.meter.by_label.at("r2").first_round, 3u);
  }
}

// Same body on LocalNetwork and SimNetwork: same outputs, same meters.
TEST(SimNetworkMeter, MatchesLocalNetwork) {
  const auto body = [](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    const int n = ctx.net.party_count();
    std::uint64_t acc = ctx.rng.next_u64() % 1000;
    for (int round = 0; round < 3; ++round) {
      Message m;
      const std::vector<std::uint64_t> v{acc, static_cast<std::uint64_t>(round)};
      m.add_ring64(v);
      send_to_all(ctx.net, round % 2 ? "odd" : "even", m);
      auto all = recv_from_all(ctx.net);
      for (PartyId p = 0; p < n; ++p)
        if (p != me) acc += all[static_cast<std::size_t>(p)].ring64(0, 2)[0];
      if (me == 0) ctx.net.send(1, "extra", Message().add_bits({true, false, true}));
      if (me == 1) ctx.net.recv(0);
    }
    return PartyOutput{{acc}};
  };
  LocalRunOptions lo;
  lo.seed = 42;
  const RunResult local = run_local(4, lo, body);
  SimRunOptions so = mesh(0.003, 1e6);
  so.seed = 42;
  const RunResult sim = run_ok(4, so, body);
  ASSERT_EQ(sim.parties.size(), local.parties.size());
  for (std::size_t p = 0; p < sim.parties.size(); ++p) {
    EXPECT_EQ(sim.parties[p].status, PartyStatus::kOutput);
    EXPECT_EQ(sim.parties[p].outputs, local.parties[p].outputs);
    // Traffic, rounds, views and operation counts (per label too): the same on both networks
    // (docs/simulator.md, Computation; no computation is charged under the default model).
    EXPECT_EQ(sim.parties[p].meter, local.parties[p].meter);
    EXPECT_FALSE(local.parties[p].meter.ops.empty());
  }
}

// ---------------------------------------------------------------------------------------------
// Deadlines.

TEST(SimNetworkDeadline, RecvWithNoSenderTimesOutAtTheDeadline) {
  SimRunOptions o = mesh(0.001, 1e6);
  o.deadline_s = 7.5;
  const auto body = [&](PartyContext& ctx) {
    EXPECT_DOUBLE_EQ(ctx.clock.deadline(), 7.5);
    if (ctx.net.self() == 0) ctx.net.recv(1);
    return out(0);
  };
  const RunResult r = run_ok(2, o, body);
  EXPECT_EQ(r.parties[0].status, PartyStatus::kNoOutput);
  EXPECT_EQ(r.parties[0].blamed, std::vector<PartyId>{1});
  EXPECT_NE(r.parties[0].abort_reason.find("no message from party 1 by the deadline t=7.5 s"),
            std::string::npos)
      << r.parties[0].abort_reason;
  EXPECT_DOUBLE_EQ(r.parties[0].finish_time_s, 7.5);
  EXPECT_DOUBLE_EQ(r.simulated_time_s, 7.5);
  EXPECT_EQ(r.parties[1].status, PartyStatus::kOutput);
}

// recv_until returns nullopt at its deadline; the message still in flight is not lost: the
// next receive gets it when it arrives, and FIFO order holds.
TEST(SimNetworkDeadline, RecvUntilTimesOutWithoutLosingTheMessage) {
  const double lat = 0.5, bw = 1e6;
  const std::size_t b = 1'000'000;  // arrives at 1.5 s
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 1) {
      ctx.net.send(0, "first", message_of_size(b));
      ctx.net.send(0, "second", message_of_size(6));
      return out(0);
    }
    EXPECT_FALSE(ctx.net.recv_until(1, 0.25).has_value());  // still in latency
    expect_time(ctx.clock.now(), 0.25);
    EXPECT_FALSE(ctx.net.recv_until(1, 1.0).has_value());   // mid-transfer
    expect_time(ctx.clock.now(), 1.0);
    EXPECT_FALSE(ctx.net.recv_until(1, 0.5).has_value());   // deadline already past
    expect_time(ctx.clock.now(), 1.0);
    auto m = ctx.net.recv_until(1, 10.0);
    EXPECT_TRUE(m.has_value());
    if (m) {
      EXPECT_EQ(m->encoded_size(), b);
    }
    // Sharing: the small message travelled with the big one, so the big one finishes at
    // lat + (b + 6)/bw, and the small one is already there.
    expect_time(ctx.clock.now(), lat + (b + 6.0) / bw);
    auto m2 = ctx.net.recv_until(1, ctx.clock.now());  // deadline = now: only what arrived
    EXPECT_TRUE(m2.has_value());
    if (m2) {
      EXPECT_EQ(m2->encoded_size(), 6u);
    }
    EXPECT_FALSE(ctx.net.recv_until(1, ctx.clock.now()).has_value());
    return out(1);
  };
  const RunResult r = run_ok(2, mesh(lat, bw), body);
  EXPECT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{1});
  EXPECT_EQ(r.parties[0].meter.received.messages, 2u);
}

// A party that stops with a receive still posted (timed out mid-transfer), and messages that
// nobody ever receives, end cleanly.
TEST(SimNetworkDeadline, UnconsumedMessagesAndPendingReceivesEndCleanly) {
  const auto body = [&](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    if (me == 0) {
      for (int i = 0; i < 10; ++i) ctx.net.send(1, "unread", message_of_size(100'000));
      ctx.net.send(2, "late", message_of_size(2'000'000));
    } else if (me == 1) {
      // Finishes at once; p0's messages to it keep arriving afterwards.
    } else {
      EXPECT_FALSE(ctx.net.recv_until(0, 0.5).has_value());  // gives up mid-transfer
    }
    return out(me);
  };
  const RunResult r = run_ok(3, mesh(0.01, 1e6), body);
  for (const auto& p : r.parties) EXPECT_EQ(p.status, PartyStatus::kOutput);
  expect_time(r.simulated_time_s, 0.5);
}

// With no deadline, a receive nobody answers blocks forever: SimGrid detects the deadlock, ends
// the run, and the blocked party is reported as having no output.
TEST(SimNetworkDeadline, InfiniteDeadlineDeadlockIsNoOutput) {
  SimRunOptions o = mesh(0.001, 1e6);
  o.deadline_s = std::numeric_limits<double>::infinity();
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "x", message_of_size(10));
      ctx.net.recv(1);
    }
    return out(0);
  };
  const RunResult r = run_ok(2, o, body);
  EXPECT_EQ(r.parties[0].status, PartyStatus::kNoOutput);
  EXPECT_NE(r.parties[0].abort_reason.find("deadlock"), std::string::npos);
  EXPECT_EQ(r.parties[0].meter.sent.messages, 1u);
  EXPECT_EQ(r.parties[1].status, PartyStatus::kOutput);
}

// A party that lets time pass (Clock::sleep_for) sends later; a party that has finished can still
// be sent to (the message travels and is never received).
TEST(SimNetworkDeadline, SleepingAndSendingToAFinishedParty) {
  const auto body = [&](PartyContext& ctx) {
    switch (ctx.net.self()) {
      case 0:
        ctx.clock.sleep_for(0.5);
        expect_time(ctx.clock.now(), 0.5);
        ctx.net.send(1, "late", message_of_size(1000));
        ctx.net.send(2, "to-the-finished", message_of_size(1000));
        break;
      case 1:
        ctx.net.recv(0);
        expect_time(ctx.clock.now(), 0.5 + 0.01 + 1000 / 1e6);
        break;
      case 2: break;  // finished at t=0, long before p0 sends to it
    }
    return out(0);
  };
  const RunResult r = run_ok(3, mesh(0.01, 1e6), body);
  expect_time(r.parties[2].finish_time_s, 0);
  expect_time(r.simulated_time_s, 0.5 + 0.01 + 1000 / 1e6);
  EXPECT_EQ(r.parties[0].meter.sent.messages, 2u);
}

TEST(SimNetworkDeadline, ProtocolAbortIsAnOutcome) {
  const auto body = [&](PartyContext& ctx) -> PartyOutput {
    if (ctx.net.self() == 1) {
      ctx.net.recv(0);
      throw Abort("MAC check failed", {0});
    }
    ctx.net.send(1, "x", message_of_size(10));
    return out(0);
  };
  const RunResult r = run_ok(2, mesh(0.25, 1e6), body);
  EXPECT_EQ(r.parties[1].status, PartyStatus::kAbort);
  EXPECT_EQ(r.parties[1].abort_reason, "MAC check failed");
  EXPECT_EQ(r.parties[1].blamed, std::vector<PartyId>{0});
  expect_time(r.parties[1].finish_time_s, 0.25 + 10 / 1e6);
}

// Bytes that do not decode become Abort(kMalformed) blaming the sender, after being counted.
// (A Channel cannot send raw bytes, so the shared receive path is tested directly.)
TEST(SimNetworkDeadline, MalformedEnvelopeBlamesSender) {
  Meter meter(0, 3);
  const Envelope env{Bytes{9, 9, 9}, "junk", 4};
  try {
    open_envelope(env, 2, meter);
    ADD_FAILURE() << "expected Abort";
  } catch (const Abort& a) {
    EXPECT_EQ(a.kind(), AbortKind::kMalformed);
    EXPECT_EQ(a.blamed(), std::vector<PartyId>{2});
  }
  EXPECT_EQ(meter.snapshot().received, (TrafficCounter{3, 1}));
  EXPECT_EQ(meter.max_round_received(), 4u);
}

// ---------------------------------------------------------------------------------------------
// Processes, determinism, failures, models.

TEST(SimNetworkProcess, RepeatedRunsAreByteIdentical) {
  const auto body = [](PartyContext& ctx) {
    std::uint64_t acc = ctx.rng.next_u64();
    for (int round = 0; round < 4; ++round) {
      Message m;
      const std::vector<std::uint64_t> v(1 + ctx.rng.uniform_below(50), acc);
      m.add_ring64(v);
      send_to_all(ctx.net, "r", m);
      for (const auto& got : recv_from_all(ctx.net))
        if (!got.parts().empty()) acc ^= got.ring64(0, got.parts()[0].count)[0] + got.encoded_size();
    }
    return PartyOutput{{acc}};
  };
  SimRunOptions o = mesh(0.0013, 3.3e6);
  o.seed = 7;
  std::string first;
  for (int i = 0; i < 3; ++i) {
    nlohmann::json j;
    to_json(j, run_ok(5, o, body));
    if (i == 0) first = j.dump();
    else EXPECT_EQ(j.dump(), first);
  }
  o.seed = 8;
  nlohmann::json other;
  to_json(other, run_ok(5, o, body));
  EXPECT_NE(other.dump(), first);
}

// Byte-identical reports at a size where every party holds hundreds of sends and SimGrid
// interleaves thousands of same-instant events: 150 parties, two all-to-all rounds of
// seed-dependent sizes (44,700 messages).
TEST(SimNetworkProcess, RepeatedLargeRunsAreByteIdentical) {
  const auto body = [](PartyContext& ctx) {
    std::uint64_t acc = ctx.rng.next_u64();
    for (int round = 0; round < 2; ++round) {
      Message m;
      const std::vector<std::uint64_t> v(1 + ctx.rng.uniform_below(4), acc);
      m.add_ring64(v);
      send_to_all(ctx.net, "r", m);
      for (const auto& got : recv_from_all(ctx.net))
        if (!got.parts().empty()) acc = acc * 31 + got.ring64(0, got.parts()[0].count)[0];
    }
    return PartyOutput{{acc}};
  };
  SimRunOptions o = mesh(0.0007, 5e6);
  o.seed = 11;
  std::string first;
  for (int i = 0; i < 2; ++i) {
    nlohmann::json j;
    to_json(j, run_ok(150, o, body));
    if (i == 0) first = j.dump();
    else EXPECT_EQ(j.dump(), first);
  }
  o.seed = 12;
  nlohmann::json other;
  to_json(other, run_ok(150, o, body));
  EXPECT_NE(other.dump(), first);
}

// Progress: the parent reads counters the child bumps; the run is the same run with or without.
TEST(SimNetworkProcess, ProgressReportsCountsAndLeavesTheRunUnchanged) {
  const int k = 2000;  // exchanges: 2k messages in 2k causal rounds
  const auto body = [&](PartyContext& ctx) {
    for (int i = 0; i < k; ++i) {
      // Half-way, a pause in wall time only (simulated time stands still): the parent sees a
      // run in progress whatever the machine's speed.
      if (i == k / 2 && ctx.net.self() == 0)
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "ping", message_of_size(8));
        ctx.net.recv(1);
      } else {
        ctx.net.recv(0);
        ctx.net.send(0, "pong", message_of_size(8));
      }
    }
    return out(0);
  };
  nlohmann::json plain;
  to_json(plain, run_ok(2, mesh(0.001, 1e6), body));
  std::vector<SimProgress> seen;
  SimRunOptions o = mesh(0.001, 1e6);
  o.progress_interval_s = 0.05;  // the parent polls every 0.1 s: a record per poll
  o.progress = [&seen](const SimProgress& p) { seen.push_back(p); };
  const auto start = std::chrono::steady_clock::now();
  nlohmann::json with;
  to_json(with, run_ok(2, o, body));
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(with.dump(), plain.dump());
  ASSERT_GE(wall, 0.5);
  ASSERT_GE(seen.size(), 2u);
  const double end = with["simulated_time_s"].get<double>();
  for (std::size_t i = 0; i < seen.size(); ++i) {
    const SimProgress& p = seen[i];
    EXPECT_LE(p.messages_sent, 2u * k);
    EXPECT_LE(p.messages_delivered, 2u * k);
    EXPECT_LE(p.rounds, 2u * k);
    EXPECT_LE(p.simulated_time_s, end);
    if (i == 0) continue;
    EXPECT_GT(p.wall_s, seen[i - 1].wall_s);
    EXPECT_GE(p.messages_sent, seen[i - 1].messages_sent);
    EXPECT_GE(p.messages_delivered, seen[i - 1].messages_delivered);
    EXPECT_GE(p.rounds, seen[i - 1].rounds);
    EXPECT_GE(p.simulated_time_s, seen[i - 1].simulated_time_s);
  }
  // Mid-run (during the pause at least 2000 messages were out), the parent sees the child's
  // counters, not zeros.
  EXPECT_GE(seen.back().messages_sent, static_cast<std::uint64_t>(k));
  EXPECT_GE(seen.back().messages_delivered, static_cast<std::uint64_t>(k) - 1);
  EXPECT_GT(seen.back().rounds, 0u);
  EXPECT_GT(seen.back().simulated_time_s, 0.0);
  // Nothing before the first interval has passed.
  o.progress_interval_s = 3600;
  seen.clear();
  run_ok(2, o, body);
  EXPECT_TRUE(seen.empty());
}

// The timeline recorded for `smpc run --trace`: p0 sends B bytes to p1, which sleeps 5 ms
// before receiving and replies; p0 blocks meanwhile. The send, arrival (L + B/W after the
// send) and delivery (when p1's receive returned it) times are exact; the wait and sleep spans
// are where the parties were; a message to a party that already finished arrives but is never
// delivered. Recording changes nothing else in the result, and without it nothing is recorded.
TEST(SimNetworkProcess, RecordedTimelineIsExact) {
  const double L = 0.001, W = 1e6;
  const Message msg = message_of_size(1000);
  const auto body = [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "ping", msg);
      ctx.net.recv(1);
      ctx.net.send(1, "late", msg);  // p1 has finished by the time it arrives
    } else {
      ctx.clock.sleep_for(0.005);
      ctx.net.recv(0);
      ctx.net.send(0, "pong", msg);
    }
    return out(0);
  };
  SimRunOptions o = mesh(L, W);
  const RunResult plain = run_ok(2, o, body);
  EXPECT_TRUE(plain.trace.empty());
  o.record_trace = true;
  const RunResult traced = run_ok(2, o, body);
  nlohmann::json a, b;
  to_json(a, plain);
  to_json(b, traced);
  b.erase("trace");
  EXPECT_EQ(a.dump(), b.dump()) << "recording changed the run";

  const auto& m = traced.trace.messages;
  ASSERT_EQ(m.size(), 3u);
  const double transfer = L + static_cast<double>(m[0].bytes) / W;
  EXPECT_EQ(m[0].label, "ping");
  EXPECT_EQ(m[0].sent_s, 0.0);
  expect_time(m[0].arrived_s, transfer);
  expect_time(m[0].delivered_s, 0.005);  // p1 was asleep when it arrived
  EXPECT_EQ(m[1].label, "pong");
  expect_time(m[1].sent_s, 0.005);
  expect_time(m[1].arrived_s, 0.005 + transfer);
  expect_time(m[1].delivered_s, 0.005 + transfer);
  EXPECT_EQ(m[2].label, "late");
  expect_time(m[2].arrived_s, 0.005 + 2 * transfer);
  EXPECT_EQ(m[2].delivered_s, -1.0) << "p1 never received it";
  bool waited = false, slept = false;
  for (const TraceSpan& s : traced.trace.spans) {
    if (s.kind == TraceSpanKind::kWait) {
      EXPECT_EQ(s.party, 0);
      EXPECT_EQ(s.peer, 1);
      expect_time(s.end_s, 0.005 + transfer);
      waited = true;
    }
    if (s.kind == TraceSpanKind::kSleep) {
      EXPECT_EQ(s.party, 1);
      expect_time(s.end_s - s.start_s, 0.005);
      slept = true;
    }
    EXPECT_NE(s.kind, TraceSpanKind::kCompute) << "the default compute model is free";
  }
  EXPECT_TRUE(waited);
  EXPECT_TRUE(slept);
  ASSERT_EQ(traced.trace.phases.size(), 2u);  // each party's "main", from its first call
  EXPECT_EQ(traced.trace.phases[0].name, "main");
  EXPECT_EQ(traced.trace.phases[0].start_s, 0.0);
}

TEST(SimNetworkProcess, CrashingBodyIsAnErrorNotACrash) {
  const auto body = [](PartyContext& ctx) -> PartyOutput {
    if (ctx.net.self() == 1) std::abort();
    return out(0);
  };
  auto r = run_simulated(2, mesh(0.001, 1e6), body);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("signal 6"), std::string::npos) << r.status().message();
  // The test process is fine and can simulate again.
  EXPECT_TRUE(run_simulated(2, mesh(0.001, 1e6), [](PartyContext&) { return out(0); }).ok());
}

TEST(SimNetworkProcess, NonAbortExceptionInBodyIsAnError) {
  const auto body = [](PartyContext&) -> PartyOutput { throw std::logic_error("our bug"); };
  auto r = run_simulated(2, mesh(0.001, 1e6), body);
  EXPECT_FALSE(r.ok());
}

TEST(SimNetworkProcess, SendingToSelfIsABug) {
  const auto body = [](PartyContext& ctx) {
    ctx.net.send(ctx.net.self(), "self", Message());
    return out(0);
  };
  auto r = run_simulated(2, mesh(0.001, 1e6), body);
  EXPECT_FALSE(r.ok());
}

TEST(SimNetworkProcess, LargeResultsCrossThePipe) {
  const auto body = [](PartyContext& ctx) {
    PartyOutput o;
    o.values.assign(30'000, static_cast<std::uint64_t>(ctx.net.self()));
    return o;
  };
  const RunResult r = run_ok(3, mesh(0.001, 1e6), body);
  ASSERT_EQ(r.parties.size(), 3u);
  EXPECT_EQ(r.parties[2].outputs.size(), 30'000u);  // ~180 KB of JSON: > a pipe's 64 KiB
  EXPECT_EQ(r.parties[2].outputs.back(), 2u);
}

TEST(SimNetworkProcess, InvalidSpecIsAnError) {
  SimRunOptions o = mesh(-1, 1e6);
  auto body = [](PartyContext&) { return out(0); };
  EXPECT_FALSE(run_simulated(2, o, body).ok());
  o = mesh(0.001, 0);
  EXPECT_FALSE(run_simulated(2, o, body).ok());
  o = mesh(0.001, 1e6);
  o.network.overrides.push_back({0, 0, 0.1, 1e6});
  auto r = run_simulated(2, o, body);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("overrides[0]"), std::string::npos);
  o.network.topology = Topology::kStar;
  o.network.overrides = {{0, 1, 0.1, 1e6}};
  EXPECT_FALSE(run_simulated(2, o, body).ok());
  EXPECT_FALSE(run_simulated(0, mesh(0.001, 1e6), body).ok());
}

TEST(SimNetworkProcess, SinglePartyRuns) {
  const RunResult r = run_ok(1, mesh(0.001, 1e6), [](PartyContext&) { return out(5); });
  ASSERT_EQ(r.parties.size(), 1u);
  EXPECT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{5});
}

// fork = false runs in this process, which may then never simulate again: so in a death-test
// child.
TEST(SimNetworkProcess, InProcessRun) {
  EXPECT_EXIT(
      {
        SimRunOptions o = mesh(0.01, 1e6);
        o.fork = false;
        const auto body = [](PartyContext& ctx) {
          if (ctx.net.self() == 0) ctx.net.send(1, "x", message_of_size(10'000));
          else ctx.net.recv(0);
          return out(0);
        };
        auto r = run_simulated(2, o, body);
        const bool good = r.ok() && std::abs(r->simulated_time_s - (0.01 + 10'000 / 1e6)) < 1e-12;
        std::exit(good ? 0 : 1);
      },
      ::testing::ExitedWithCode(0), "");
}

// LV08 multiplies latency by 13.01 and bandwidth by 0.97 (measured here, see docs/simulator.md).
TEST(SimNetworkModel, Lv08ScalesLatencyAndBandwidth) {
  const double lat = 0.01;
  const auto one_message = [](std::size_t bytes) {
    return [bytes](PartyContext& ctx) {
      if (ctx.net.self() == 0) ctx.net.send(1, "x", message_of_size(bytes));
      else ctx.net.recv(0);
      return out(0);
    };
  };
  SimRunOptions o = mesh(lat, 1e12);  // bandwidth term negligible: latency factor
  o.network.model = NetworkModel::kLV08;
  const double t_small = run_ok(2, o, one_message(1)).simulated_time_s;
  EXPECT_NEAR(t_small / lat, 13.01, 1e-6);
  o = mesh(0, 1e6);  // no latency: bandwidth factor
  o.network.model = NetworkModel::kLV08;
  const double t_big = run_ok(2, o, one_message(1'000'000)).simulated_time_s;
  EXPECT_NEAR(1.0 / t_big, 0.97, 1e-9);
  // CM02 on the same link: exactly the configured latency.
  o = mesh(lat, 1e12);
  expect_time(run_ok(2, o, one_message(1)).simulated_time_s, lat + 1 / 1e12);
}

TEST(SimNetworkModel, Names) {
  EXPECT_STREQ(topology_name(Topology::kFullMesh), "full_mesh");
  EXPECT_STREQ(topology_name(Topology::kStar), "star");
  EXPECT_STREQ(network_model_name(NetworkModel::kCM02), "CM02");
  EXPECT_STREQ(network_model_name(NetworkModel::kLV08), "LV08");
}

}  // namespace
}  // namespace smpc
