// frost as a scenario protocol (protocols/frost/scenario_protocol.h, spec.h) and the verdict's
// predicate hook (Function::output_check, scenarios/signature_function.h): the examples give
// their documented verdicts, bytes and rounds equal frost_cost exactly, random t-of-n runs
// verify (RapidCheck), and the verdict does not say ok when a signature does not verify
// (seeded bugs M65, M66) or when the group keys of honest parties differ.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "protocols/core/mutants.h"
#include "protocols/frost/ideal.h"
#include "protocols/frost/scenario_protocol.h"
#include "reports/report.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

std::string example(const std::string& name) {
  return std::string(SMPC_SOURCE_DIR) + "/scenarios/examples/" + name;
}

Result<RunRecord> run_file(const std::string& path, Mutant mutant = Mutant::kNone) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, load_scenario_file(path));
  RunOptions o;
  o.mutant = mutant;
  return run_scenario(s, o);
}

// A scenario document: `parties` − 1 participants, threshold t, the given signers and messages.
nlohmann::json signing_doc(int parties, int t, const std::vector<std::uint64_t>& signers,
                           const std::vector<std::string>& messages, std::uint64_t seed) {
  return {{"name", "frost property"}, {"seed", seed}, {"parties", parties},
          {"protocol", {{"name", "frost"}, {"threshold", t}}},
          {"function", {{"name", "threshold_signature"}, {"messages", messages},
                        {"signers", signers}}},
          {"inputs", std::vector<nlohmann::json>(static_cast<std::size_t>(parties),
                                                 nlohmann::json::array())},
          {"network", {{"latency_ms", 1}, {"bandwidth_mbps", 1000}}}};
}

Result<RunRecord> run_doc(const nlohmann::json& doc, Backend backend = Backend::kSimulated,
                          Mutant mutant = Mutant::kNone) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, parse_scenario(doc.dump(), "<frost>"));
  RunOptions o;
  o.backend = backend;
  o.mutant = mutant;
  return run_scenario(s, o);
}

