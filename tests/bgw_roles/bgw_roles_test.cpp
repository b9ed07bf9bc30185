// BGW with roles (docs/applications.md): servers compute, clients share inputs and receive
// outputs. Against the plain evaluation and the exact per-party cost formula (protocols/bgw/
// cost.h), over random circuits, server and client counts, thresholds, inputs and latencies;
// the verdict's view of corrupted clients and servers; the scenario errors.
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <map>

#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/bgw/cost.h"
#include "protocols/bgw/spec.h"
#include "protocols/core/local_network.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/cli.h"
#include "tests/support/random_circuit.h"
#include "tests/support/rc_budget.h"
#include "tests/support/scenario_run.h"
#include "verify/oracle.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

// Every party's outputs equal the plain evaluation; every party's bytes, the bytes per label
// and the rounds equal the formula.
RC_GTEST_PROP(BgwRoles, EqualsPlainEvaluationAndPerPartyCostFormula, ()) {
  const int servers = *rc::gen::inRange(3, 8);
  const int clients = *rc::gen::inRange(0, 11);
  const int parties = servers + clients;
  const int t = *rc::gen::inRange(0, (servers - 1) / 2 + 1);
  const Circuit c = testing::gen_circuit(parties, /*linear_only=*/false, 3);
  const auto inputs = testing::gen_inputs(c, parties);
  RC_TAG(servers, clients, t);
  BgwSemiHonest bgw(c, t, servers);
  const auto r = run_local(parties, {*rc::gen::arbitrary<std::uint64_t>(), 60}, [&](PartyContext& ctx) {
    return bgw.run(ctx, inputs[static_cast<std::size_t>(ctx.net.self())]);
  });
  const auto expected = ideal_outputs(c, inputs);
  RC_ASSERT(expected.ok());
  const auto per_party = bgw_roles_party_bytes(c, parties, servers);
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
  for (const auto& p : r.parties) {
    RC_ASSERT(p.status == PartyStatus::kOutput);
    RC_ASSERT(p.outputs == (*expected)[static_cast<std::size_t>(p.party)]);
    RC_ASSERT(p.meter.sent.bytes == per_party[static_cast<std::size_t>(p.party)].sent);
    RC_ASSERT(p.meter.received.bytes == per_party[static_cast<std::size_t>(p.party)].received);
    for (const auto& [label, s] : p.meter.by_label) bytes[label] += s.traffic.bytes;
    rounds = std::max(rounds, p.meter.max_round);
  }
  // The spec's formula, as reports and docs quote it (params as resolve makes them).
  const ProtocolParams params = {{"threshold", t}, {kServersParam, servers}};
  RC_ASSERT(bytes == bgw_spec().cost.bytes_by_label(params, c, parties));
  RC_ASSERT(rounds == bgw_spec().cost.rounds(params, c, parties));
}

// A sum (with mean) scenario: `values[i]` is client i's list, the last client the analyst.
ScenarioBuilder sum_scenario(int servers, const std::vector<std::vector<std::uint64_t>>& values,
                             double latency_ms) {
  std::vector<Json> inputs(static_cast<std::size_t>(servers), Json::array());
  for (const auto& v : values) inputs.push_back(v);
  inputs.push_back(Json::array());
  const int parties = static_cast<int>(inputs.size());
  ScenarioBuilder b("roles sum");
  b.parties(parties)
      .protocol("bgw")
      .function({{"name", "sum"}, {"mean", true}})
      .inputs(inputs)
      .lan(latency_ms, 100)
      .roles(Roles{servers, {parties - 1}});
  return b;
}

RunRecord run_ok(const ScenarioBuilder& b, const RunOptions& options = {}) {
  return test::run_scenario_ok(b, options);
}

