// FROST signing over LocalNetwork and SimNetwork (protocols/frost/sign_protocol.h): random
// min-of-n groups and signer sets give signatures that verify as plain Schnorr, at exactly
// sign_cost's bytes and rounds; a bad share aborts naming its sender; seeded bugs M49 (no share
// verification) and M50 (nonce reuse) are caught; nonce reuse recovers the share.
#include <gtest/gtest.h>
#include <rapidcheck.h>
#include <rapidcheck/gtest.h>

#include <numeric>

#include "protocols/core/mutants.h"
#include "simulator/sim_network.h"
#include "tests/frost/frost_test_util.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc::frost {
namespace {

using test::make_group;
using smpc::testing::check_with_budget;
using test::sign_body;

TEST(FrostSign, RandomGroupsSignVerifiableSignaturesAtTheExactCost) {
  check_with_budget(40, [] {
    const std::string error = test::check_random_signing(*rc::gen::arbitrary<std::uint64_t>());
    RC_ASSERT(error == "");
  });
}

TEST(FrostSign, ThreeOfFiveOnSimNetworkTakesTwoLatenciesPerSessionPlusOne) {
  const auto g = make_group(11, 3, 5, {1, 3, 4}, {Bytes{'h', 'i'}, Bytes{'y', 'o'}});
  SimRunOptions o;
  o.seed = 11;
  o.network.latency_s = 0.01;
  const auto r = run_simulated(6, o, sign_body(g));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r->parties[0].status, PartyStatus::kOutput) << r->parties[0].abort_reason;
  for (std::size_t s = 0; s < 2; ++s)
    EXPECT_TRUE(verify_signature(g.keys.group_public_key, g.cfg.messages[s],
                                 test::signature_at(r->parties[0].outputs, s)));
  // 3 signers, 2-byte messages: 70·3 + 3·(16 + 216 + 2) + 38·3 = 1,026 bytes per session.
  const SignCost cost = sign_cost(g.cfg);
  EXPECT_EQ(cost.bytes.at("frost.package"), 2u * 3 * (16 + 72 * 3 + 2));
  EXPECT_EQ(testing::bytes_by_label(*r), cost.bytes);
  EXPECT_EQ(testing::max_round(*r), 5u);
  EXPECT_EQ(cost.rounds, 5u);
  EXPECT_GE(r->simulated_time_s, 5 * 0.01);
  EXPECT_LT(r->simulated_time_s, 6 * 0.01);
}

TEST(FrostSign, SameSeedSameSignaturesAndViews) {
  const auto g = make_group(5, 2, 3, {1, 2}, {Bytes{1, 2, 3}});
  const RunResult a = run_local(4, {5, 30}, sign_body(g));
  const RunResult b = run_local(4, {5, 30}, sign_body(g));
  const RunResult c = run_local(4, {6, 30}, sign_body(g));
  EXPECT_EQ(a.parties[0].outputs, b.parties[0].outputs);
  EXPECT_EQ(a.parties[0].meter.view_digest, b.parties[0].meter.view_digest);
  EXPECT_NE(a.parties[0].outputs, c.parties[0].outputs);  // fresh nonces per seed
}

TEST(FrostSign, BadShareAbortsNamingItsSender) {
  const auto g = make_group(21, 3, 5, {2, 3, 5}, {Bytes{'m'}});
  const RunResult r = run_local(6, {21, 30}, sign_body(g, /*cheater=*/3));
  const auto& coord = r.parties[0];
  ASSERT_EQ(coord.status, PartyStatus::kAbort);
  EXPECT_EQ(coord.blamed, std::vector<PartyId>{3}) << coord.abort_reason;
  EXPECT_TRUE(coord.outputs.empty());
}

TEST(FrostSign, SeededBugM49SkippingShareVerificationIsCaught) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto g = make_group(21, 3, 5, {2, 3, 5}, {Bytes{'m'}});
  const ScopedMutant m(Mutant::kM49);
  const RunResult r = run_local(6, {21, 30}, sign_body(g, 3));
  // Nobody is blamed and the coordinator outputs a signature that does not verify.
  ASSERT_EQ(r.parties[0].status, PartyStatus::kOutput);
  EXPECT_FALSE(verify_signature(g.keys.group_public_key, g.cfg.messages[0],
                                test::signature_at(r.parties[0].outputs, 0)));
}

TEST(FrostSign, SeededBugM50NonceReuseIsCaughtByTheFreshnessCheck) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto g = make_group(8, 2, 3, {1, 3}, {Bytes{'a'}, Bytes{'b'}});
  const ScopedMutant m(Mutant::kM50);
  const RunResult r = run_local(4, {8, 30}, sign_body(g));
  ASSERT_EQ(r.parties[0].status, PartyStatus::kAbort);
  EXPECT_EQ(r.parties[0].blamed, (std::vector<PartyId>{1})) << r.parties[0].abort_reason;
  EXPECT_NE(r.parties[0].abort_reason.find("reused a nonce"), std::string::npos);
}

TEST(FrostSign, MalformedConfigsAreNamed) {
  auto g = make_group(1, 2, 3, {1, 1}, {Bytes{}});
  EXPECT_NE(check_sign_config(g.cfg).find("sorted and distinct"), std::string::npos);
  g.cfg.signers = {1};
  EXPECT_NE(check_sign_config(g.cfg).find("fewer signers"), std::string::npos);
  g.cfg.signers = {1, 4};
  EXPECT_NE(check_sign_config(g.cfg).find("outside 1..n"), std::string::npos);
}

}  // namespace
}  // namespace smpc::frost
