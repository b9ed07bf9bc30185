// GMW over LocalNetwork: bit triples (OT and dealer) multiply; random circuits, party counts,
// input owners and output receivers give the plain evaluation at exactly the cost gmw_cost()
// computes from the formula in gmw.h (bytes per label and per link, messages, offline and
// online rounds); the marginal bytes per AND gate per party pair; rounds = AND depth + 2
// online; determinism; malformed openings abort blaming the sender; the factories.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <iostream>

#include "protocols/core/abort.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_encoding.h"
#include "protocols/core/local_network.h"
#include "protocols/gmw/bit_triples.h"
#include "protocols/gmw/gmw.h"
#include "protocols/ot/iknp.h"
#include "tests/gmw/gmw_test_util.h"

namespace smpc {
namespace {

using gmw_test::BooleanCase;
using gmw_test::measured_cost;

RunResult run_gmw(const Protocol& protocol, int parties, const std::vector<PartyInput>& inputs,
                  std::uint64_t seed, double timeout_s = 60) {
  return run_local(parties, {seed, timeout_s}, [&](PartyContext& ctx) {
    return protocol.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
}

// ⊕_p c_p = (⊕_p a_p)(⊕_p b_p) for every triple; a and b are not constant.
void expect_valid_triples(const std::vector<BitTriples>& t, std::size_t count) {
  std::size_t a_ones = 0, b_ones = 0;
  for (std::size_t k = 0; k < count; ++k) {
    std::uint8_t a = 0, b = 0, c = 0;
    for (const auto& p : t) {
      ASSERT_EQ(p.size(), count);
      a ^= p.a[k];
      b ^= p.b[k];
      c ^= p.c[k];
    }
    ASSERT_EQ(c, a & b) << "triple " << k;
    a_ones += a;
    b_ones += b;
  }
  if (count >= 200) {  // 200 fair coins: P(outside [50, 150]) < 1e-12
    EXPECT_GT(a_ones, count / 4);
    EXPECT_LT(a_ones, 3 * count / 4);
    EXPECT_GT(b_ones, count / 4);
    EXPECT_LT(b_ones, 3 * count / 4);
  }
}

TEST(GmwTriples, OtTriplesMultiplyForEveryPartyCount) {
  for (int n : {2, 3, 5}) {
    for (std::size_t count : {std::size_t{1}, std::size_t{200}}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", count = " + std::to_string(count));
      std::vector<BitTriples> t(static_cast<std::size_t>(n));
      const auto r = run_local(n, {7 + count, 60}, [&](PartyContext& ctx) {
        ctx.meter.set_phase("offline");
        t[static_cast<std::size_t>(ctx.net.self())] = ot_bit_triples(ctx, count, "gmw");
        return PartyOutput{};
      });
      for (const auto& p : r.parties) ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
      expect_valid_triples(t, count);
      // bit_triples.h: 3 rounds (2 for n = 2); per pair one IKNP instance with 2·count OTs
      // (at most kIknpBatch per message) and one correction message (none for n = 2).
      auto got = measured_cost(r);
      const auto pairs = static_cast<std::uint64_t>(n * (n - 1) / 2);
      EXPECT_EQ(got.rounds, n == 2 ? 2u : 3u);
      EXPECT_EQ(got.messages["gmw.ot.base"], 2 * pairs);
      EXPECT_EQ(got.messages["gmw.triple.fix"], n == 2 ? 0u : pairs);
      EXPECT_EQ(got.bytes["gmw.ot.extend"], pairs * (6 + 16 * ((2 * count + 127) / 128 * 128)));
      EXPECT_EQ(got.bytes["gmw.triple.fix"], n == 2 ? 0u : pairs * (6 + (2 * count + 7) / 8));
    }
  }
}

TEST(GmwTriples, OtTriplesAcrossAnIknpBatchBoundary) {
  const std::size_t count = kIknpBatch / 2 + 5;  // 2·count OTs per pair: two IKNP batches
  std::vector<BitTriples> t(3);
  const auto r = run_local(3, {11, 120}, [&](PartyContext& ctx) {
    t[static_cast<std::size_t>(ctx.net.self())] = ot_bit_triples(ctx, count, "gmw");
    return PartyOutput{};
  });
  for (const auto& p : r.parties) ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
  expect_valid_triples(t, count);
  auto got = measured_cost(r);
  EXPECT_EQ(got.messages["gmw.ot.extend"], 3u * 2);  // two batches for each of the 3 pairs
  EXPECT_EQ(got.bytes["gmw.ot.extend"], 3u * ((6 + 16 * kIknpBatch) + (6 + 16 * 128)));
  EXPECT_EQ(got.bytes["gmw.triple.fix"], 3u * (6 + (2 * count + 7) / 8));
}

TEST(GmwTriples, DealerTriplesMultiplyAndEveryPartyDrawsTheSameDealer) {
  for (int n = 1; n <= 16; ++n) {
    std::vector<BitTriples> t;
    for (PartyId p = 0; p < n; ++p) t.push_back(dealer_bit_triples(42, p, n, 300));
    expect_valid_triples(t, 300);
  }
  // Another seed, other triples.
  EXPECT_NE(dealer_bit_triples(1, 0, 3, 300).a, dealer_bit_triples(2, 0, 3, 300).a);
}

// Outputs equal the plain evaluation; every measured cost equals gmw_cost.
void check_case(const BooleanCase& bc, const Protocol& protocol, GmwPreprocessing pre) {
  RC_ASSERT(bc.circuit.validate(bc.parties).ok());
  const auto r = run_gmw(protocol, bc.parties, bc.inputs, *rc::gen::arbitrary<std::uint64_t>());
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == testing::expected_outputs(bc.circuit, bc.group_values, p.party));
  }
  const GmwCost want = gmw_cost(bc.circuit, bc.parties, pre), got = measured_cost(r);
  RC_ASSERT(got.bytes == want.bytes);
  RC_ASSERT(got.messages == want.messages);
  RC_ASSERT(got.link_bytes == want.link_bytes);
  RC_ASSERT(got.rounds == want.rounds);
  RC_ASSERT(got.offline_rounds == want.offline_rounds);
  RC_ASSERT(got.online_rounds == want.online_rounds);
}

TEST(GmwLocal, OtTriplesRandomCircuitsEqualPlainEvaluationAtTheDocumentedCost) {
  // n ≤ 5 and 30 cases: every case runs n(n−1)/2 IKNP base phases (~40 ms CPU each); larger n
  // with OT triples: SixteenParties… below; with the dealer, the next property goes to 16.
  testing::check_with_budget(30, [] {
    const auto bc = gmw_test::gen_case(2, 5);
    RC_TAG(bc.parties);
    check_case(bc, GmwSemiHonest(bc.circuit), GmwPreprocessing::kOt);
  });
}

RC_GTEST_PROP(GmwLocal, DealerTriplesRandomCircuitsEqualPlainEvaluationAtTheDocumentedCost, ()) {
  const auto bc = gmw_test::gen_case(2, 16);
  check_case(bc, GmwTrustedDealer(bc.circuit, *rc::gen::arbitrary<std::uint64_t>()),
             GmwPreprocessing::kTrustedDealer);
}

// One layer of m ANDs between party 0's and party 1's bits, output to party 0.
Circuit and_layer(std::size_t m) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, m);
  const auto y = b.input("y", 1, m);
  b.output("z", b.bitwise_and(x, y), {0});
  return b.take();
}

