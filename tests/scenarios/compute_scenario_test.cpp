// The scenario's "compute" section end to end: bad input gives exit 2 naming the file, the JSON
// pointer and the value; an "ops" run's report is byte-identical for the same seed and carries
// the profile, per-party compute and finish times and per-label compute; a slower CPU makes the
// run longer and "none" leaves it at network time; `smpc calibrate` writes a loadable profile.
#include <gtest/gtest.h>

#include <fstream>

#include <nlohmann/json.hpp>

#include "tests/support/cli.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

Json yao_with(const Json& compute) {
  Json s = Json::parse(testing::slurp(testing::example("yao_millionaires.json")));
  s["network"] = {{"latency_ms", 0.1}, {"bandwidth_mbps", 10000}};
  if (!compute.is_null()) s["compute"] = compute;
  return s;
}

// Runs the scenario; the report without its wall time.
Json run_report(const Json& scenario, const std::string& name) {
  const auto dir = testing::temp_dir("compute");
  const auto path = dir / (name + ".json");
  std::ofstream(path) << scenario.dump();
  const auto report = dir / (name + ".report.json");
  const auto r = testing::run_cli("run " + path.string() + " --output " + report.string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  Json j = Json::parse(testing::slurp(report));
  j.erase("wall_time_s");
  return j;
}

TEST(ComputeScenario, BadInputGivesExit2NamingFilePointerAndValue) {
  const auto dir = testing::temp_dir("compute-bad");
  std::ofstream(dir / "badop.json") << R"({"name": "p", "ops": {"aes_blok": 1}})";
  Json zero{{"name", "z"}, {"ops", Json::object()}};
  for (const char* op : {"aes_block", "tmmo_hash", "chacha_byte", "blake2b_call", "blake2b_byte",
                         "sha512_call", "sha512_byte", "fp61_mul", "fp61_inv", "scalar_mul",
                         "base_mul", "point_add", "point_decode", "hash_to_group", "scalar_op",
                         "scalar_inv", "transpose_128", "message", "message_byte", "gate_xor",
                         "gate_and", "alloc_byte"})
    zero["ops"][op] = 1.5;
  zero["ops"]["fp61_mul"] = 0;
  std::ofstream(dir / "zero.json") << zero.dump();
  struct Case {
    Json compute;
    std::string expected;
  };
  const Case cases[] = {
      {{{"model", "ops"}, {"profile", "badop.json"}},
       "/compute/profile: " + (dir / "badop.json").string() +
           ": /ops/aes_blok: unknown operation (see `smpc calibrate`), got \"aes_blok\""},
      {{{"model", "ops"}, {"profile", "zero.json"}},
       "zero.json: /ops/fp61_mul: must be a number of nanoseconds > 0, got 0"},
      {{{"model", "ops"}, {"profile", "missing.json"}},
       "/compute/profile: cannot read profile file " + (dir / "missing.json").string()},
      {{{"speed", 0}}, "/compute/speed: must be > 0, got 0"},
      {{{"speed", -2}}, "/compute/speed: must be > 0, got -2"},
      {{{"parties", {{{"party", 2}, {"speed", 1}}}}}, "/compute/parties/0/party: no such party (0..1), got 2"},
      {{{"parties", {{{"party", 1}, {"speed", 0}}}}}, "/compute/parties/0/speed: must be > 0, got 0"},
      {{{"model", "fast"}}, "/compute/model: must be one of \"none\" \"ops\" \"measured\", got \"fast\""},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.compute.dump());
    const auto path = dir / "s.json";
    std::ofstream(path) << yao_with(c.compute).dump();
    const auto r = testing::run_cli("run " + path.string());
    EXPECT_EQ(r.exit_code, 2);
    EXPECT_EQ(r.err.rfind("error: " + path.string() + ": ", 0), 0u) << r.err;
    EXPECT_NE(r.err.find(c.expected), std::string::npos) << r.err;
  }
}

