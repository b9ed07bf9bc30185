#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"
#include "protocols/core/run_result.h"

namespace smpc {
namespace {

TEST(LocalNetwork, PingPongRoundsBytesAndLabels) {
  constexpr int kExchanges = 5;
  const auto r = run_local(2, {}, [](PartyContext& ctx) {
    std::vector<std::uint64_t> v = {1, 2, 3};
    for (int i = 0; i < kExchanges; ++i) {
      if (ctx.net.self() == 0) {
        ctx.net.send(1, "ping", Message().add_ring64(v));
        (void)ctx.net.recv(1).ring64(0, 3);
      } else {
        (void)ctx.net.recv(0).ring64(0, 3);
        ctx.net.send(0, "pong", Message().add_ring64(v));
      }
    }
    return PartyOutput{{static_cast<std::uint64_t>(ctx.net.self())}};
  });
  ASSERT_EQ(r.parties.size(), 2u);
  const std::uint64_t msg = 6 + 3 * 8;
  for (const auto& p : r.parties) {
    EXPECT_EQ(p.status, PartyStatus::kOutput);
    EXPECT_EQ(p.meter.sent.messages, static_cast<std::uint64_t>(kExchanges));
    EXPECT_EQ(p.meter.sent.bytes, kExchanges * msg);
    EXPECT_EQ(p.meter.received.bytes, kExchanges * msg);
  }
  // Causal rounds: ping i has round 2i-1, pong i has round 2i.
  EXPECT_EQ(r.parties[0].meter.max_round, 2u * kExchanges - 1);
  EXPECT_EQ(r.parties[1].meter.max_round, 2u * kExchanges);
  EXPECT_EQ(r.parties[0].meter.by_label.at("ping").first_round, 1u);
  EXPECT_EQ(r.parties[1].meter.by_label.at("pong").last_round, 2u * kExchanges);
  // Same seed: same views.
  EXPECT_FALSE(r.parties[0].meter.view_digest.empty());
}

TEST(LocalNetwork, ParallelSendsShareOneRound) {
  const auto r = run_local(4, {}, [](PartyContext& ctx) {
    send_to_all(ctx.net, "all", Message().add_bits({true}));
    (void)recv_from_all(ctx.net);
    send_to_all(ctx.net, "again", Message().add_bits({false}));
    (void)recv_from_all(ctx.net);
    return PartyOutput{};
  });
  for (const auto& p : r.parties) {
    EXPECT_EQ(p.meter.max_round, 2u);
    EXPECT_EQ(p.meter.sent.messages, 6u);
  }
}

TEST(LocalNetwork, MissingMessageIsNoOutputNotAHang) {
  LocalRunOptions o;
  o.timeout_s = 0.2;
  const auto r = run_local(2, o, [](PartyContext& ctx) {
    if (ctx.net.self() == 0) (void)ctx.net.recv(1);  // party 1 never sends
    return PartyOutput{};
  });
  EXPECT_EQ(r.parties[0].status, PartyStatus::kNoOutput);
  EXPECT_EQ(r.parties[0].blamed, std::vector<PartyId>{1});
  EXPECT_EQ(r.parties[1].status, PartyStatus::kOutput);
}

TEST(LocalNetwork, AbortIsAnOutcomeAndNamesTheCulprit) {
  const auto r = run_local(3, {}, [](PartyContext& ctx) -> PartyOutput {
    if (ctx.net.self() == 2) throw Abort("check failed", {0}, AbortKind::kCheckFailed);
    return {};
  });
  EXPECT_EQ(r.parties[2].status, PartyStatus::kAbort);
  EXPECT_EQ(r.parties[2].abort_reason, "check failed");
  EXPECT_EQ(r.parties[2].blamed, std::vector<PartyId>{0});
}

TEST(Envelope, MalformedBytesAbortBlamingTheSender) {
  Meter m(0, 2);
  Envelope env{{1, 1, 5, 0, 0, 0}, "x", 1};  // declares 5 field elements, carries none
  try {
    (void)open_envelope(env, 1, m);
    FAIL();
  } catch (const Abort& a) {
    EXPECT_EQ(a.kind(), AbortKind::kMalformed);
    EXPECT_EQ(a.blamed(), std::vector<PartyId>{1});
    EXPECT_NE(std::string(a.what()).find("label 'x'"), std::string::npos);
  }
  EXPECT_EQ(m.snapshot().received.bytes, 6u);  // what arrived is accounted even if rejected
}

// LocalNetwork hands messages over as objects (open_message); it must account, record and
// reject exactly as if the bytes had gone over a wire (open_envelope of the encoding).
struct Opened {
  std::optional<Message> message;
  std::string abort;
  MeterSnapshot meter;
};
Opened open_both_ways(const Message& m, bool as_object) {
  Meter meter(0, 3);
  Opened o;
  try {
    o.message = as_object ? open_message(m, "lbl", 4, 2, meter)
                          : open_envelope(Envelope{m.encode(), "lbl", 4}, 2, meter);
  } catch (const Abort& a) {
    o.abort = a.what();
  }
  o.meter = meter.snapshot();
  return o;
}

TEST(Envelope, AMessageHandedOverAsAnObjectIsSeenAsItsBytesWouldBe) {
  const std::vector<Fp61> f = {Fp61::from_u64(7), Fp61::from_u64(Fp61::kModulus - 1)};
  const std::vector<std::uint8_t> raw_bytes = {3, 9, 27};
  std::vector<Message> cases;
  cases.push_back(Message());
  cases.push_back(Message().add_field61(f).add_bits({true, false, true}).add_bytes(raw_bytes));
  cases.push_back(Message().add_ring64(std::vector<std::uint64_t>(1000, 5)));
  cases.push_back(Message::raw({1, 1, 5, 0, 0, 0}));  // truncated: must abort as bytes do
  cases.push_back(Message::raw(Message().add_bits({true}).encode()));  // raw but well-formed
  // Hand-made parts an adversary can build: a non-canonical field element, set padding bits,
  // a count that disagrees with the data.
  Message non_canonical = Message().add_field61(f);
  store_le64(non_canonical.mutable_parts()[0].data.data(), Fp61::kModulus);
  cases.push_back(non_canonical);
  Message padding = Message().add_bits({true, true, true});
  padding.mutable_parts()[0].data[0] = 0xff;
  cases.push_back(padding);
  Message short_count = Message().add_ring64(std::vector<std::uint64_t>{1, 2});
  short_count.mutable_parts()[0].count = 5;
  cases.push_back(short_count);
  Message many_parts;
  for (int i = 0; i < 255; ++i) many_parts.add_bits({true});
  many_parts.mutable_parts().push_back(many_parts.parts()[0]);  // 256 parts: the count wraps
  cases.push_back(many_parts);
  for (std::size_t c = 0; c < cases.size(); ++c) {
    SCOPED_TRACE("case " + std::to_string(c));
    const Opened object = open_both_ways(cases[c], true);
    const Opened bytes = open_both_ways(cases[c], false);
    EXPECT_EQ(object.abort, bytes.abort);
    ASSERT_EQ(object.message.has_value(), bytes.message.has_value());
    if (object.message) {
      EXPECT_EQ(*object.message, *bytes.message);
      EXPECT_EQ(object.message->sender(), 2);
      EXPECT_EQ(object.message->label(), "lbl");
      EXPECT_EQ(object.message->round(), 4u);
    }
    EXPECT_EQ(object.meter.view_digest, bytes.meter.view_digest);
    EXPECT_EQ(object.meter.received.bytes, bytes.meter.received.bytes);
    EXPECT_EQ(object.meter.received.messages, bytes.meter.received.messages);
  }
  // The cases above really cover both paths.
  EXPECT_TRUE(cases[1].round_trips());
  EXPECT_FALSE(cases[3].round_trips());
  EXPECT_FALSE(cases[5].round_trips());
  EXPECT_FALSE(cases[6].round_trips());
  EXPECT_FALSE(cases[7].round_trips());
  EXPECT_FALSE(cases[8].round_trips());
  EXPECT_FALSE(open_both_ways(cases[5], true).abort.empty());
}

// The view digest: BLAKE3-256 of the view, each message framed by its sender (4 bytes LE) and
// length (8 bytes LE), so neither the split into messages nor the senders can be traded for
// one another without changing it.
std::string digest_of(const std::vector<std::pair<PartyId, std::string>>& view) {
  Meter m(0, 3);
  for (const auto& [from, bytes] : view)
    m.record_receive(from, ByteSpan(reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                    bytes.size()), 1);
  return m.snapshot().view_digest;
}

TEST(Meter, ViewDigestOfAnEmptyViewIsBlake3OfNothing) {
  // BLAKE3's published test vector for the empty input (BLAKE3 specification, test_vectors.json).
  EXPECT_EQ(digest_of({}), "af1349b9f5f9a1a6a0404dea36dcc9499bcb25c9adc112b7cc9a93cae41f3262");
}

TEST(Meter, ViewDigestFixesOrderFramingAndSenders) {
  const std::string base = digest_of({{1, "ab"}, {2, "c"}});
  EXPECT_EQ(base.size(), 64u);
  EXPECT_EQ(digest_of({{1, "ab"}, {2, "c"}}), base);  // a function of the view alone
  EXPECT_NE(digest_of({{2, "c"}, {1, "ab"}}), base);  // order
  EXPECT_NE(digest_of({{1, "a"}, {2, "bc"}}), base);  // split
  EXPECT_NE(digest_of({{1, "abc"}}), base);           // framing: one message, not two
  EXPECT_NE(digest_of({{1, "ab"}, {1, "c"}}), base);  // sender
  EXPECT_NE(digest_of({{1, "ab"}, {2, "d"}}), base);  // content
  EXPECT_NE(digest_of({{1, "ab"}, {2, "c"}, {1, ""}}), base);  // an empty message is seen
  // Large messages go through BLAKE3's SIMD tree mode; one flipped bit in the middle shows.
  std::string big(1 << 20, 'x');
  const std::string big_digest = digest_of({{1, big}});
  big[big.size() / 2] ^= 1;
  EXPECT_NE(digest_of({{1, big}}), big_digest);
}

TEST(Meter, SnapshotDoesNotDisturbTheDigest) {
  const std::uint8_t a[] = {1, 2, 3}, b[] = {4};
  Meter once(0, 2), twice(0, 2);
  once.record_receive(1, a, 1);
  once.record_receive(1, b, 2);
  twice.record_receive(1, a, 1);
  const std::string early = twice.snapshot().view_digest;
  EXPECT_EQ(twice.snapshot().view_digest, early);
  twice.record_receive(1, b, 2);
  EXPECT_EQ(twice.snapshot().view_digest, once.snapshot().view_digest);
  EXPECT_NE(early, once.snapshot().view_digest);
}

TEST(RunResultJson, RoundTrips) {
  const auto r = run_local(3, {}, [](PartyContext& ctx) {
    send_to_all(ctx.net, "x", Message().add_bits({true, true}));
    (void)recv_from_all(ctx.net);
    return PartyOutput{{7, 8}};
  });
  nlohmann::json j = r;
  RunResult back = j.get<RunResult>();
  EXPECT_EQ(nlohmann::json(back).dump(), j.dump());
  EXPECT_EQ(back.parties[1].meter, r.parties[1].meter);
}

}  // namespace
}  // namespace smpc
