// secagg (protocols/secagg/secagg.h) and the function secure_aggregation
// (scenarios/secagg_function.h).
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include <algorithm>

#include "protocols/core/mutants.h"
#include "protocols/secagg/secagg.h"
#include "protocols/secagg/spec.h"
#include "reports/report.h"
#include "scenarios/functions.h"
#include "scenarios/privacy.h"
#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/secagg_checks.h"
#include "simulator/sim_network.h"
#include "tests/support/cli.h"
#include "tests/support/rc_budget.h"
#include "tests/support/run_stats.h"

namespace smpc {
namespace {

using Vectors = std::vector<std::vector<std::uint64_t>>;  // per client (index u - 1)

// The plain sum mod 2^k over the clients that drop out after round 2 or never.
std::vector<std::uint64_t> plain_sum(const SecAggShape& s, const Vectors& x) {
  std::vector<std::uint64_t> z(s.length, 0);
  for (std::size_t u = 1; u <= s.clients; ++u)
    if (s.drop_after[u - 1] == kSecAggNoDrop || s.drop_after[u - 1] == 2)
      for (std::size_t j = 0; j < s.length; ++j) z[j] += x[u - 1][j];
  for (auto& v : z) v &= secagg_mask(s.bits);
  return z;
}

nlohmann::json function_of(const SecAggShape& s) {
  nlohmann::json drops = nlohmann::json::array();
  for (int r : kSecAggDropRounds) {
    std::vector<std::size_t> who;
    for (std::size_t u = 1; u <= s.clients; ++u)
      if (s.drop_after[u - 1] == r) who.push_back(u);
    if (!who.empty()) drops.push_back({{"after_round", r}, {"clients", who}});
  }
  return {{"name", "secure_aggregation"}, {"bits", s.bits}, {"dropouts", drops}};
}

Result<RunRecord> run_shape(const SecAggShape& s, const Vectors& x, int t, std::uint64_t seed,
                            Mutant mutant = Mutant::kNone, const std::string& protocol = "secagg",
                            nlohmann::json params = nlohmann::json::object()) {
  std::vector<nlohmann::json> in = {nlohmann::json::array()};
  for (const auto& v : x) in.push_back(v);
  params["threshold"] = t;
  params["round_timeout_s"] = 1;
  NetworkSpec net;
  net.topology = Topology::kStar;
  net.latency_s = 0.005;
  net.bandwidth_bytes_per_s = 12.5e6;
  const auto scenario = ScenarioBuilder("secagg test")
                            .seed(seed)
                            .parties(static_cast<int>(s.clients) + 1)
                            .protocol(protocol, params)
                            .function(function_of(s))
                            .inputs(in)
                            .network(net)
                            .deadline(30)
                            .build();
  if (!scenario.ok()) return scenario.status();
  RunOptions o;
  o.mutant = mutant;
  return run_scenario(*scenario, o);
}

std::vector<std::uint64_t> server_sum(const RunRecord& r) {
  std::vector<std::uint64_t> out;
  if (r.outputs.empty() || !r.outputs[0].contains("sum")) return out;
  for (const auto& v : r.outputs[0]["sum"]) out.push_back(v.get<std::uint64_t>());
  return out;
}

// The fewest clients left in rounds 1, 2 and 4.
std::size_t fewest_left(const SecAggShape& s) {
  std::size_t fewest = s.clients;
  for (int round : {1, 2, 4}) {
    std::size_t n = 0;
    for (std::size_t u = 1; u <= s.clients; ++u) n += s.active_in(u, round) ? 1 : 0;
    fewest = std::min(fewest, n);
  }
  return fewest;
}

// A random dropout schedule: every client stays (half the time) or drops after round 0, 1 or
// 2; at least one stays.
SecAggShape random_shape(std::size_t min_clients, std::size_t max_clients) {
  SecAggShape s;
  s.clients = *rc::gen::inRange<std::size_t>(min_clients, max_clients + 1);
  s.length = *rc::gen::inRange<std::size_t>(1, 9);
  s.bits = *rc::gen::inRange<unsigned>(1, 65);
  for (std::size_t u = 0; u < s.clients; ++u)
    s.drop_after.push_back(*rc::gen::elementOf(std::vector<int>{-1, -1, -1, 0, 1, 2}));
  s.drop_after[*rc::gen::inRange<std::size_t>(0, s.clients)] = kSecAggNoDrop;
  return s;
}

Vectors random_inputs(const SecAggShape& s) {
  Vectors x(s.clients);
  for (auto& v : x)
    for (std::size_t j = 0; j < s.length; ++j)
      v.push_back(*rc::gen::arbitrary<std::uint64_t>() & secagg_mask(s.bits));
  return x;
}

TEST(SecAgg, SumsEqualThePlainSumOverU3AndBytesEqualTheFormula) {
  testing::check_with_budget(120, [] {
    const SecAggShape s = random_shape(3, 20);
    const int t = *rc::gen::inRange<int>(1, static_cast<int>(fewest_left(s)) + 1);
    const Vectors x = random_inputs(s);
    RC_TAG(s.clients < 10 ? "N < 10" : "N >= 10");
    const auto r = run_shape(s, x, t, *rc::gen::inRange<std::uint64_t>(1, 1u << 30));
    RC_ASSERT(r.ok());
    RC_ASSERT(r->outcome == Outcome::kCorrect);
    RC_ASSERT(r->verdict_holds);
    RC_ASSERT(server_sum(*r) == plain_sum(s, x));
    const ExactCost cost = secagg_cost(s);
    RC_ASSERT(testing::bytes_by_label(r->run) == cost.bytes);
    RC_ASSERT(testing::max_round(r->run) == cost.rounds);
  });
}

// SecAgg+ on random Harary graphs: the same sums, and the bytes of the graph's formula. The
// threshold is drawn within what the schedule leaves in every neighbourhood.
TEST(SecAggPlus, SumsEqualThePlainSumOverU3AndBytesEqualTheFormula) {
  testing::check_with_budget(80, [] {
    const SecAggShape s = random_shape(4, 30);
    const std::size_t k = 2 * *rc::gen::inRange<std::size_t>(1, 5);
    const std::uint64_t graph_seed = *rc::gen::inRange<std::uint64_t>(0, 1000);
    const SecAggGraph g = secagg_harary_graph(s.clients, k, graph_seed);
    const std::size_t left = secagg_fewest_left(s, g);
    RC_PRE(left >= 1);
    const int t = *rc::gen::inRange<int>(1, static_cast<int>(left) + 1);
    const Vectors x = random_inputs(s);
    RC_TAG(k + 1 >= s.clients ? "complete graph" : "sparse graph");
    const auto r = run_shape(s, x, t, *rc::gen::inRange<std::uint64_t>(1, 1u << 30), Mutant::kNone,
                             "secagg_plus", {{"degree", k}, {"graph_seed", graph_seed}});
    RC_ASSERT(r.ok());
    RC_ASSERT(r->outcome == Outcome::kCorrect);
    RC_ASSERT(server_sum(*r) == plain_sum(s, x));
    const ExactCost cost = secagg_cost(s, g);
    RC_ASSERT(testing::bytes_by_label(r->run) == cost.bytes);
    RC_ASSERT(testing::max_round(r->run) == cost.rounds);
  });
}

// The Harary graph is k-regular, symmetric and the same for the same seed.
TEST(SecAggPlus, HararyGraphIsRegularSymmetricAndSeeded) {
  for (std::size_t n : {5u, 16u, 101u}) {
    const auto g = secagg_harary_graph(n, 4, 9);
    EXPECT_EQ(g, secagg_harary_graph(n, 4, 9));
    if (n > 5) {  // n = 5: the complete graph whatever the seed
      EXPECT_NE(g, secagg_harary_graph(n, 4, 10)) << n;
    }
    for (std::size_t u = 1; u <= n; ++u) {
      EXPECT_EQ(g[u].size(), 4u) << n << " " << u;
      for (std::size_t v : g[u])
        EXPECT_TRUE(std::binary_search(g[v].begin(), g[v].end(), u)) << u << " " << v;
    }
  }
  EXPECT_EQ(secagg_harary_graph(5, 4, 1), secagg_complete_graph(5));
}

// The ideal circuit is the plain sum over U3, and secagg reads its shape back from it.
TEST(SecAggIdeal, CircuitIsThePlainSumOverU3) {
  testing::check_with_budget(30, [] {
    SecAggShape s;
    s.clients = *rc::gen::inRange<std::size_t>(1, 12);
    s.length = *rc::gen::inRange<std::size_t>(1, 6);
    s.bits = *rc::gen::inRange<unsigned>(1, 65);
    for (std::size_t u = 0; u < s.clients; ++u)
      s.drop_after.push_back(*rc::gen::elementOf(std::vector<int>{-1, 0, 1, 2}));
    Vectors x(s.clients);
    std::vector<std::vector<std::uint64_t>> groups;
    for (auto& v : x) {
      for (std::size_t j = 0; j < s.length; ++j) v.push_back(*rc::gen::arbitrary<std::uint64_t>());
      groups.push_back(v);
    }
    const Circuit c = secagg_circuit(s);
    RC_ASSERT(c.validate(static_cast<int>(s.clients) + 1).ok());
    const auto out = evaluate(c, groups);
    RC_ASSERT(out.ok());
    auto want = plain_sum(s, x);  // high input bits vanish: the circuit reduces mod 2^k
    for (auto& v : want) v *= secagg_scale(s.bits);
    RC_ASSERT(*out == want);
    RC_ASSERT(secagg_shape(c) == std::optional<SecAggShape>(s));
  });
}

TEST(SecAgg, CostFormulaByHand) {
  SecAggShape s{.clients = 5, .length = 3, .bits = 16, .drop_after = {-1, -1, 1, -1, -1}};
  const ExactCost c = secagg_cost(s);
  EXPECT_EQ(c.bytes.at("secagg.advertise"), 5u * (1 + 5 + 64));
  EXPECT_EQ(c.bytes.at("secagg.keys"), 5u * (1 + 5 + 8 * 5 + 5 + 64 * 5));
  EXPECT_EQ(c.bytes.at("secagg.shares"), 5u * (1 + 5 + 8 * 4 + 5 + 104 * 4));
  EXPECT_EQ(c.bytes.at("secagg.masked"), 4u * (1 + 5 + 6));  // 3 x 16 bits
  EXPECT_EQ(c.bytes.at("secagg.unmask"), 4u * (1 + 5 + 8 * 5 * 5));
  EXPECT_EQ(c.rounds, 7u);
}

// Fixed seeds at N = 100: 10% drop after round 2 (in the sum), 5 after round 1 and 5 after
// round 0 (not in it).
TEST(SecAgg, HundredClientsWithDropoutsAtEveryRound) {
  SecAggShape s{.clients = 100, .length = 50, .bits = 32, .drop_after = {}};
  s.drop_after.assign(s.clients, kSecAggNoDrop);
  for (std::size_t u = 0; u < 100; u += 10) s.drop_after[u] = 2;
  for (std::size_t u = 3; u < 100; u += 20) s.drop_after[u] = 1;
  for (std::size_t u = 7; u < 100; u += 20) s.drop_after[u] = 0;
  for (std::uint64_t seed : {1u, 2u}) {
    Vectors x(s.clients);
    Rng rng(seed, 0, "secagg test inputs");
    for (auto& v : x)
      for (std::size_t j = 0; j < s.length; ++j) v.push_back(rng.next_u64() & secagg_mask(s.bits));
    const auto r = run_shape(s, x, secagg_default_threshold(s.clients), seed);
    ASSERT_TRUE(r.ok()) << r.status().message();
    EXPECT_EQ(r->outcome, Outcome::kCorrect) << r->explanation;
    EXPECT_EQ(server_sum(*r), plain_sum(s, x));
    EXPECT_EQ(testing::bytes_by_label(r->run), secagg_cost(s).bytes);
  }
}

Result<RunRecord> run_file(const std::string& path, Mutant mutant = Mutant::kNone) {
  SMPC_ASSIGN_OR_RETURN(const Scenario s, load_scenario_file(path));
  RunOptions o;
  o.mutant = mutant;
  return run_scenario(s, o);
}

TEST(SecAggScenario, SameSeedGivesAByteIdenticalReport) {
  for (const char* f : {"secagg_5_clients.json", "secagg_10pct_drop_after_round2.json",
                        "secagg_plus_60_clients.json"}) {
    auto a = run_file(testing::example(f)), b = run_file(testing::example(f));
    ASSERT_TRUE(a.ok() && b.ok()) << f;
    auto ja = report_json(*a), jb = report_json(*b);
    ja.erase("wall_time_s");
    jb.erase("wall_time_s");
    EXPECT_EQ(ja.dump(), jb.dump()) << f;
    EXPECT_EQ(a->outcome, Outcome::kCorrect) << f << ": " << a->explanation;
  }
  const auto five = run_file(testing::example("secagg_5_clients.json"));
  // 1 + 10 + 1000 + 65535 (client 3 dropped out): mod 2^16.
  EXPECT_EQ(report_json(*five)["outputs"][0]["sum"], nlohmann::json({1010, 2021, 3032}));
}

// Fewer than t clients left: the server and the remaining clients abort, in every round.
TEST(SecAgg, AbortsWhenFewerThanTClientsRemain) {
  for (int round : kSecAggDropRounds) {
    SecAggShape s{.clients = 5, .length = 2, .bits = 8, .drop_after = {round, round, -1, -1, -1}};
    const SecAgg protocol(s, 4, 1.0);
    SimRunOptions o;
    o.seed = 3;
    o.deadline_s = 20;
    const auto r = run_simulated(6, o, [&](PartyContext& ctx) {
      return protocol.run(ctx, PartyInput{{1, 2}});
    });
    ASSERT_TRUE(r.ok()) << r.status().message();
    const auto& server = r->parties[0];
    EXPECT_EQ(server.status, PartyStatus::kAbort) << round;
    const char* set = round == 0 ? "U2" : round == 1 ? "U3" : "U5";
    EXPECT_NE(server.abort_reason.find(std::string(set) + " holds 3 clients, fewer than t = 4"),
              std::string::npos) << server.abort_reason;
    // Before round 4 the remaining clients wait for the server and abort; after it they have
    // sent their last message and finish (clients have no output).
    if (round < 2) {
      for (std::size_t u = 3; u <= 5; ++u)
        EXPECT_NE(r->parties[u].status, PartyStatus::kOutput) << round << " client " << u;
    }
  }
  // A scenario cannot ask for it: the verdict's sum has no abort.
  const SecAggShape s{.clients = 5, .length = 1, .bits = 8, .drop_after = {1, 1, -1, -1, -1}};
  const auto made = secagg_spec().make({{"threshold", 4}}, secagg_circuit(s), 6);
  ASSERT_FALSE(made.ok());
  EXPECT_EQ(made.status().message().rfind("/function/dropouts: leave 3 clients in some round, "
                                          "fewer than the threshold t = 4", 0), 0u)
      << made.status().message();
}

// The property generator draws secagg_plus's threshold up to max_for_parties: every such t,
// without dropouts and with the default degree, must be a scenario make() accepts (t up to
// N was drawn before, and with N = 4 clients a neighbourhood of 3 refused t = 4 at random).
TEST(SecAgg, EveryThresholdTheGeneratorDrawsIsAccepted) {
  const ProtocolSpec& spec = secagg_plus_spec();
  const auto& threshold = *std::find_if(spec.parameters.begin(), spec.parameters.end(),
                                        [](const ParamSpec& p) { return p.name == "threshold"; });
  ASSERT_TRUE(threshold.max_for_parties);
  for (int parties = 2; parties <= 12; ++parties) {
    const SecAggShape s{.clients = static_cast<std::size_t>(parties - 1), .length = 1, .bits = 8,
                        .drop_after = std::vector<int>(static_cast<std::size_t>(parties - 1), -1)};
    const int hi = threshold.max_for_parties(parties);
    ASSERT_GE(hi, 1) << parties;
    for (int t = 1; t <= hi; ++t) {
      const auto made = spec.make({{"threshold", t}}, secagg_circuit(s), parties);
      EXPECT_TRUE(made.ok()) << parties << " parties, t = " << t << ": " << made.status().message();
    }
    // One above is refused: the bound is tight.
    EXPECT_FALSE(spec.make({{"threshold", hi + 1}}, secagg_circuit(s), parties).ok()) << parties;
  }
}

// M44: the server drops a survivor from U3 and unmasks it as dropped: the output is the exact
// sum over the wrong set, and the verdict, which knows U3 from the scenario, calls it wrong.
TEST(SecAgg, M44SumOverTheWrongSetIsAViolation) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto r = run_file(testing::example("secagg_5_clients.json"), Mutant::kM44);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r->verdict_holds);
  // The clients are owed no output; the one party owed the sum, the server, got a wrong one.
  EXPECT_EQ(r->outcome, Outcome::kWrongOutput) << r->explanation;
  EXPECT_EQ(r->run.parties[0].status, PartyStatus::kOutput);
  // Clients 1, 2, 4 only (client 5 unmasked as dropped): 1 + 10 + 1000.
  EXPECT_EQ(report_json(*r)["outputs"][0]["sum"], nlohmann::json({1011, 2022, 3033}));
}

