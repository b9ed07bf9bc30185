// Jitter and loss (simulator/variation.h, docs/simulator.md "Jitter and loss"): the delays the
// simulator adds follow the configured distributions (Kolmogorov–Smirnov at a 0.1% false-alarm
// rate, fixed seeds, so a pass or a fail replays exactly), links stay FIFO, the timing is exact
// where it is deterministic, and the same seed gives the same delays.
#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <vector>

#include "simulator/sim_network.h"
#include "simulator/variation.h"
#include "tests/support/sim_run.h"
#include "verify/ks.h"

namespace smpc {
namespace {

using test::expect_time;
using test::message_of_size;
using test::run_ok;

Jitter uniform(double lo, double hi) { return {JitterDistribution::kUniform, lo, hi, 0}; }
Jitter normal(double mean, double sd) { return {JitterDistribution::kNormal, mean, sd, 0}; }
Jitter pareto(double scale, double shape) { return {JitterDistribution::kPareto, scale, 0, shape}; }

std::vector<double> draws(const Jitter& j, int count, std::uint64_t seed) {
  Rng rng(seed, 0, "test");
  std::vector<double> xs;
  for (int i = 0; i < count; ++i) xs.push_back(sample_jitter(j, rng));
  return xs;
}

TEST(JitterSampling, EachDistributionPassesKsAgainstItsOwnCdf) {
  for (const Jitter& j : {uniform(0.001, 0.005), normal(0.010, 0.002), pareto(0.001, 2.5)}) {
    const auto xs = draws(j, 20'000, 7);
    EXPECT_GT(ks_test(xs, [&](double x) { return jitter_cdf(j, x); }).p_value, 1e-3)
        << jitter_distribution_name(j.distribution);
  }
}

// The test has power: draws from one distribution fail against a neighbouring one (the seeded
// bug the KS check must catch: a sampler that draws the wrong shape or scale).
TEST(JitterSampling, KsRejectsTheWrongDistribution) {
  const auto xs = draws(normal(0.010, 0.002), 20'000, 7);
  const Jitter wrong_mean = normal(0.0102, 0.002), wrong_shape = uniform(0.0065, 0.0135);
  for (const Jitter& w : {wrong_mean, wrong_shape})
    EXPECT_LT(ks_test(xs, [&](double x) { return jitter_cdf(w, x); }).p_value, 1e-3);
}

// P(no retransmission) = (1 - p)^packets; P(delay >= 2 rto) = 1 - (1 - p^2)^packets.
TEST(LossSampling, DelayIsWholeTimeoutsWithTheModelsProbabilities) {
  const Loss loss{0.05, 0.2, 1460};
  Rng rng(3, 0, "test");
  const int count = 40'000;
  const std::uint64_t bytes = 10 * 1460;  // ten packets
  int zero = 0, two_or_more = 0;
  for (int i = 0; i < count; ++i) {
    const double d = sample_loss_delay(loss, bytes, rng);
    const double k = d / loss.rto_s;
    ASSERT_NEAR(k, std::round(k), 1e-9) << "a delay of " << d << " s is not whole timeouts";
    zero += d == 0;
    two_or_more += k >= 1.5;
  }
  const auto within = [&](int hits, double p) {
    const double sd = std::sqrt(count * p * (1 - p));
    EXPECT_NEAR(hits, count * p, 4.5 * sd) << "p = " << p;  // ~7e-6 false alarm
  };
  within(zero, std::pow(0.95, 10));
  within(two_or_more, 1 - std::pow(1 - 0.05 * 0.05, 10));
}

TEST(VariationSpec, BadParametersAreRefusedNamingTheField) {
  const auto refused = [](const Variation& v, const std::string& part) {
    const Status s = check_variation(v);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.message().find(part), std::string::npos) << s.message();
  };
  refused({uniform(0.005, 0.001), {}}, "min 0.005 s is above max 0.001 s");
  refused({normal(-1, 0.1), {}}, "finite and >= 0");
  refused({pareto(0, 2), {}}, "scale and shape must be > 0");
  refused({{}, Loss{1.0, 0.2, 1460}}, "rate must be in [0, 1)");
  refused({{}, Loss{0.1, 0, 1460}}, "rto must be finite and > 0");
  // And the simulator refuses them before it runs.
  SimRunOptions o;
  o.network.variation.jitter = pareto(0.001, -1);
  EXPECT_FALSE(run_simulated(2, o, [](PartyContext&) { return PartyOutput{}; }).ok());
}

// ---------------------------------------------------------------------------------------------
// In the simulation.

SimRunOptions options(double latency, double bandwidth) {
  SimRunOptions o;
  o.network.latency_s = latency;
  o.network.bandwidth_bytes_per_s = bandwidth;
  o.deadline_s = 1e6;
  return o;
}

// Party 0 sends message k at t = k (one second apart: no message waits for the previous one);
// party 1 records, per message, its number and the time it was handed over.
std::vector<std::pair<std::uint64_t, double>> spaced_arrivals(const SimRunOptions& o, int count,
                                                              std::size_t bytes) {
  const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
    PartyOutput out;
    for (int k = 0; k < count; ++k) {
      if (ctx.net.self() == 0) {
        ctx.clock.sleep_for(static_cast<double>(k) - ctx.clock.now());
        ctx.net.send(1, "tick", message_of_size(bytes, static_cast<std::uint8_t>(k)));
      } else {
        const Message m = ctx.net.recv(0);
        out.values.push_back(m.bytes(0).at(0));
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      }
    }
    return out;
  });
  std::vector<std::pair<std::uint64_t, double>> got;
  if (r.parties.size() < 2) return got;
  const auto& v = r.parties[1].outputs;
  for (std::size_t i = 0; i + 1 < v.size(); i += 2) got.emplace_back(v[i], std::bit_cast<double>(v[i + 1]));
  return got;
}

TEST(SimVariation, DelaysOnTheWireFollowTheConfiguredDistribution) {
  const double l = 0.020, w = 1e8;
  const std::size_t bytes = 1000;
  for (const Jitter& j : {uniform(0.001, 0.005), normal(0.010, 0.002), pareto(0.001, 2.5)}) {
    SimRunOptions o = options(l, w);
    o.network.variation.jitter = j;
    const auto got = spaced_arrivals(o, 2000, bytes);
    ASSERT_EQ(got.size(), 2000u);
    std::vector<double> extra;
    for (std::size_t k = 0; k < got.size(); ++k)
      extra.push_back(got[k].second - (static_cast<double>(k) + l + bytes / w));
    EXPECT_GT(ks_test(extra, [&](double x) { return jitter_cdf(j, x); }).p_value, 1e-3)
        << jitter_distribution_name(j.distribution);
  }
}

// Back to back with jitter far above the spacing: every message still arrives, in the order
// sent, never before the one sent earlier on the link, and never before its transfer ended.
TEST(SimVariation, LinksStayFifoUnderJitter) {
  const double l = 0.010, w = 1e7;
  SimRunOptions o = options(l, w);
  o.network.variation.jitter = uniform(0, 0.050);
  const int count = 200;
  const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
    PartyOutput out;
    if (ctx.net.self() == 0) {
      for (int k = 0; k < count; ++k) {
        const std::uint64_t v[1] = {static_cast<std::uint64_t>(k)};
        ctx.net.send(1, "burst", Message().add_ring64(v));
      }
    } else {
      for (int k = 0; k < count; ++k) {
        out.values.push_back(ctx.net.recv(0).ring64(0, 1)[0]);
        out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      }
    }
    return out;
  });
  const auto& v = r.parties[1].outputs;
  ASSERT_EQ(v.size(), 2u * count);
  for (int k = 0; k < count; ++k) {
    EXPECT_EQ(v[2 * k], static_cast<std::uint64_t>(k));
    const double t = std::bit_cast<double>(v[2 * k + 1]);
    EXPECT_GE(t, l);
    if (k > 0) {
      EXPECT_GE(t, std::bit_cast<double>(v[2 * k - 1]));
    }
  }
}