// m ANDs of the same two input bits (party 0's and party 1's), in one layer; only the first is
// an output (to party 0), so inputs and outputs do not grow with m.
Circuit and_copies(std::size_t m) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 1);
  const auto y = b.input("y", 1, 1);
  std::vector<CircuitBuilder::Wire> z;
  for (std::size_t k = 0; k < m; ++k) z.push_back(b.bit_and(x[0], y[0]));
  b.output("z", {z[0]}, {0});
  return b.take();
}

TEST(GmwLocal, BytesPerAndGatePerPartyPairAreTheFormula) {
  // The cost difference between 2048 and 1024 ANDs is the per-AND cost alone (message headers,
  // base OTs, inputs and outputs cancel; both counts are multiples of 128 and of 8).
  const int n = 4;
  const std::size_t m1 = 1024, m2 = 2048, dm = m2 - m1;
  GmwCost cost[2];
  for (int i = 0; i < 2; ++i) {
    const Circuit c = and_copies(i == 0 ? m1 : m2);
    std::vector<PartyInput> in(n);
    in[0].values = {1};
    in[1].values = {1};
    const auto r = run_gmw(GmwSemiHonest(c), n, in, 5);
    ASSERT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{1});
    cost[i] = measured_cost(r);
    EXPECT_EQ(cost[i].bytes, gmw_cost(c, n, GmwPreprocessing::kOt).bytes);
  }
  const auto delta = [&](const std::string& label) {
    return cost[1].bytes[label] - cost[0].bytes[label];
  };
  // Per AND: each of the n(n−1)/2 pairs runs 2 IKNP OTs (16 B of u each) and 2 correction
  // bits (offline); each ordered pair exchanges 2 opening bits (online).
  const auto pairs = static_cast<std::uint64_t>(n * (n - 1) / 2);
  // More OTs may take more IKNP batch messages: their 6-byte headers are not per-AND cost.
  const auto batches = [](std::size_t m) { return (2 * m + kIknpBatch - 1) / kIknpBatch; };
  const std::uint64_t extra_headers = 6 * (batches(m2) - batches(m1));
  EXPECT_EQ(delta("gmw.ot.extend"), pairs * (32 * dm + extra_headers));
  EXPECT_EQ(delta("gmw.triple.fix"), pairs * 2 * dm / 8);
  EXPECT_EQ(delta("gmw.and"), 2 * pairs * 2 * dm / 8);
  EXPECT_EQ(delta("gmw.ot.base"), 0u);
  // Per link i → j: 2 opening bits, plus 2 correction bits when i is the pair's OT sender, or
  // 2 × 128 bits of u when it is the receiver.
  for (PartyId i = 0; i < n; ++i) {
    for (PartyId j = 0; j < n; ++j) {
      if (i == j) continue;
      const bool sender = triple_ot_sender(i, j, n);
      const std::uint64_t want_bits = 2 + (sender ? 2 : 2 * 128);
      const std::uint64_t grew = cost[1].link_bytes[i][j] - cost[0].link_bytes[i][j];
      EXPECT_EQ((grew - (sender ? 0 : extra_headers)) * 8, want_bits * dm)
          << i << " -> " << j;
    }
  }
  // Per pair {i, j} and AND: offline 32 B + 2 bits, online 0.5 B.
  std::cout << "per AND gate and party pair (n = 4): offline 32 B + 2 bits, online 0.5 B\n";
}

