// The building blocks of robust BGW against t corrupted parties (n ≥ 3t + 1): the phase-king
// broadcast gives every honest party the same vector, with honest senders' true payloads; the
// bivariate VSS leaves every honest party's row on one symmetric polynomial, with an honest
// dealer's secret, and disqualifies a dealer only in agreement.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <mutex>

#include "protocols/bgw/bivariate_vss.h"
#include "protocols/bgw/phase_king.h"
#include "protocols/bgw/reed_solomon.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/local_network.h"
#include "tests/support/adversary_steps.h"

namespace smpc {
namespace {

constexpr double kRound = 0.25;  // LocalNetwork: a silent party costs one wait of this

const std::vector<std::string> kLabels = {"",
                                          "bgwr.bcast.send",
                                          "bgwr.bcast.vote",
                                          "bgwr.bcast.propose",
                                          "bgwr.bcast.king",
                                          "bgwr.vss.rows",
                                          "bgwr.vss.pairwise"};

// t corrupted parties (a random subset) with a random behaviour each: add to one element,
// randomize every element (of one label, maybe toward one recipient), or stay silent.
std::map<PartyId, std::vector<StrategyStep>> gen_corruption(int n, int t) {
  std::map<PartyId, std::vector<StrategyStep>> out;
  while (static_cast<int>(out.size()) < t) {
    const PartyId p = *rc::gen::inRange(0, n);
    const std::string label = *rc::gen::elementOf(kLabels);
    const int to = *rc::gen::element(-1, *rc::gen::inRange(0, n));
    const auto recipient = to < 0 ? std::nullopt : std::optional<PartyId>(to);
    const auto element = *rc::gen::inRange<std::size_t>(0, 40);
    const auto delta = *rc::gen::inRange<std::uint64_t>(1, 1000);
    // Silence from the start costs one round timeout; mid-run silence (crashes) is exercised
    // on SimNetwork, where waiting is free.
    switch (*rc::gen::inRange(0, 3)) {
      case 0: out[p] = {testing::add_step(label, element, delta, recipient)}; break;
      case 1: out[p] = {testing::randomize_all_step(label, recipient)}; break;
      default: out[p] = {testing::drop_step("")}; break;
    }
  }
  return out;
}

RC_GTEST_PROP(PhaseKing, HonestPartiesAgreeOnHonestSendersPayloads, ()) {
  const int n = *rc::gen::element(1, 4, 5, 7);
  const int t = (n - 1) / 3;
  const auto corrupt = gen_corruption(n, *rc::gen::inRange(0, t + 1));
  std::vector<Bytes> payload(static_cast<std::size_t>(n));
  for (auto& b : payload)
    b = *rc::gen::container<Bytes>(*rc::gen::inRange(0, 6), rc::gen::arbitrary<std::uint8_t>());
  std::vector<std::vector<std::optional<Bytes>>> got(static_cast<std::size_t>(n));
  run_local(n, {*rc::gen::arbitrary<std::uint64_t>(), 30},
            testing::with_adversary(corrupt, [&](PartyContext& ctx) {
              LockstepNet net(ctx, kRound);
              const auto me = static_cast<std::size_t>(ctx.net.self());
              got[me] = byzantine_broadcast(net, t, payload[me]);
              return PartyOutput{};
            }));
  std::optional<std::vector<std::optional<Bytes>>> agreed;
  for (PartyId p = 0; p < n; ++p) {
    if (corrupt.count(p)) continue;
    if (!agreed) agreed = got[static_cast<std::size_t>(p)];
    RC_ASSERT(got[static_cast<std::size_t>(p)] == *agreed);
  }
  for (PartyId s = 0; s < n; ++s)
    if (!corrupt.count(s))
      RC_ASSERT((*agreed)[static_cast<std::size_t>(s)] == payload[static_cast<std::size_t>(s)]);
}

RC_GTEST_PROP(BivariateVss, HonestRowsLieOnOnePolynomialAndHonestDealersKeepTheirSecret, ()) {
  const int n = *rc::gen::element(4, 5, 7);
  const int t = (n - 1) / 3;
  const auto corrupt = gen_corruption(n, *rc::gen::inRange(0, t + 1));
  std::vector<int> per_dealer(static_cast<std::size_t>(n));
  std::vector<std::vector<Fp61>> secrets(static_cast<std::size_t>(n));
  for (PartyId d = 0; d < n; ++d) {
    per_dealer[static_cast<std::size_t>(d)] = *rc::gen::inRange(0, 3);
    for (int k = 0; k < per_dealer[static_cast<std::size_t>(d)]; ++k)
      secrets[static_cast<std::size_t>(d)].push_back(
          Fp61::from_u64(*rc::gen::arbitrary<std::uint64_t>()));
  }
  std::vector<VssBatch> got(static_cast<std::size_t>(n));
  run_local(n, {*rc::gen::arbitrary<std::uint64_t>(), 30},
            testing::with_adversary(corrupt, [&](PartyContext& ctx) {
              LockstepNet net(ctx, kRound);
              const auto me = static_cast<std::size_t>(ctx.net.self());
              got[me] = vss_share(net, t, per_dealer, secrets[me]);
              return PartyOutput{};
            }));
  std::vector<PartyId> honest;
  for (PartyId p = 0; p < n; ++p)
    if (!corrupt.count(p)) honest.push_back(p);
  const auto& first = got[static_cast<std::size_t>(honest[0])];
  for (std::size_t i = 0; i < first.rows.size(); ++i) {
    PartyId dealer = 0;
    while (dealer + 1 < n && first.offset[static_cast<std::size_t>(dealer) + 1] <= i) ++dealer;
    for (PartyId j : honest)
      RC_ASSERT(got[static_cast<std::size_t>(j)].accepted[i] == first.accepted[i]);
    if (!corrupt.count(dealer)) RC_ASSERT(first.accepted[i]);
    // Pairwise consistency of honest rows: R_j(α_k) = R_k(α_j).
    for (PartyId j : honest)
      for (PartyId k : honest)
        RC_ASSERT(evaluate_polynomial(got[static_cast<std::size_t>(j)].rows[i], shamir_point(k)) ==
                  evaluate_polynomial(got[static_cast<std::size_t>(k)].rows[i], shamir_point(j)));
    // The honest shares R_j(0) lie on one degree-t polynomial; its value at 0 is the secret.
    std::vector<Fp61> xs, ys;
    for (PartyId j : honest) {
      xs.push_back(shamir_point(j));
      ys.push_back(got[static_cast<std::size_t>(j)].rows[i][0]);
    }
    const auto poly = berlekamp_welch(xs, ys, t);
    RC_ASSERT(poly.has_value());
    RC_ASSERT(rs_correctable_errors(xs.size(), t) >= 0);
    for (std::size_t q = 0; q < xs.size(); ++q)
      RC_ASSERT(evaluate_polynomial(*poly, xs[q]) == ys[q]);
    if (!corrupt.count(dealer)) {
      const auto idx = i - first.offset[static_cast<std::size_t>(dealer)];
      RC_ASSERT((*poly)[0] == secrets[static_cast<std::size_t>(dealer)][idx]);
    }
    if (!first.accepted[i]) RC_ASSERT((*poly)[0] == Fp61());
  }
}

// A dealer whose rows to one party are off is caught by the pairwise check and must reveal that
// party's row: the sharing is repaired and the secret kept, not disqualified.
TEST(BivariateVss, WrongRowToOnePartyIsRepairedNotDisqualified) {
  const int n = 4, t = 1;
  const std::vector<int> per_dealer{1, 0, 0, 0};
  const Fp61 secret = Fp61::from_u64(1234);
  std::vector<VssBatch> got(4);
  const auto step = testing::add_step("bgwr.vss.rows", 1, 77, /*to=*/2);
  run_local(n, {3, 30}, testing::with_adversary({{0, {step}}}, [&](PartyContext& ctx) {
              LockstepNet net(ctx, kRound);
              const auto me = static_cast<std::size_t>(ctx.net.self());
              got[me] = vss_share(net, t, per_dealer,
                                  me == 0 ? std::vector<Fp61>{secret} : std::vector<Fp61>{});
              return PartyOutput{};
            }));
  std::vector<Fp61> xs, ys;
  for (PartyId j = 1; j < 4; ++j) {
    EXPECT_TRUE(got[static_cast<std::size_t>(j)].accepted[0]);
    xs.push_back(shamir_point(j));
    ys.push_back(got[static_cast<std::size_t>(j)].rows[0][0]);
  }
  EXPECT_EQ(interpolate_coefficients(std::span(xs).first(2), std::span(ys).first(2))[0], secret);
  const auto all = berlekamp_welch(xs, ys, t);
  ASSERT_TRUE(all.has_value());
  EXPECT_EQ((*all)[0], secret);
}

TEST(BivariateVss, SilentDealerIsDisqualifiedByEveryone) {
  const int n = 4, t = 1;
  std::vector<VssBatch> got(4);
  run_local(n, {4, 30}, testing::with_adversary({{3, {testing::drop_step("")}}}, [&](PartyContext& ctx) {
              LockstepNet net(ctx, kRound);
              const auto me = static_cast<std::size_t>(ctx.net.self());
              got[me] = vss_share(
                  net, t, {1, 0, 0, 1},
                  me == 0 || me == 3 ? std::vector<Fp61>{Fp61::from_u64(5)} : std::vector<Fp61>{});
              return PartyOutput{};
            }));
  for (std::size_t j = 0; j < 3; ++j) {
    EXPECT_TRUE(got[j].accepted[0]);
    EXPECT_FALSE(got[j].accepted[1]);
    EXPECT_EQ(got[j].rows[1], std::vector<Fp61>(2));
  }
}

}  // namespace
}  // namespace smpc
