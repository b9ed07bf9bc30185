// The toy protocol, linked into this test and into smpc_toy with one registration line, is a
// protocol like the built-in ones: its scenario file validates against the composed schema,
// `smpc_toy run` gives a verdict, `smpc_toy audit` attacks it, the property generator covers
// it; and the plain smpc (without the toy) refuses it.
#include <gtest/gtest.h>

#include <algorithm>

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/scenario.h"
#include "tests/property/scenario_gen.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

const std::string kToyScenario = std::string(SMPC_SOURCE_DIR) + "/tests/toy_protocol/toy.json";

testing::CliResult run_toy_cli(const std::string& args) {
  // run_cli runs SMPC_CLI_PATH; smpc_toy takes the same arguments.
  return testing::run_cli("--version >/dev/null; " + std::string(SMPC_TOY_CLI_PATH) + " " + args);
}

TEST(ToyProtocol, RegisteredWithOneLine) {
  const ProtocolSpec* spec = find_protocol("toy");
  ASSERT_NE(spec, nullptr);
  EXPECT_EQ(protocol_registry().back(), spec);  // after the built-ins
  EXPECT_EQ(spec->claim(nlohmann::json::object(), 2).max_corruptions, 1);
}

TEST(ToyProtocol, ScenarioValidatesAgainstTheComposedSchema) {
  const auto& names = scenario_schema()["properties"]["protocol"]["properties"]["name"]["enum"];
  EXPECT_NE(std::find(names.begin(), names.end(), "toy"), names.end());
  const auto s = load_scenario_file(kToyScenario);
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->protocol, "toy");
  // The toy takes no parameters: the schema (from its spec) says so, with the runner's words.
  auto doc = nlohmann::json::parse(testing::slurp(kToyScenario));
  doc["protocol"]["threshold"] = 1;
  const auto bad = parse_scenario(doc.dump(), "bad.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "bad.json: /protocol/threshold: protocol toy takes no parameter \"threshold\" (its "
            "parameters: none)");
}

TEST(ToyProtocol, SmpcToyRunGivesAVerdict) {
  const auto r = run_toy_cli("run " + kToyScenario);
  EXPECT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.err.find("verdict ok"), std::string::npos) << r.err;
  const auto report = nlohmann::json::parse(r.out);
  EXPECT_EQ(report["protocol"], "toy");
  EXPECT_EQ(report["outputs"][0]["sum"], 42);
  EXPECT_EQ(report["outputs"][1]["sum"], 42);
  // The plain smpc does not link the toy: its schema refuses the name.
  const auto plain = testing::run_cli("run " + kToyScenario);
  EXPECT_EQ(plain.exit_code, 2);
  EXPECT_NE(plain.err.find("unknown protocol \"toy\""), std::string::npos) << plain.err;
}

TEST(ToyProtocol, SmpcToyListsAndPrintsTheSchema) {
  auto r = run_toy_cli("list protocols --json");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  const auto list = nlohmann::json::parse(r.out);
  EXPECT_EQ(list.back()["name"], "toy");
  EXPECT_EQ(list.back()["labels"], nlohmann::json({"toy.share", "toy.open"}));
  r = run_toy_cli("schema");
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("\"toy\""), std::string::npos);
  EXPECT_EQ(testing::run_cli("schema").out.find("\"toy\""), std::string::npos);
}

TEST(ToyProtocol, TheAuditCoversIt) {
  const auto dir = testing::temp_dir("toy-audit");
  const auto r = run_toy_cli("audit --protocol toy --seeds 1 -q --output " +
                             (dir / "audit.json").string() + " --repro-dir " +
                             (dir / "repro").string());
  EXPECT_EQ(r.exit_code, 0) << r.err;
  const auto j = nlohmann::json::parse(testing::slurp(dir / "audit.json"));
  EXPECT_EQ(j["violations"], 0);
  EXPECT_GT(j["runs"].get<int>(), 10);
  for (const auto& cell : j["cells"]) EXPECT_EQ(cell["protocol"], "toy");
}

TEST(ToyProtocol, ThePropertyGeneratorCoversIt) {
  const auto& all = property::all_protocols();
  EXPECT_NE(std::find(all.begin(), all.end(), "toy"), all.end());
}

}  // namespace
}  // namespace smpc
