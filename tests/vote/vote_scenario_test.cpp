// vote as a scenario protocol (protocols/vote/scenario_protocol.h, spec.h) and the function
// tally's predicate verdict (scenarios/vote_function.h): the examples give their documented
// verdicts, tallies, bytes (vote_cost exactly) and rounds; the board's transcript is in the
// report and `smpc verify tally report.json` verifies it; the verdict never says ok when an
// invalid ballot is counted (seeded bug M76; the predicate's own seeded bug M82), nor "ok
// within the claim" when the trusted bulletin board is corrupted or crashes (M83); every bad
// combination of roles, inputs and parameters is a clear error.
#include <gtest/gtest.h>

#include <fstream>
#include <functional>

#include "protocols/core/mutants.h"
#include "protocols/vote/ideal.h"
#include "protocols/vote/scenario_protocol.h"
#include "reports/report.h"
#include "scenarios/pipeline.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "scenarios/vote_function.h"
#include "tests/support/cli.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

using J = nlohmann::json;

J load_example(const std::string& name) {
  std::ifstream in(testing::example(name));
  return J::parse(in);
}

Result<RunRecord> run_doc(const J& doc, Mutant mutant = Mutant::kNone) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, parse_scenario(doc.dump(), "<vote>"));
  RunOptions o;
  o.mutant = mutant;
  return run_scenario(s, o);
}

// The tally every server and the board reported (report outputs), or null where it differs.
J reported_tally(const RunRecord& r, int servers, int board) {
  const auto j = report_json(r);
  J tally;
  for (int p = 0; p <= board; ++p) {
    if (p >= servers && p < board) continue;
    const auto& o = j["outputs"][static_cast<std::size_t>(p)];
    if (o.is_null()) continue;  // a crashed server
    if (!o.contains("tally")) return J();
    const J t = J::parse(o.at("tally").dump());
    if (tally.is_null()) tally = t;
    if (t != tally) return J();
  }
  return tally;
}

TEST(VoteScenario, TwelveVotersOneMalformedBallotAtTheExactCost) {
  const auto r = run_doc(load_example("vote_12_voters.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
  EXPECT_TRUE(r->verdict_holds);
  EXPECT_EQ(r->scope, ClaimScope::kWithin);
  EXPECT_EQ(reported_tally(*r, 4, 16), J({5, 4, 2}));
  // Exact cost: bytes per label and causal rounds, and the per-role totals of vote_cost.
  const vote::VoteConfig cfg{.servers = 4, .voters = 12, .t = 1, .candidates = 3,
                             .one_of_k = true, .round_timeout_s = 0.5};
  const auto cost = vote::vote_label_cost(cfg);
  EXPECT_EQ(testing::bytes_by_label(r->run), cost.bytes);
  // A post: per candidate 4t + 2 = 6 points and a bit proof (A_0, A_1, c_0, z_0, z_1: 160 bytes).
  EXPECT_EQ(vote::vote_message_sizes(cfg).post, 6u + 3u * (6u * 32u + 160u));
  EXPECT_EQ(testing::max_round(r->run), cost.rounds);
  std::uint64_t total = 0;
  for (const auto& [label, b] : cost.bytes) total += b;
  const auto c = vote::vote_cost(cfg);
  EXPECT_EQ(total, 12 * c.voter_sent + 4 * c.server_sent + c.board_sent);
  EXPECT_EQ(total, 4 * c.server_received + c.board_received + 12 * 6 /* accused */);
  // The transcript reaches the report, on the board's entry, and records the rejection.
  const auto j = report_json(*r);
  ASSERT_TRUE(j["party_results"][16].contains("vote_transcript"));
  const auto& tr = j["party_results"][16]["vote_transcript"];
  EXPECT_EQ(tr["tally"], J({5, 4, 2}));
  EXPECT_EQ(tr["ballots"][5]["status"], "rejected");
  EXPECT_TRUE(j["expected_outputs"][0].contains("checked")) << j["expected_outputs"][0].dump();
}

TEST(VoteScenario, VerifyTallyFindsTheTranscriptInAReport) {
  const auto dir = testing::temp_dir("vote-report");
  const auto report = (dir / "report.json").string();
  const auto run = testing::run_cli("run " + testing::example("vote_12_voters.json") +
                                    " --output " + report);
  ASSERT_EQ(run.exit_code, 0) << run.err;
  const auto ok = testing::run_cli("verify tally " + report);
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("tally verified: 11 counted, 1 rejected, 0 disqualified; tally [5, 4, 2]"),
            std::string::npos) << ok.out;
  // A report whose tally was altered is rejected.
  J doc = J::parse(testing::slurp(report));
  doc["party_results"][16]["vote_transcript"]["tally"][0] = 6;
  std::ofstream(dir / "altered.json") << doc.dump();
  const auto bad = testing::run_cli("verify tally " + (dir / "altered.json").string());
  EXPECT_EQ(bad.exit_code, 1) << bad.out << bad.err;
}

TEST(VoteScenario, CrashedServerStillDeliversTheTally) {
  const auto r = run_doc(load_example("vote_crashed_server.json"));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->scope, ClaimScope::kWithin) << r->explanation;
  EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
  EXPECT_EQ(r->run.parties[2].status == PartyStatus::kOutput, false);
  EXPECT_EQ(reported_tally(*r, 4, 10), J({4, 3, 2}));
}

