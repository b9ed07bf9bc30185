// Scripts that say what they did: per-step hit counts in the report and the summary, a warning
// for a step that changed nothing (an error with --strict: exit 2), and the message-layout
// reference (`smpc list labels`, docs/adversaries.md) generated from the protocols' labels.h.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "protocols/registry.h"
#include "reports/report.h"
#include "scenarios/catalog.h"
#include "scenarios/pipeline.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

// BGW, 5 parties, the product of 2..6 (three multiplication layers); party 1 corrupted.
ScenarioBuilder bgw_product_attacked(const Json& script) {
  ScenarioBuilder b("script hits");
  b.protocol("bgw", {{"threshold", 2}})
      .parties(5)
      .function({{"name", "product"}})
      .inputs({2, 3, 4, 5, 6})
      .lan(10, 100)
      .deadline(5)
      .adversary({1}, AdversaryModel::kMalicious, script);
  return b;
}

const Json kScript = Json::array(
    {{{"strategy", "add"}, {"label", "bgw.mult.reshare"}, {"element", 0}, {"delta", 1}},
     {{"strategy", "drop"}, {"label", "bgw.mult.reshar"}},
     {{"strategy", "add"}, {"label", "bgw.input"}, {"element", 1000000}}});

RunRecord run(const Json& script) {
  auto s = bgw_product_attacked(script).build();
  EXPECT_TRUE(s.ok()) << s.status().message();
  auto r = run_scenario(*s, RunOptions{});
  EXPECT_TRUE(r.ok()) << r.status().message();
  return std::move(r).value();
}

TEST(ScriptReport, EveryStepReportsItsHitsPerCorruptedParty) {
  const RunRecord r = run(kScript);
  const Json hits = Json::parse(r.adversary["script_hits"].dump());
  // Party 1 reshares once per multiplication layer (3) to each of the 4 others: 12 messages,
  // every one changed. It sends its input shares to the 4 others: each has one element.
  EXPECT_EQ(r.run.parties[1].meter.by_label.at("bgw.mult.reshare").traffic.messages, 12u);
  EXPECT_EQ(hits[0], Json::parse(R"({"step": 0, "matched": 12, "hits": 12, "out_of_range": 0,
      "complete": true, "parties": [{"party": 1, "matched": 12, "hits": 12, "out_of_range": 0}]})"));
  EXPECT_EQ(hits[1]["matched"], 0);
  EXPECT_EQ(hits[1]["idle"],
            "no message matched its selectors; the protocol sends no label \"bgw.mult.reshar\" "
            "(its labels: bgw.input, bgw.mult.reshare, bgw.output, bgw.fx.random, "
            "bgw.fx.bits.square, bgw.fx.bits.open, bgw.fx.trunc, bgw.fx.ltz)");
  EXPECT_EQ(hits[2]["matched"], 4);
  EXPECT_EQ(hits[2]["out_of_range"], 4);
  EXPECT_EQ(hits[2]["hits"], 0);
  ASSERT_EQ(r.script_warnings.size(), 2u);
  EXPECT_EQ(r.script_warnings[1],
            "step 2 (add label=bgw.input element=1000000 delta=1) changed no message: it "
            "matched 4 messages and changed none: element 1000000 lies beyond 4 messages");
  EXPECT_FALSE(strict_script_check(r).ok());

  const std::string summary = summary_text(r);
  EXPECT_NE(summary.find("  script step 0 (add): 12 hits / 12 matched (party 1: 12/12)\n"),
            std::string::npos) << summary;
  EXPECT_NE(summary.find("  script step 2 (add): 0 hits / 4 matched, 4 out of range (party 1: 0/4)\n"),
            std::string::npos) << summary;
  EXPECT_NE(summary.find("  warning: script step 1 (drop label=bgw.mult.reshar) changed no message"),
            std::string::npos) << summary;
}

TEST(ScriptReport, AScriptThatActsHasNoWarningsAndAReportWithoutScriptHasNoCounts) {
  const RunRecord acting = run(Json::array({kScript[0]}));
  EXPECT_TRUE(acting.script_warnings.empty());
  EXPECT_TRUE(strict_script_check(acting).ok());
  auto s = bgw_product_attacked(Json::array()).adversary({1}, AdversaryModel::kSemiHonest).build();
  ASSERT_TRUE(s.ok());
  auto passive = run_scenario(*s, RunOptions{});
  ASSERT_TRUE(passive.ok());
  EXPECT_FALSE(passive->adversary.contains("script_hits"));
  EXPECT_EQ(summary_text(*passive).find("script step"), std::string::npos);
}

