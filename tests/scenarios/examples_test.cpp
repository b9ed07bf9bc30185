// The example scenarios run to verdict ok; reports are byte-identical for the same seed (wall
// time aside); another seed changes the messages (views) but not the outputs.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc {
namespace {

nlohmann::json run_ok(const std::string& args) {
  const auto r = testing::run_cli("run " + args);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("verdict ok"), std::string::npos) << r.err;
  return nlohmann::json::parse(r.out);
}

std::string without_wall_time(nlohmann::json j) {
  j.erase("wall_time_s");
  return j.dump();
}

class Example : public ::testing::TestWithParam<std::string> {};

TEST_P(Example, RunsToVerdictOkWithExpectedOutputs) {
  const auto j = run_ok(testing::example(GetParam()));
  EXPECT_EQ(j["verdict"], "ok");
  EXPECT_EQ(j["outcome"], "correct");
  EXPECT_EQ(j["outputs"], j["expected_outputs"]);
  EXPECT_GT(j["cost"]["rounds"].get<int>(), 0);
  EXPECT_GT(j["cost"]["simulated_time_s"].get<double>(), 0);
  EXPECT_EQ(j["cost"]["per_party"].size(), j["parties"].get<std::size_t>());
  for (const char* key : {"scenario", "seed", "protocol", "parties", "verdict", "outcome",
                          "outputs", "expected_outputs", "cost", "wall_time_s", "reproduce"})
    EXPECT_TRUE(j.contains(key)) << key;
  for (const char* key : {"rounds", "messages", "bytes_sent", "per_party", "per_label",
                          "simulated_time_s"})
    EXPECT_TRUE(j["cost"].contains(key)) << key;
}

TEST_P(Example, SameSeedByteIdenticalOtherSeedSameOutputsOtherViews) {
  const auto path = testing::example(GetParam());
  const auto a = run_ok(path);
  const auto b = run_ok(path);
  EXPECT_EQ(without_wall_time(a), without_wall_time(b));
  const auto c = run_ok(path + " --seed 999");
  EXPECT_EQ(c["seed"], 999);
  EXPECT_EQ(a["outputs"], c["outputs"]);
  EXPECT_EQ(a["cost"]["bytes_sent"], c["cost"]["bytes_sent"]);
  int differing = 0;
  for (std::size_t p = 0; p < a["cost"]["per_party"].size(); ++p)
    differing += a["cost"]["per_party"][p]["view_digest"] != c["cost"]["per_party"][p]["view_digest"];
  EXPECT_GT(differing, 0);
  // The reproduce line reproduces the report.
  const std::string reproduce = a["reproduce"];
  const auto args = reproduce.substr(reproduce.find(" run ") + 5);
  EXPECT_EQ(without_wall_time(run_ok(args)), without_wall_time(a));
}

INSTANTIATE_TEST_SUITE_P(Scenarios, Example,
                         ::testing::Values("sum_5_lan.json", "bgw_inner_product_7_wan.json",
                                           "mean_variance_10.json", "bgw_arithmetic_5.json",
                                           "yao_millionaires.json", "psi_contacts.json",
                                           "psi_cardinality.json", "bgw_wan_jitter_loss.json",
                                           "bgw_wan_latency_trace.json",
                                           "bgw_regions_jittery_wan.json",
                                           "spdz_clients.json", "rep3_clients.json",
                                           "spdz_mascot_group_output.json"),
                         [](const ::testing::TestParamInfo<std::string>& p) {
                           return p.param.substr(0, p.param.find('.'));
                         });