// M76: the servers skip the range check, so the malformed ballot of an honest voter is counted.
TEST(VoteScenario, ACountedMalformedBallotIsAViolation) {
  const auto r = run_doc(load_example("vote_12_voters.json"), Mutant::kM76);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->scope, ClaimScope::kWithin);
  // The honest voters, who are owed no output, do not count: every party owed the tally (the
  // servers and the board) got a wrong one.
  EXPECT_EQ(r->outcome, Outcome::kWrongOutput) << r->explanation;
  EXPECT_NE(r->explanation.find("more than the 0 corrupted voters"), std::string::npos)
      << r->explanation;
  EXPECT_EQ(reported_tally(*r, 4, 16), J({6, 5, 2}));
}

// The danger the carrier circuit (protocols/vote/ideal.h) exists for: a corrupted voter's
// invalid ballot that gets counted must not be "explained" as an input substitution.
J corrupted_voter_doc(std::vector<std::uint64_t> cast) {
  J doc = load_example("vote_12_voters.json");
  doc["inputs"][9] = {0, 1, 0};  // voter 9 is now valid on paper ...
  doc["adversary"] = {{"corrupt", {9}}, {"model", "malicious"},
                      {"script", {{{"strategy", "input_substitution"}, {"value", cast}}}}};
  return doc;  // ... and casts `cast`
}

TEST(VoteScenario, ACorruptedVotersCountedInvalidBallotIsAViolationNotASubstitution) {
  // Without the bug the invalid ballot (two 1s: bits, so its bit proofs verify; the range check
  // rejects it) is not counted: the voter abstained, as the ideal world lets it.
  const auto fine = run_doc(corrupted_voter_doc({1, 1, 0}));
  ASSERT_TRUE(fine.ok()) << fine.status().message();
  EXPECT_TRUE(fine->verdict_holds) << fine->explanation;
  EXPECT_EQ(reported_tally(*fine, 4, 16), J({5, 4, 2}));
  // With M76 it is counted: one voter votes for candidates 0 and 1.
  const auto r = run_doc(corrupted_voter_doc({1, 1, 0}), Mutant::kM76);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(reported_tally(*r, 4, 16), J({6, 5, 2}));
  EXPECT_FALSE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->scope, ClaimScope::kWithin);
  EXPECT_NE(r->decided_by, "ideal_world_oracle");
  EXPECT_NE(r->explanation.find("more than the 1 corrupted voters"), std::string::npos)
      << r->explanation;
  // M82 (the predicate leaves the corrupted voters' share unbounded) would call it ok.
  const auto blind = run_doc(corrupted_voter_doc({1, 1, 0}), Mutant::kM82);
  ASSERT_TRUE(blind.ok());
  EXPECT_TRUE(blind->verdict_holds);
  const auto scenario = parse_scenario(corrupted_voter_doc({1, 1, 0}).dump(), "<vote>");
  ASSERT_TRUE(scenario.ok());
  const auto plan = resolve(*scenario, RunOptions{});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_TRUE(plan->function.circuit.inputs.empty()) << "the carrier must have no input wires";
}