TEST(FrostScenario, HonestThreeOfFiveSignsBothMessagesAtTheExactCost) {
  const auto r = run_file(example("frost_sign_3_of_5.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
  EXPECT_TRUE(r->verdict_holds);
  const frost::SigningShape shape{{1, 3, 5}, {Bytes{'p', 'a', 'y', ' ', '5', ' ', 't', 'o', ' ', 'b', 'o', 'b'},
                                              Bytes{'r', 'o', 't', 'a', 't', 'e', ' ', 'k', 'e', 'y'}}};
  const frost::SignCost cost = frost::frost_cost(shape, 6, 3);
  EXPECT_EQ(testing::bytes_by_label(r->run), cost.bytes);
  EXPECT_EQ(testing::max_round(r->run), cost.rounds);
  EXPECT_EQ(cost.rounds, 2u * 3 + 1 + 2 * 2 + 1);
  // Every party reports the same key; the coordinator two 64-byte signatures in hex.
  const auto j = report_json(*r);
  for (int p = 1; p < 6; ++p)
    EXPECT_EQ(j["outputs"][p]["group_public_key"], j["outputs"][0]["group_public_key"]);
  EXPECT_EQ(j["outputs"][0]["signature_1"].get<std::string>().size(), 128u);
  EXPECT_TRUE(j["expected_outputs"][0].contains("checked"));
}

// The formula written out for n = 5 participants, t = 3, k = 3 signers, messages of 12 and 10
// bytes (dkg.h, dolev_strong.h, sign_protocol.h): N = 6 parties in the DKG's broadcasts (the
// coordinator observes and relays), R = t = 3 rounds each.
TEST(FrostScenario, CostFormulaByHand) {
  const frost::SigningShape shape{{1, 3, 5}, {Bytes(12, 'a'), Bytes(10, 'b')}};
  const auto c = frost::frost_cost(shape, 6, 3);
  const std::uint64_t n = 5, N = 6, dealing = 75 + 32 * 3, complaint = 6;
  EXPECT_EQ(c.bytes.at("frost.dkg.commit"), n * (N - 1) * (75 + dealing));
  EXPECT_EQ(c.bytes.at("frost.dkg.commit_relay"),
            (N - 1) * (6 * N + (N - 1) * n * (148 + dealing)) + 1 * N * (N - 1) * 6);
  EXPECT_EQ(c.bytes.at("frost.dkg.share"), 5u * 4 * 38);
  EXPECT_EQ(c.bytes.at("frost.dkg.complaint"), n * (N - 1) * (75 + complaint));
  EXPECT_EQ(c.bytes.at("frost.dkg.complaint_relay"),
            (N - 1) * (6 * N + (N - 1) * n * (148 + complaint)) + 1 * N * (N - 1) * 6);
  EXPECT_EQ(c.bytes.at("frost.commit"), 2u * 70 * 3);
  EXPECT_EQ(c.bytes.at("frost.package"), 3u * (16 + 72 * 3 + 12) + 3u * (16 + 72 * 3 + 10));
  EXPECT_EQ(c.bytes.at("frost.share"), 2u * 38 * 3);
  EXPECT_EQ(c.rounds, 2u * 3 + 1 + 2 * 2 + 1);
}

TEST(FrostScenario, BadShareAbortsNamingItsSender) {
  const auto r = run_file(example("frost_bad_share.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->scope, ClaimScope::kWithin);
  EXPECT_EQ(r->run.parties[0].status, PartyStatus::kAbort);
  EXPECT_EQ(r->run.parties[0].blamed, std::vector<PartyId>{2}) << r->run.parties[0].abort_reason;
  EXPECT_NE(r->run.parties[0].abort_reason.find("fails verification"), std::string::npos);
}

TEST(FrostScenario, NonceReuseIsRefusedNamingTheSigner) {
  const auto r = run_file(example("frost_nonce_reuse.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->run.parties[0].status, PartyStatus::kAbort);
  EXPECT_EQ(r->run.parties[0].blamed, std::vector<PartyId>{1});
  EXPECT_NE(r->run.parties[0].abort_reason.find("reused a nonce commitment"), std::string::npos)
      << r->run.parties[0].abort_reason;
}

// The verdict's predicate: the coordinator's last signature off by one in z (M65) and a group
// key that counts a disqualified dealer (M66, with participant 2 sending a broken proof of
// knowledge so that it is disqualified) are violations, never ok.
TEST(FrostScenario, SeededBugsM65AndM66MakeTheVerdictAViolation) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto m65 = run_file(example("frost_sign_3_of_5.json"), Mutant::kM65);
  ASSERT_TRUE(m65.ok()) << m65.status().message();
  EXPECT_FALSE(m65->verdict_holds);
  EXPECT_EQ(m65->outcome, Outcome::kDisagreement);
  EXPECT_NE(m65->explanation.find("signature 1 does not verify"), std::string::npos)
      << m65->explanation;
  // Participant 2 sends wrong shares and drops its response: disqualified after its dealing was
  // agreed, so M66 counts its φ_0.
  auto doc = signing_doc(4, 2, {1, 3}, {"m"}, 5);
  doc["adversary"] = {{"corrupt", {2}}, {"model", "malicious"},
                      {"script", {{{"strategy", "add"}, {"label", "frost.dkg.share"},
                                   {"element", 0}, {"delta", 1}},
                                  {{"strategy", "drop"}, {"label", "frost.dkg.response"}}}}};
  const auto clean = run_doc(doc);
  ASSERT_TRUE(clean.ok()) << clean.status().message();
  EXPECT_TRUE(clean->verdict_holds) << clean->explanation;
  EXPECT_EQ(clean->outcome, Outcome::kCorrect) << clean->explanation;
  const auto m66 = run_doc(doc, Backend::kSimulated, Mutant::kM66);
  ASSERT_TRUE(m66.ok()) << m66.status().message();
  EXPECT_FALSE(m66->verdict_holds) << m66->explanation;
}

// Dealer 1 sends participant 2 (a non-signer) a dealing changed after signing, everyone else the
// real one. Before the DKG had a broadcast, 2 disqualified the dealer and derived another key;
// with Dolev–Strong the relays bring 2 the signed dealing, every honest party keeps dealer 1 and
// outputs the same key, and the verdict is ok.
TEST(FrostScenario, EquivocatingDealerIsOvercomeByTheBroadcastAndTheVerdictIsOk) {
  auto doc = signing_doc(4, 2, {1, 3}, {"m"}, 1);
  doc["adversary"] = {{"corrupt", {1}}, {"model", "malicious"},
                      {"script", {{{"strategy", "equivocate"}, {"label", "frost.dkg.commit"},
                                   {"element", 3}, {"delta", 1}, {"to", {2}}}}}};
  const auto r = run_doc(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->scope, ClaimScope::kWithin) << r->explanation;
  EXPECT_TRUE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
  for (const auto& p : r->run.parties)
    EXPECT_EQ(std::vector<std::uint64_t>(p.outputs.begin(), p.outputs.begin() + 4),
              std::vector<std::uint64_t>(r->run.parties[0].outputs.begin(),
                                         r->run.parties[0].outputs.begin() + 4));
}

// Identification judged by the verdict (kCorrectOrAccountableAbort): a silent signer is named
// by the coordinator, which gives up Δ before the deadline so that the signers stop on its
// notice (naming nobody) instead of timing out on it; a coordinator that withholds the package
// never gets an honest party named; seeded bug M69 (the coordinator names the next signer) is a violation.
TEST(FrostScenario, AbortsNameOnlyCorruptedPartiesAndTheVerdictJudgesIt) {
  auto silent_signer = signing_doc(4, 2, {1, 3}, {"m"}, 2);
  silent_signer["adversary"] = {{"corrupt", {3}}, {"model", "malicious"},
                                {"script", {{{"strategy", "drop"}, {"label", "frost.commit"}}}}};
  const auto a = run_doc(silent_signer);
  ASSERT_TRUE(a.ok()) << a.status().message();
  EXPECT_TRUE(a->verdict_holds) << a->explanation;
  EXPECT_EQ(a->scope, ClaimScope::kWithin) << a->explanation;
  EXPECT_EQ(a->run.parties[0].blamed, std::vector<PartyId>{3}) << a->run.parties[0].abort_reason;
  EXPECT_TRUE(a->run.parties[1].blamed.empty()) << a->run.parties[1].abort_reason;
  EXPECT_NE(a->run.parties[1].abort_reason.find("party 0 aborted"), std::string::npos)
      << a->run.parties[1].abort_reason;

  auto silent_coordinator = signing_doc(4, 2, {1, 3}, {"m"}, 3);
  silent_coordinator["adversary"] = {{"corrupt", {0}}, {"model", "malicious"},
                                     {"script", {{{"strategy", "drop"}, {"label", "frost.package"}}}}};
  const auto b = run_doc(silent_coordinator);
  ASSERT_TRUE(b.ok()) << b.status().message();
  EXPECT_TRUE(b->verdict_holds) << b->explanation;
  // The corrupted coordinator (honest code otherwise) later gives up on the shares and sends
  // its notice: signer 1 stops naming nobody, or, had the notice not come, party 0.
  EXPECT_NE(b->run.parties[1].status, PartyStatus::kOutput);
  EXPECT_TRUE(b->run.parties[1].blamed.empty() ||
              b->run.parties[1].blamed == std::vector<PartyId>{0})
      << b->run.parties[1].abort_reason;
  EXPECT_EQ(b->run.parties[2].status, PartyStatus::kOutput);  // a non-signer keeps its key

  if (!kMutantsCompiled) return;
  const auto m69 = run_file(example("frost_bad_share.json"), Mutant::kM69);
  ASSERT_TRUE(m69.ok()) << m69.status().message();
  EXPECT_FALSE(m69->verdict_holds) << m69->explanation;
  EXPECT_NE(m69->explanation.find("names honest party"), std::string::npos) << m69->explanation;
}

// Random t-of-n groups, signer sets and message counts, both backends: every run is correct
// (all keys equal, every signature verifies) at exactly frost_cost.
TEST(FrostScenario, RandomGroupsAreCorrectAtTheExactCost) {
  testing::check_with_budget(12, [] {
    const int n = *rc::gen::inRange(1, 7);
    const int t = *rc::gen::inRange(1, n + 1);
    std::vector<std::uint64_t> signers;
    for (std::uint64_t i = 1; i <= static_cast<std::uint64_t>(n); ++i)
      if (*rc::gen::arbitrary<bool>()) signers.push_back(i);
    for (std::uint64_t i = 1; signers.size() < static_cast<std::size_t>(t); ++i)
      if (!std::count(signers.begin(), signers.end(), i)) signers.push_back(i);
    std::sort(signers.begin(), signers.end());
    const int s = *rc::gen::inRange(1, 3);
    std::vector<std::string> messages;
    for (int j = 0; j < s; ++j) messages.push_back(std::string(static_cast<std::size_t>(j * 7), 'x'));
    const auto seed = *rc::gen::inRange<std::uint64_t>(0, 1u << 30);
    const Backend backend = *rc::gen::element(Backend::kSimulated, Backend::kLocal);
    const auto r = run_doc(signing_doc(n + 1, t, signers, messages, seed), backend);
    RC_ASSERT(r.ok());
    RC_ASSERT(r->outcome == Outcome::kCorrect);
    RC_ASSERT(r->verdict_holds);
    frost::SigningShape shape{signers, {}};
    for (const auto& m : messages) shape.messages.emplace_back(m.begin(), m.end());
    const auto cost = frost::frost_cost(shape, n + 1, t);
    RC_ASSERT(testing::bytes_by_label(r->run) == cost.bytes);
    RC_ASSERT(testing::max_round(r->run) == cost.rounds);
  });
}

TEST(FrostScenario, BadScenariosAreRefusedWithTheirPointer) {
  const auto refused = [](nlohmann::json doc) {
    const auto s = parse_scenario(doc.dump(), "<frost>");
    if (!s.ok()) return s.status().message();
    const auto r = run_scenario(*s, {});
    return r.ok() ? std::string("accepted") : r.status().message();
  };
  EXPECT_NE(refused(signing_doc(4, 3, {1, 2}, {"m"}, 1)).find("/function/signers: 2 signers, fewer than the threshold"),
            std::string::npos);
  EXPECT_NE(refused(signing_doc(4, 2, {1, 4}, {"m"}, 1)).find("/function/signers/1"), std::string::npos);
  EXPECT_NE(refused(signing_doc(4, 4, {1, 2, 3}, {"m"}, 1)).find("/protocol/threshold"), std::string::npos);
  auto with_input = signing_doc(3, 1, {1}, {"m"}, 1);
  with_input["inputs"][1] = {5};
  EXPECT_NE(refused(with_input).find("/inputs/1"), std::string::npos);
  auto other_function = signing_doc(3, 1, {1}, {"m"}, 1);
  other_function["function"] = {{"name", "secure_aggregation"}};  // Ring64 too
  other_function["inputs"] = {nlohmann::json::array(), {1}, {2}};
  EXPECT_NE(refused(other_function).find("/function: frost evaluates only"), std::string::npos)
      << refused(other_function);
}

// The carrier circuit round-trips and nothing else passes for it.
TEST(FrostScenario, SigningShapeRoundTripsThroughTheCircuit) {
  const frost::SigningShape s{{2, 5, 9}, {Bytes{}, Bytes(9, 0xff), Bytes{'h', 'i'}}};
  const Circuit c = frost::signing_circuit(s);
  ASSERT_TRUE(c.validate(10).ok());
  EXPECT_EQ(frost::signing_shape(c), s);
  Circuit changed = c;
  changed.gates[1].constant = 3;  // signer 2 -> 3: another valid shape, read as such
  EXPECT_EQ(frost::signing_shape(changed)->signers, (std::vector<std::uint64_t>{3, 5, 9}));
  changed.gates[1].constant = 7;  // unsorted
  EXPECT_FALSE(frost::signing_shape(changed).has_value());
  Circuit extra = c;
  extra.outputs.pop_back();
  EXPECT_FALSE(frost::signing_shape(extra).has_value());
}

}  // namespace
}  // namespace smpc