// ---- secure_aggregation's inputs ----

std::string build_error(const nlohmann::json& function, const std::vector<nlohmann::json>& in) {
  const auto f = build_function(function, in, static_cast<int>(in.size()));
  return f.ok() ? "" : f.status().message();
}

TEST(SecureAggregation, InputErrorsNameTheirPlace) {
  const nlohmann::json fn = {{"name", "secure_aggregation"}, {"bits", 8}};
  const nlohmann::json none = nlohmann::json::array();
  EXPECT_EQ(build_error(fn, {none, {1, 2}, {3, 4}}), "");
  EXPECT_EQ(build_error(fn, {{5}, {1, 2}, {3, 4}}).rfind("/inputs/0: the server", 0), 0u);
  EXPECT_EQ(build_error(fn, {none, {1, 2}, {3}}).rfind("/inputs/2: every client gives the same", 0), 0u);
  EXPECT_EQ(build_error(fn, {none, {1, 256}, {3, 4}}).rfind("/inputs/1/1: must be an integer below 2^8", 0), 0u);
  EXPECT_EQ(build_error(fn, {none, {1, 2}, 7}).rfind("/inputs/2: a client gives a list of values", 0), 0u);
  EXPECT_EQ(build_error({{"name", "secure_aggregation"}, {"bits", "8"}}, {none, {1}})
                .rfind("/function/bits: must be an integer 1 .. 64", 0), 0u);
  auto drops = fn;
  drops["dropouts"] = {{{"after_round", 3}, {"clients", {1}}}};
  EXPECT_EQ(build_error(drops, {none, {1}, {3}}).rfind("/function/dropouts/0/after_round: must be 0, 1 or 2", 0), 0u);
  drops["dropouts"] = {{{"after_round", 1}, {"clients", {3}}}};
  EXPECT_EQ(build_error(drops, {none, {1}, {3}}).rfind("/function/dropouts/0/clients/0: must be a client id 1 .. 2", 0), 0u);
  drops["dropouts"] = {{{"after_round", 1}, {"clients", {1}}}, {{"after_round", 2}, {"clients", {1}}}};
  EXPECT_EQ(build_error(drops, {none, {1}, {3}}).rfind("/function/dropouts/1: client 1 already drops", 0), 0u);
}

