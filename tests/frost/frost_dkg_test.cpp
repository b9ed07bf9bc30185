// The Pedersen DKG with complaints over Dolev–Strong broadcast (protocols/frost/dkg.h): honest
// runs agree on a group key whose shares sign (RFC 9591 signing on DKG keys verifies as
// Schnorr) at exactly dkg_cost; a dealer whose commitments its shares do not match is
// disqualified by a complaint; a dealer that sends one party a wrong share answers the
// complaint and stays; a bad proof of knowledge disqualifies after round one; a dealer that
// equivocates (two signed dealings) is disqualified by everyone, one whose tampered copy
// reaches a single party is delivered by the relays; seeded bug M51 (no Feldman check, so no
// complaint) is caught. Malicious dealers sign what they send (scenarios/frost_checks.h
// `resigned`), as a real one would.
#include <gtest/gtest.h>

#include "protocols/core/mutants.h"
#include "simulator/sim_network.h"
#include "tests/frost/frost_test_util.h"

namespace smpc::frost {
namespace {

TEST(FrostDkg, ProofOfKnowledgeBindsIdentifierAndKey) {
  Rng rng(4, 0, "frost-pok-test");
  const Scalar a0 = Scalar::random(rng);
  const RistrettoPoint phi0 = RistrettoPoint::base_mul(a0);
  const ProofOfKnowledge pok = prove_knowledge(3, a0, rng);
  EXPECT_TRUE(verify_knowledge(3, phi0, pok));
  EXPECT_FALSE(verify_knowledge(2, phi0, pok));  // replayed under another identifier
  EXPECT_FALSE(verify_knowledge(3, phi0 + phi0, pok));
  EXPECT_FALSE(verify_knowledge(3, phi0, {pok.r, pok.mu + Scalar::from_u64(1)}));
}

TEST(FrostDkg, FeldmanCommitmentEvaluatesThePolynomialInTheExponent) {
  Rng rng(5, 0, "frost-vss-test");
  std::vector<Scalar> f;
  std::vector<RistrettoPoint> c;
  for (int k = 0; k < 4; ++k) {
    f.push_back(Scalar::random(rng));
    c.push_back(RistrettoPoint::base_mul(f.back()));
  }
  for (std::uint64_t x : {1u, 2u, 7u, 1000u})
    EXPECT_EQ(evaluate_vss_commitment(c, x), RistrettoPoint::base_mul(evaluate_polynomial(f, x)));
}

class HonestDkg : public ::testing::TestWithParam<std::pair<int, int>> {};

TEST_P(HonestDkg, AgreesAtTheExactCostAndItsKeysSign) {
  const auto [n, t] = GetParam();
  const DkgRun r = run_dkg_local(n, t, 40 + static_cast<std::uint64_t>(n), -1);
  ASSERT_EQ(dkg_agreement(r, -1), "");
  const DkgResult& d = *r.results[0];
  EXPECT_TRUE(d.disqualified.empty());
  const SignCost cost = dkg_cost(n, t);
  EXPECT_EQ(smpc::testing::bytes_by_label(r.run), cost.bytes);
  EXPECT_EQ(smpc::testing::max_round(r.run), cost.rounds);
  // Any t shares recombine to the group key.
  std::vector<std::uint64_t> ids;
  for (int i = 1; i <= t; ++i) ids.push_back(static_cast<std::uint64_t>(n - t + i));
  Scalar secret = Scalar::from_u64(0);
  for (std::uint64_t id : ids)
    secret = secret + *derive_interpolating_value(ids, id) * r.results[id - 1]->share;
  EXPECT_EQ(RistrettoPoint::base_mul_any(secret), d.group.group_public_key);
  // Signing with the DKG's keys: party 0 coordinates, so DKG party p−1 signs as identifier p.
  Group g;
  g.cfg = {d.group, ids, {Bytes{'d', 'k', 'g'}}};
  for (const auto& x : r.results) g.keys.shares.push_back(x->share);
  const RunResult s = run_local(n + 1, {9, 30}, sign_body(g));
  ASSERT_EQ(s.parties[0].status, PartyStatus::kOutput) << s.parties[0].abort_reason;
  EXPECT_TRUE(verify_signature(d.group.group_public_key, g.cfg.messages[0],
                               signature_at(s.parties[0].outputs, 0)));
}

INSTANTIATE_TEST_SUITE_P(Sizes, HonestDkg,
                         ::testing::Values(std::pair{2, 1}, std::pair{2, 2}, std::pair{3, 2},
                                           std::pair{5, 3}, std::pair{7, 5}));

TEST(FrostDkg, RunsOnSimNetworkInTwoTPlusOneLatencies) {
  std::vector<std::optional<DkgResult>> results(4);
  SimRunOptions o;
  o.seed = 3;
  o.network.latency_s = 0.01;
  const auto r = run_simulated(4, o, [&](PartyContext& ctx) {
    const DkgResult d = run_dkg(ctx, 3);
    // Shares travel back as the output (the simulation runs in a child process).
    PartyOutput out;
    for (std::size_t w = 0; w < 4; ++w) out.values.push_back(load_le64(d.share.bytes().data() + 8 * w));
    for (std::size_t w = 0; w < 4; ++w)
      out.values.push_back(load_le64(d.group.group_public_key.bytes().data() + 8 * w));
    return out;
  });
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (const auto& p : r->parties) {
    ASSERT_EQ(p.status, PartyStatus::kOutput) << p.abort_reason;
    EXPECT_EQ(std::vector<std::uint64_t>(p.outputs.begin() + 4, p.outputs.end()),
              std::vector<std::uint64_t>(r->parties[0].outputs.begin() + 4,
                                         r->parties[0].outputs.end()));
  }
  EXPECT_EQ(smpc::testing::bytes_by_label(*r), dkg_cost(4, 3).bytes);
  // 2t + 1 = 7 lock-step rounds, none of which waits for its deadline.
  EXPECT_EQ(smpc::testing::max_round(*r), 7u);
  EXPECT_GE(r->simulated_time_s, 7 * 0.01);
  EXPECT_LT(r->simulated_time_s, 8 * 0.01);
}

TEST(FrostDkg, InconsistentDealerIsDisqualifiedByComplaints) {
  const FrostCheck c = frost_dkg_inconsistent_dealer_check();
  EXPECT_FALSE(c.alarm) << c.evidence;
  const DkgRun r = run_dkg_local(
      5, 3, 7, 2, labels::kDkgCommit,
      resigned(2, 5, labels::kDkgCommit,
               [](PartyId, const Message& m) { return add_generator_to_point(m, 2); }));
  ASSERT_EQ(dkg_agreement(r, 2), "");
  EXPECT_EQ(r.results[0]->disqualified, std::vector<std::uint64_t>{3});
  EXPECT_EQ(smpc::testing::max_round(r.run), 3u * 3 + 1);  // 2t + 1, and t for the responses
  EXPECT_GT(smpc::testing::bytes_by_label(r.run).count("frost.dkg.response"), 0u);
}

TEST(FrostDkg, WrongPrivateShareIsAnsweredAndTheDealerStays) {
  // Dealer party 1 sends party 3 f(4) + 1: party 3 complains, the dealer publishes f(4), which
  // verifies, and party 3 uses it (GJKR: only a dealer that cannot answer is disqualified).
  const DkgRun r = run_dkg_local(5, 3, 8, 1, labels::kDkgShare, [](PartyId to, const Message& m) {
    return to == 3 ? add_one_to_scalar(m, 0) : m;
  });
  ASSERT_EQ(dkg_agreement(r, 1), "");
  EXPECT_TRUE(r.results[0]->disqualified.empty());
  // One response broadcast: (N − 1)(75 + L), L = 1 + (5 + 8) + (5 + 32) for one complainer.
  EXPECT_EQ(smpc::testing::bytes_by_label(r.run).at("frost.dkg.response"), 4u * (75 + 51));
}

TEST(FrostDkg, BadProofOfKnowledgeDisqualifiesAfterRoundOne) {
  const DkgRun r = run_dkg_local(
      4, 2, 9, 0, labels::kDkgCommit,
      resigned(0, 4, labels::kDkgCommit,
               [](PartyId, const Message& m) { return add_one_to_scalar(m, 1); }));
  ASSERT_EQ(dkg_agreement(r, 0), "");
  EXPECT_EQ(r.results[1]->disqualified, std::vector<std::uint64_t>{1});
  // 2t + 1: nobody complains about a disqualified dealer.
  EXPECT_EQ(smpc::testing::max_round(r.run), 5u);
}

// Dealer party 0 signs two dealings: party 2 gets commitments with φ_0 + G, the others the
// real ones. Without a broadcast party 2 would derive another key; with Dolev–Strong every
// honest party sees both signed dealings, so all agree the dealing is ⊥ and disqualify dealer 1.
TEST(FrostDkg, EquivocatingDealerIsDisqualifiedByEveryone) {
  for (int t : {2, 3}) {
    const DkgRun r = run_dkg_local(
        5, t, 11 + static_cast<std::uint64_t>(t), 0, labels::kDkgCommit,
        resigned(0, 5, labels::kDkgCommit, [](PartyId to, const Message& m) {
          return to == 2 ? add_generator_to_point(m, 0) : m;
        }));
    ASSERT_EQ(dkg_agreement(r, 0), "") << "t = " << t;
    for (PartyId p = 1; p < 5; ++p)
      EXPECT_EQ(r.results[static_cast<std::size_t>(p)]->disqualified, std::vector<std::uint64_t>{1});
  }
}

// The same split done by tampering after signing (what an adversary script can do): party 2's
// copy fails its signature, the relays bring it the signed one, and the dealer stays.
TEST(FrostDkg, TamperedCopyToOnePartyIsRepairedByTheRelays) {
  const DkgRun r = run_dkg_local(4, 2, 12, 0, labels::kDkgCommit, [](PartyId to, const Message& m) {
    Message out = m;
    if (to == 2) out.mutable_parts()[0].data[3] ^= 1;
    return out;
  });
  ASSERT_EQ(dkg_agreement(r, 0), "");
  EXPECT_TRUE(r.results[1]->disqualified.empty());
}

TEST(FrostDkg, SeededBugM51SkippingTheComplaintCheckIsCaught) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m(Mutant::kM51);
  const FrostCheck c = frost_dkg_inconsistent_dealer_check();
  EXPECT_TRUE(c.alarm);
  EXPECT_NE(c.evidence.find("share does not match"), std::string::npos) << c.evidence;
}

}  // namespace
}  // namespace smpc::frost