// A constant jitter (uniform [d, d]) is exact: a message that arrived at L is handed over at
// L + d to a receiver already waiting, and at once to one that comes after L + d. The arrival
// time is the transfer's end, not the moment the receiver asks.
TEST(SimVariation, ConstantJitterIsExactAndCountsFromTheArrival) {
  const double l = 1, d = 0.5;
  SimRunOptions o = options(l, 1e9);
  o.network.variation.jitter = uniform(d, d);
  for (const double asks_at : {0.0, 1.2, 5.0}) {
    const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "one", Message());
      } else {
        ctx.clock.sleep_for(asks_at);
        ctx.net.recv(0);
      }
      return PartyOutput{};
    });
    expect_time(r.parties[1].finish_time_s, std::max(asks_at, l + 1e-9 + d), 1e-9);
  }
}

// A message due after the receiver's deadline is not handed over by then; the receiver gives
// up at the deadline exactly, and a later receive gets it when it is due.
TEST(SimVariation, AMessageDueAfterTheDeadlineWaitsForTheNextReceive) {
  const double l = 0.1, d = 1.0;
  SimRunOptions o = options(l, 1e9);
  o.network.variation.jitter = uniform(d, d);
  const RunResult r = run_ok(2, o, [&](PartyContext& ctx) {
    PartyOutput out;
    if (ctx.net.self() == 0) {
      ctx.net.send(1, "late", Message());
    } else {
      out.values.push_back(ctx.net.recv_until(0, 0.5).has_value());
      out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
      out.values.push_back(ctx.net.recv_until(0, 10).has_value());
      out.values.push_back(std::bit_cast<std::uint64_t>(ctx.clock.now()));
    }
    return out;
  });
  const auto& v = r.parties[1].outputs;
  ASSERT_EQ(v.size(), 4u);
  EXPECT_EQ(v[0], 0u);
  expect_time(std::bit_cast<double>(v[1]), 0.5);
  EXPECT_EQ(v[2], 1u);
  expect_time(std::bit_cast<double>(v[3]), l + 1e-9 + d, 1e-9);
}

