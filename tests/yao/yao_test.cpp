// Yao over LocalNetwork: outputs equal plain evaluation for random circuits, inputs, garbler
// choice and output groups; the bytes per label and the causal rounds are exactly yao_cost
// (the formula of yao.h); the millionaires' problem from the builder; determinism; the
// factory's validation; malformed tables abort blaming the garbler.
#include "protocols/core/forwarding_channel.h"
#include "protocols/yao/yao.h"

#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/abort.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/local_network.h"
#include "tests/yao/random_boolean_circuit.h"

namespace smpc {
namespace {

RunResult run_yao(const YaoSemiHonest& yao, const std::vector<PartyInput>& inputs,
                  std::uint64_t seed) {
  return run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    return yao.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
}

YaoCost measured_cost(const RunResult& r) {
  YaoCost c;
  for (const auto& p : r.parties) {
    for (const auto& [label, s] : p.meter.by_label) {
      c.bytes[label] += s.traffic.bytes;
      c.messages[label] += s.traffic.messages;
    }
    c.rounds = std::max(c.rounds, p.meter.max_round);
  }
  return c;
}

RC_GTEST_PROP(Yao, EqualsPlainEvaluationAtExactlyTheDocumentedCost, ()) {
  const auto bc = test::gen_boolean_case();
  RC_ASSERT(bc.circuit.validate(2).ok());
  const PartyId garbler = *rc::gen::inRange(0, 2);
  // Small chunks too, so multi-message table streams are exercised.
  const std::size_t chunk = *rc::gen::element<std::size_t>(1, 3, 16, kYaoTableChunkGates);
  const YaoSemiHonest yao(bc.circuit, garbler, chunk);
  RC_TAG(garbler);
  const auto r = run_yao(yao, bc.inputs, *rc::gen::arbitrary<std::uint64_t>());
  for (PartyId p = 0; p < 2; ++p) {
    const auto& pr = r.parties[static_cast<std::size_t>(p)];
    RC_ASSERT(pr.status == PartyStatus::kOutput);
    RC_ASSERT(pr.outputs == testing::expected_outputs(bc.circuit, bc.group_values, p));
  }
  const YaoCost want = yao_cost(bc.circuit, garbler, chunk), got = measured_cost(r);
  RC_ASSERT(got.bytes == want.bytes);
  RC_ASSERT(got.messages == want.messages);
  RC_ASSERT(got.rounds == want.rounds);
}

Circuit millionaires(std::size_t bits) {
  CircuitBuilder b;
  const auto alice = b.input("alice_wealth", 0, bits);
  const auto bob = b.input("bob_wealth", 1, bits);
  b.output("alice_is_poorer", {b.lt(alice, bob)});
  return b.take();
}

TEST(Yao, MillionairesProblemFromTheBuilderComparator) {
  const Circuit c = millionaires(32);
  ASSERT_EQ(c.count(GateType::kAnd), 32u);
  const YaoSemiHonest yao(c);
  const std::vector<std::pair<std::uint64_t, std::uint64_t>> cases = {
      {1'000'000, 2'500'000}, {2'500'000, 1'000'000}, {7, 7}, {0, 0xffffffff}};
  for (const auto& [alice, bob] : cases) {
    std::vector<PartyInput> in(2);
    for (std::size_t k = 0; k < 32; ++k) {
      in[0].values.push_back((alice >> k) & 1);
      in[1].values.push_back((bob >> k) & 1);
    }
    const auto r = run_yao(yao, in, alice ^ bob);
    for (const auto& p : r.parties)
      EXPECT_EQ(p.outputs, std::vector<std::uint64_t>{alice < bob ? 1u : 0u});
    // The worked example of yao.h: 8816 bytes in 4 rounds (one output wire: 6 + 16 B of
    // hashes to E, 6 + 16 B of label to G).
    const auto got = measured_cost(r);
    std::uint64_t total = 0;
    for (const auto& [label, b] : got.bytes) total += b;
    EXPECT_EQ(total, 518u + 4140 + 2054 + 1030 + 1030 + 22 + 22);
    EXPECT_EQ(total, 8816u);
    EXPECT_EQ(got.rounds, 4u);
    EXPECT_EQ(got.bytes.at("yao.tables"), 32u * 32 + 6);
  }
}

TEST(Yao, RoundsDoNotGrowWithCircuitSizeOrDepth) {
  // A chain of AND gates of depth d: rounds stay 4 (3 + garbler output) for every d.
  for (std::size_t depth : {1u, 10u, 200u}) {
    CircuitBuilder b;
    const auto x = b.input("x", 0, 1);
    const auto y = b.input("y", 1, 1);
    auto w = b.bit_and(x[0], y[0]);
    for (std::size_t k = 1; k < depth; ++k) w = b.bit_and(w, k % 2 ? x[0] : y[0]);
    b.output("z", {w});
    const Circuit c = b.take();
    const auto r = run_yao(YaoSemiHonest(c), {PartyInput{{1}}, PartyInput{{1}}}, depth);
    EXPECT_EQ(measured_cost(r).rounds, 4u) << depth;
    EXPECT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{1});
  }
}

TEST(Yao, SameSeedSameViewsOtherSeedOtherViewsSameOutputs) {
  const Circuit c = millionaires(8);
  const YaoSemiHonest yao(c);
  std::vector<PartyInput> in = {PartyInput{{1, 0, 1, 0, 0, 0, 0, 0}},
                                PartyInput{{0, 1, 1, 0, 0, 0, 0, 0}}};
  const auto a = run_yao(yao, in, 1), b = run_yao(yao, in, 1), d = run_yao(yao, in, 2);
  for (int p = 0; p < 2; ++p) {
    EXPECT_EQ(a.parties[p].meter.view_digest, b.parties[p].meter.view_digest);
    EXPECT_NE(a.parties[p].meter.view_digest, d.parties[p].meter.view_digest);
    EXPECT_EQ(a.parties[p].outputs, d.parties[p].outputs);
    EXPECT_EQ(a.parties[p].outputs, std::vector<std::uint64_t>{1});  // 5 < 6
  }
}

TEST(Yao, OutputsGoOnlyWhereTheGroupsSay) {
  // Party 0 learns x & y, party 1 learns x ^ y; nobody gets a decoding bit it should not.
  CircuitBuilder b;
  const auto x = b.input("x", 0, 1);
  const auto y = b.input("y", 1, 1);
  b.output("and", {b.bit_and(x[0], y[0])}, {0});
  b.output("xor", {b.bit_xor(x[0], y[0])}, {1});
  const Circuit c = b.take();
  for (PartyId garbler : {0, 1}) {
    const auto r = run_yao(YaoSemiHonest(c, garbler), {PartyInput{{1}}, PartyInput{{1}}}, 3);
    EXPECT_EQ(r.parties[0].outputs, std::vector<std::uint64_t>{1});
    EXPECT_EQ(r.parties[1].outputs, std::vector<std::uint64_t>{0});
    const auto got = measured_cost(r);
    EXPECT_EQ(got.messages.at("yao.decode"), 1u);
    EXPECT_EQ(got.messages.at("yao.reveal"), 1u);
    EXPECT_EQ(got.bytes.at("yao.decode"), 6u + 16);  // one wire: h(W^0), h(W^1), 8 B each
    EXPECT_EQ(got.bytes.at("yao.reveal"), 6u + 16);  // one wire: E's label
  }
}

TEST(Yao, EvaluatorWithoutInputsNeedsNoOt) {
  CircuitBuilder b;
  const auto x = b.input("x", 0, 8);
  b.output("popcount", b.popcount(x));
  const Circuit c = b.take();
  const auto r = run_yao(YaoSemiHonest(c), {PartyInput{{1, 1, 0, 1, 0, 0, 0, 1}}, PartyInput{}}, 4);
  EXPECT_EQ(r.parties[1].outputs, (std::vector<std::uint64_t>{0, 0, 1, 0}));  // 4, LSB first
  const auto got = measured_cost(r);
  EXPECT_EQ(got.bytes.count("yao.ot.base"), 0u);
  EXPECT_EQ(got.rounds, 2u);
  EXPECT_EQ(got.bytes, yao_cost(c).bytes);
}

// A garbler whose table stream is one block short: the evaluator aborts, blaming it.
class TruncatingChannel final : public ForwardingChannel {
 public:
  explicit TruncatingChannel(Channel& inner) : ForwardingChannel(inner) {}
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label != "yao.tables") return inner_.send(to, label, m);
    Message cut = m;
    auto& part = cut.mutable_parts()[0];
    part.count -= 1;
    part.data.resize(part.data.size() - 16);
    inner_.send(to, label, cut);
  }
};