TEST(VoteScenario, ACorruptedVoterMayCastAnyValidBallot) {
  const auto r = run_doc(corrupted_voter_doc({0, 0, 1}));
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r->verdict_holds) << r->explanation;
  EXPECT_EQ(r->outcome, Outcome::kCorrectWithSubstitution) << r->explanation;
  EXPECT_EQ(reported_tally(*r, 4, 16), J({5, 4, 3}));
}

// The claim trusts the bulletin board: a run that corrupts it, or crashes it, is outside the
// claim (model), never ok within it; M83 leaves it within.
TEST(VoteScenario, ACorruptedOrCrashedBoardIsOutsideTheClaim) {
  J doc = load_example("vote_12_voters.json");
  doc["adversary"] = {{"corrupt", {16}}, {"model", "malicious"},
                      {"script", {{{"strategy", "drop"}, {"label", "vote.board"}}}}};
  const auto r = run_doc(doc);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_EQ(r->scope, ClaimScope::kOutsideModel) << r->explanation;
  EXPECT_NE(r->explanation.find("party 16 is corrupted or hit by a fault"), std::string::npos)
      << r->explanation;
  const auto within = run_doc(doc, Mutant::kM83);
  ASSERT_TRUE(within.ok());
  EXPECT_EQ(within->scope, ClaimScope::kWithin);
  J crash = load_example("vote_12_voters.json");
  crash["faults"] = {{{"crash", 16}, {"at_s", 0.005}}};
  const auto c = run_doc(crash);
  ASSERT_TRUE(c.ok()) << c.status().message();
  EXPECT_EQ(c->scope, ClaimScope::kOutsideModel) << c->explanation;
}

std::string error_of(const J& doc) {
  const auto s = parse_scenario(doc.dump(), "<vote>");
  if (!s.ok()) return s.status().message();
  const auto r = run_scenario(*s, {});
  return r.ok() ? "" : r.status().message();
}

TEST(VoteScenario, BadCombinationsAreClearErrors) {
  const J base = load_example("vote_12_voters.json");
  struct Case {
    std::function<void(J&)> change;
    std::string error;
  };
  const std::vector<Case> cases = {
      {[](J& d) { d.erase("roles"); }, "/roles: protocol vote needs roles: {\"servers\": 4}"},
      {[](J& d) { d["roles"]["servers"] = 3; }, "/roles/servers: must be 4"},
      {[](J& d) { d["inputs"][7] = {1, 0}; }, "/inputs/7: voter 7's ballot needs one entry per candidate (3), got [1,0]"},
      {[](J& d) { d["inputs"][7] = {1, -1, 0}; }, "/inputs/7/1"},
      {[](J& d) { d["protocol"]["threshold"] = 2; }, "/protocol/threshold: must satisfy 3t + 1 <= S = 4 servers (at most 1), got 2"},
      {[](J& d) { d["inputs"][16] = {1, 0, 0}; }, "/inputs/16: the last party is the bulletin board and gives no input ([])"},
      {[](J& d) { d["inputs"][0] = {1, 0, 0}; }, "/inputs/0: party 0 is a server"},
      {[](J& d) { d["function"]["candidates"] = 0; }, "/function/candidates"},
      {[](J& d) { d["function"]["mode"] = "ranked"; }, "/function/mode"},
      {[](J& d) { d["function"] = {{"name", "sum"}}; }, ""},
      {[](J& d) { d["protocol"] = {{"name", "bgw"}}; }, "/protocol/name: bgw evaluates"},
  };
  for (std::size_t i = 0; i < cases.size(); ++i) {
    SCOPED_TRACE(i);
    J doc = base;
    cases[i].change(doc);
    const auto err = error_of(doc);
    EXPECT_FALSE(err.empty());
    EXPECT_NE(err.find(cases[i].error), std::string::npos) << err;
  }
}