Circuit and_chain(std::size_t depth, int parties) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 1);
  const auto y = b.input("y", parties - 1, 1);
  auto w = b.bit_and(x[0], y[0]);
  for (std::size_t k = 1; k < depth; ++k) w = b.bit_and(w, k % 2 ? x[0] : y[0]);
  b.output("z", {w});
  return b.take();
}

TEST(GmwLocal, OnlineRoundsAreAndDepthPlusTwo) {
  for (int n : {2, 3}) {
    for (std::size_t depth : {1u, 7u, 40u}) {
      SCOPED_TRACE("n = " + std::to_string(n) + ", depth = " + std::to_string(depth));
      const Circuit c = and_chain(depth, n);
      std::vector<PartyInput> in(static_cast<std::size_t>(n));
      in[0].values = {1};
      in[static_cast<std::size_t>(n - 1)].values = {1};
      const auto ot = measured_cost(run_gmw(GmwSemiHonest(c), n, in, depth));
      EXPECT_EQ(ot.online_rounds, depth + 2);
      EXPECT_EQ(ot.offline_rounds, n == 2 ? 2u : 3u);
      EXPECT_EQ(ot.rounds, ot.offline_rounds + depth + 2);
      const auto dealer = measured_cost(run_gmw(GmwTrustedDealer(c, 1), n, in, depth));
      EXPECT_EQ(dealer.online_rounds, depth + 2);
      EXPECT_EQ(dealer.offline_rounds, 0u);
      EXPECT_EQ(dealer.rounds, depth + 2);
      EXPECT_EQ(dealer.bytes.count("gmw.ot.base"), 0u);
    }
  }
}

