#include <gtest/gtest.h>

#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"

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
