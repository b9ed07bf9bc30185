// Parameter checking from the specs (resolve_params), the composed schema and the audit
// scenarios: one place decides what a "protocol" object may say.
#include <gtest/gtest.h>

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/scenario.h"

namespace smpc {
namespace {

using nlohmann::json;

std::string problem(const std::string& protocol, const json& given) {
  const auto r = resolve_params(*find_protocol(protocol), given, 5, 7);
  return r.ok() ? "" : r.status().message();
}

TEST(ResolveParams, ErrorsNameThePointerTheProblemAndTheValue) {
  EXPECT_EQ(problem("bgw", {{"name", "bgw"}, {"threshold", "x"}}),
            "/protocol/threshold: must be an integer, got \"x\"");
  EXPECT_EQ(problem("bgw", {{"threshold", -1}}), "/protocol/threshold: must be >= 0, got -1");
  EXPECT_EQ(problem("spdz", {{"mac_keys", 5}}), "/protocol/mac_keys: must be <= 4, got 5");
  EXPECT_EQ(problem("spdz", {{"preprocessing", "mascot"}}),
            "/protocol/preprocessing: must be one of \"dealer\", got \"mascot\"");
  EXPECT_EQ(problem("bgw_robust", {{"round_timeout_s", 0}}),
            "/protocol/round_timeout_s: must be > 0, got 0");
  EXPECT_EQ(problem("bgw_robust", {{"round_timeout_s", "1"}}),
            "/protocol/round_timeout_s: must be a number, got \"1\"");
  EXPECT_EQ(problem("yao", {{"garbler", 2}}), "/protocol/garbler: must be <= 1, got 2");
  EXPECT_EQ(problem("gmw", {{"dealer_seed", 1}}),
            "/protocol/dealer_seed: protocol gmw takes no parameter \"dealer_seed\" (its "
            "parameters: none)");
  EXPECT_EQ(problem("bgw", {{"mac_keys", 1}}),
            "/protocol/mac_keys: protocol bgw takes no parameter \"mac_keys\" (its parameters: "
            "threshold)");
}

TEST(ResolveParams, FillsFixedDefaultsAndDerivesTheDealerSeedFromTheRunSeed) {
  const auto spdz = resolve_params(*find_protocol("spdz"), {{"name", "spdz"}}, 3, 42);
  ASSERT_TRUE(spdz.ok());
  EXPECT_EQ(*spdz, json({{"preprocessing", "dealer"}, {"mac_keys", 1}, {"dealer_seed", 42}}));
  // A given dealer_seed wins; an n-dependent default (bgw's threshold) is left to make().
  const auto fixed = resolve_params(*find_protocol("gmw_dealer"), {{"dealer_seed", 3}}, 2, 42);
  EXPECT_EQ(*fixed, json({{"dealer_seed", 3}}));
  EXPECT_EQ(*resolve_params(*find_protocol("bgw"), json::object(), 5, 1), json::object());
}

TEST(ComposedSchema, RejectsAParameterTheNamedProtocolDoesNotTake) {
  const std::string base = R"({"name": "x", "parties": 3, "function": {"name": "sum"},
                               "inputs": [1, 2, 3], "protocol": )";
  const auto ok = parse_scenario(base + R"({"name": "bgw", "threshold": 1}})", "s.json");
  EXPECT_TRUE(ok.ok()) << ok.status().message();
  const auto bad = parse_scenario(base + R"({"name": "secure_sum", "threshold": 1}})", "s.json");
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.status().message(),
            "s.json: /protocol/threshold: protocol secure_sum takes no parameter \"threshold\" "
            "(its parameters: none)");
  const auto& names = scenario_schema()["properties"]["protocol"]["properties"]["name"]["enum"];
  EXPECT_EQ(names.size(), protocol_registry().size());
}

TEST(AuditScenarios, EverySpecsAuditSetupLoadsAndNamesItsProtocol) {
  for (const auto* spec : protocol_registry()) {
    SCOPED_TRACE(spec->name);
    const auto doc = audit_scenario_json(*spec);
    EXPECT_EQ(doc["protocol"]["name"], spec->name);
    const auto s = parse_scenario(doc.dump(), "<audit>");
    ASSERT_TRUE(s.ok()) << s.status().message();
    EXPECT_EQ(s->parties, spec->audit.parties);
  }
  // As the registry's JSON strings wrote it before AuditSetup: whole numbers stay integers.
  EXPECT_EQ(audit_scenario_json(*find_protocol("bgw_robust")).dump(),
            R"({"deadline_s":600,"function":{"name":"product"},"inputs":[2,3,4,5],)"
            R"("name":"audit bgw_robust","network":{"bandwidth_mbps":100,"latency_ms":10},)"
            R"("parties":4,"protocol":{"name":"bgw_robust","round_timeout_s":0.1,"threshold":1}})");
}

}  // namespace
}  // namespace smpc