TEST(ComputeScenario, OpsReportIsDeterministicAndCarriesComputeFields) {
  const Json s = yao_with({{"model", "ops"}});
  const Json a = run_report(s, "same");
  const Json b = run_report(s, "same");
  EXPECT_EQ(a.dump(), b.dump());
  EXPECT_EQ(a["compute"]["model"], "ops");
  EXPECT_EQ(a["compute"]["profile"], "reference");
  EXPECT_TRUE(a["compute"].contains("profile_ns"));
  double compute = 0;
  for (const auto& p : a["cost"]["per_party"]) {
    EXPECT_GT(p["compute_s"].get<double>(), 0);
    EXPECT_LE(p["compute_s"].get<double>(), p["finish_time_s"].get<double>());
    EXPECT_GT(p["ops"]["scalar_mul"].get<std::uint64_t>(), 0u);  // the base OTs
    compute += p["compute_s"].get<double>();
  }
  EXPECT_DOUBLE_EQ(a["cost"]["compute_s"].get<double>(), compute);
  double by_label = 0;
  for (const auto& [label, e] : a["cost"]["per_label"].items()) by_label += e["compute_s"].get<double>();
  EXPECT_GT(by_label, 0);
  EXPECT_LE(by_label, compute * (1 + 1e-12));
}

TEST(ComputeScenario, SlowerCpuTakesLongerAndNoneIsNetworkOnly) {
  const Json none = run_report(yao_with({{"model", "none"}}), "none");
  const Json fast = run_report(yao_with({{"model", "ops"}}), "fast");
  const Json slow = run_report(yao_with({{"model", "ops"}, {"speed", 0.25}}), "slow");
  const auto t = [](const Json& j) { return j["cost"]["simulated_time_s"].get<double>(); };
  EXPECT_EQ(none["compute"]["model"], "none");
  EXPECT_EQ(none["cost"]["compute_s"].get<double>(), 0);
  EXPECT_LT(t(none), t(fast));
  EXPECT_LT(t(fast), t(slow));
  // Same protocol run: the same operations were counted in every model.
  EXPECT_EQ(none["cost"]["per_party"][0]["ops"], fast["cost"]["per_party"][0]["ops"]);
  // Four times slower: each party's compute is exactly four times larger.
  for (std::size_t p = 0; p < 2; ++p)
    EXPECT_NEAR(slow["cost"]["per_party"][p]["compute_s"].get<double>(),
                4 * fast["cost"]["per_party"][p]["compute_s"].get<double>(), 1e-12);
}

// Without "compute" (or with one that names no model) a run charges its computation: the ops
// model with the built-in reference profile, issue 16's default; the same run as an explicit
// {"model": "ops"}, byte for byte.
TEST(ComputeScenario, TheDefaultIsOpsWithTheReferenceProfile) {
  const Json explicit_ops = run_report(yao_with({{"model", "ops"}}), "explicit");
  for (const Json& compute : {Json(nullptr), Json::object(), Json{{"speed", 1}}}) {
    const Json d = run_report(yao_with(compute), "default");
    EXPECT_EQ(d["compute"]["model"], "ops") << compute;
    EXPECT_EQ(d["compute"]["profile"], "reference") << compute;
    EXPECT_GT(d["cost"]["compute_s"].get<double>(), 0) << compute;
    EXPECT_EQ(d["cost"], explicit_ops["cost"]) << compute;
  }
}