// The counts happen in the simulation's child process and come back with its result: the
// simulated run reports what the threaded one does.
TEST(ScriptReport, CountsTravelBackFromTheSimulatedChild) {
  auto s = bgw_product_attacked(kScript).build();
  ASSERT_TRUE(s.ok());
  RunOptions local;
  local.backend = Backend::kLocal;
  auto a = run_scenario(*s, RunOptions{});
  auto b = run_scenario(*s, local);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->adversary["script_hits"], b->adversary["script_hits"]);
}

// The must-show: a typo'd label warns by default and fails with --strict.
TEST(ScriptReport, ATypodLabelWarnsByDefaultAndFailsWithStrict) {
  const auto dir = testing::temp_dir("script-report");
  const auto path = dir / "typo.json";
  {
    auto s = bgw_product_attacked(Json::array({kScript[1]})).build();
    ASSERT_TRUE(s.ok());
    std::ofstream(path) << s->document.dump(2);
  }
  const auto plain = testing::run_cli("run " + path.string() + " --output " + (dir / "r.json").string());
  EXPECT_EQ(plain.exit_code, 0) << plain.err;
  EXPECT_NE(plain.err.find("warning: script step 0 (drop label=bgw.mult.reshar) changed no "
                           "message: no message matched its selectors"),
            std::string::npos) << plain.err;
  const auto strict = testing::run_cli("run " + path.string() + " --strict --output " +
                                       (dir / "s.json").string());
  EXPECT_EQ(strict.exit_code, 2) << strict.err;
  EXPECT_NE(strict.err.find("error: 1 adversary script step(s) changed no message (--strict)"),
            std::string::npos) << strict.err;
  // The report is written all the same, with the counts.
  const Json report = Json::parse(testing::slurp(dir / "s.json"));
  EXPECT_EQ(report["adversary"]["script_hits"][0]["matched"], 0);
}

TEST(ScriptReport, IrrelevantParametersAreRejectedWithTheirPointer) {
  auto s = bgw_product_attacked(Json::array({{{"strategy", "add"}, {"bit", 3}}})).build();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find(
                "/adversary/script/0/bit: \"add\" takes no \"bit\" (its parameters: element, delta)"),
            std::string::npos) << s.status().message();
  const auto dir = testing::temp_dir("script-report");
  const auto path = dir / "irrelevant.json";
  {
    auto ok = bgw_product_attacked(Json::array()).build();
    ASSERT_TRUE(ok.ok());
    Json doc = ok->document;
    doc["adversary"]["script"] = {{{"strategy", "drop"}, {"delta", 2}}};
    std::ofstream(path) << doc.dump(2);
  }
  const auto r = testing::run_cli("run " + path.string());
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("/adversary/script/0/delta: \"drop\" takes no \"delta\" (it has no "
                       "parameters)"),
            std::string::npos) << r.err;
}

// ---------------------------------------------------------------------------------------------
// The message-layout reference.

TEST(LabelLayouts, EveryLabelOfEveryProtocolSaysWhatItsMessageHolds) {
  for (const auto* spec : protocol_registry()) {
    ASSERT_FALSE(spec->labels.empty()) << spec->name;
    for (const auto& l : spec->labels)
      EXPECT_GE(l.layout.size(), 20u) << spec->name << " " << l.name;
  }
  const auto bgw = labels_listing("bgw");
  ASSERT_TRUE(bgw.ok());
  EXPECT_NE(bgw->find("bgw.mult.reshare    field elements: one per value the layer reshares, "
                      "in gate order"),
            std::string::npos) << *bgw;
  EXPECT_EQ(labels_listing("nope").status().message().rfind("unknown protocol \"nope\"", 0), 0u);
  const auto cli = testing::run_cli("list labels yao");
  EXPECT_EQ(cli.exit_code, 0);
  EXPECT_NE(cli.out.find("yao.tables"), std::string::npos) << cli.out;
}

// docs/adversaries.md's label table is generated: regenerate it from the message on failure.
TEST(LabelLayouts, DocsTableIsTheRegistrys) {
  std::ifstream in(std::string(SMPC_SOURCE_DIR) + "/docs/adversaries.md");
  std::stringstream doc;
  doc << in.rdbuf();
  const std::string want = labels_table_markdown();
  EXPECT_NE(doc.str().find(want), std::string::npos) << "expected table:\n" << want;
}

}  // namespace
}  // namespace smpc
