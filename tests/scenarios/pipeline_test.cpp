// The run pipeline (resolve → execute → judge → record) and ScenarioBuilder: errors are found by
// resolve before anything runs; a built scenario runs exactly like the file it corresponds to;
// the verdict's claim scope is typed and reaches the report.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "protocols/registry.h"
#include "reports/report.h"
#include "scenarios/pipeline.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

ScenarioBuilder bgw_product(int parties = 5) {
  std::vector<Json> inputs;
  for (int p = 0; p < parties; ++p) inputs.push_back(p + 2);
  ScenarioBuilder b("pipeline bgw");
  b.protocol("bgw", {{"threshold", (parties - 1) / 2}})
      .parties(parties)
      .function({{"name", "product"}})
      .inputs(inputs)
      .lan(10, 100)
      .deadline(5);
  return b;
}

Json report_without_wall_time(const RunRecord& r) {
  auto j = Json::parse(report_json(r).dump());
  j.erase("wall_time_s");
  return j;
}

TEST(Pipeline, ResolveFindsInputErrorsBeforeAnythingRuns) {
  const auto check = [](const ScenarioBuilder& b, const std::string& expected) {
    auto s = b.build();
    ASSERT_TRUE(s.ok()) << s.status().message();
    auto plan = resolve(*s, RunOptions{});
    ASSERT_FALSE(plan.ok());
    EXPECT_EQ(plan.status().message(), expected);
  };
  check(bgw_product().protocol("bgw", {{"threshold", 3}}),
        "<pipeline bgw>: /protocol/threshold: t = 3 but BGW needs 0 <= t < n/2, i.e. t <= 2 "
        "for n = 5");
  check(bgw_product().protocol("nope"),
        "<pipeline bgw>: /protocol/name: unknown protocol \"nope\" (known: " + protocol_names() +
            ")");
  check(bgw_product().protocol("yao").parties(2).inputs({1, 2}),
        "<pipeline bgw>: /protocol/name: yao evaluates boolean circuits but function product is "
        "field61 (use secure_sum, bgw, bgw_robust, spdz)");
  check(bgw_product().inputs({1, 2}),
        "<pipeline bgw>: /inputs: has 2 entries but there are 5 parties: give one entry per "
        "party (use [] for none)");
  // A builder-made corruption set is checked although no schema saw it.
  AdversarySpec outside;
  outside.corrupt = {7};
  check(bgw_product().adversary(outside),
        "<pipeline bgw>: /adversary/corrupt/0: party 7 does not exist (parties are 0..4)");
}

TEST(Pipeline, BuilderReportsScriptErrorsWithTheirPointer) {
  auto s = bgw_product()
               .adversary({1}, AdversaryModel::kMalicious, Json::array({{{"strategy", "nope"}}}))
               .build();
  ASSERT_FALSE(s.ok());
  EXPECT_NE(s.status().message().find("/adversary/script/0/strategy"), std::string::npos)
      << s.status().message();
}

// The four stages, called one by one, give the report run_scenario gives.
TEST(Pipeline, StagesComposeToRunScenario) {
  auto s = bgw_product().build();
  ASSERT_TRUE(s.ok());
  auto plan = resolve(*s, RunOptions{});
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  EXPECT_EQ(plan->expected[0], std::vector<std::uint64_t>{2 * 3 * 4 * 5 * 6});
  auto ex = execute(*plan);
  ASSERT_TRUE(ex.ok());
  const Verdict v = judge_run(*plan, ex->run);
  EXPECT_TRUE(v.holds);
  EXPECT_EQ(v.outcome, Outcome::kCorrect);
  const RunRecord staged = record(*plan, std::move(ex).value(), v);
  auto whole = run_scenario(*s, RunOptions{});
  ASSERT_TRUE(whole.ok());
  EXPECT_EQ(report_without_wall_time(staged), report_without_wall_time(*whole));
}

// scenario_document is the file a built scenario corresponds to: loading it and running it
// gives the same report (apart from where the scenario came from).
TEST(Pipeline, BuiltScenarioAndItsDocumentRunIdentically) {
  auto built = bgw_product()
                   .adversary({1}, AdversaryModel::kMalicious,
                              Json::array({{{"strategy", "add"}, {"delta", 5}}}))
                   .seed(42)
                   .build();
  ASSERT_TRUE(built.ok());
  auto loaded = parse_scenario(built->document.dump(2), built->path);
  ASSERT_TRUE(loaded.ok()) << loaded.status().message();
  auto a = run_scenario(*built, RunOptions{});
  auto b = run_scenario(*loaded, RunOptions{});
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(report_without_wall_time(*a), report_without_wall_time(*b));
  EXPECT_EQ(a->seed, 42u);
}

// The claim scope is decided by the verdict, typed, and printed in the report; a malicious
// adversary against semi-honest BGW is outside its model, t + 1 passive parties outside its
// bound, a passive coalition of t within.
TEST(Pipeline, ClaimScopeIsTypedAndReported) {
  struct Case {
    AdversaryModel model;
    std::vector<PartyId> corrupt;
    Json script;
    ClaimScope scope;
  };
  const Json add = Json::array({{{"strategy", "add"}, {"delta", 1}}});
  for (const Case& c : {Case{AdversaryModel::kSemiHonest, {1, 3}, Json::array(), ClaimScope::kWithin},
                        Case{AdversaryModel::kSemiHonest, {1, 2, 3}, Json::array(),
                             ClaimScope::kOutsideBound},
                        Case{AdversaryModel::kMalicious, {1}, add, ClaimScope::kOutsideModel}}) {
    auto s = bgw_product().adversary(c.corrupt, c.model, c.script).build();
    ASSERT_TRUE(s.ok());
    auto rec = run_scenario(*s, RunOptions{});
    ASSERT_TRUE(rec.ok());
    EXPECT_EQ(rec->scope, c.scope) << claim_scope_name(c.scope);
    EXPECT_EQ(report_json(*rec)["claim_scope"], claim_scope_name(c.scope));
    // The explanation still says it in words for people.
    EXPECT_EQ(rec->explanation.rfind("outside the claim", 0) == 0, c.scope != ClaimScope::kWithin);
  }
}

}  // namespace
}  // namespace smpc
