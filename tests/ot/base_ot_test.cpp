// Masny–Rindal and Naor–Pinkas base OT: the receiver gets exactly k_{i,c_i}, one round, documented sizes, and a
// malformed peer message is an Abort blaming the peer.
#include "protocols/ot/base_ot.h"

#include <gtest/gtest.h>

#include <algorithm>

#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"

namespace smpc {
namespace {

struct BaseRun {
  std::vector<std::array<OtKey, 2>> sender_keys;
  std::vector<OtKey> receiver_keys;
  RunResult result;
};

BaseRun run_base(const std::vector<bool>& choices, std::uint64_t seed) {
  BaseRun out;
  out.result = run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      MasnyRindalSender s(choices.size(), ctx.rng);
      ctx.net.send(1, "base", s.first_message());
      out.sender_keys = s.keys(ctx.net.recv(1));
    } else {
      MasnyRindalReceiver r(choices, ctx.rng);
      ctx.net.send(0, "base", r.first_message());
      out.receiver_keys = r.keys(ctx.net.recv(0));
    }
    return PartyOutput{};
  });
  return out;
}

TEST(MasnyRindal, ReceiverGetsExactlyTheChosenKeyInOneRound) {
  std::vector<bool> choices;
  for (int i = 0; i < 40; ++i) choices.push_back((i * 7 + 3) % 5 < 2);
  const auto run = run_base(choices, 9);
  ASSERT_EQ(run.receiver_keys.size(), choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) {
    EXPECT_EQ(run.receiver_keys[i], run.sender_keys[i][choices[i]]) << i;
    EXPECT_NE(run.receiver_keys[i], run.sender_keys[i][!choices[i]]) << i;
    EXPECT_NE(run.sender_keys[i][0], run.sender_keys[i][1]);
  }
  // One round: each side sends before receiving. Sizes: A = 6 + 32, (r0, r1)s = 6 + 64n.
  EXPECT_EQ(run.result.parties[0].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[1].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[0].meter.sent.bytes, 38u);
  EXPECT_EQ(run.result.parties[1].meter.sent.bytes, 6u + 64 * 40);
}

TEST(MasnyRindal, SameSeedSameKeysOtherSeedOtherKeys) {
  const std::vector<bool> choices = {true, false, true};
  const auto a = run_base(choices, 1), b = run_base(choices, 1), c = run_base(choices, 2);
  EXPECT_EQ(a.receiver_keys, b.receiver_keys);
  EXPECT_NE(a.receiver_keys, c.receiver_keys);
}

TEST(MasnyRindal, InvalidPointsAndShapesAbortBlamingThePeer) {
  Rng sender_rng(1, 0, "t"), rng(2, 1, "t");
  MasnyRindalSender sender(2, sender_rng);
  MasnyRindalReceiver receiver({true, false}, rng);
  Message good = receiver.first_message();
  good.set_sender(1);
  EXPECT_NO_THROW((void)sender.keys(good));

  Message bad = good;
  std::fill_n(bad.mutable_parts()[0].data.begin() + 32 * 3, 32, 0xff);  // point 3: invalid
  bad.set_sender(1);
  try {
    (void)sender.keys(bad);
    ADD_FAILURE() << "an invalid point was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), AbortKind::kMalformed);
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{1});
  }
  Message wrong_count = Message().add_points(std::vector<PointBytes>(3));
  wrong_count.set_sender(1);
  EXPECT_THROW((void)sender.keys(wrong_count), Abort);
  Message not_points = Message().add_bytes(Bytes(128, 0));
  not_points.set_sender(1);
  EXPECT_THROW((void)sender.keys(not_points), Abort);

  PointBytes ff;
  ff.fill(0xff);
  Message bad_a = Message().add_points(std::vector<PointBytes>{ff});
  bad_a.set_sender(0);
  try {
    (void)receiver.keys(bad_a);
    ADD_FAILURE() << "an invalid A was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), AbortKind::kMalformed);
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{0});
  }
}