TEST(Yao, MalformedTablesAbortBlamingTheGarbler) {
  Circuit c = millionaires(16);
  c.outputs[0].receivers = {1};  // so the garbler does not wait for a reveal that never comes
  const YaoSemiHonest yao(c);
  std::vector<PartyInput> in = {PartyInput{std::vector<std::uint64_t>(16, 1)},
                                PartyInput{std::vector<std::uint64_t>(16, 0)}};
  const auto r = run_local(2, {1, 10}, [&](PartyContext& ctx) {
    if (ctx.net.self() != 0) return yao.run(ctx, in[1]);
    TruncatingChannel bad(ctx.net);
    PartyContext evil{bad, ctx.rng, ctx.clock, ctx.meter};
    return yao.run(evil, in[0]);
  });
  EXPECT_EQ(r.parties[1].status, PartyStatus::kAbort);
  EXPECT_EQ(r.parties[1].blamed, std::vector<PartyId>{0});
}

TEST(MakeYao, ValidatesPartiesDomainOwnersAndParameters) {
  const Circuit c = millionaires(4);
  EXPECT_TRUE(make_yao(nlohmann::json::object(), c, 2).ok());
  EXPECT_TRUE(make_yao({{"name", "yao"}, {"garbler", 1}}, c, 2).ok());
  const auto starts = [](const Result<std::unique_ptr<Protocol>>& r, const std::string& prefix) {
    return !r.ok() && r.status().message().rfind(prefix, 0) == 0;
  };
  EXPECT_TRUE(starts(make_yao({}, c, 3), "/parties: "));
  EXPECT_TRUE(starts(make_yao({{"garbler", 2}}, c, 2), "/protocol/garbler: "));
  EXPECT_TRUE(starts(make_yao({{"garbler", "0"}}, c, 2), "/protocol/garbler: "));
  EXPECT_TRUE(starts(make_yao({{"threshold", 1}}, c, 2), "/protocol/threshold: "));
  Circuit arith;
  arith.domain = CircuitDomain::kField61;
  arith.num_wires = 1;
  arith.inputs = {{"a", 0, {0}}};
  arith.outputs = {{"a", {}, {0}}};
  EXPECT_TRUE(starts(make_yao({}, arith, 2), "/function: "));
  Circuit three = c;
  three.inputs[1].owner = 2;
  EXPECT_TRUE(starts(make_yao({}, three, 2), "/function: "));
  const auto ok = make_yao({}, c, 2);
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ((*ok)->name(), "yao");
  EXPECT_EQ((*ok)->claim(2).model, AdversaryModel::kSemiHonest);
  EXPECT_EQ((*ok)->claim(2).max_corruptions, 1);
}

}  // namespace
}  // namespace smpc