// The predicate alone, on hand-made runs: S = 1 server, 3 voters, the board party 4.
RunResult run_with(std::vector<std::vector<std::uint64_t>> receiver_outputs) {
  RunResult r;
  for (PartyId p = 0; p < 5; ++p) {
    PartyResult pr;
    pr.party = p;
    pr.status = PartyStatus::kOutput;
    r.parties.push_back(pr);
  }
  r.parties[0].outputs = receiver_outputs[0];
  r.parties[4].outputs = receiver_outputs[1];
  return r;
}

TEST(TallyCheck, AcceptsExactlyWhatCorruptedVotersCanAdd) {
  const std::vector<std::vector<std::uint64_t>> ballots = {{1, 0}, {0, 1}, {1, 1}};
  const auto one = tally_check(1, ballots, true);  // voter 3's ballot is malformed
  EXPECT_EQ(one(run_with({{1, 1}, {1, 1}}), 0, {}), "");
  EXPECT_NE(one(run_with({{2, 1}, {2, 1}}), 0, {}), "");   // the malformed ballot counted
  EXPECT_NE(one(run_with({{1, 1}, {1, 2}}), 0, {}), "");   // the board disagrees
  EXPECT_EQ(one(run_with({{1, 1}, {1, 1}}), 4, {}), "");
  EXPECT_EQ(one(run_with({{2, 1}, {2, 1}}), 0, {3}), "");  // corrupted voter 3 votes for 0
  EXPECT_NE(one(run_with({{2, 2}, {2, 2}}), 0, {3}), "");  // ... not for both
  EXPECT_EQ(one(run_with({{0, 1}, {0, 1}}), 0, {1}), "");  // corrupted voter 1 abstains
  EXPECT_NE(one(run_with({{0, 0}, {0, 0}}), 0, {1}), "");  // honest voter 2 left out
  const auto approval = tally_check(1, ballots, false);
  EXPECT_EQ(approval(run_with({{2, 2}, {2, 2}}), 0, {}), "");
  EXPECT_EQ(approval(run_with({{2, 3}, {2, 3}}), 0, {1}), "");  // voter 1 approves both
  EXPECT_EQ(approval(run_with({{1, 3}, {1, 3}}), 0, {1}), "");  // voter 1 approves 1 only
  EXPECT_NE(approval(run_with({{1, 4}, {1, 4}}), 0, {1}), "");  // voter 1 [0, 2]
  EXPECT_FALSE(valid_ballot({0, 2}, false));
  EXPECT_TRUE(valid_ballot({0, 0}, false));
  EXPECT_FALSE(valid_ballot({0, 0}, true));
}

TEST(ElectionCircuit, RoundTripsAndHasNoInputWires) {
  const vote::ElectionShape s{4, 12, 3, true};
  const Circuit c = vote::election_circuit(s);
  EXPECT_TRUE(c.inputs.empty());
  EXPECT_EQ(vote::election_shape(c), s);
  Circuit other = c;
  other.gates.back().constant = 1;
  EXPECT_FALSE(vote::election_shape(other).has_value());
  ASSERT_EQ(c.outputs.size(), 1u);
  EXPECT_EQ(c.outputs[0].receivers, (std::vector<PartyId>{0, 1, 2, 3, 16}));
}

}  // namespace
}  // namespace smpc