// The measured model (real thread CPU time per segment): the run works, Yao's base OTs are
// charged, and the report and the summary say the run is not deterministic; the verdict is the
// same as in the deterministic models.
TEST(ComputeScenario, MeasuredRunIsChargedAndMarkedNotDeterministic) {
  const auto dir = testing::temp_dir("compute-measured");
  const auto path = dir / "measured.json";
  std::ofstream(path) << yao_with({{"model", "measured"}}).dump();
  const auto report = dir / "measured.report.json";
  const auto r = testing::run_cli("run " + path.string() + " --output " + report.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const Json j = Json::parse(testing::slurp(report));
  EXPECT_EQ(j["verdict"], "ok");
  EXPECT_EQ(j["compute"]["model"], "measured");
  EXPECT_EQ(j["compute"]["deterministic"], false);
  EXPECT_GT(j["cost"]["compute_s"].get<double>(), 1e-4);  // 128 base OTs are real work
  EXPECT_NE(r.err.find("NOT DETERMINISTIC"), std::string::npos) << r.err;
  // The deterministic models say nothing of the kind.
  std::ofstream(path) << yao_with({{"model", "ops"}}).dump();
  const auto det = testing::run_cli("run " + path.string() + " --output " + report.string());
  EXPECT_EQ(det.err.find("NOT DETERMINISTIC"), std::string::npos) << det.err;
  EXPECT_FALSE(Json::parse(testing::slurp(report))["compute"].contains("deterministic"));
}

// `--cpu-table` (the model against reality, scripts/validate_compute.sh): one row per party of a
// --local run with its modelled and measured times; only with --local; a bad profile is exit 2.
// `--critical-path` adds the report's critical_path. Neither checks how long anything took.
TEST(ComputeScenario, CpuTableAndCriticalPathFlags) {
  const auto dir = testing::temp_dir("compute-flags");
  const auto path = dir / "yao.json";
  std::ofstream(path) << yao_with({{"model", "ops"}}).dump();
  const auto local = testing::run_cli("run " + path.string() + " --local --cpu-table reference -q");
  ASSERT_EQ(local.exit_code, 0) << local.err;
  EXPECT_NE(local.err.find("cpu table (yao"), std::string::npos) << local.err;
  for (const char* row : {"\n0 ", "\n1 ", "\nall "})
    EXPECT_NE(local.err.find(row), std::string::npos) << row << local.err;
  EXPECT_NE(local.err.find("scalar_mul"), std::string::npos) << local.err;  // the base OTs
  const auto no_local = testing::run_cli("run " + path.string() + " --cpu-table reference");
  EXPECT_EQ(no_local.exit_code, 2);
  const auto bad = testing::run_cli("run " + path.string() + " --local --cpu-table nope.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("nope.json"), std::string::npos) << bad.err;

  const auto report = dir / "cp.report.json";
  const auto cp = testing::run_cli("run " + path.string() + " --critical-path --output " +
                                   report.string());
  ASSERT_EQ(cp.exit_code, 0) << cp.err;
  const Json j = Json::parse(testing::slurp(report));
  ASSERT_TRUE(j.contains("critical_path"));
  EXPECT_NEAR(j["critical_path"]["finish_time_s"].get<double>(),
              j["cost"]["simulated_time_s"].get<double>(), 1e-12);
  EXPECT_GT(j["critical_path"]["compute_s"].get<double>(), 0);
  EXPECT_NE(cp.err.find("critical path: party"), std::string::npos) << cp.err;
  EXPECT_FALSE(run_report(yao_with({{"model", "ops"}}), "plain").contains("critical_path"));
}

TEST(ComputeScenario, CalibrateWritesAProfileARunAccepts) {
  const auto dir = testing::temp_dir("compute-cal");
  const auto profile = dir / "profile.json";
  const auto r = testing::run_cli("calibrate --trials 1 --output " + profile.string());
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("scalar_mul"), std::string::npos) << r.out;
  const Json rep = run_report(yao_with({{"model", "ops"}, {"profile", profile.string()}}), "cal");
  EXPECT_EQ(rep["compute"]["profile"], "calibrated");
  EXPECT_EQ(rep["verdict"], "ok");
  const auto bad = testing::run_cli("calibrate --output /nonexistent-dir/p.json");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("cannot write /nonexistent-dir/p.json"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace smpc
