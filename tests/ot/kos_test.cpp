// KOS (kos.h): honest runs give correct random OTs at the documented cost and pass the check;
// a receiver whose u uses other choice bits in some columns than in others is caught (the
// sender aborts blaming it), except with the probability KOS bounds (2^-c for c columns when
// it guesses nothing); with M67 (the verdict of the check ignored) the same receiver passes.
#include "protocols/core/forwarding_channel.h"
#include "protocols/ot/kos.h"

#include <gtest/gtest.h>

#include <map>

#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/crypto/block.h"
#include "protocols/ot/gf128.h"

namespace smpc {
namespace {

// The malicious receiver's channel: in its first ".extend" message, flips bit `row` in the
// columns listed. Same effect as computing u^i with r_row flipped in column i only, i.e.
// inconsistent choice bits across columns (the attack KOS's check exists for).
class InconsistentColumns final : public ForwardingChannel {
 public:
  InconsistentColumns(Channel& inner, std::vector<std::size_t> columns, std::size_t row)
      : ForwardingChannel(inner), columns_(std::move(columns)), row_(row) {}
  void send(PartyId to, std::string_view label, const Message& m) override {
    if (label != "ot.extend" || done_) return inner_.send(to, label, m);
    done_ = true;
    Message t = m;
    MessagePart& u = t.mutable_parts()[0];
    const std::size_t row_bytes = u.count / 8;
    for (std::size_t i : columns_) u.data[i * row_bytes + row_ / 8] ^= std::uint8_t(1u << (row_ % 8));
    inner_.send(to, label, t);
  }

 private:
  std::vector<std::size_t> columns_;
  std::size_t row_;
  bool done_ = false;
};

struct KosRun {
  std::vector<bool> choices;
  std::vector<std::array<Block, 2>> pairs;
  std::vector<Block> received;
  RunResult result;
};

KosRun run_kos(std::size_t m, std::uint64_t seed, const std::vector<std::size_t>& bad_columns = {},
               int calls = 1) {
  KosRun r;
  Rng gen(seed, -1, "kos-test");
  for (std::size_t j = 0; j < m; ++j) r.choices.push_back(gen.next_bit());
  r.result = run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      KosSender ot(ctx.net, 1, ctx.rng, "ot");
      ot.setup_for_tests();
      for (int c = 0; c < calls; ++c) {
        ot.receive_extension(m);
        const auto p = ot.finish();
        r.pairs.insert(r.pairs.end(), p.begin(), p.end());
      }
    } else {
      InconsistentColumns net(ctx.net, bad_columns, 3);
      KosReceiver ot(bad_columns.empty() ? ctx.net : net, 0, ctx.rng, "ot");
      ot.setup_for_tests();
      for (int c = 0; c < calls; ++c) {
        ot.send_extension(r.choices);
        const auto got = ot.finish();
        r.received.insert(r.received.end(), got.begin(), got.end());
      }
    }
    return PartyOutput{};
  });
  return r;
}

TEST(Gf128, PclmulMatchesThePortableProductAndTheFieldLaws) {
  Rng rng(7, -1, "gf128");
  for (int i = 0; i < 200; ++i) {
    const Block a = random_block(rng), b = random_block(rng), c = random_block(rng);
    Gf128Wide fast, slow;
    gf128_mul_acc(a, b, fast);
    gf128_mul_acc_portable(a, b, slow);
    EXPECT_EQ(fast.w, slow.w);
    EXPECT_EQ(gf128_mul(gf128_mul(a, b), c), gf128_mul(a, gf128_mul(b, c)));
    EXPECT_EQ(gf128_mul(a, block_xor(b, c)), block_xor(gf128_mul(a, b), gf128_mul(a, c)));
    EXPECT_EQ(gf128_mul(a, b), gf128_mul(b, a));
  }
  // x^127 · x = x^128 = x^7 + x^2 + x + 1.
  EXPECT_EQ(gf128_mul(block_from_u64(0, std::uint64_t{1} << 63), block_from_u64(2)),
            block_from_u64(0x87));
}

TEST(Kos, HonestRunsGiveRandomOtsAndPassTheCheck) {
  for (std::size_t m : {1u, 300u, 2500u}) {
    const KosRun r = run_kos(m, 11 + m, {}, 2);
    for (const auto& p : r.result.parties) ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
    ASSERT_EQ(r.pairs.size(), 2 * m);
    for (std::size_t j = 0; j < 2 * m; ++j) {
      EXPECT_EQ(r.received[j], r.pairs[j][r.choices[j % m] ? 1 : 0]) << j;
      EXPECT_NE(r.received[j], r.pairs[j][r.choices[j % m] ? 0 : 1]) << j;
    }
  }
}

TEST(Kos, CostIsTheDocumentedOne) {
  const std::size_t m = 2500;
  const KosRun r = run_kos(m, 5);
  std::map<std::string, std::uint64_t> got;
  for (const auto& p : r.result.parties)
    for (const auto& [label, st] : p.meter.by_label) got[label] += st.traffic.bytes;
  const std::size_t mp = m + kKosPadding;
  std::uint64_t extend = 0;
  for (std::size_t off = 0; off < mp; off += kIknpBatch)
    extend += 6 + 16 * ((std::min(kIknpBatch, mp - off) + 127) / 128 * 128);
  const std::map<std::string, std::uint64_t> want = {{"ot.base", 38 + 4102},
                                                     {"ot.extend", extend},
                                                     {"ot.commit", 38},
                                                     {"ot.seed", 38},
                                                     {"ot.check", 107}};
  EXPECT_EQ(got, want);
}

TEST(Kos, InconsistentChoiceBitsInManyColumnsAreCaught) {
  std::vector<std::size_t> half;
  for (std::size_t i = 0; i < 64; ++i) half.push_back(2 * i);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    const KosRun r = run_kos(200, seed, half);
    const auto& sender = r.result.parties[0];
    ASSERT_EQ(sender.status, PartyStatus::kAbort) << seed;
    EXPECT_NE(sender.abort_reason.find("KOS consistency check failed"), std::string::npos);
    EXPECT_EQ(sender.blamed, std::vector<PartyId>{1});
  }
}

// One cheating column passes exactly when the sender's Δ_i = 0 (the receiver did not adjust
// t), i.e. about half the time: the check is sharp, not an accident of the attack's size.
TEST(Kos, OneInconsistentColumnIsCaughtExactlyWhenItsDeltaBitIsOne) {
  int caught = 0;
  for (std::uint64_t seed = 1; seed <= 24; ++seed)
    caught += run_kos(50, seed, {17}).result.parties[0].status == PartyStatus::kAbort;
  EXPECT_GT(caught, 4);
  EXPECT_LT(caught, 20);
}

TEST(Kos, WithM67TheInconsistentReceiverPasses) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  ScopedMutant m(Mutant::kM67);
  std::vector<std::size_t> cols(40);
  for (std::size_t i = 0; i < cols.size(); ++i) cols[i] = i;
  const KosRun r = run_kos(200, 3, cols);
  EXPECT_EQ(r.result.parties[0].status, PartyStatus::kOutput);
}

}  // namespace
}  // namespace smpc
