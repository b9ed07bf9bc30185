// SPDZ with roles (docs/applications.md "SPDZ with clients", spdz.h "Roles"): S servers run the
// online phase on the dealer's preprocessing, clients give inputs as ε = x − r and receive
// outputs as y + s from every server. Honest runs against the plain evaluation and the exact
// cost formula (every label, the rounds, every client's bytes); an equivocating client, a
// server that sends a client a wrong opened output or another dealer contribution: abort,
// never a wrong output; M95 and M96 each turn one of those into a wrong output. Through the
// scenario runner: the example, the verdict's view of corrupted clients, the MASCOT refusal.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include "protocols/core/local_network.h"
#include "protocols/core/mutants.h"
#include "protocols/spdz/labels.h"
#include "protocols/spdz/spdz.h"
#include "protocols/spdz/spec.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/adversary_steps.h"
#include "tests/support/cli.h"
#include "tests/support/random_circuit.h"
#include "tests/support/run_stats.h"
#include "tests/support/scenario_run.h"
#include "verify/oracle.h"
#include "verify/verdict.h"

namespace smpc {
namespace {

using Json = nlohmann::json;
namespace L = labels::spdz;

ExactCost roles_formula(const Circuit& c, int parties, int servers, int k) {
  const ProtocolParams params = {{"mac_keys", k}, {kServersParam, servers}};
  const auto& cost = spdz_spec().cost;
  return {cost.bytes_by_label(params, c, parties), cost.rounds(params, c, parties)};
}

// Every party's outputs equal the plain evaluation; the bytes per label and the rounds equal
// the formula; a client sends S(43 + 8 I_c) and receives S·38 + S(43 + 8 O_c).
RC_GTEST_PROP(SpdzClients, EqualsPlainEvaluationAndTheRolesCostFormula, ()) {
  const int servers = *rc::gen::inRange(2, 5);
  const int clients = *rc::gen::inRange(1, 6);
  const int parties = servers + clients;
  const int k = *rc::gen::inRange(1, 3);
  testing::CircuitCase cc;
  cc.parties = parties;
  cc.circuit = testing::gen_circuit(parties, /*linear_only=*/false, 3);
  cc.inputs = testing::gen_inputs(cc.circuit, parties);
  RC_TAG(servers, clients, k);
  const Spdz spdz(cc.circuit, k, *rc::gen::arbitrary<std::uint64_t>(), std::nullopt,
                  std::nullopt, servers);
  const auto r = run_local(parties, {*rc::gen::arbitrary<std::uint64_t>(), 30},
                           testing::body_of(spdz, cc));
  const auto expected = ideal_outputs(cc.circuit, cc.inputs);
  RC_ASSERT(expected.ok());
  const auto s = static_cast<std::uint64_t>(servers);
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    if (p.party < servers) continue;
    const std::size_t in = cc.circuit.input_wires_of(p.party).size();
    const std::size_t out = cc.circuit.output_wires_of(p.party).size();
    RC_ASSERT(p.meter.sent.bytes == (in > 0 ? s * (43 + 8 * in) : 0));
    RC_ASSERT(p.meter.received.bytes ==
              (in + out > 0 ? s * 38 : 0) + (out > 0 ? s * (43 + 8 * out) : 0));
  }
  const auto f = roles_formula(cc.circuit, parties, servers, k);
  RC_ASSERT(testing::bytes_by_label(r) == f.bytes);
  RC_ASSERT(testing::max_round(r) == f.rounds);
}

// 3 servers; clients 3 and 4 give x and y, client 5 (the analyst) gets x·y + x, server 0 gets
// x + y (a server can receive alongside clients).
testing::CircuitCase analyst_case() {
  testing::CircuitCase cc;
  cc.parties = 6;
  Circuit& c = cc.circuit;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"x", 3, {0}}, {"y", 4, {1}}};
  c.num_wires = 5;
  c.gates = {{GateType::kMul, 0, 1, 2, 0}, {GateType::kAdd, 2, 0, 3, 0}, {GateType::kAdd, 0, 1, 4, 0}};
  c.outputs = {{"xy_plus_x", {5}, {3}}, {"x_plus_y", {0}, {4}}};
  cc.inputs = {{}, {}, {}, {{6}}, {{7}}, {}};
  return cc;
}
constexpr int kServers = 3;
constexpr PartyId kAnalyst = 5;