// Private inference (docs/applications.md): the same logistic regression on SPDZ with the
// dealer and on BGW without one, each judged bit-exact against the fixed-point reference
// replayed from its own opened truncation values, at its formula's rounds (spdz.h: 15 + 10, the
// dealer's bit pairs saving both Floor batches' first BitLT level; bgw_program.h: 17 + 4). The
// scores may differ by the truncations' rounding only.
TEST(Examples, LogisticRegressionOnSpdzAndOnBgw) {
  const auto spdz = run_ok(testing::example("inference_logistic_regression.json"));
  const auto bgw = run_ok(testing::example("inference_logistic_regression_bgw.json"));
  EXPECT_EQ(spdz["cost"]["rounds"], 25);
  EXPECT_EQ(bgw["cost"]["rounds"], 21);
  for (const auto& j : {spdz, bgw}) {
    EXPECT_EQ(j["verdict"], "ok");
    EXPECT_EQ(j["outcome"], "correct");
  }
  EXPECT_NEAR(spdz["outputs"][1]["score"].get<double>(), bgw["outputs"][1]["score"].get<double>(),
              4.0 / 4096);
}

TEST(Examples, InnerProductOver80msLinksHasItsAnalyticTime) {
  // 7 parties, full mesh, 80 ms, 100 Mbit/s. Input: two 8-element messages (70 B) in
  // parallel; one multiplication layer that reshares the locally summed inner product: 7·6
  // messages of 1 element (14 B); output: 1 element (14 B). Every stage waits for the previous
  // one: 3 latencies plus the transfer times.
  const auto j = run_ok(testing::example("bgw_inner_product_7_wan.json"));
  const double bw = 100e6 / 8;
  const double expect = 3 * 0.080 + 70 / bw + 14 / bw + 14 / bw;
  EXPECT_NEAR(j["cost"]["simulated_time_s"].get<double>(), expect, 1e-9);
  EXPECT_EQ(j["cost"]["rounds"], 3);
  // The formula of bgw/cost.h, as measured in the report: input 2·6·(6+8·8), one layer
  // resharing one value (the 8 products summed) 7·6·(6+8·1), output 7·6·(6+8·1).
  const auto& labels = j["cost"]["per_label"];
  EXPECT_EQ(labels["bgw.input"]["bytes"], 2 * 6 * 70);
  EXPECT_EQ(labels["bgw.mult.reshare"]["bytes"], 7 * 6 * 14);
  EXPECT_EQ(labels["bgw.mult.reshare"]["first_round"], 2);
  EXPECT_EQ(labels["bgw.output"]["bytes"], 7 * 6 * 14);
  EXPECT_EQ(labels["bgw.output"]["last_round"], 3);
  EXPECT_EQ(j["cost"]["bytes_sent"], 2 * 6 * 70 + 7 * 6 * 14 + 7 * 6 * 14);
  EXPECT_EQ(j["outputs"][0]["inner_product"], 3 * 2 + 1 * 7 + 4 * 1 + 1 * 8 + 5 * 2 + 9 * 8 + 2 * 1 + 6 * 8);
}

// The latency trace example (docs/simulator.md, "Traces"): the input and multiplication
// rounds leave before the spike at 0.1 s (80 ms each), the output round during it (200 ms).
TEST(Examples, LatencyTraceFromAFileHasItsAnalyticTime) {
  const auto j = run_ok(testing::example("bgw_wan_latency_trace.json"));
  const double bw = 100e6 / 8;
  const double expect = 0.080 + 0.080 + 0.200 + 70 / bw + 14 / bw + 14 / bw;
  EXPECT_NEAR(j["cost"]["simulated_time_s"].get<double>(), expect, 1e-9 * expect);
  // The report carries the trace inline (it reads back without the file).
  EXPECT_EQ(j["network"]["trace"]["latency_ms"]["points"],
            nlohmann::json::parse("[[0, 80], [0.1, 200], [0.3, 80]]"));
}

TEST(Examples, MeanVarianceIsExact) {
  const auto j = run_ok(testing::example("mean_variance_10.json"));
  const auto& o = j["outputs"][3];
  EXPECT_EQ(o["count"], 14);
  EXPECT_EQ(o["sum"], 882000);
  EXPECT_DOUBLE_EQ(o["mean"].get<double>(), 63000.0);
}

