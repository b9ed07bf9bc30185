// Parameter checking from the specs (resolve_params), the composed schema and the audit
// scenarios: one place decides what a "protocol" object may say.
#include <gtest/gtest.h>

#include <set>

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/pipeline.h"
#include "scenarios/scenario.h"
#include "verify/oracle.h"

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
  EXPECT_EQ(problem("spdz", {{"preprocessing", "hsm"}}),
            "/protocol/preprocessing: must be one of \"dealer\" \"mascot\", got \"hsm\"");
  EXPECT_EQ(problem("spdz", {{"preprocessing", "mascot"}}), "");
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
  // spdz's "preprocessing" has no fixed default: make_spdz tells an omitted one (MASCOT, or an
  // error for roles and fixed-point programs) from an explicit one.
  EXPECT_EQ(*spdz, json({{"mac_keys", 1}, {"dealer_seed", 42}}));
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

TEST(AuditScenarios, EverySpecsAuditSetupsLoadAndNameTheirProtocol) {
  for (const auto* spec : protocol_registry()) {
    SCOPED_TRACE(spec->name);
    ASSERT_FALSE(spec->audits.empty());
    std::set<std::string> names;
    for (const auto& setup : spec->audits) {
      SCOPED_TRACE(setup.name);
      EXPECT_FALSE(setup.name.empty());
      EXPECT_TRUE(names.insert(setup.name).second) << "two audit scenarios named " << setup.name;
      const auto doc = audit_scenario_json(*spec, setup);
      EXPECT_EQ(doc["protocol"]["name"], spec->name);
      const auto s = parse_scenario(doc.dump(), "<audit>");
      ASSERT_TRUE(s.ok()) << s.status().message();
      EXPECT_EQ(s->parties, setup.parties);
    }
  }
  // As the registry's JSON strings wrote it before AuditSetup: whole numbers stay integers.
  const auto* robust = find_protocol("bgw_robust");
  EXPECT_EQ(audit_scenario_json(*robust, robust->audits.front()).dump(),
            R"({"deadline_s":600,"function":{"name":"product"},"inputs":[2,3,4,5],)"
            R"("name":"audit bgw_robust product","network":{"bandwidth_mbps":100,)"
            R"("latency_ms":10},"parties":4,)"
            R"("protocol":{"name":"bgw_robust","round_timeout_s":0.1,"threshold":1}})");
}

// The kinds of scenario the audit needs (docs/audit.md): one whose outputs reveal every input
// (so only the inputs really used explain them), and, where the protocol runs with more than
// two parties, one in which some party gives no input. Checked on the built functions.
TEST(AuditScenarios, EverySpecRevealsInputsAndHasAnInputlessPartyWhereItCan) {
  for (const auto* spec : protocol_registry()) {
    SCOPED_TRACE(spec->name);
    // A predicate-judged function (vote's tally) has a carrier circuit without input wires on
    // purpose: the oracle must never explain its outputs by substituted inputs.
    if (spec->property.predicate_outputs) continue;
    bool inputless = false, reveals = false;
    for (const auto& setup : spec->audits) {
      const auto plan = resolve(audit_scenario(*spec, setup).value(), {});
      ASSERT_TRUE(plan.ok()) << setup.name << ": " << plan.status().message();
      const auto& f = plan->function;
      bool all_revealed = true;
      for (PartyId p = 0; p < plan->parties; ++p) {
        const auto& x = f.party_inputs[static_cast<std::size_t>(p)].values;
        inputless = inputless || x.empty();
        // Changing one input bit (Boolean) or adding 1 changes some party's output.
        auto changed = plan->inputs;
        for (auto& v : changed[static_cast<std::size_t>(p)].values)
          v = f.circuit.domain == CircuitDomain::kBoolean ? v ^ 1 : v + 1;
        all_revealed = all_revealed && (x.empty() || ideal_outputs(f.ideal(), changed).value() !=
                                                         plan->expected);
      }
      reveals = reveals || all_revealed;
    }
    EXPECT_TRUE(reveals) << "no audit scenario whose outputs change with every party's input";
    if (spec->property.max_parties > 2) {
      EXPECT_TRUE(inputless) << "no party without input";
    }
  }
}

}  // namespace
}  // namespace smpc