// The whole path on the simulator: scenario -> servers and clients -> report -> verdict, the
// report's bytes per role against the formula.
TEST(BgwRoles, ScenarioSumMeanOverRandomClientsServersAndLatencies) {
  testing::check_with_budget(15, [] {
    const int servers = *rc::gen::inRange(3, 8);
    auto values = *rc::gen::container<std::vector<std::vector<std::uint64_t>>>(
        *rc::gen::inRange(1, 25),
        rc::gen::container<std::vector<std::uint64_t>>(*rc::gen::inRange(0, 3),
                                                       rc::gen::inRange<std::uint64_t>(0, 1000000)));
    // A sum needs one value at least (resolve refuses none: ScenarioErrorsNameThePointer).
    values[0].push_back(*rc::gen::inRange<std::uint64_t>(0, 1000000));
    const double latency = *rc::gen::inRange(0, 50000) / 1000.0;
    RC_TAG(servers, values.size());
    const RunRecord rec = run_ok(sum_scenario(servers, values, latency));
    RC_ASSERT(rec.verdict_holds);
    RC_ASSERT(rec.outcome == Outcome::kCorrect);
    RC_ASSERT(rec.outputs == rec.expected_outputs);
    std::uint64_t total = 0, count = 0;
    for (const auto& v : values)
      for (auto x : v) total += x, ++count;
    const auto& analyst = rec.outputs.back();
    RC_ASSERT(analyst["sum"].get<std::uint64_t>() == total);
    RC_ASSERT(analyst["count"].get<std::uint64_t>() == count);
    // Client c sends S(6 + 8 I_c); the analyst receives S · 14; a server receives
    // Σ (6 + 8 I_c) over clients with values and sends 14 to the analyst.
    std::uint64_t client_max = 0, to_server = 0;
    for (const auto& v : values)
      if (!v.empty()) {
        client_max = std::max<std::uint64_t>(client_max, servers * (6 + 8 * v.size()));
        to_server += 6 + 8 * v.size();
      }
    RC_ASSERT(rec.roles["clients"]["bytes_sent"]["max"].get<std::uint64_t>() == client_max);
    RC_ASSERT(rec.roles["clients"]["bytes_received"]["total"].get<std::uint64_t>() ==
              static_cast<std::uint64_t>(servers) * 14);
    RC_ASSERT(rec.roles["servers"]["bytes_received"]["max"].get<std::uint64_t>() == to_server);
    RC_ASSERT(rec.roles["servers"]["bytes_received"]["min"].get<std::uint64_t>() == to_server);
    RC_ASSERT(rec.roles["servers"]["bytes_sent"]["max"].get<std::uint64_t>() == 14u);
    RC_ASSERT(rec.run.parties.size() == values.size() + static_cast<std::size_t>(servers) + 1);
  });
}

// The example of docs/applications.md: 5 servers, 1,000 input clients, one analyst. On the
// local backend (the simulated run is measured in the docs): the analyst's sum and mean, and
// the bytes per role the formula gives (a client 5 x 14, a server 1,000 x 14 in and 14 out).
TEST(BgwRoles, ThousandClientExampleHasTheFormulasBytes) {
  auto s = load_scenario_file(testing::example("bgw_clients_sum_mean.json"));
  ASSERT_TRUE(s.ok()) << s.status().message();
  RunOptions local;
  local.backend = Backend::kLocal;
  auto rec = run_scenario(*s, local);
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->outcome, Outcome::kCorrect);
  std::uint64_t sum = 0;
  for (int c = 0; c < 1000; ++c) sum += 18 + (static_cast<std::uint64_t>(c) * 37) % 73;
  EXPECT_EQ(rec->outputs.back()["sum"].get<std::uint64_t>(), sum);
  EXPECT_EQ(rec->outputs.back()["count"], 1000);
  EXPECT_DOUBLE_EQ(rec->outputs.back()["mean"].get<double>(), static_cast<double>(sum) / 1000);
  const auto& r = rec->roles;
  EXPECT_EQ(r["servers"]["count"], 5);
  EXPECT_EQ(r["clients"]["count"], 1001);
  EXPECT_EQ(r["clients"]["bytes_sent"]["max"], 5 * 14);
  EXPECT_EQ(r["clients"]["bytes_sent"]["total"], 1000 * 5 * 14);
  EXPECT_EQ(r["clients"]["bytes_received"]["total"], 5 * 14);
  EXPECT_EQ(r["servers"]["bytes_received"]["min"], 1000 * 14);
  EXPECT_EQ(r["servers"]["bytes_received"]["max"], 1000 * 14);
  EXPECT_EQ(r["servers"]["bytes_sent"]["max"], 14);
  EXPECT_EQ(rec->run.parties.size(), 1006u);
  std::uint32_t rounds = 0;
  for (const auto& p : rec->run.parties) rounds = std::max(rounds, p.meter.max_round);
  EXPECT_EQ(rounds, 2u);
}