RunResult run_with(const Spdz& spdz, const testing::CircuitCase& cc, PartyId corrupted,
                   const StrategyStep& step, std::uint64_t seed = 1) {
  return run_local(cc.parties, {seed, 30},
                   testing::with_adversary({{corrupted, {step}}}, testing::body_of(spdz, cc)));
}

// No honest party outputs a value other than f on `inputs` (the true ones unless a corrupted
// client's effective input differs) and the verdict against the claim holds; returns how many
// honest parties aborted.
int expect_no_wrong_output(const Spdz& spdz, const testing::CircuitCase& cc, const RunResult& r,
                           PartyId corrupted, const std::vector<PartyInput>* inputs = nullptr) {
  const auto expected = ideal_outputs(cc.circuit, inputs ? *inputs : cc.inputs);
  EXPECT_TRUE(expected.ok());
  int aborted = 0;
  for (const auto& p : r.parties) {
    if (p.party == corrupted) continue;
    aborted += p.status == PartyStatus::kAbort;
    if (p.status == PartyStatus::kOutput) {
      EXPECT_EQ(p.outputs, (*expected)[static_cast<std::size_t>(p.party)]) << "party " << p.party;
    }
  }
  const auto v = judge(spdz.claim(cc.parties), r, *expected, {corrupted},
                       AdversaryModel::kMalicious, kServers);
  EXPECT_TRUE(v.holds) << v.explanation;
  return aborted;
}

TEST(SpdzClients, ClaimCountsServersOnly) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  const auto claim = spdz.claim(cc.parties);
  EXPECT_EQ(claim.max_corruptions, kServers - 1);
  EXPECT_NE(claim.statement.find("of S = 3 servers"), std::string::npos) << claim.statement;
}

// A client that sends server 1 another ε than servers 0 and 2: the input check of MACCheck 1
// (the hash of every ε received, clients' included) differs, and every server aborts before
// any output is opened; the analyst, waiting for its outputs, stops on the abort notices.
TEST(SpdzClients, EquivocatingClientMakesEveryServerAbort) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  for (std::uint64_t seed : {1, 2, 3}) {
    const auto r = run_with(spdz, cc, 3, testing::add_step(std::string(L::kClientInput), 0, 5, 1), seed);
    for (PartyId s = 0; s < kServers; ++s)
      EXPECT_EQ(r.parties[static_cast<std::size_t>(s)].status, PartyStatus::kAbort) << s;
    EXPECT_EQ(r.parties[kAnalyst].status, PartyStatus::kAbort);
    expect_no_wrong_output(spdz, cc, r, 3);
  }
}

// A corrupted server sends the analyst a wrong opened value (after the MAC check among the
// servers passed): the analyst's S values disagree, it aborts. With M96 it takes server 0's.
TEST(SpdzClients, WrongOpenedValueToTheClientMakesItAbort) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  for (PartyId bad : {0, 2}) {
    const auto r = run_with(spdz, cc, bad, testing::add_step(std::string(L::kClientOutput), 0, 9, kAnalyst));
    EXPECT_EQ(r.parties[kAnalyst].status, PartyStatus::kAbort) << bad;
    expect_no_wrong_output(spdz, cc, r, bad);
  }
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m96(Mutant::kM96);
  ASSERT_TRUE(m96.status().ok());
  const auto r = run_with(spdz, cc, 0, testing::add_step(std::string(L::kClientOutput), 0, 9, kAnalyst));
  ASSERT_EQ(r.parties[kAnalyst].status, PartyStatus::kOutput);
  EXPECT_NE(r.parties[kAnalyst].outputs, (std::vector<std::uint64_t>{6 * 7 + 6}));
}