TEST(GmwLocal, OutputsGoOnlyToTheirReceivers) {
  // Party 3 gives x, party 0 gives y; {1, 3} learn x & y, {2} learns x ^ y; party 0 nothing.
  CircuitBuilder b;
  const auto x = b.input("x", 3, 4);
  const auto y = b.input("y", 0, 4);
  b.output("and", b.bitwise_and(x, y), {1, 3});
  b.output("xor", b.bitwise_xor(x, y), {2});
  const Circuit c = b.take();
  std::vector<PartyInput> in(4);
  in[3].values = {1, 1, 0, 0};
  in[0].values = {1, 0, 1, 0};
  for (int mode = 0; mode < 2; ++mode) {
    const auto r = mode == 0 ? run_gmw(GmwSemiHonest(c), 4, in, 3)
                             : run_gmw(GmwTrustedDealer(c, 9), 4, in, 3);
    EXPECT_TRUE(r.parties[0].outputs.empty());
    EXPECT_EQ(r.parties[1].outputs, (std::vector<std::uint64_t>{1, 0, 0, 0}));
    EXPECT_EQ(r.parties[3].outputs, (std::vector<std::uint64_t>{1, 0, 0, 0}));
    EXPECT_EQ(r.parties[2].outputs, (std::vector<std::uint64_t>{0, 1, 1, 0}));
    // Output shares go to receivers only: 3 senders to each of 1, 3 and 2.
    EXPECT_EQ(measured_cost(r).messages["gmw.output"], 9u);
  }
}

TEST(GmwLocal, SixteenPartiesWithOtTriplesAndMoreWithTheDealer) {
  for (int n : {16, 24}) {
    CircuitBuilder b;
    const auto x = b.input("x", 0, 8);
    const auto y = b.input("y", n - 1, 8);
    const auto z = b.input("z", n / 2, 8);
    b.output("x*y+z", b.add(b.mul(x, y), z));
    const Circuit c = b.take();
    std::vector<PartyInput> in(static_cast<std::size_t>(n));
    in[0].values = bits_of(13, 8);
    in[static_cast<std::size_t>(n - 1)].values = bits_of(11, 8);
    in[static_cast<std::size_t>(n / 2)].values = bits_of(200, 8);
    const auto want = bits_of((13 * 11 + 200) % 256, 8);
    // OT triples at n = 16 (120 IKNP instances); beyond that the dealer keeps the suite short.
    const auto r = n == 16 ? run_gmw(GmwSemiHonest(c), n, in, 1)
                           : run_gmw(GmwTrustedDealer(c, 1), n, in, 1);
    for (const auto& p : r.parties) {
      ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
      EXPECT_EQ(p.outputs, want);
    }
    const auto got = measured_cost(r);
    const auto cost =
        gmw_cost(c, n, n == 16 ? GmwPreprocessing::kOt : GmwPreprocessing::kTrustedDealer);
    EXPECT_EQ(got.bytes, cost.bytes);
    EXPECT_EQ(got.online_rounds, nonlinear_depth(c) + 2);
  }
}

TEST(GmwLocal, SameSeedSameViewsOtherSeedOtherViewsSameOutputs) {
  const Circuit c = and_chain(5, 3);
  std::vector<PartyInput> in = {PartyInput{{1}}, PartyInput{}, PartyInput{{1}}};
  for (int mode = 0; mode < 2; ++mode) {
    const GmwSemiHonest ot(c);
    const GmwTrustedDealer dealer(c, 4);
    const Protocol& p = mode == 0 ? static_cast<const Protocol&>(ot) : dealer;
    const auto a = run_gmw(p, 3, in, 1), b = run_gmw(p, 3, in, 1), d = run_gmw(p, 3, in, 2);
    for (std::size_t q = 0; q < 3; ++q) {
      EXPECT_EQ(a.parties[q].meter.view_digest, b.parties[q].meter.view_digest);
      EXPECT_NE(a.parties[q].meter.view_digest, d.parties[q].meter.view_digest);
      EXPECT_EQ(a.parties[q].outputs, d.parties[q].outputs);
      EXPECT_EQ(a.parties[q].outputs, std::vector<std::uint64_t>{1});
    }
  }
}

// A party whose AND openings are one bit short.
class TruncatingChannel final : public Channel {
 public:
  explicit TruncatingChannel(Channel& inner) : inner_(inner) {}
  PartyId self() const override { return inner_.self(); }
  int party_count() const override { return inner_.party_count(); }
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label != "gmw.and") return inner_.send(to, label, m);
    auto bits = m.bits(0, m.parts()[0].count);
    bits.pop_back();
    inner_.send(to, label, Message().add_bits(bits));
  }
  Message recv(PartyId from) override { return inner_.recv(from); }
  std::optional<Message> recv_until(PartyId from, SimTime d) override {
    return inner_.recv_until(from, d);
  }

 private:
  Channel& inner_;
};

