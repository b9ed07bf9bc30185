// The strategy list is the one source: the audit's steps, the schema's step, parsing and the
// report's JSON follow the typed parameters, and docs/adversaries.md's table agrees with it.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "adversary/strategies.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

Result<AdversarySpec> parse_one(const Json& step) {
  return parse_adversary({{"corrupt", {1}}, {"model", "malicious"}, {"script", {step}}}, 4);
}

// The steps `smpc audit` ran before the list existed (scenarios/audit.cpp's step_for).
TEST(StrategyList, AuditStepsAreTheAuditsDefaults) {
  const AuditTarget t{"bgw.input", 0, {7, 8}};
  const std::map<std::string, Json> expected = {
      {"drop", {{"strategy", "drop"}, {"label", "bgw.input"}}},
      {"delay", {{"strategy", "delay"}, {"label", "bgw.input"}, {"delay_s", 0.5}}},
      {"duplicate", {{"strategy", "duplicate"}, {"label", "bgw.input"}}},
      {"replay", {{"strategy", "replay"}, {"label", "bgw.input"}}},
      {"reorder", {{"strategy", "reorder"}, {"label", "bgw.input"}}},
      {"truncate", {{"strategy", "truncate"}, {"label", "bgw.input"}, {"bytes", 3}}},
      {"bit_flip", {{"strategy", "bit_flip"}, {"label", "bgw.input"}, {"element", 0}, {"bit", 0}}},
      {"add", {{"strategy", "add"}, {"label", "bgw.input"}, {"element", 0}, {"delta", 1}}},
      {"randomize", {{"strategy", "randomize"}, {"label", "bgw.input"}, {"element", 0}}},
      {"equivocate",
       {{"strategy", "equivocate"}, {"label", "bgw.input"}, {"to", {0}}, {"element", 0}, {"delta", 1}}},
      {"selective_abort", {{"strategy", "selective_abort"}, {"label", "bgw.input"}, {"to", {0}}}},
      {"crash", {{"strategy", "crash"}, {"label", "bgw.input"}}},
      {"rushing", {{"strategy", "rushing"}, {"label", "bgw.input"}, {"window_s", 0.5}}},
      {"input_substitution", {{"strategy", "input_substitution"}, {"value", {7, 8}}}},
  };
  for (const auto& s : strategies()) {
    if (!s.builtin) continue;
    ASSERT_TRUE(expected.count(s.name)) << s.name;
    EXPECT_EQ(audit_step(s, t), expected.at(s.name)) << s.name;
    EXPECT_TRUE(parse_one(audit_step(s, t)).ok()) << s.name;
  }
}

TEST(StrategyList, TheStepSchemaNamesEveryStrategyAndParameter) {
  const Json schema = strategy_step_schema();
  std::vector<std::string> names;
  for (const auto& s : strategies()) names.push_back(s.name);
  EXPECT_EQ(schema["properties"]["strategy"]["enum"].get<std::vector<std::string>>(), names);
  EXPECT_FALSE(schema["additionalProperties"].get<bool>());
  for (const auto& p : step_params()) EXPECT_TRUE(schema["properties"].contains(p.spec.name));
  EXPECT_EQ(schema["properties"]["delay_s"]["exclusiveMinimum"], 0);
  EXPECT_EQ(schema["properties"]["bit"]["maximum"], 255);
  // Defaults are in the schema (and in docs/adversaries.md).
  EXPECT_EQ(schema["properties"]["element"]["default"], 0);
  EXPECT_EQ(schema["properties"]["bit"]["default"], 0);
  EXPECT_EQ(schema["properties"]["delta"]["default"], 1);
  EXPECT_EQ(schema["properties"]["window_s"]["default"], 1.0);
  EXPECT_FALSE(schema["properties"]["delay_s"].contains("default"));
  EXPECT_EQ(schema["properties"]["occurrence"]["minimum"], 1);
}

