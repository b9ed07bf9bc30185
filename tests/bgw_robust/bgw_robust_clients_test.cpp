// Robust BGW with roles (bgw_robust.h "Roles", docs/applications.md "Robust BGW with clients"):
// servers compute, clients give masked inputs and receive outputs by Berlekamp–Welch decoding.
// Against the plain evaluation and the exact cost formula (per label, rounds, and each client's
// bytes); a corrupted server's wrong output and mask shares; a client that sends different
// masked inputs to different servers; the verdict's view of each.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <algorithm>
#include <map>

#include "protocols/bgw/bgw_robust.h"
#include "protocols/bgw/cost.h"
#include "protocols/bgw/spec.h"
#include "protocols/core/local_network.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/random_circuit.h"
#include "tests/support/rc_budget.h"
#include "tests/support/scenario_run.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

// Every party's outputs equal the plain evaluation; bytes per label and rounds equal the spec's
// formula, and every party's bytes sent and received equal bgw_robust_roles_party_bytes (a
// client's also bgw_robust_client_bytes).
TEST(BgwRobustClients, EqualsPlainEvaluationAndCostFormula) {
  testing::check_with_budget(12, [] {
    const int servers = *rc::gen::element(4, 5, 7);
    const int clients = *rc::gen::inRange(2, 5);
    const int parties = servers + clients;
    const int t = (servers - 1) / 3;
    const Circuit c = testing::gen_circuit(parties, /*linear_only=*/false, 2);
    const auto inputs = testing::gen_inputs(c, parties);
    RC_TAG(servers, clients);
    const BgwRobust bgw(c, t, 5.0, servers);
    const auto r = run_local(parties, {*rc::gen::arbitrary<std::uint64_t>(), 600},
                             [&](PartyContext& ctx) {
                               return bgw.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
                             });
    const auto expected = ideal_outputs(c, inputs);
    RC_ASSERT(expected.ok());
    std::map<std::string, std::uint64_t> bytes;
    std::uint32_t rounds = 0;
    const auto per_party = bgw_robust_roles_party_bytes(c, parties, servers, t);
    for (const auto& p : r.parties) {
      RC_ASSERT(p.status == PartyStatus::kOutput);
      RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
      const PartyCost& mine = per_party[static_cast<std::size_t>(p.party)];
      RC_ASSERT(p.meter.sent.bytes == mine.sent);
      RC_ASSERT(p.meter.received.bytes == mine.received);
      if (p.party >= servers) {
        const PartyCost client = bgw_robust_client_bytes(c, servers, p.party);
        RC_ASSERT(client.sent == mine.sent);
        RC_ASSERT(client.received == mine.received);
      }
      for (const auto& [label, s] : p.meter.by_label) bytes[label] += s.traffic.bytes;
      rounds = std::max(rounds, p.meter.max_round);
    }
    const ProtocolParams params = {{"threshold", t}, {kServersParam, servers}};
    RC_ASSERT(bytes == bgw_robust_spec().cost.bytes_by_label(params, c, parties));
    RC_ASSERT(rounds == bgw_robust_spec().cost.rounds(params, c, parties));
  });
}

// A sum with mean: `values[i]` is client i's list; the last client is the analyst.
ScenarioBuilder sum_scenario(int servers, const std::vector<std::vector<std::uint64_t>>& values) {
  std::vector<Json> inputs(static_cast<std::size_t>(servers), Json::array());
  for (const auto& v : values) inputs.push_back(v);
  inputs.push_back(Json::array());
  const int parties = static_cast<int>(inputs.size());
  ScenarioBuilder b("robust roles sum");
  b.parties(parties)
      .protocol("bgw_robust", {{"round_timeout_s", 0.5}})
      .function({{"name", "sum"}, {"mean", true}})
      .inputs(inputs)
      .lan(1, 100)
      .deadline(600)
      .roles(Roles{servers, {parties - 1}});
  return b;
}

