// OT sender privacy, statistically: over many seeded runs, what the OT sender receives does not
// depend on the receiver's choice bits. Group 0 runs with every choice 0, group 1 with every
// choice 1; each received bit position is a feature; two_sample_bit_test (ot_test_util.h)
// rejects at family-wise false-alarm rate kAlpha = 1e-6 (Bonferroni over the features, normal
// approximation). The seeds are fixed, so the outcome is deterministic; a correct
// implementation fails it with probability at most 1e-6 over the choice of seeds.
//
// Sanity of the test itself: the same statistic on an artificially leaky view (the choice bit
// XORed into a feature) must reject.
#include <gtest/gtest.h>

#include "protocols/core/local_network.h"
#include <sodium.h>

#include <algorithm>
#include <array>

#include "protocols/core/status.h"
#include "protocols/ot/iknp.h"
#include "tests/ot/ot_test_util.h"

namespace smpc {
namespace {

constexpr double kAlpha = 1e-6;
constexpr int kRunsPerGroup = 8;

std::vector<bool> bits_of_bytes(const std::uint8_t* p, std::size_t n) {
  std::vector<bool> out(8 * n);
  for (std::size_t k = 0; k < 8 * n; ++k) out[k] = (p[k / 8] >> (k % 8)) & 1;
  return out;
}

// The MR base-OT sender's view: the receiver's (r_{i,0}, r_{i,1}); one sample per OT.
std::vector<std::vector<bool>> base_ot_sender_samples(bool choice, std::uint64_t seed) {
  std::vector<std::vector<bool>> samples;
  run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      test::RecordingChannel rec(ctx.net);
      MasnyRindalSender s(kIknpKappa, ctx.rng);
      rec.send(1, "base", s.first_message());
      (void)s.keys(rec.recv(1));
      const auto& data = rec.received.at(0).parts().at(0).data;
      for (std::size_t i = 0; i < kIknpKappa; ++i)
        samples.push_back(bits_of_bytes(&data[64 * i], 64));
    } else {
      MasnyRindalReceiver r(std::vector<bool>(kIknpKappa, choice), ctx.rng);
      ctx.net.send(0, "base", r.first_message());
      (void)r.keys(ctx.net.recv(0));
    }
    return PartyOutput{};
  });
  return samples;
}

// The Naor–Pinkas sender's view: the receiver's B_i; one sample per OT. `leak` is the test's
// seeded bug: B_i = P_i whatever the choice (no C − P_i), with the choice-1 OTs using P_i = G,
// a fixed point, as a receiver that skipped Step 2's masking and reused b = 1 would.
std::vector<std::vector<bool>> np_sender_samples(bool choice, std::uint64_t seed, bool leak) {
  std::vector<std::vector<bool>> samples;
  run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      test::RecordingChannel rec(ctx.net);
      NaorPinkasSender s(kIknpKappa, ctx.rng);
      rec.send(1, "base", s.first_message());
      (void)s.keys(rec.recv(1));
      const auto& data = rec.received.at(0).parts().at(0).data;
      for (std::size_t i = 0; i < kIknpKappa; ++i)
        samples.push_back(bits_of_bytes(&data[32 * i], 32));
    } else {
      NaorPinkasReceiver r(std::vector<bool>(kIknpKappa, choice), ctx.rng);
      Message m = r.first_message();
      if (leak && choice) {
        std::array<std::uint8_t, 32> one{};
        one[0] = 1;  // the scalar 1: B = G
        PointBytes g;
        SMPC_ASSERT(crypto_scalarmult_ristretto255_base(g.data(), one.data()) == 0);
        for (std::size_t i = 0; i < kIknpKappa; ++i)
          std::copy(g.begin(), g.end(), m.mutable_parts()[0].data.begin() + 32 * i);
      }
      ctx.net.send(0, "base", m);
      (void)r.keys(ctx.net.recv(0));
    }
    return PartyOutput{};
  });
  return samples;
}

