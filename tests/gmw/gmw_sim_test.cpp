// GMW on SimNetwork (SimGrid, one forked simulation per run): RapidCheck over random circuits,
// party counts, inputs and per-link latencies and bandwidths (outputs = plain evaluation, costs
// = gmw_cost, simulated time ≥ one latency per causal round); and the AES-128 scenario of the
// issue: 3 parties over 100 ms round-trip links, with its simulated and wall time.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <chrono>
#include <iostream>

#include "protocols/core/bristol.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/gmw/gmw.h"
#include "protocols/ot/iknp.h"
#include "simulator/sim_network.h"
#include "tests/gmw/gmw_test_util.h"

namespace smpc {
namespace {

// Latency 0–200 ms (µs resolution), bandwidth 1 Mbit/s – 10 Gbit/s; half the time every link
// gets its own latency and bandwidth. Returns the spec and its smallest link latency.
std::pair<NetworkSpec, double> gen_network(int n) {
  NetworkSpec net;
  const auto latency = [] { return *rc::gen::inRange(0, 200001) / 1e6; };
  const auto bandwidth = [] {
    return *rc::gen::element(1.0, 10.0, 100.0, 1000.0, 10000.0) * 1e6 / 8;
  };
  net.latency_s = latency();
  net.bandwidth_bytes_per_s = bandwidth();
  double min_latency = net.latency_s;
  if (*rc::gen::arbitrary<bool>()) {
    min_latency = 1;
    for (PartyId i = 0; i < n; ++i)
      for (PartyId j = 0; j < n; ++j) {
        if (i == j) continue;
        net.overrides.push_back({i, j, latency(), bandwidth()});
        min_latency = std::min(min_latency, net.overrides.back().latency_s);
      }
  }
  return {net, min_latency};
}

void check_simulated(const gmw_test::BooleanCase& bc, const Protocol& protocol,
                     GmwPreprocessing pre) {
  RC_ASSERT(bc.circuit.validate(bc.parties).ok());
  const auto [net, min_latency] = gen_network(bc.parties);
  SimRunOptions o;
  o.seed = *rc::gen::arbitrary<std::uint64_t>();
  o.network = net;
  o.deadline_s = 1e4;  // slow links and deep circuits: never the binding constraint here
  const auto r = run_simulated(bc.parties, o, [&](PartyContext& ctx) {
    return protocol.run(ctx, bc.inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  RC_ASSERT(r.ok());
  for (const auto& p : r->parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == testing::expected_outputs(bc.circuit, bc.group_values, p.party));
  }
  const GmwCost want = gmw_cost(bc.circuit, bc.parties, pre), got = gmw_test::measured_cost(*r);
  RC_ASSERT(got.bytes == want.bytes);
  RC_ASSERT(got.link_bytes == want.link_bytes);
  RC_ASSERT(got.rounds == want.rounds);
  RC_ASSERT(got.online_rounds == want.online_rounds);
  // Every causal round waits for a message of the previous one.
  RC_ASSERT(r->simulated_time_s + 1e-9 >= got.rounds * min_latency);
}

TEST(GmwSim, OtTriplesRandomCircuitsLatenciesAndBandwidths) {
  testing::check_with_budget(25, [] {
    const auto bc = gmw_test::gen_case(2, 5, 40);
    check_simulated(bc, GmwSemiHonest(bc.circuit), GmwPreprocessing::kOt);
  });
}

TEST(GmwSim, DealerTriplesRandomCircuitsLatenciesAndBandwidths) {
  testing::check_with_budget(40, [] {
    const auto bc = gmw_test::gen_case(2, 16, 40);
    check_simulated(bc, GmwTrustedDealer(bc.circuit, *rc::gen::arbitrary<std::uint64_t>()),
                    GmwPreprocessing::kTrustedDealer);
  });
}

// The scenario: AES-128 (6400 ANDs, 60 AND layers), key from party 0, plaintext from
// party 1, ciphertext to all three, every link 50 ms one way (100 ms round trip), 1 Gbit/s.
TEST(GmwSim, Aes128ThreePartiesOver100MsRoundTripLinks) {
  GMW_REQUIRE_SHARED(dir);
  auto c = load_bristol((dir / "aes_128.txt").string(), BristolFormat::kFashion);
  ASSERT_TRUE(c.ok()) << c.status().message();
  ASSERT_EQ(c->count(GateType::kAnd), 6400u);
  ASSERT_EQ(nonlinear_depth(*c), 60u);
  const auto key = encode_value("000102030405060708090a0b0c0d0e0f", 128,
                                ValueEncoding::kBytesReversedLsb0);
  const auto pt = encode_value("00112233445566778899aabbccddeeff", 128,
                               ValueEncoding::kBytesReversedLsb0);
  ASSERT_TRUE(key.ok() && pt.ok());
  const std::vector<PartyInput> inputs = {PartyInput{*key}, PartyInput{*pt}, PartyInput{}};
  SimRunOptions o;
  o.network.latency_s = 0.050;
  o.network.bandwidth_bytes_per_s = 125e6;

  const GmwSemiHonest gmw(*c);
  const GmwTrustedDealer dealer(*c, 1);
  for (const Protocol* protocol : {static_cast<const Protocol*>(&gmw),
                                   static_cast<const Protocol*>(&dealer)}) {
    SCOPED_TRACE(std::string(protocol->name()));
    const auto start = std::chrono::steady_clock::now();
    const auto r = run_simulated(3, o, [&](PartyContext& ctx) {
      return protocol->run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
    });
    const double wall_s =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_TRUE(r.ok()) << r.status().message();
    for (const auto& p : r->parties) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
      const auto ct = decode_value(p.outputs, ValueEncoding::kBytesReversedLsb0);
      ASSERT_TRUE(ct.ok());
      EXPECT_EQ(*ct, "69c4e0d86a7b0430d8cdb78070b4c55a") << "party " << p.party;
    }
    const bool ot = protocol == &gmw;
    const GmwCost want = gmw_cost(*c, 3, ot ? GmwPreprocessing::kOt
                                            : GmwPreprocessing::kTrustedDealer);
    const GmwCost got = gmw_test::measured_cost(*r);
    EXPECT_EQ(got.bytes, want.bytes);
    EXPECT_EQ(got.messages, want.messages);
    EXPECT_EQ(got.link_bytes, want.link_bytes);
    // The worked example of gmw.h.
    EXPECT_EQ(got.bytes.at("gmw.input"), 2u * 2 * (6 + 16));
    EXPECT_EQ(got.bytes.at("gmw.and"), 11760u);
    EXPECT_EQ(got.bytes.at("gmw.output"), 3u * 2 * (6 + 16));
    if (ot) {
      EXPECT_EQ(got.bytes.at("gmw.ot.base"), 3u * (38 + 4102));
      EXPECT_EQ(got.bytes.at("gmw.ot.extend"),
                3u * (16 * 12800 + 6 * ((12800 + kIknpBatch - 1) / kIknpBatch)));
      EXPECT_EQ(got.bytes.at("gmw.triple.fix"), 3u * (6 + 1600));
    }
    // Online: input round + 60 AND layers + output round; offline: base OT, u, corrections.
    EXPECT_EQ(got.online_rounds, 62u);
    EXPECT_EQ(got.offline_rounds, ot ? 3u : 0u);
    EXPECT_EQ(got.rounds, ot ? 65u : 62u);
    // Each causal round costs one 50 ms hop; the bytes add at most a few ms at 1 Gbit/s.
    EXPECT_GE(r->simulated_time_s, 0.050 * got.rounds);
    EXPECT_LE(r->simulated_time_s, 0.050 * got.rounds + 0.02);
    std::cout << "AES-128, 3 parties, 100 ms RTT, " << protocol->name() << ": "
              << got.rounds << " rounds (" << got.offline_rounds << " offline + "
              << got.online_rounds << " online), "
              << gmw_test::phase_bytes(*r, "offline") << " B offline + "
              << gmw_test::phase_bytes(*r, "online") << " B online; simulated "
              << r->simulated_time_s << " s, wall " << wall_s << " s\n";
  }
}

}  // namespace
}  // namespace smpc
