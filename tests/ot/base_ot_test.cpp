// Masny–Rindal and Naor–Pinkas base OT: the receiver gets exactly k_{i,c_i}, one round,
// documented sizes, and a malformed peer message is an Abort blaming the peer.
#include "protocols/ot/base_ot.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"

namespace smpc {
namespace {

struct BaseRun {
  std::vector<std::array<OtKey, 2>> sender_keys;
  std::vector<OtKey> receiver_keys;
  RunResult result;
};

// One base-OT session between two local parties, either protocol.
template <class Sender, class Receiver>
BaseRun run_base(const std::vector<bool>& choices, std::uint64_t seed) {
  BaseRun out;
  out.result = run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      Sender s(choices.size(), ctx.rng);
      ctx.net.send(1, "base", s.first_message());
      out.sender_keys = s.keys(ctx.net.recv(1));
    } else {
      Receiver r(choices, ctx.rng);
      ctx.net.send(0, "base", r.first_message());
      out.receiver_keys = r.keys(ctx.net.recv(0));
    }
    return PartyOutput{};
  });
  return out;
}
const auto run_mr = run_base<MasnyRindalSender, MasnyRindalReceiver>;
const auto run_np = run_base<NaorPinkasSender, NaorPinkasReceiver>;

// The receiver holds k_{i,c_i} and not k_{i,1-c_i}, in one round; the sender's message is
// A = 6 + 32 bytes, the receiver's 6 + `receiver_bytes_per_ot`·n.
void expect_chosen_keys_in_one_round(BaseRun (*run_fn)(const std::vector<bool>&, std::uint64_t),
                                     std::size_t receiver_bytes_per_ot) {
  std::vector<bool> choices;
  for (int i = 0; i < 40; ++i) choices.push_back((i * 7 + 3) % 5 < 2);
  const auto run = run_fn(choices, 9);
  ASSERT_EQ(run.receiver_keys.size(), choices.size());
  for (std::size_t i = 0; i < choices.size(); ++i) {
    EXPECT_EQ(run.receiver_keys[i], run.sender_keys[i][choices[i]]) << i;
    EXPECT_NE(run.receiver_keys[i], run.sender_keys[i][!choices[i]]) << i;
    EXPECT_NE(run.sender_keys[i][0], run.sender_keys[i][1]);
  }
  EXPECT_EQ(run.result.parties[0].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[1].meter.max_round, 1u);
  EXPECT_EQ(run.result.parties[0].meter.sent.bytes, 38u);
  EXPECT_EQ(run.result.parties[1].meter.sent.bytes, 6u + receiver_bytes_per_ot * 40);
}

// `call` must throw an Abort of `kind` blaming exactly `blamed`.
template <class F>
void expect_abort(F call, AbortKind kind, PartyId blamed, const char* what) {
  try {
    call();
    ADD_FAILURE() << what << " was accepted";
  } catch (const Abort& e) {
    EXPECT_EQ(e.kind(), kind) << what;
    EXPECT_EQ(e.blamed(), std::vector<PartyId>{blamed}) << what;
  }
}

TEST(MasnyRindal, ReceiverGetsExactlyTheChosenKeyInOneRound) {
  expect_chosen_keys_in_one_round(run_mr, 64);  // (r0, r1) per OT
}

TEST(MasnyRindal, SameSeedSameKeysOtherSeedOtherKeys) {
  const std::vector<bool> choices = {true, false, true};
  const auto a = run_mr(choices, 1), b = run_mr(choices, 1), c = run_mr(choices, 2);
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
  expect_abort([&] { (void)sender.keys(bad); }, AbortKind::kMalformed, 1,
               "an invalid point");
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
  expect_abort([&] { (void)receiver.keys(bad_a); }, AbortKind::kMalformed, 0,
               "an invalid A");
}

// ---- Naor–Pinkas (base_ot.h) -----------------------------------------------------------------

TEST(NaorPinkas, ReceiverGetsExactlyTheChosenKeyInOneRound) {
  expect_chosen_keys_in_one_round(run_np, 32);  // B_i per OT
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
  expect_abort([&] { (void)sender.keys(bad); }, AbortKind::kMalformed, 1,
               "an invalid point");
  Message identity = good;  // the all-zero encoding is the identity: S_i would be too
  std::fill_n(identity.mutable_parts()[0].data.begin(), 32, 0);
  identity.set_sender(1);
  expect_abort([&] { (void)sender.keys(identity); }, AbortKind::kCheckFailed, 1,
               "an identity point");
  Message wrong_count = Message().add_points(std::vector<PointBytes>(3));
  wrong_count.set_sender(1);
  EXPECT_THROW((void)sender.keys(wrong_count), Abort);
  PointBytes ff;
  ff.fill(0xff);
  Message bad_a = Message().add_points(std::vector<PointBytes>{ff});
  bad_a.set_sender(0);
  expect_abort([&] { (void)receiver.keys(bad_a); }, AbortKind::kMalformed, 0,
               "an invalid A");
}

// A batch as large as IKNP's (κ = 128) is decoded and multiplied in parallel slices
// (crypto/parallel.h); the error names the first bad point in index order whatever slice found
// it first, as the serial loop did, and the keys are those of a serial computation.
TEST(NaorPinkas, ParallelBatchReportsTheFirstBadPointInIndexOrder) {
  std::vector<bool> choices(128);
  for (std::size_t i = 0; i < choices.size(); ++i) choices[i] = (i * 5 + 1) % 3 == 0;
  Rng sender_rng(1, 0, "t"), rng(2, 1, "t");
  NaorPinkasSender sender(choices.size(), sender_rng);
  NaorPinkasReceiver receiver(choices, rng);
  Message good = receiver.first_message();
  good.set_sender(1);
  const auto keys = sender.keys(good);
  Message a = sender.first_message();
  a.set_sender(0);
  const auto chosen = receiver.keys(a);
  for (std::size_t i = 0; i < choices.size(); ++i) EXPECT_EQ(chosen[i], keys[i][choices[i]]);

  const auto abort_text = [&](Message m) -> std::string {
    m.set_sender(1);
    try {
      (void)sender.keys(m);
    } catch (const Abort& e) {
      return e.what();
    }
    return "accepted";
  };
  Message bad = good;
  for (std::size_t k : {120u, 70u, 5u})  // in every slice; 5 is the first
    std::fill_n(bad.mutable_parts()[0].data.begin() + 32 * static_cast<std::ptrdiff_t>(k), 32,
                0xff);
  EXPECT_NE(abort_text(bad).find("point 5 is not a valid"), std::string::npos)
      << abort_text(bad);
  Message identity = good;
  for (std::size_t k : {127u, 7u})
    std::fill_n(identity.mutable_parts()[0].data.begin() + 32 * static_cast<std::ptrdiff_t>(k),
                32, 0);
  EXPECT_NE(abort_text(identity).find("base OT 7:"), std::string::npos) << abort_text(identity);
}

}  // namespace
}  // namespace smpc