// The IKNP sender's view of one extension of m chosen OTs: row j of the received matrix u
// (bit i = u^i_j) is one sample; rows are i.i.d. uniform whatever the choices if the receiver
// masks correctly.
std::vector<std::vector<bool>> iknp_sender_samples(bool choice, std::uint64_t seed, std::size_t m) {
  std::vector<std::vector<bool>> samples;
  run_local(2, {seed, 60}, [&](PartyContext& ctx) {
    if (ctx.net.self() == 0) {
      test::RecordingChannel rec(ctx.net);
      IknpSender s(rec, 1, ctx.rng, "ot");
      s.setup();
      std::vector<std::array<Block, 2>> msgs(m);
      s.send_chosen(msgs);
      const auto& u = rec.received.at(1).parts().at(0).data;  // [0] = base, [1] = u
      const std::size_t row_bytes = m / 8;
      for (std::size_t j = 0; j < m; ++j) {
        std::vector<bool> row(kIknpKappa);
        for (std::size_t i = 0; i < kIknpKappa; ++i)
          row[i] = (u[i * row_bytes + j / 8] >> (j % 8)) & 1;
        samples.push_back(std::move(row));
      }
    } else {
      IknpReceiver r(ctx.net, 0, ctx.rng, "ot");
      r.setup();
      (void)r.receive_chosen(std::vector<bool>(m, choice));
    }
    return PartyOutput{};
  });
  return samples;
}

template <typename Sampler>
std::vector<std::vector<std::vector<bool>>> collect(Sampler sampler) {
  std::vector<std::vector<std::vector<bool>>> groups(2);
  for (int g = 0; g < 2; ++g)
    for (int run = 0; run < kRunsPerGroup; ++run) {
      auto s = sampler(g == 1,
                       1000 * static_cast<std::uint64_t>(g) + static_cast<std::uint64_t>(run) + 1);
      groups[static_cast<std::size_t>(g)].insert(groups[static_cast<std::size_t>(g)].end(),
                                                 s.begin(), s.end());
    }
  return groups;
}

TEST(OtPrivacy, BaseOtSenderViewDoesNotDependOnTheChoice) {
  const auto groups = collect(base_ot_sender_samples);
  const auto r = test::two_sample_bit_test(groups, kAlpha);
  std::cout << "base OT: " << groups[0].size() << " + " << groups[1].size() << " samples, "
            << r.features_tested << " features, max |z| = " << r.max_abs_z << " (threshold "
            << r.threshold << ")\n";
  EXPECT_GT(r.features_tested, 400u);
  EXPECT_FALSE(r.reject);

  // The test has power: leak the choice into one feature and it must reject.
  auto leaky = groups;
  for (int g = 0; g < 2; ++g)
    for (auto& s : leaky[static_cast<std::size_t>(g)]) s[100] = (g == 1);
  EXPECT_TRUE(test::two_sample_bit_test(leaky, kAlpha).reject);
}

TEST(OtPrivacy, IknpSenderViewDoesNotDependOnTheChoices) {
  const auto groups =
      collect([](bool c, std::uint64_t seed) { return iknp_sender_samples(c, seed, 1024); });
  const auto r = test::two_sample_bit_test(groups, kAlpha);
  std::cout << "IKNP: " << groups[0].size() << " + " << groups[1].size() << " samples, "
            << r.features_tested << " features, max |z| = " << r.max_abs_z << " (threshold "
            << r.threshold << ")\n";
  EXPECT_EQ(r.features_tested, kIknpKappa);
  EXPECT_FALSE(r.reject);

  // Power: a receiver that forgot the PRG mask of one column (u^i = r there) is caught.
  auto leaky = groups;
  for (int g = 0; g < 2; ++g)
    for (auto& s : leaky[static_cast<std::size_t>(g)]) s[7] = (g == 1);
  EXPECT_TRUE(test::two_sample_bit_test(leaky, kAlpha).reject);
}

TEST(OtPrivacy, NaorPinkasSenderViewDoesNotDependOnTheChoice) {
  const auto groups =
      collect([](bool c, std::uint64_t seed) { return np_sender_samples(c, seed, false); });
  const auto r = test::two_sample_bit_test(groups, kAlpha);
  std::cout << "Naor-Pinkas: " << groups[0].size() << " + " << groups[1].size() << " samples, "
            << r.features_tested << " features, max |z| = " << r.max_abs_z << " (threshold "
            << r.threshold << ")\n";
  EXPECT_GT(r.features_tested, 200u);
  EXPECT_FALSE(r.reject);
  // Seeded bug: a receiver whose choice-1 messages are a fixed point is caught.
  const auto leaky =
      collect([](bool c, std::uint64_t seed) { return np_sender_samples(c, seed, true); });
  EXPECT_TRUE(test::two_sample_bit_test(leaky, kAlpha).reject);
}

}  // namespace
}  // namespace smpc