// The analyst gets the sum; clients' bytes in the report are the formula's.
TEST(BgwRobustClients, AnalystGetsTheSumAndClientBytesAreTheFormulas) {
  const RunRecord rec = test::run_scenario_ok(sum_scenario(4, {{3}, {4, 5}, {10}}));
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrect) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 22);
  EXPECT_EQ(rec.outputs.back()["count"], 4);
  EXPECT_EQ(rec.claim.max_corruptions, 1);
  EXPECT_NE(rec.claim.statement.find("of n = 4 servers"), std::string::npos) << rec.claim.statement;
  // Client with 2 inputs: sends 4 x 22, receives 4 x 22; the analyst receives 4 x 14 (one sum).
  EXPECT_EQ(rec.roles["clients"]["bytes_sent"]["max"].get<std::uint64_t>(), 4u * 22);
  EXPECT_EQ(rec.roles["clients"]["bytes_received"]["min"].get<std::uint64_t>(), 4u * 14);
}

// A corrupted server sends wrong output and mask shares: the clients decode around them.
TEST(BgwRobustClients, CorruptedServerSendingWrongSharesChangesNothing) {
  for (const char* label : {"bgwr.output", "bgwr.input.mask"}) {
    SCOPED_TRACE(label);
    ScenarioBuilder b = sum_scenario(4, {{3}, {4}, {10}});
    b.adversary({0}, AdversaryModel::kMalicious,
                Json::array({{{"strategy", "add"}, {"label", label}, {"delta", 12345}}}));
    const RunRecord rec = test::run_scenario_ok(b);
    EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
    EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
    EXPECT_EQ(rec.outcome, Outcome::kCorrect) << rec.explanation;
    EXPECT_EQ(rec.outputs.back()["sum"], 17);
  }
}

// A corrupted client sends a different masked input to one server: the other S − t agree, its
// input stands. To two of four servers: no value has S − t = 3 reports, it is disqualified and
// its input is the default 0, which the extractor finds and the verdict names.
TEST(BgwRobustClients, ClientSendingDifferentMaskedInputsIsOutvotedOrDisqualified) {
  // Client 4 (first client) inputs 3.
  ScenarioBuilder one = sum_scenario(4, {{3}, {4}, {10}});
  one.adversary({4}, AdversaryModel::kMalicious,
                Json::array({{{"strategy", "add"}, {"label", "bgwr.input.masked"}, {"delta", 7},
                              {"to", Json::array({2})}}}));
  RunRecord rec = test::run_scenario_ok(one);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrect) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 17);

  ScenarioBuilder two = sum_scenario(4, {{3}, {4}, {10}});
  two.adversary({4}, AdversaryModel::kMalicious,
                Json::array({{{"strategy", "add"}, {"label", "bgwr.input.masked"}, {"delta", 7},
                              {"to", Json::array({1})}},
                             {{"strategy", "add"}, {"label", "bgwr.input.masked"}, {"delta", 9},
                              {"to", Json::array({2})}}}));
  rec = test::run_scenario_ok(two);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 14);

  // The same to every server (a consistent substitution): its input is 3 + 7 = 10.
  ScenarioBuilder all = sum_scenario(4, {{3}, {4}, {10}});
  all.adversary({4}, AdversaryModel::kMalicious,
                Json::array({{{"strategy", "add"}, {"label", "bgwr.input.masked"}, {"delta", 7}}}));
  rec = test::run_scenario_ok(all);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 24);

  // A silent client: the servers wait out the δ round once, disqualify it, and use 0.
  ScenarioBuilder silent = sum_scenario(4, {{3}, {4}, {10}});
  silent.adversary({4}, AdversaryModel::kMalicious,
                   Json::array({{{"strategy", "drop"}, {"label", "bgwr.input.masked"}}}));
  rec = test::run_scenario_ok(silent);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 14);
  ASSERT_EQ(rec.extracted_inputs.size(), 1u) << rec.extracted_inputs.dump();
  EXPECT_EQ(rec.extracted_inputs[0]["values"], Json::array({0})) << rec.extracted_inputs.dump();
  EXPECT_NE(rec.extracted_inputs[0]["note"].get<std::string>().find("masked input"),
            std::string::npos) << rec.extracted_inputs.dump();
}