TEST(Examples, LocalBackendAgrees) {
  const auto path = testing::example("bgw_arithmetic_5.json");
  const auto sim = run_ok(path);
  const auto local = run_ok(path + " --local");
  EXPECT_EQ(sim["outputs"], local["outputs"]);
  EXPECT_EQ(sim["cost"]["bytes_sent"], local["cost"]["bytes_sent"]);
  EXPECT_EQ(sim["cost"]["rounds"], local["cost"]["rounds"]);
  // Party 1 does not receive y.
  EXPECT_FALSE(sim["outputs"][1].contains("y"));
  EXPECT_EQ(sim["outputs"][4]["y"], 3 * (6 * 7 + 8) * 9);
}

// The adversary examples: verdict ok (outside the semi-honest claim, or within it for the
// semi-honest coalition) with the outcome each one describes.
TEST(Examples, AdversaryScenarios) {
  struct Case {
    const char* file;
    const char* outcome;
    const char* scope;
  };
  for (const Case& c : {Case{"bgw_crash_round3.json", "no_output", "outside_model"},
                        Case{"sum_rushing_equivocator.json", "disagreement", "outside_model"},
                        Case{"bgw_bit_flipper.json", "wrong_output", "outside_model"},
                        Case{"gmw_bit_flipper.json", "wrong_output", "outside_model"},
                        Case{"bgw_semi_honest_coalition.json", "correct", "within"},
                        Case{"spdz_mac_forger.json", "abort", "within"},
                        Case{"spdz_mascot_wrong_triple.json", "abort", "within"},
                        Case{"bgw_robust_byzantine.json", "correct", "within"},
                        Case{"bgw_robust_clients.json", "correct", "within"},
                        Case{"sum_equivocate_program.json", "disagreement", "outside_model"},
                        Case{"yao_selective_failure.json", "correct", "outside_model"}}) {
    SCOPED_TRACE(c.file);
    const auto j = run_ok(testing::example(c.file));
    EXPECT_EQ(j["outcome"], c.outcome);
    EXPECT_EQ(j["claim_scope"], c.scope);
    EXPECT_EQ(j["explanation"].get<std::string>().rfind("outside the claim", 0) == 0,
              std::string(c.scope) != "within");
    EXPECT_FALSE(j["adversary"]["views"].empty());
  }
  // The coalition's joint view: both corrupted parties received a share of every input.
  const auto j = run_ok(testing::example("bgw_semi_honest_coalition.json"));
  EXPECT_EQ(j["adversary"]["views"].size(), 2u);
  EXPECT_EQ(j["adversary"]["views"][0]["received"].size(), 8u);  // 4 input shares + 4 outputs
}

// The network examples (issue 14): three regions, a healing partition, a broken link.
TEST(Examples, NetworkScenarios) {
  // Two rounds, each waiting for the Ireland-Tokyo route: LAN up, 212.4 ms / 2, LAN down; the
  // 14-byte transfers add under 1e-6 s.
  const auto wan = run_ok(testing::example("bgw_wan_3_regions.json"));
  EXPECT_EQ(wan["outcome"], "correct");
  EXPECT_NEAR(wan["cost"]["simulated_time_s"].get<double>(), 2 * (0.0005 + 0.1062 + 0.0005),
              1e-6);
  EXPECT_EQ(wan["network"]["topology"], "regions");
  const auto healed = run_ok(testing::example("bgw_robust_healing_partition.json"));
  EXPECT_EQ(healed["outcome"], "correct");
  EXPECT_EQ(healed["claim_scope"], "within");
  EXPECT_TRUE(healed["network"]["faults"][0]["fired"].get<bool>());
  EXPECT_EQ(healed["network"]["faults"][0]["hit"], nlohmann::json::array({5, 6}));
  const auto broken = run_ok(testing::example("spdz_link_down_timeout.json"));
  EXPECT_EQ(broken["outcome"], "no_output");
  EXPECT_EQ(broken["claim_scope"], "within");
  EXPECT_NE(broken["explanation"].get<std::string>().find("faults: link 0 | 1 from t=0.01 s"),
            std::string::npos);
  // Jitter and loss (issue 14 item 2): a lost message outlasts the 2 s deadline, nobody gets
  // an output, and since the same run on a fast clean network finishes, the network is the
  // cause: outside the claim (timing), and the report says how late a message was.
  const auto lossy = run_ok(testing::example("spdz_lossy_link_timeout.json"));
  EXPECT_EQ(lossy["outcome"], "no_output");
  EXPECT_EQ(lossy["claim_scope"], "outside_timing");
  EXPECT_EQ(lossy["no_output_cause"], "network");
  EXPECT_GE(lossy["network"]["max_added_delay_ms"].get<double>(), 3000.0);
  EXPECT_EQ(lossy["network"]["loss"]["rate"], 0.2);
  // Slow parties (compute windows): the honest parties disagree, and the verdict puts the run
  // outside the claim (timing) with the slow computation as the reason.
  const auto slow = run_ok(testing::example("bgw_robust_slow_parties.json"));
  EXPECT_EQ(slow["claim_scope"], "outside_timing");
  EXPECT_NE(slow["explanation"].get<std::string>().find("without waiting (compute model)"),
            std::string::npos);
  EXPECT_EQ(slow["compute"]["slow_windows"].size(), 3u);
  const auto jittery = run_ok(testing::example("bgw_wan_jitter_loss.json"));
  EXPECT_EQ(jittery["outcome"], "correct");
  EXPECT_GT(jittery["network"]["max_added_delay_ms"].get<double>(), 0.0);
  // Every message took at least its 40 ms link, and jitter only adds: more than 3 clean rounds.
  EXPECT_GT(jittery["cost"]["simulated_time_s"].get<double>(), 3 * 0.040);
}