TEST(StrategyList, ParametersAreCheckedAgainstTheirDeclaration) {
  const auto error = [](const Json& step) {
    const auto r = parse_one(step);
    return r.ok() ? std::string("ok") : r.status().message();
  };
  EXPECT_EQ(error({{"strategy", "add"}, {"delta", -1}}), "ok");
  EXPECT_EQ(error({{"strategy", "add"}, {"delta", 0}}), "/adversary/script/0/delta: must not be 0, got 0");
  EXPECT_EQ(error({{"strategy", "add"}, {"delta", 18446744073709551615ull}}), "ok");
  EXPECT_EQ(error({{"strategy", "bit_flip"}, {"bit", 256}}),
            "/adversary/script/0/bit: must be <= 255, got 256");
  EXPECT_EQ(error({{"strategy", "rushing"}, {"window_s", "long"}}),
            "/adversary/script/0/window_s: must be of type number, got \"long\"");
  EXPECT_EQ(error({{"strategy", "delay"}}), "/adversary/script/0: \"delay\" needs \"delay_s\"");
  EXPECT_EQ(error({{"strategy", "delay"}, {"delay_s", 0}}),
            "/adversary/script/0/delay_s: must be > 0, got 0");
  EXPECT_EQ(error({{"strategy", "drop"}, {"colour", 1}}), "/adversary/script/0/colour: unknown field");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", "some"}}),
            "/adversary/script/0/element: must be an element index, \"all\" or {\"from\": a, "
            "\"to\": b}, got \"some\"");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", {{"from", 3}, {"to", 9}}}}), "ok");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", {{"from", 9}, {"to", 3}}}}),
            "/adversary/script/0/element: \"from\" must not exceed \"to\", got {\"from\":9,\"to\":3}");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", {{"from", 3}}}}),
            "/adversary/script/0/element: a range needs \"to\"");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", {{"from", -1}, {"to", 3}}}}),
            "/adversary/script/0/element/from: must be an element index >= 0, got -1");
  EXPECT_EQ(error({{"strategy", "add"}, {"element", {{"from", 1}, {"to", 3}, {"step", 2}}}}),
            "/adversary/script/0/element/step: unknown field (a range has \"from\" and \"to\")");
  EXPECT_EQ(error({{"strategy", "add"}, {"occurrence", 0}}),
            "/adversary/script/0/occurrence: must be an occurrence >= 1, got 0");
  // A parameter the strategy does not take would be ignored: refused, with what it takes.
  EXPECT_EQ(error({{"strategy", "add"}, {"bit", 1}}),
            "/adversary/script/0/bit: \"add\" takes no \"bit\" (its parameters: element, delta)");
  EXPECT_EQ(error({{"strategy", "drop"}, {"delta", 2}}),
            "/adversary/script/0/delta: \"drop\" takes no \"delta\" (it has no parameters)");
  EXPECT_EQ(error({{"strategy", "input_substitution"}, {"label", "bgw.input"}, {"value", 1}}),
            "/adversary/script/0/label: \"input_substitution\" acts on the party, not on its "
            "messages: it takes no message selector");
  EXPECT_EQ(error({{"strategy", "input_substitution"}, {"value", {1, -2}}}),
            "/adversary/script/0/value/1: must be >= 0, got -2");
  EXPECT_EQ(error({{"strategy", "randomize"}, {"element", "all"}}), "ok");
}

TEST(StrategyList, ReportJsonCarriesEachStrategysOwnParametersInOrder) {
  const auto spec = parse_adversary(
      {{"corrupt", {1}},
       {"model", "malicious"},
       {"script",
        {{{"strategy", "equivocate"}, {"to", {0}}, {"delta", 4}},
         {{"strategy", "randomize"}, {"element", "all"}},
         {{"strategy", "add"}, {"label", "x"}, {"occurrence", 2}, {"element", {{"from", 3}, {"to", 9}}},
          {"delta", -7}},
         {{"strategy", "input_substitution"}, {"party", 1}, {"value", 9}}}}},
      4);
  ASSERT_TRUE(spec.ok()) << spec.status().message();
  EXPECT_EQ(adversary_json(*spec).dump(),
            R"({"corrupt":[1],"model":"malicious","script":[)"
            R"({"strategy":"equivocate","to":[0],"element":0,"delta":4},)"
            R"({"strategy":"randomize","element":"all"},)"
            R"({"strategy":"add","label":"x","occurrence":2,"element":{"from":3,"to":9},"delta":-7},)"
            R"({"strategy":"input_substitution","party":1,"value":[9]}]})");
  // What the report says parses back to the same script.
  const auto again = parse_adversary(Json::parse(adversary_json(*spec).dump()), 4);
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(adversary_json(*again), adversary_json(*spec));
}

TEST(StrategyList, StepFieldDefaultsAreTheDeclaredDefaults) {
  const StrategyStep fresh;
  for (const auto& p : step_params())
    if (!p.spec.default_value.is_null()) {
      EXPECT_EQ(p.get(fresh), nlohmann::ordered_json(p.spec.default_value)) << p.spec.name;
    }
}

// docs/adversaries.md's table is the list's: regenerate it from the message when this fails.
TEST(StrategyList, DocsTableIsTheList) {
  std::ostringstream want;
  want << "| strategy | effect | parameters |\n|---|---|---|\n";
  for (const auto& s : strategies()) {
    if (!s.builtin) continue;
    std::string params = s.needs_to ? "`to`" : "";
    for (const auto& p : s.params) params += (params.empty() ? "`" : ", `") + p + "`";
    want << "| `" << s.name << "` | " << s.summary << " | " << params << " |\n";
  }
  std::ifstream in(std::string(SMPC_SOURCE_DIR) + "/docs/adversaries.md");
  std::stringstream doc;
  doc << in.rdbuf();
  EXPECT_NE(doc.str().find(want.str()), std::string::npos) << "expected table:\n" << want.str();
}

}  // namespace
}  // namespace smpc