// A corrupted server hands an input client another dealer contribution than it opened to the
// servers: the client's r is not the servers' [[r]]; the servers see another stream digest and
// abort. Handed to the analyst: the analyst sees another digest and aborts. With M95 the
// servers do not compare, so they compute on x + (r' − r) and the analyst outputs it.
TEST(SpdzClients, AnotherDealerContributionToAClientEndsInAbort) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  for (PartyId client : {PartyId{3}, kAnalyst}) {
    const auto r = run_with(spdz, cc, 1, testing::add_step(std::string(L::kDealerClient), 0, 1, client));
    EXPECT_GT(expect_no_wrong_output(spdz, cc, r, 1), 0) << client;
    EXPECT_EQ(r.parties[kAnalyst].status, PartyStatus::kAbort) << client;
  }
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m95(Mutant::kM95);
  ASSERT_TRUE(m95.status().ok());
  const auto r = run_with(spdz, cc, 1, testing::add_step(std::string(L::kDealerClient), 0, 1, 3));
  ASSERT_EQ(r.parties[kAnalyst].status, PartyStatus::kOutput);
  EXPECT_NE(r.parties[kAnalyst].outputs, (std::vector<std::uint64_t>{6 * 7 + 6}));
}

// Tampering with any element of any label a client sends, toward every server or one: no
// honest party outputs a wrong value. Shifting ε toward every server is the client giving
// another input (its effective input ε + r, which the ideal world allows); anything else (ε
// toward one server, the stream digest) ends in abort.
TEST(SpdzClients, TamperingAClientsMessagesNeverGivesAWrongOutput) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  const auto rec = run_local(cc.parties, {1, 30}, testing::recording(4, testing::body_of(spdz, cc)));
  const auto positions = testing::sent_elements(rec, 4);
  ASSERT_EQ(positions.count(std::string(L::kClientInput)), 1u);
  std::size_t runs = 0;
  for (const auto& [label, count] : positions)
    for (std::size_t e = 0; e < count; ++e)
      for (std::optional<PartyId> to : {std::optional<PartyId>{}, std::optional<PartyId>{2}}) {
        const std::uint64_t delta = 3 + e;
        const auto r = run_with(spdz, cc, 4, testing::add_step(label, e, delta, to), 10 + e);
        const bool substitution = label == L::kClientInput && e == 0 && !to;
        auto inputs = cc.inputs;
        if (substitution) inputs[4].values[0] += delta;
        const int aborted = expect_no_wrong_output(spdz, cc, r, 4, &inputs);
        // Every server and the analyst; input client 3 finished when it sent its ε.
        EXPECT_EQ(aborted, substitution ? 0 : kServers + 1) << label << " " << e;
        ++runs;
      }
  EXPECT_GT(runs, 60u);
}

// Tampering with any element a corrupted server sends a client (its dealer contribution, the
// opened outputs with the digest), toward input client 3 or the analyst: someone honest aborts,
// nobody honest outputs a wrong value.
TEST(SpdzClients, TamperingAServersMessagesToClientsNeverGivesAWrongOutput) {
  const auto cc = analyst_case();
  const Spdz spdz(cc.circuit, 1, 0, std::nullopt, std::nullopt, kServers);
  const auto rec = run_local(cc.parties, {1, 30}, testing::recording(1, testing::body_of(spdz, cc)));
  const auto positions = testing::sent_elements(rec, 1);
  std::size_t runs = 0;
  for (const std::string_view label : {L::kDealerClient, L::kClientOutput})
    for (std::size_t e = 0; e < positions.at(std::string(label)); ++e)
      for (PartyId to : {PartyId{3}, kAnalyst}) {
        if (label == L::kClientOutput && to == 3) continue;  // client 3 receives no output
        const auto r = run_with(spdz, cc, 1, testing::add_step(std::string(label), e, 1 + e, to), 20 + e);
        EXPECT_GT(expect_no_wrong_output(spdz, cc, r, 1), 0) << label << " " << e << " to " << to;
        ++runs;
      }
  EXPECT_GT(runs, 90u);
}