// Corrupted clients do not count toward t: one server and two clients of 4 servers (t = 1).
TEST(BgwRobustClients, ClientsDoNotCountTowardTheBound) {
  ScenarioBuilder b = sum_scenario(4, {{3}, {4}, {10}});
  b.adversary({1, 4, 5}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "randomize"}, {"label", "bgwr.output"}, {"element", 0}}}));
  RunRecord rec = test::run_scenario_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrect) << rec.explanation;
  // Two servers exceed t = 1: outside the claim.
  ScenarioBuilder beyond = sum_scenario(4, {{3}, {4}});
  beyond.adversary({0, 1}, AdversaryModel::kMalicious);
  rec = test::run_scenario_ok(beyond);
  EXPECT_EQ(rec.scope, ClaimScope::kOutsideBound) << rec.explanation;
}

// Up to t Byzantine servers and up to two Byzantine clients, each tampering with one label of
// the input or output steps (maybe toward one recipient): the analyst always gets an output,
// and the verdict holds within the claim, correct or correct with the corrupted clients' inputs
// as the honest servers' shares define them (never a violation).
TEST(BgwRobustClients, ByzantineServersAndClientsStayWithinTheClaim) {
  const std::vector<std::string> labels = {"bgwr.input.mask", "bgwr.input.masked",
                                           "bgwr.output",     "bgwr.vss.rows",
                                           "bgwr.vss.pairwise", "bgwr.bcast.send",
                                           "bgwr.bcast.vote", "bgwr.bcast.king"};
  testing::check_with_budget(12, [&] {
    const int servers = *rc::gen::element(4, 5, 7);
    const int t = (servers - 1) / 3;
    std::vector<std::vector<std::uint64_t>> values;
    for (int c = 0; c < 3; ++c)
      values.push_back(*rc::gen::container<std::vector<std::uint64_t>>(
          *rc::gen::inRange(1, 3), rc::gen::inRange<std::uint64_t>(0, 1000)));
    std::vector<PartyId> corrupt;
    for (int s = 0; s < *rc::gen::inRange(0, t + 1); ++s) corrupt.push_back(s * 2 % servers);
    for (int c = 0; c < *rc::gen::inRange(0, 3); ++c) corrupt.push_back(servers + c);
    std::sort(corrupt.begin(), corrupt.end());
    corrupt.erase(std::unique(corrupt.begin(), corrupt.end()), corrupt.end());
    Json script = Json::array();
    for (int k = 0; k < *rc::gen::inRange(1, 3); ++k) {
      Json step = {{"strategy", *rc::gen::element<std::string>("add", "randomize")},
                   {"label", *rc::gen::elementOf(labels)},
                   {"element", *rc::gen::inRange(0, 4)}};
      if (step["strategy"] == "add") step["delta"] = *rc::gen::inRange<std::uint64_t>(1, 1000000);
      if (*rc::gen::arbitrary<bool>()) step["to"] = Json::array({*rc::gen::inRange(0, servers)});
      script.push_back(step);
    }
    RC_TAG(servers, corrupt.size());
    ScenarioBuilder b = sum_scenario(servers, values);
    b.seed(*rc::gen::inRange<std::uint64_t>(1, 1000));
    if (!corrupt.empty()) b.adversary(corrupt, AdversaryModel::kMalicious, script);
    const RunRecord rec = test::run_scenario_ok(b);
    RC_ASSERT(rec.verdict_holds);
    RC_ASSERT(rec.scope == ClaimScope::kWithin);
    RC_ASSERT(rec.outcome == Outcome::kCorrect || rec.outcome == Outcome::kCorrectWithSubstitution);
    RC_ASSERT(rec.outputs.back().contains("sum"));
  });
}

// With roles t is bounded by the server count: t = 2 needs 7 servers, not 4 + 3 parties.
TEST(BgwRobustClients, ServersBoundTheThreshold) {
  ScenarioBuilder b = sum_scenario(4, {{3}, {4}});
  b.protocol("bgw_robust", {{"threshold", 2}});
  auto s = b.build();
  ASSERT_TRUE(s.ok());
  auto plan = resolve(*s, {});
  ASSERT_FALSE(plan.ok());
  EXPECT_NE(plan.status().message().find("/protocol/threshold"), std::string::npos)
      << plan.status().message();
}

}  // namespace
}  // namespace smpc