TEST(BgwRoles, ReportNamesRolesAndTheClaimCountsServers) {
  const RunRecord rec = run_ok(sum_scenario(5, {{3}, {4, 5}, {}, {10}}, 1));
  EXPECT_EQ(rec.outputs.back()["sum"], 22);
  EXPECT_EQ(rec.outputs.back()["count"], 4);
  EXPECT_DOUBLE_EQ(rec.outputs.back()["mean"].get<double>(), 5.5);
  EXPECT_EQ(rec.roles["servers"]["count"], 5);
  EXPECT_EQ(rec.roles["clients"]["count"], 5);
  EXPECT_EQ(rec.roles["output_receivers"], nlohmann::ordered_json::array({9}));
  // Only the analyst learns the sum; servers and input clients get nothing.
  for (std::size_t p = 0; p + 1 < rec.outputs.size(); ++p) EXPECT_TRUE(rec.outputs[p].empty()) << p;
  EXPECT_EQ(rec.claim.max_corruptions, 2);
  EXPECT_NE(rec.claim.statement.find("of n = 5 servers"), std::string::npos) << rec.claim.statement;
}

TEST(BgwRoles, DefaultReceiversAreTheServers) {
  ScenarioBuilder b = sum_scenario(3, {{1}, {2}}, 1);
  b.roles(Roles{3, {}});
  const RunRecord rec = run_ok(b);
  EXPECT_TRUE(rec.verdict_holds);
  for (int p = 0; p < 3; ++p)
    EXPECT_EQ(rec.outputs[static_cast<std::size_t>(p)].value("sum", 0), 3) << rec.outputs[static_cast<std::size_t>(p)].dump();
  for (std::size_t p = 3; p < rec.outputs.size(); ++p) EXPECT_TRUE(rec.outputs[p].empty()) << p;
}

TEST(BgwRoles, CorruptedClientSubstitutingItsInputIsWithinTheClaim) {
  ScenarioBuilder b = sum_scenario(5, {{3}, {4}, {10}}, 1);
  b.adversary({6}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "input_substitution"}, {"value", {100}}}}));
  const RunRecord rec = run_ok(b);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrectWithSubstitution) << rec.explanation;
  EXPECT_EQ(rec.outputs.back()["sum"], 113);
}

TEST(BgwRoles, ClientsDoNotCountTowardTheBoundServersDo) {
  // t = 2 of 5 servers: two servers and three clients (a coalition of both) are within.
  ScenarioBuilder within = sum_scenario(5, {{3}, {4}, {10}, {1}}, 1);
  within.adversary({0, 1, 5, 6, 7}, AdversaryModel::kSemiHonest);
  RunRecord rec = run_ok(within);
  EXPECT_TRUE(rec.verdict_holds) << rec.explanation;
  EXPECT_EQ(rec.scope, ClaimScope::kWithin) << rec.explanation;
  EXPECT_EQ(rec.outcome, Outcome::kCorrect);
  // Three servers exceed t = 2: outside the claim, and said so in terms of servers.
  ScenarioBuilder beyond = sum_scenario(5, {{3}, {4}}, 1);
  beyond.adversary({0, 1, 2}, AdversaryModel::kSemiHonest);
  rec = run_ok(beyond);
  EXPECT_EQ(rec.scope, ClaimScope::kOutsideBound) << rec.explanation;
  EXPECT_NE(rec.explanation.find("3 corrupted servers"), std::string::npos) << rec.explanation;
  // A client that changes its shares (not only its input) is beyond the semi-honest model.
  ScenarioBuilder malicious = sum_scenario(5, {{3}, {4}}, 1);
  malicious.adversary({5}, AdversaryModel::kMalicious,
                      Json::array({{{"strategy", "add"}, {"label", "bgw.input"}, {"delta", 1}}}));
  rec = run_ok(malicious);
  EXPECT_EQ(rec.scope, ClaimScope::kOutsideModel) << rec.explanation;
}