// The scenario path: servers 0..S−1, input clients, the analyst (the last party) alone learns
// the sum.
ScenarioBuilder sum_scenario(int servers, const std::vector<std::vector<std::uint64_t>>& values) {
  std::vector<Json> inputs(static_cast<std::size_t>(servers), Json::array());
  for (const auto& v : values) inputs.push_back(v);
  inputs.push_back(Json::array());
  const int parties = static_cast<int>(inputs.size());
  ScenarioBuilder b("spdz roles sum");
  b.parties(parties)
      .protocol("spdz", {{"preprocessing", "dealer"}})
      .function({{"name", "sum"}})
      .inputs(inputs)
      .lan(1, 100)
      .roles(Roles{servers, {parties - 1}});
  return b;
}

TEST(SpdzClients, ExampleScenarioRunsToVerdictOk) {
  auto s = load_scenario_file(testing::example("spdz_clients.json"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  auto rec = run_scenario(*s, {});
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->outcome, Outcome::kCorrect);
  EXPECT_EQ(rec->roles["servers"]["count"], 3);
  EXPECT_EQ(rec->outputs.back()["sum"], 41 + 78 + 23 + 56 + 35);
  // The description's bytes: an input client 3 x 51 out, 3 x 38 in; the analyst 3 x (38 + 51).
  for (std::size_t c = 3; c < 8; ++c) {
    EXPECT_EQ(rec->run.parties[c].meter.sent.bytes, 3u * 51) << c;
    EXPECT_EQ(rec->run.parties[c].meter.received.bytes, 3u * 38) << c;
  }
  EXPECT_EQ(rec->run.parties[8].meter.sent.bytes, 0u);
  EXPECT_EQ(rec->run.parties[8].meter.received.bytes, 3u * (38 + 51));
}

// A corrupted client's effective input is ε + r (the extractor reads ε and the dealer's r off
// the honest servers): substituting is the client's right, correct_with_substitution; clients
// do not count toward S − 1, so two servers and two clients of 3 servers are within.
TEST(SpdzClients, CorruptedClientsAreJudgedOnTheirExtractedInputs) {
  ScenarioBuilder b = sum_scenario(3, {{3}, {4}, {10}});
  b.adversary({0, 1, 3, 4}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "input_substitution"}, {"party", 4}, {"value", {100}}}}));
  const RunRecord rec = test::run_scenario_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 113);
  // Three corrupted servers of three: outside the claim.
  ScenarioBuilder all = sum_scenario(3, {{3}, {4}});
  all.adversary({0, 1, 2}, AdversaryModel::kMalicious);
  EXPECT_EQ(test::run_scenario_ok(all).scope, ClaimScope::kOutsideBound);
}

// Without "preprocessing" (MASCOT is the default) roles are refused too, naming the pointer and
// the fix, never run on the dealer silently.
TEST(SpdzClients, RolesWithoutPreprocessingAskForTheDealer) {
  ScenarioBuilder b = sum_scenario(3, {{3}, {4}});
  b.protocol("spdz");
  const auto scenario = b.build();
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  const auto rec = run_scenario(*scenario, {});
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.status().message().find("/protocol/preprocessing: not given, and the default "
                                        "\"mascot\" does not apply: client roles need the dealer"),
            std::string::npos)
      << rec.status().message();
  EXPECT_NE(rec.status().message().find("set \"preprocessing\": \"dealer\""), std::string::npos);
}

TEST(SpdzClients, MascotWithRolesIsRefused) {
  ScenarioBuilder b = sum_scenario(3, {{3}, {4}});
  b.protocol("spdz", {{"preprocessing", "mascot"}});
  const auto scenario = b.build();
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  const auto rec = run_scenario(*scenario, {});
  ASSERT_FALSE(rec.ok());
  EXPECT_NE(rec.status().message().find("/roles: client inputs need the dealer preprocessing"),
            std::string::npos)
      << rec.status().message();
}

}  // namespace
}  // namespace smpc