// ---- Naor–Pinkas (base_ot.h) -----------------------------------------------------------------

BaseRun run_np(const std::vector<bool>& choices, std::uint64_t seed) {
  BaseRun out;
  out.result = run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      NaorPinkasSender s(choices.size(), ctx.rng);
      ctx.net.send(1, "base", s.first_message());
      out.sender_keys = s.keys(ctx.net.recv(1));
    } else {
      NaorPinkasReceiver r(choices, ctx.rng);
      ctx.net.send(0, "base", r.first_message());
      out.receiver_keys = r.keys(ctx.net.recv(0));
    }
    return PartyOutput{};
  });
  return out;
}

TEST(NaorPinkas, ReceiverGetsExactlyTheChosenKeyInOneRound) {
  std::vector<bool> choices;
  for (int i = 0; i < 40; ++i) choices.push_back((i * 7 + 3) % 5 < 2);
  const auto run = run_np(choices, 9);
  ASSERT_EQ(run.receiver_keys.size(), choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) {
    EXPECT_EQ(run.receiver_keys[i], run.sender_keys[i][choices[i]]) << i;
    EXPECT_NE(run.receiver_keys[i], run.sender_keys[i][!choices[i]]) << i;
    EXPECT_NE(run.sender_keys[i][0], run.sender_keys[i][1]);
  }
  // One round; A = 6 + 32, the B_i = 6 + 32n.
  EXPECT_EQ(run.result.parties[0].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[1].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[0].meter.sent.bytes, 38u);
  EXPECT_EQ(run.result.parties[1].meter.sent.bytes, 6u + 32 * 40);
}

TEST(NaorPinkas, SameSeedSameKeysOtherSeedOtherKeys) {
  const std::vector<bool> choices = {true, false, true};
  const auto a = run_np(choices, 1), b = run_np(choices, 1), c = run_np(choices, 2);
  EXPECT_EQ(a.receiver_keys, b.receiver_keys);
  EXPECT_NE(a.receiver_keys, c.receiver_keys);
  // Keys of OT i depend on i (the KDF binds the index): no two OTs share a key.
  EXPECT_NE(a.sender_keys[0], a.sender_keys[2]);
}

TEST(NaorPinkas, InvalidPointsAndShapesAbortBlamingThePeer) {
  Rng sender_rng(1, 0, "t"), rng(2, 1, "t");
  NaorPinkasSender sender(4, sender_rng);
  NaorPinkasReceiver receiver({true, false, true, true}, rng);
  Message good = receiver.first_message();
  good.set_sender(1);
  EXPECT_NO_THROW((void)sender.keys(good));
  Message bad = good;
  std::fill_n(bad.mutable_parts()[0].data.begin() + 32 * 3, 32, 0xff);  // point 3: invalid
  bad.set_sender(1);
  try {
    (void)sender.keys(bad);
    ADD_FAILURE() << "an invalid point was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), AbortKind::kMalformed);
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{1});
  }
  Message identity = good;  // the all-zero encoding is the identity: S_i would be too
  std::fill_n(identity.mutable_parts()[0].data.begin(), 32, 0);
  identity.set_sender(1);
  try {
    (void)sender.keys(identity);
    ADD_FAILURE() << "an identity point was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), AbortKind::kCheckFailed);
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{1});
  }
  Message wrong_count = Message().add_points(std::vector<PointBytes>(3));
  wrong_count.set_sender(1);
  EXPECT_THROW((void)sender.keys(wrong_count), Abort);
  PointBytes ff;
  ff.fill(0xff);
  Message bad_a = Message().add_points(std::vector<PointBytes>{ff});
  bad_a.set_sender(0);
  try {
    (void)receiver.keys(bad_a);
    ADD_FAILURE() << "an invalid A was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), AbortKind::kMalformed);
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{0});
  }
}

}  // namespace
}  // namespace smpc
