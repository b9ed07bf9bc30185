// Each strategy's effect on the wire, on a tiny protocol over LocalNetwork: every party sends
// one message of field elements to every other party per round, for two rounds.
#include <gtest/gtest.h>

#include "adversary/adversarial_channel.h"
#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"

namespace smpc {
namespace {

constexpr int kParties = 3;
constexpr PartyId kBad = 1;

struct Observed {
  RunResult run;
  // received[p][q] = field vectors p received from q, in order
  std::vector<std::vector<std::vector<std::vector<Fp61>>>> received;
  std::vector<ViewEntry> joint_view;
};

// Party p sends [10p + r, 100 + r] to everyone in round r = 1, 2; then reads whatever arrives
// from each peer until a short timeout.
Observed run_with(const std::vector<nlohmann::json>& script, const std::string& model = "malicious",
                  std::vector<PartyId> corrupt = {kBad}) {
  nlohmann::json adv{{"corrupt", corrupt}, {"model", model}, {"script", script}};
  auto spec = parse_adversary(adv, kParties);
  EXPECT_TRUE(spec.ok()) << spec.status().message();
  Coalition coalition(*spec);
  Observed obs;
  obs.received.resize(kParties, std::vector<std::vector<std::vector<Fp61>>>(kParties));
  std::mutex mu;
  LocalRunOptions o;
  o.timeout_s = 2;
  obs.run = run_local(kParties, o, [&](PartyContext& ctx) {
    const PartyId me = ctx.net.self();
    std::optional<AdversarialChannel> adv_ch;
    std::optional<PartyContext> actx;
    if (coalition.spec().corrupts(me)) {
      adv_ch.emplace(ctx, coalition, ctx.rng.derive("adversary"));
      actx.emplace(PartyContext{*adv_ch, ctx.rng, ctx.clock, ctx.meter, ctx.annotations});
    }
    PartyContext& c = actx ? *actx : ctx;
    for (std::uint64_t r = 1; r <= 2; ++r) {
      std::vector<Fp61> v = {Fp61::from_u64(10 * static_cast<std::uint64_t>(me) + r),
                             Fp61::from_u64(100 + r)};
      for (PartyId q = 0; q < kParties; ++q)
        if (q != me) c.net.send(q, r == 1 ? "test.one" : "test.two", Message().add_field61(v));
      for (PartyId q = 0; q < kParties; ++q) {
        if (q == me) continue;
        auto m = c.net.recv_until(q, c.clock.now() + 0.5);
        if (!m) continue;
        std::lock_guard lock(mu);
        obs.received[me][q].push_back(m->field61(0, 2));
      }
    }
    if (adv_ch) adv_ch->flush();
    // Drain anything left (duplicates, flushed reorders).
    for (PartyId q = 0; q < kParties; ++q) {
      if (q == me) continue;
      while (auto m = c.net.recv_until(q, c.clock.now() + 0.2)) {
        std::lock_guard lock(mu);
        obs.received[me][q].push_back(m->field61(0, 2));
      }
    }
    return PartyOutput{};
  });
  obs.joint_view = coalition.joint_view();
  return obs;
}

std::uint64_t v(const std::vector<Fp61>& m, std::size_t k) { return m[k].value(); }

TEST(Strategies, HonestBaseline) {
  const auto o = run_with({});
  ASSERT_EQ(o.received[0][kBad].size(), 2u);
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u);
  EXPECT_EQ(v(o.received[0][kBad][1], 0), 12u);
}

TEST(Strategies, DropOnlyTheSelectedLabel) {
  const auto o = run_with({{{"strategy", "drop"}, {"label", "test.one"}}});
  ASSERT_EQ(o.received[0][kBad].size(), 1u);
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 12u);
}

TEST(Strategies, DuplicateReplayReorder) {
  auto o = run_with({{{"strategy", "duplicate"}, {"label", "test.two"}, {"to", {2}}}});
  EXPECT_EQ(o.received[2][kBad].size(), 3u);
  EXPECT_EQ(o.received[0][kBad].size(), 2u);
  o = run_with({{{"strategy", "replay"}, {"label", "test.two"}}});
  ASSERT_EQ(o.received[0][kBad].size(), 2u);
  EXPECT_EQ(v(o.received[0][kBad][1], 0), 11u);  // round 1's message again
  o = run_with({{{"strategy", "reorder"}, {"label", "test.one"}}});
  ASSERT_EQ(o.received[0][kBad].size(), 2u);
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 12u);
  EXPECT_EQ(v(o.received[0][kBad][1], 0), 11u);
}

