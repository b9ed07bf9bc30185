// The shipped attack programs (attacks/*.lua) against the protocols they apply to, and
// `smpc verify aborts` (scenarios/aborts.h, verify/abort_stats.h): the selective-failure garbler
// leaks Yao's evaluator bit and is detected; SPDZ's and robust BGW's programs never break the
// claim and leak nothing through aborts; honest runs raise no alarm.
#include <fstream>

#include <gtest/gtest.h>

#include "scenarios/aborts.h"
#include "scenarios/privacy.h"
#include "scenarios/programs.h"
#include "tests/support/cli.h"
#include "verify/abort_stats.h"

namespace smpc {
namespace {

const std::string kExamples = SMPC_SOURCE_DIR "/scenarios/examples/";

// spdz's attacks here target the dealer's stream and the online phase, hundreds of runs each:
// its trusted-dealer preprocessing (MASCOT's attacks: attacks/mascot_*.lua, the mutant audit).
nlohmann::json protocol_of(const std::string& protocol) {
  if (protocol == "spdz") return {{"name", protocol}, {"preprocessing", "dealer"}};
  return {{"name", protocol}};
}

Scenario attack_scenario(const std::string& protocol, int parties, const std::string& program,
                         nlohmann::json inputs, std::vector<int> corrupt) {
  nlohmann::json adversary = {{"corrupt", corrupt}, {"model", "malicious"}};
  if (!program.empty()) adversary["program"] = SMPC_SOURCE_DIR "/attacks/" + program + ".lua";
  if (program.empty()) adversary["model"] = "semi-honest";
  const nlohmann::json doc = {{"name", program.empty() ? "honest" : program},
                              {"parties", parties},
                              {"protocol", protocol_of(protocol)},
                              {"function", {{"name", "product"}}},
                              {"inputs", inputs},
                              {"adversary", adversary}};
  auto s = parse_scenario(doc.dump(), "<" + program + ">");
  EXPECT_TRUE(s.ok()) << s.status().message();
  return *s;
}

TEST(AbortStats, LeakBitsAndIntervals) {
  EXPECT_DOUBLE_EQ(abort_leak_bits(0, 1), 1);
  EXPECT_DOUBLE_EQ(abort_leak_bits(0.3, 0.3), 0);
  EXPECT_NEAR(abort_leak_bits(0, 0.5), 0.3113, 1e-3);
  const auto [lo, hi] = clopper_pearson(0, 40, 0.99);
  EXPECT_EQ(lo, 0);
  EXPECT_NEAR(hi, 0.124, 1e-3);  // 1 - 0.005^(1/40)
}

TEST(AbortStats, BlameAloneCanAlarm) {
  // Same abort rate, different culprits: abort-or-not says nothing, the blame everything.
  AbortSample x{40, 40, {{"party 1", 40}}}, y{40, 40, {{"party 2", 40}}};
  const auto r = abort_dependence_test(x, y, 1e-3, 0.99);
  EXPECT_EQ(r.p_abort, 1);
  EXPECT_LT(r.p_blame, 1e-10);
  EXPECT_TRUE(r.alarm);
  EXPECT_EQ(r.leak_bits, 0);  // the estimate covers abort-or-not only (documented)
  AbortSample same{40, 3, {{"none", 37}, {"party 1", 3}}};
  EXPECT_FALSE(abort_dependence_test(same, same, 1e-3, 0.99).alarm);
}

// The documented budget: 40 runs per input; the selective failure leaks the whole bit.
TEST(VerifyAborts, YaoSelectiveFailureIsDetectedOutsideTheClaim) {
  auto s = load_scenario_file(kExamples + "yao_selective_failure.json");
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto swap = load_swap_file(kExamples + "privacy_swaps/yao_selective_failure.swap.json");
  ASSERT_TRUE(swap.ok());
  const auto r = run_abort_test(*s, *swap, AbortOptions{});
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->test.alarm) << r->summary;
  EXPECT_EQ(r->x.aborted, 0u);
  EXPECT_EQ(r->swapped.aborted, 40u);
  EXPECT_DOUBLE_EQ(r->test.leak_bits, 1);
  EXPECT_GT(r->test.leak_low, 0.4);
  EXPECT_EQ(r->scope, "outside_model");
  EXPECT_NE(r->summary.find("not a violation of the claim"), std::string::npos);
}

TEST(VerifyAborts, SpdzAndRobustBgwProgramsLeakNothing) {
  AbortOptions o;
  o.runs = 20;
  for (const auto& [protocol, parties, program] :
       std::vector<std::tuple<std::string, int, std::string>>{
           {"spdz", 3, "spdz_coin_bias"}, {"spdz", 3, "spdz_mac_key_guess"},
           {"spdz", 3, "spdz_dealer_grind"}, {"bgw_robust", 4, "bgw_robust_equivocator"}}) {
    nlohmann::json x = parties == 3 ? nlohmann::json{3, 4, 5} : nlohmann::json{3, 4, 5, 6};
    nlohmann::json x2 = x;
    std::swap(x2[0], x2[1]);  // the same product for the coalition
    const auto s = attack_scenario(protocol, parties, program, x, {parties - 1});
    std::vector<nlohmann::json> swapped;
    for (const auto& v : x2) swapped.push_back(nlohmann::json::array({v}));
    const auto r = run_abort_test(s, swapped, o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_FALSE(r->test.alarm) << program << ": " << r->summary;
    EXPECT_EQ(r->claim_violations, 0) << program;
    EXPECT_EQ(r->scope, "within") << program;
  }
}

TEST(VerifyAborts, HonestRunsRaiseNoAlarm) {
  AbortOptions o;
  o.runs = 20;
  const auto s = attack_scenario("spdz", 3, "", {3, 4, 5}, {2});
  const auto r = run_abort_test(s, {{4}, {3}, {5}}, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->test.alarm);
  EXPECT_EQ(r->x.aborted + r->swapped.aborted, 0u);
}

TEST(VerifyAborts, CliExitCodes) {
  const auto leak = testing::run_cli("verify aborts " + kExamples + "yao_selective_failure.json --swap " +
                                     kExamples + "privacy_swaps/yao_selective_failure.swap.json --runs 8");
  EXPECT_EQ(leak.exit_code, 1) << leak.out << leak.err;
  EXPECT_NE(leak.out.find("LEAK"), std::string::npos) << leak.out;
  const auto bad = testing::run_cli("verify aborts " + kExamples + "yao_selective_failure.json --swap " +
                                    kExamples + "privacy_swaps/privacy_sum_3.swap.json");
  EXPECT_EQ(bad.exit_code, 2) << bad.out << bad.err;
}

// >= 2,000 seeded runs of the shipped SPDZ and robust BGW programs (500 + 500 + 400 + 300 + 300, in
// tests of a few minutes each so ctest spreads them): the verdict always holds and the runs are
// within the claim.
void expect_claim_holds(const std::string& protocol, int parties, const std::string& program,
                        int first_seed, int runs) {
  nlohmann::json x = parties == 3 ? nlohmann::json{3, 4, 5} : nlohmann::json{3, 4, 5, 6};
  const auto s = attack_scenario(protocol, parties, program, x, {parties - 1});
  int outcomes[2] = {0, 0};  // correct, abort
  for (int seed = first_seed; seed < first_seed + runs; ++seed) {
    RunOptions o;
    o.seed = static_cast<std::uint64_t>(seed);
    const auto r = run_scenario(s, o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    ASSERT_TRUE(r->verdict_holds) << program << " seed " << seed << ": " << r->explanation;
    ASSERT_EQ(r->scope, ClaimScope::kWithin) << program << " seed " << seed;
    ASSERT_TRUE(r->outcome == Outcome::kCorrect || r->outcome == Outcome::kAbort)
        << program << " seed " << seed << ": " << outcome_name(r->outcome);
    ++outcomes[r->outcome == Outcome::kAbort];
  }
  ::testing::Test::RecordProperty("correct", outcomes[0]);
  ::testing::Test::RecordProperty("abort", outcomes[1]);
}

TEST(ShippedAttacks, SpdzCoinBias500Runs) {
  expect_claim_holds("spdz", 3, "spdz_coin_bias", 1, 500);
}
TEST(ShippedAttacks, SpdzMacKeyGuess500Runs) {
  expect_claim_holds("spdz", 3, "spdz_mac_key_guess", 1, 500);
}
TEST(ShippedAttacks, SpdzDealerGrind400Runs) {
  expect_claim_holds("spdz", 3, "spdz_dealer_grind", 1, 400);
}
// The grinder's replaced contribution never opens its commitment: every honest party aborts and
// blames party 2 (with the check skipped, M63, they abort only later, at a MAC check:
// spdz-dealer-grind).
TEST(ShippedAttacks, SpdzDealerGrindIsCaughtByTheCommitment) {
  const auto s = attack_scenario("spdz", 3, "spdz_dealer_grind", {3, 4, 5}, {2});
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    RunOptions o;
    o.seed = seed;
    const auto r = run_scenario(s, o);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->outcome, Outcome::kAbort) << "seed " << seed;
    for (const auto& p : {r->run.parties.at(0), r->run.parties.at(1)}) {
      EXPECT_EQ(p.status, PartyStatus::kAbort) << "seed " << seed;
      EXPECT_NE(p.abort_reason.find("dealer contribution"), std::string::npos) << p.abort_reason;
      EXPECT_EQ(p.blamed, std::vector<PartyId>{2}) << "seed " << seed;
    }
  }
}

TEST(ShippedAttacks, RobustBgwEquivocatorSeeds1To300) {
  expect_claim_holds("bgw_robust", 4, "bgw_robust_equivocator", 1, 300);
}
TEST(ShippedAttacks, RobustBgwEquivocatorSeeds301To600) {
  expect_claim_holds("bgw_robust", 4, "bgw_robust_equivocator", 301, 300);
}

TEST(ShippedAttacks, EveryProgramLoadsAndIsListed) {
  const auto attacks = shipped_attacks();
  ASSERT_TRUE(attacks.ok()) << attacks.status().message();
  ASSERT_GE(attacks->size(), 5u);
  const auto list = testing::run_cli("list attacks");
  EXPECT_EQ(list.exit_code, 0);
  for (const auto& a : *attacks) {
    EXPECT_TRUE(a.about.contains("summary")) << a.file;
    EXPECT_TRUE(a.about.contains("applies_to")) << a.file;
    EXPECT_TRUE(a.about.contains("expect")) << a.file;
    EXPECT_NE(list.out.find(a.file), std::string::npos) << a.file;
  }
  EXPECT_NE(list.out.find("parameter want (default 0)"), std::string::npos) << list.out;
}

// `smpc verify privacy` with an active coalition compares its views under attack
// (scenarios/privacy.h). The selective-failure garbler's view is cut short exactly when the
// evaluator's bit is 1: the view-shape test sees it.
PrivacyOptions attacked_options(int runs) {
  PrivacyOptions o;
  o.runs = runs;
  return o;
}

// An example scenario with its coalition {1, 2} running a shipped program.
Scenario example_with_program(const std::string& file, const std::string& program) {
  std::ifstream in(kExamples + file);
  auto doc = nlohmann::json::parse(in);
  doc["adversary"] = {{"corrupt", {1, 2}}, {"model", "malicious"},
                      {"program", SMPC_SOURCE_DIR "/attacks/" + program + ".lua"}};
  auto s = parse_scenario(doc.dump(), kExamples + file);
  EXPECT_TRUE(s.ok()) << s.status().message();
  return *s;
}

const PrivacyCheck& named(const PrivacyReport& r, const std::string& name) {
  for (const auto& c : r.checks)
    if (c.name == name) return c;
  ADD_FAILURE() << "no check " << name << " in " << r.summary;
  return r.checks.front();
}

TEST(PrivacyUnderAttack, YaoSelectiveFailureChangesTheGarblersViewShape) {
  auto s = load_scenario_file(kExamples + "yao_selective_failure.json");
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto swap = load_swap_file(kExamples + "privacy_swaps/yao_selective_failure.swap.json");
  ASSERT_TRUE(swap.ok());
  const auto r = run_privacy_test(*s, *swap, attacked_options(10));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->distinguishable) << r->summary;
  EXPECT_TRUE(named(*r, kViewShapeCheck).alarm) << r->summary;
  EXPECT_NE(r->summary.find("under attack"), std::string::npos) << r->summary;
}