// "fraction" names round(f·N) distinct clients, the same ones for the same seed.
TEST(SecureAggregation, FractionDrawsTheSameClientsForTheSameSeed) {
  std::vector<nlohmann::json> in = {nlohmann::json::array()};
  for (int u = 1; u <= 50; ++u) in.push_back({u});
  const nlohmann::json fn = {{"name", "secure_aggregation"},
                             {"dropouts", {{{"after_round", 2}, {"fraction", 0.1}, {"seed", 4}}}}};
  const auto a = build_function(fn, in, 51), b = build_function(fn, in, 51);
  ASSERT_TRUE(a.ok() && b.ok());
  const auto s = secagg_shape(a->circuit);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(std::count(s->drop_after.begin(), s->drop_after.end(), 2), 5);
  EXPECT_EQ(a->circuit, b->circuit);
}

}  // namespace
}  // namespace smpc

namespace smpc {
namespace {

// Why two masks: a server that reconstructed s_u^SK (a late client) still cannot remove the
// self mask; under M43 (no self mask) it recovers x_u every time.
TEST(SecAgg, LateMaskedInputStaysHiddenUnlessM43DropsTheSelfMask) {
  EXPECT_EQ(secagg_late_input_leak(5).unmasked, 0);
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m(Mutant::kM43);
  EXPECT_EQ(secagg_late_input_leak(5).unmasked, 5);
}

}  // namespace
}  // namespace smpc