// Loss on the wire: with tiny messages (one packet) the delays beyond the link are whole
// timeouts, and about `rate` of the messages are late.
TEST(SimVariation, LossDelaysMessagesByWholeTimeouts) {
  const double l = 0.005, w = 1e8;
  SimRunOptions o = options(l, w);
  o.network.variation.loss = {0.1, 0.2, 1460};
  const auto got = spaced_arrivals(o, 2000, 100);
  ASSERT_EQ(got.size(), 2000u);
  int late = 0;
  for (std::size_t k = 0; k < got.size(); ++k) {
    const double extra = got[k].second - (static_cast<double>(k) + l + 100 / w);
    const double timeouts = extra / 0.2;
    ASSERT_NEAR(timeouts, std::round(timeouts), 1e-6) << "message " << k;
    late += timeouts > 0.5;
  }
  EXPECT_NEAR(late, 200, 4.5 * std::sqrt(2000 * 0.1 * 0.9));
}

TEST(SimVariation, SameSeedSameDelaysOtherSeedOthers) {
  SimRunOptions o = options(0.01, 1e8);
  o.network.variation.jitter = normal(0.010, 0.003);
  o.network.variation.loss = {0.02, 0.2, 1460};
  const auto a = spaced_arrivals(o, 100, 3000);
  EXPECT_EQ(spaced_arrivals(o, 100, 3000), a);
  o.seed = 2;
  EXPECT_NE(spaced_arrivals(o, 100, 3000), a);
}

}  // namespace
}  // namespace smpc