TEST(GmwLocal, MalformedOpeningsAbortBlamingTheSender) {
  // One AND layer, output to party 0 only, so the truncating party 2 finishes on its own.
  const Circuit c = and_layer(5);
  std::vector<PartyInput> in(3);
  in[0].values.assign(5, 1);
  in[1].values.assign(5, 0);
  const GmwTrustedDealer gmw(c, 1);
  const auto r = run_local(3, {1, 10}, [&](PartyContext& ctx) {
    if (ctx.net.self() != 2) return gmw.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
    TruncatingChannel bad(ctx.net);
    PartyContext evil{bad, ctx.rng, ctx.clock, ctx.meter};
    return gmw.run(evil, in[2]);
  });
  for (PartyId p : {0, 1}) {
    EXPECT_EQ(r.parties[p].status, PartyStatus::kAbort);
    EXPECT_EQ(r.parties[p].blamed, std::vector<PartyId>{2});
  }
}

TEST(MakeGmw, ValidatesPartiesDomainGroupsAndParameters) {
  const Circuit c = and_layer(4);
  const auto starts = [](const Result<std::unique_ptr<Protocol>>& r, const std::string& prefix) {
    return !r.ok() && r.status().message().rfind(prefix, 0) == 0;
  };
  for (int n : {2, 3, 16, 40}) {
    EXPECT_TRUE(make_gmw(nlohmann::json::object(), c, n).ok());
    EXPECT_TRUE(make_gmw_dealer({{"name", "gmw_dealer"}, {"dealer_seed", 7}}, c, n).ok());
  }
  EXPECT_TRUE(make_gmw({{"name", "gmw"}}, c, 2).ok());
  EXPECT_TRUE(make_gmw_dealer(nlohmann::json::object(), c, 2).ok());
  EXPECT_TRUE(make_gmw_dealer({{"dealer_seed", 18446744073709551615ULL}}, c, 2).ok());
  EXPECT_TRUE(starts(make_gmw({}, c, 1), "/parties: "));
  EXPECT_TRUE(starts(make_gmw_dealer({}, c, 1), "/parties: "));
  EXPECT_TRUE(starts(make_gmw({{"threshold", 1}}, c, 3), "/protocol/threshold: "));
  EXPECT_TRUE(starts(make_gmw({{"dealer_seed", 1}}, c, 3), "/protocol/dealer_seed: "));
  EXPECT_TRUE(starts(make_gmw_dealer({{"dealer_seed", -1}}, c, 3), "/protocol/dealer_seed: "));
  EXPECT_TRUE(starts(make_gmw_dealer({{"dealer_seed", "1"}}, c, 3), "/protocol/dealer_seed: "));
  EXPECT_TRUE(starts(make_gmw_dealer({{"dealer_seed", 1.5}}, c, 3), "/protocol/dealer_seed: "));
  EXPECT_TRUE(starts(make_gmw_dealer({{"seed", 1}}, c, 3), "/protocol/seed: "));
  Circuit arith;
  arith.domain = CircuitDomain::kField61;
  arith.num_wires = 1;
  arith.inputs = {{"a", 0, {0}}};
  arith.outputs = {{"a", {}, {0}}};
  EXPECT_TRUE(starts(make_gmw({}, arith, 2), "/function: "));
  EXPECT_TRUE(starts(make_gmw_dealer({}, arith, 2), "/function: "));
  Circuit far = c;
  far.inputs[1].owner = 5;  // no party 5 among 3
  EXPECT_TRUE(starts(make_gmw({}, far, 3), "/function: "));
  EXPECT_TRUE(make_gmw({}, far, 6).ok());

  const auto gmw = make_gmw({}, c, 5);
  ASSERT_TRUE(gmw.ok());
  EXPECT_EQ((*gmw)->name(), "gmw");
  EXPECT_EQ((*gmw)->claim(5).model, AdversaryModel::kSemiHonest);
  EXPECT_EQ((*gmw)->claim(5).max_corruptions, 4);
  EXPECT_EQ((*gmw)->claim(5).guarantee, OutputGuarantee::kCorrect);
  const auto dealer = make_gmw_dealer({}, c, 5);
  ASSERT_TRUE(dealer.ok());
  EXPECT_EQ((*dealer)->name(), "gmw_dealer");
  EXPECT_EQ((*dealer)->claim(5).max_corruptions, 4);
  EXPECT_NE((*dealer)->claim(5).statement.find("trusted dealer"), std::string::npos);
  EXPECT_EQ((*gmw)->claim(5).statement.find("trusted dealer"), std::string::npos);
}

}  // namespace
}  // namespace smpc