namespace smpc {
namespace {

// The server's view (passive) under the input-swap test (scenarios/privacy.h): clients 1 and 2
// swap their vectors (same sum), client 3 drops out after round 1, so the server also
// reconstructs s_3^SK and removes client 3's pairwise masks. A server that learned more than
// the sum (an unmasked y_u, a share set that opens b_u of a survivor too early) would see
// different distributions under the two inputs.
TEST(SecAggPrivacy, ServerViewIsTheSameUnderSwappedInputs) {
  NetworkSpec net;
  net.topology = Topology::kStar;
  net.latency_s = 0.005;
  net.bandwidth_bytes_per_s = 12.5e6;
  const nlohmann::json none = nlohmann::json::array();
  const auto scenario =
      ScenarioBuilder("secagg server privacy")
          .parties(4)
          .protocol("secagg", {{"threshold", 2}})
          .function({{"name", "secure_aggregation"},
                     {"bits", 16},
                     {"dropouts", {{{"after_round", 1}, {"clients", {3}}}}}})
          .inputs({none, {1, 200}, {300, 4}, {5, 6}})
          .network(net)
          .deadline(20)
          .adversary({0}, AdversaryModel::kSemiHonest)
          .build();
  ASSERT_TRUE(scenario.ok()) << scenario.status().message();
  PrivacyOptions o;
  o.runs = 60;
  o.backend = Backend::kSimulated;
  const auto report = run_privacy_test(*scenario, {none, {300, 4}, {1, 200}, {5, 6}}, o);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_FALSE(report->distinguishable) << report->summary;
  EXPECT_FALSE(report->checks.empty());
}

}  // namespace
}  // namespace smpc