// SPDZ's shipped programs: whatever they do, the coalition's views under x and x' agree.
TEST(PrivacyUnderAttack, SpdzProgramsLeaveTheViewsIndistinguishable) {
  auto swap = load_swap_file(kExamples + "privacy_swaps/privacy_spdz_inner_product.swap.json");
  ASSERT_TRUE(swap.ok());
  for (const std::string program : {"spdz_coin_bias", "spdz_mac_key_guess", "spdz_dealer_grind"}) {
    const Scenario attacked = example_with_program("privacy_spdz_inner_product.json", program);
    const auto r = run_privacy_test(attacked, *swap, attacked_options(30));
    ASSERT_TRUE(r.ok()) << program << ": " << r.status().message();
    EXPECT_FALSE(r->distinguishable) << program << ": " << r->summary;
    EXPECT_EQ(r->checks.size(), 5u) << program << ": " << r->summary;  // shape + element tests ran
  }
}

// The element tests still work under attack: SPDZ reusing one Beaver triple per layer (M13)
// opens d_0 − d_1 = x_0 − x_1 before the MAC-key guesser's shift makes MACCheck abort.
TEST(PrivacyUnderAttack, TripleReuseIsSeenInAnAttackedView) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  auto swap = load_swap_file(kExamples + "privacy_swaps/privacy_spdz_inner_product.swap.json");
  ASSERT_TRUE(swap.ok());
  const Scenario s = example_with_program("privacy_spdz_inner_product.json", "spdz_mac_key_guess");
  auto o = attacked_options(60);
  o.mutant = Mutant::kM13;
  const auto r = run_privacy_test(s, *swap, o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->distinguishable) << r->summary;
  EXPECT_FALSE(named(*r, kViewShapeCheck).alarm) << r->summary;
}

TEST(PrivacyUnderAttack, UniformityAndTheSweepStillNeedAPassiveCoalition) {
  auto s = load_scenario_file(kExamples + "yao_selective_failure.json");
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto o = attacked_options(4);
  o.uniformity = true;
  const auto r = run_uniformity_test(*s, o);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/adversary/model"), std::string::npos) << r.status().message();
}

}  // namespace
}  // namespace smpc