TEST(Examples, InputSubstitutionIsJudgedAgainstTheSubstitutedInput) {
  const auto dir = testing::temp_dir("subst");
  const auto path = dir / "subst.json";
  std::ofstream(path) << R"({"name": "subst", "parties": 3, "protocol": {"name": "bgw"},
    "function": {"name": "sum"}, "inputs": [1, 2, 3],
    "adversary": {"corrupt": [1], "model": "malicious",
                  "script": [{"strategy": "input_substitution", "value": 100}]}})";
  const auto j = run_ok(path.string());
  // Correct on an input the scenario chose for the corrupted party, not on its true one.
  EXPECT_EQ(j["outcome"], "correct_with_substitution");
  EXPECT_EQ(j["decided_by"], "true_inputs");
  EXPECT_EQ(j["substituted_inputs"],
            nlohmann::json::parse(R"([{"party": 1, "values": [100], "by": "scenario"}])"));
  EXPECT_EQ(j["outputs"][0]["sum"], 104);
  EXPECT_EQ(j["expected_outputs"][0]["sum"], 104);
}

TEST(Cli, Audit) {
  const auto dir = testing::temp_dir("audit");
  const auto r = testing::run_cli(
      "audit --protocol secure_sum --scenario sum --coalitions single --seeds 1 -q --output " +
      (dir / "audit.json").string() + " --repro-dir " + (dir / "repro").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("| secure_sum | add | no |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| secure_sum | sum | {0} |"), std::string::npos) << r.out;
  EXPECT_EQ(testing::run_cli("audit --coalitions some").exit_code, 2);
  EXPECT_EQ(testing::run_cli("audit --protocol secure_sum --scenario nope").exit_code, 2);
  const auto j = nlohmann::json::parse(testing::slurp(dir / "audit.json"));
  EXPECT_EQ(j["violations"], 0);
  EXPECT_GT(j["runs"].get<int>(), 20);
  EXPECT_EQ(testing::run_cli("audit --protocol nope").exit_code, 2);
  const auto attacks = testing::run_cli("list attacks");
  EXPECT_NE(attacks.out.find("equivocate"), std::string::npos);
}

TEST(Cli, ListAndHelp) {
  auto r = testing::run_cli("list protocols");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("bgw"), std::string::npos);
  EXPECT_NE(r.out.find("secure_sum"), std::string::npos);
  r = testing::run_cli("list functions");
  EXPECT_NE(r.out.find("mean_variance"), std::string::npos);
  r = testing::run_cli("run --help");
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_NE(r.out.find("--seed"), std::string::npos);
}

}  // namespace
}  // namespace smpc
