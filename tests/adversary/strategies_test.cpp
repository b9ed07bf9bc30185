// Each strategy's effect on the wire, on a tiny protocol over LocalNetwork: every party sends
// one message of field elements to every other party per round, for two rounds.
#include <gtest/gtest.h>

#include "adversary/adversarial_channel.h"
#include "adversary/elements.h"
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
  std::map<PartyId, std::vector<StepHits>> hits;  // per corrupted party, per script step
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
    if (adv_ch) {
      adv_ch->flush();
      std::lock_guard lock(mu);
      obs.hits[me] = adv_ch->hits();
    }
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

// ---------------------------------------------------------------------------------------------
// What each step did: hits, out of range, unchanged (the summary's and --strict's input).

void expect_hits(const StepHits& h, std::uint64_t matched, std::uint64_t hits,
                 std::uint64_t out_of_range, const std::string& what) {
  EXPECT_EQ(h.matched, matched) << what;
  EXPECT_EQ(h.hits, hits) << what;
  EXPECT_EQ(h.out_of_range, out_of_range) << what;
}

TEST(StepHits, EachStepCountsWhatItMatchedAndChanged) {
  // kBad sends test.one to 0 and 2 (round 1), then test.two to 0 and 2 (round 2).
  const auto o = run_with({{{"strategy", "add"}, {"element", 1}, {"delta", 5}, {"round", 1}},
                           {{"strategy", "drop"}, {"label", "test.tow"}},
                           {{"strategy", "add"}, {"element", 5}},
                           {{"strategy", "equivocate"}, {"to", {0}}, {"element", 0}},
                           {{"strategy", "replay"}, {"label", "test.one"}},
                           {{"strategy", "bit_flip"}, {"element", 0}, {"bit", 64}},
                           {{"strategy", "truncate"}, {"bytes", 1000}},
                           {{"strategy", "delay"}, {"round", 7}, {"delay_s", 0.1}}});
  const auto& h = o.hits.at(kBad);
  ASSERT_EQ(h.size(), 8u);
  expect_hits(h[0], 2, 2, 0, "add element 1 in round 1");
  expect_hits(h[1], 0, 0, 0, "a typo'd label matches nothing");
  expect_hits(h[2], 4, 0, 4, "element 5 of two-element messages");
  expect_hits(h[3], 4, 2, 0, "equivocate changes only the messages to party 0");
  expect_hits(h[4], 2, 0, 0, "replay of each recipient's first message sends it as is");
  expect_hits(h[5], 4, 0, 4, "bit 64 of an 8-byte element");
  expect_hits(h[6], 4, 0, 4, "truncating to more bytes than the message has");
  expect_hits(h[7], 0, 0, 0, "round 7 of a 2-round run");
  // The honest parties are not counted.
  EXPECT_EQ(o.hits.size(), 1u);
}

TEST(StepHits, IdleStepsSayWhy) {
  StrategyStep typo;
  typo.kind = StrategyKind::kDrop;
  typo.label = "test.tow";
  const std::vector<MessageLabel> labels = {{"test.one", ""}, {"test.two", ""}};
  EXPECT_EQ(idle_reason(typo, {}, labels),
            "no message matched its selectors; the protocol sends no label \"test.tow\" (its "
            "labels: test.one, test.two)");
  typo.label = "test.*";
  EXPECT_EQ(idle_reason(typo, {}, labels), "no message matched its selectors");
  StrategyStep beyond;
  beyond.kind = StrategyKind::kAdd;
  beyond.element = 5;
  EXPECT_EQ(idle_reason(beyond, {4, 0, 4}, labels),
            "it matched 4 messages and changed none: element 5 lies beyond 4 messages");
  EXPECT_EQ(idle_reason(beyond, {4, 1, 3}, labels), "");
  EXPECT_EQ(step_text(beyond), "add element=5 delta=1");
}