TEST(BgwRoles, WithoutRolesNothingChanges) {
  // The all-parties mode keeps its claim wording and has no roles section.
  ScenarioBuilder b("plain");
  b.parties(3).protocol("bgw").function({{"name", "sum"}}).inputs({Json{1}, Json{2}, Json{3}}).lan(1, 100);
  const RunRecord rec = run_ok(b);
  EXPECT_TRUE(rec.roles.is_null());
  EXPECT_NE(rec.claim.statement.find("of n = 3 parties"), std::string::npos);
}

std::string resolve_error(const ScenarioBuilder& b) {
  auto s = b.build();
  SMPC_ASSERT(s.ok());
  auto plan = resolve(*s, {});
  return plan.ok() ? "" : plan.status().message();
}

TEST(BgwRoles, ScenarioErrorsNameThePointer) {
  ScenarioBuilder spdz = sum_scenario(3, {{1}}, 1);
  spdz.protocol("secure_sum");
  EXPECT_NE(resolve_error(spdz).find("/roles: protocol secure_sum does not take client inputs"),
            std::string::npos) << resolve_error(spdz);
  ScenarioBuilder few = sum_scenario(2, {{1}, {2}}, 1);
  EXPECT_NE(resolve_error(few).find("/roles/servers: protocol bgw needs at least 3 servers, got 2"),
            std::string::npos) << resolve_error(few);
  ScenarioBuilder many = sum_scenario(3, {{1}}, 1);
  many.roles(Roles{9, {}});
  EXPECT_NE(resolve_error(many).find("/roles/servers: must be between 1 and the party count 5"),
            std::string::npos) << resolve_error(many);
  ScenarioBuilder receiver = sum_scenario(3, {{1}}, 1);
  receiver.roles(Roles{3, {7}});
  EXPECT_NE(resolve_error(receiver).find("/roles/output_receivers/0: party 7 does not exist"),
            std::string::npos) << resolve_error(receiver);
  ScenarioBuilder threshold = sum_scenario(5, {{1}}, 1);
  threshold.protocol("bgw", {{"threshold", 3}});
  EXPECT_NE(resolve_error(threshold).find("/protocol/threshold: t = 3"), std::string::npos)
      << resolve_error(threshold);
  ScenarioBuilder none = sum_scenario(3, {{}}, 1);
  EXPECT_NE(resolve_error(none).find("sum needs at least one input value"), std::string::npos);
}

TEST(BgwRoles, FileRolesRoundTripAndSchemaErrors) {
  const std::string base = R"({"name": "r", "parties": 5, "protocol": {"name": "bgw"},
    "function": {"name": "sum"}, "inputs": [[], [], [], [4], [5]],
    "roles": )";
  auto ok = parse_scenario(base + R"({"servers": 3, "output_receivers": [4]}})", "r.json");
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  ASSERT_TRUE(ok->roles.has_value());
  EXPECT_EQ(ok->roles->servers, 3);
  EXPECT_EQ(ok->roles->output_receivers, std::vector<PartyId>{4});
  EXPECT_EQ(scenario_document(*ok)["roles"], ok->document["roles"]);
  auto bad = parse_scenario(base + R"({"servers": 0}})", "r.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("r.json: /roles/servers"), std::string::npos)
      << bad.status().message();
  bad = parse_scenario(base + R"({"servers": 3, "output_receivers": [5]}})", "r.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.status().message().find("/roles/output_receivers/0: party 5 does not exist"),
            std::string::npos) << bad.status().message();
}

}  // namespace
}  // namespace smpc