TEST(Strategies, ElementTampering) {
  auto o = run_with({{{"strategy", "add"}, {"element", 1}, {"delta", 5}, {"round", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 1), 106u);
  EXPECT_EQ(v(o.received[0][kBad][1], 1), 102u);  // round 2 untouched
  o = run_with({{{"strategy", "bit_flip"}, {"element", 0}, {"bit", 2}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u ^ 4u);
  o = run_with({{{"strategy", "randomize"}, {"element", 0}}});
  EXPECT_NE(v(o.received[0][kBad][0], 0), 11u);
  // add wraps modulo p.
  o = run_with({{{"strategy", "add"}, {"element", 0}, {"delta", Fp61::kModulus - 11}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 0u);
}

TEST(Strategies, EquivocateSendsDifferentVersions) {
  const auto o = run_with({{{"strategy", "equivocate"}, {"to", {0}}, {"element", 0}, {"delta", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 12u);
  EXPECT_EQ(v(o.received[2][kBad][0], 0), 11u);
}

TEST(Strategies, SelectiveAbortAndCrash) {
  auto o = run_with({{{"strategy", "selective_abort"}, {"to", {2}}, {"round", 2}}});
  EXPECT_EQ(o.received[2][kBad].size(), 1u);
  EXPECT_EQ(o.received[0][kBad].size(), 2u);
  o = run_with({{{"strategy", "crash"}, {"label", "test.two"}}});
  EXPECT_EQ(o.received[0][kBad].size(), 1u);
  EXPECT_EQ(o.received[2][kBad].size(), 1u);
  EXPECT_EQ(o.run.parties[kBad].status, PartyStatus::kAbort);
  EXPECT_NE(o.run.parties[kBad].abort_reason.find("crashed"), std::string::npos);
}

TEST(Strategies, TruncateMakesTheReceiverAbortBlamingTheSender) {
  nlohmann::json adv{{"corrupt", {kBad}}, {"model", "malicious"},
                     {"script", {{{"strategy", "truncate"}, {"bytes", 4}}}}};
  Coalition coalition(*parse_adversary(adv, 2));
  const auto r = run_local(2, {}, [&](PartyContext& ctx) {
    if (ctx.net.self() == kBad) {
      AdversarialChannel ch(ctx, coalition, ctx.rng.derive("adversary"));
      ch.send(0, "x", Message().add_field61(std::vector<Fp61>(3)));
      return PartyOutput{};
    }
    (void)ctx.net.recv(kBad).field61(0, 3);
    return PartyOutput{};
  });
  EXPECT_EQ(r.parties[0].status, PartyStatus::kAbort);
  EXPECT_EQ(r.parties[0].blamed, std::vector<PartyId>{kBad});
  EXPECT_EQ(r.parties[kBad].meter.sent.bytes, 4u);
}

TEST(Strategies, RushingSeesHonestMessagesFirst) {
  // Without rushing the corrupted party's round-1 messages have causal round 1; rushing makes it
  // wait for the honest round-1 messages, so its own carry round 2 and its view holds them.
  auto o = run_with({});
  EXPECT_EQ(o.run.parties[kBad].meter.by_label.at("test.one").first_round, 1u);
  o = run_with({{{"strategy", "rushing"}, {"label", "test.one"}, {"window_s", 0.2}}});
  EXPECT_EQ(o.run.parties[kBad].meter.by_label.at("test.one").first_round, 2u);
  ASSERT_GE(o.joint_view.size(), 2u);
  EXPECT_EQ(o.joint_view[0].label, "test.one");
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u);  // content unchanged, only timing
}

// The test-only strategy of toy_zero_strategy.cpp: parsed, applied, listed like a built-in.
TEST(Strategies, ToyZeroFromATestFileRunsThroughTheChannel) {
  const auto o = run_with({{{"strategy", "zero"}, {"element", 1}, {"round", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u);
  EXPECT_EQ(v(o.received[0][kBad][0], 1), 0u);
  EXPECT_EQ(v(o.received[0][kBad][1], 1), 102u);  // round 2 untouched
  const auto catalog = strategy_catalog();
  EXPECT_TRUE(std::any_of(catalog.begin(), catalog.end(),
                          [](const StrategyInfo& s) { return s.name == "zero"; }));
  EXPECT_EQ(strategy_step_schema()["properties"]["strategy"]["enum"].back(), "zero");
}

TEST(Views, SemiHonestCoalitionRecordsItsJointView) {
  const auto o = run_with({}, "semi-honest", {0, 2});
  // Each corrupted party receives 2 messages from each of 2 peers.
  ASSERT_EQ(o.joint_view.size(), 8u);
  int from_honest = 0;
  for (const auto& e : o.joint_view) {
    EXPECT_TRUE(e.to == 0 || e.to == 2);
    EXPECT_FALSE(e.wire.empty());
    EXPECT_TRUE(e.label == "test.one" || e.label == "test.two");
    EXPECT_EQ(e.round, e.label == "test.one" ? 1u : 2u);
    from_honest += e.from == 1;
  }
  EXPECT_EQ(from_honest, 4);
}

TEST(AdversarySpec, BadSpecsNameThePointer) {
  auto expect = [](const nlohmann::json& j, const std::string& needle) {
    auto s = parse_adversary(j, 4);
    ASSERT_FALSE(s.ok());
    EXPECT_NE(s.status().message().find(needle), std::string::npos) << s.status().message();
  };
  expect({{"corrupt", {7}}}, "/adversary/corrupt/0: party 7 does not exist");
  expect({{"corrupt", {1, 1}}}, "listed twice");
  expect({{"corrupt", {0, 1, 2, 3}}}, "at least one party must stay honest");
  expect({{"corrupt", {1}}, {"script", {{{"strategy", "drop"}}}}}, "semi-honest adversary");
  expect({{"corrupt", {1}}, {"model", "malicious"}, {"script", {{{"strategy", "teleport"}}}}},
         "/adversary/script/0/strategy: unknown strategy");
  expect({{"corrupt", {1}}, {"model", "malicious"},
          {"script", {{{"strategy", "drop"}, {"party", 2}}}}},
         "/adversary/script/0/party: party 2 is not corrupted");
  expect({{"corrupt", {1}}, {"model", "malicious"}, {"script", {{{"strategy", "equivocate"}}}}},
         "needs \"to\"");
  expect({{"corrupt", {1}}, {"model", "malicious"},
          {"script", {{{"strategy", "input_substitution"}}}}},
         "needs \"value\"");
}

}  // namespace
}  // namespace smpc