TEST(Selectors, ElementRangesSelectExactlyTheirElements) {
  auto o = run_with({{{"strategy", "add"}, {"element", {{"from", 0}, {"to", 1}}}, {"delta", 5}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 16u);
  EXPECT_EQ(v(o.received[0][kBad][0], 1), 106u);
  // A range beyond the message changes the elements it has.
  o = run_with({{{"strategy", "add"}, {"element", {{"from", 1}, {"to", 9}}}, {"delta", 5}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u);
  EXPECT_EQ(v(o.received[0][kBad][0], 1), 106u);
  expect_hits(o.hits.at(kBad)[0], 4, 4, 0, "range 1-9 on two-element messages");
  o = run_with({{{"strategy", "add"}, {"element", {{"from", 2}, {"to", 9}}}}});
  expect_hits(o.hits.at(kBad)[0], 4, 0, 4, "range 2-9 on two-element messages");
  o = run_with({{{"strategy", "add"}, {"element", "all"}, {"delta", 1}}});
  EXPECT_EQ(v(o.received[2][kBad][1], 0), 13u);
  EXPECT_EQ(v(o.received[2][kBad][1], 1), 103u);
}

TEST(Selectors, OccurrenceCountsPerSenderAndLabel) {
  // test.one goes to 0 first, then to 2: the 2nd occurrence is the one to party 2.
  auto o = run_with({{{"strategy", "add"}, {"label", "test.one"}, {"occurrence", 2}, {"delta", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), 11u);
  EXPECT_EQ(v(o.received[2][kBad][0], 0), 12u);
  EXPECT_EQ(v(o.received[2][kBad][1], 0), 12u);  // test.two untouched
  expect_hits(o.hits.at(kBad)[0], 1, 1, 0, "occurrence 2 of test.one");
  // A prefix counts each label on its own: the 2nd test.one and the 2nd test.two.
  o = run_with({{{"strategy", "add"}, {"label", "test.*"}, {"occurrence", 2}, {"delta", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][1], 0), 12u);
  EXPECT_EQ(v(o.received[2][kBad][0], 0), 12u);
  EXPECT_EQ(v(o.received[2][kBad][1], 0), 13u);
  // Among the messages the other selectors match: the 1st test.two to party 2.
  o = run_with({{{"strategy", "drop"}, {"to", {2}}, {"label", "test.two"}, {"occurrence", 1}}});
  EXPECT_EQ(o.received[2][kBad].size(), 1u);
  EXPECT_EQ(o.received[0][kBad].size(), 2u);
  o = run_with({{{"strategy", "drop"}, {"label", "test.one"}, {"occurrence", 3}}});
  expect_hits(o.hits.at(kBad)[0], 0, 0, 0, "there is no 3rd test.one");
}

TEST(Selectors, NegativeDeltaSubtractsInTheFieldAndInEveryDomain) {
  auto o = run_with({{{"strategy", "add"}, {"element", 1}, {"delta", -5}, {"round", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 1), 96u);
  o = run_with({{{"strategy", "add"}, {"element", 0}, {"delta", -20}, {"round", 1}}});
  EXPECT_EQ(v(o.received[0][kBad][0], 0), Fp61::kModulus - 9);
  // The other domains, directly.
  const std::uint64_t ring[] = {5};
  Message m = Message().add_ring64(ring).add_bytes(Bytes{5}).add_bits({true});
  EXPECT_EQ(add_to_elements(m, {0, kAllElements}, 7, true), 3u);
  EXPECT_EQ(m.ring64(0, 1)[0], std::uint64_t{0} - 2);
  EXPECT_EQ(m.bytes(1)[0], 254);
  EXPECT_EQ(m.bits(2, 1)[0], false);  // 7 is odd: the bit flips
  EXPECT_EQ(add_to_elements(m, {0, 1}, 3, false), 1u);
  EXPECT_EQ(m.ring64(0, 1)[0], 1u);  // -2 + 3
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
