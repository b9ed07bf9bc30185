// The coverage alarm: every strategy in the list (the test-only "zero" included) is emitted by
// the property generator within a fixed number of cases, and every generated adversary parses.
// A strategy the generator cannot reach makes the alarm fire.
#include <gtest/gtest.h>

#include "adversary/strategies.h"
#include "tests/property/adversary_gen.h"

namespace smpc {
namespace {

constexpr int kCases = 400;  // about the property suites' budget over all protocols

std::vector<std::string> list_names() {
  std::vector<std::string> names;
  for (const auto& s : strategies()) names.push_back(s.name);
  return names;
}

// Runs the generator kCases times (fixed seeds) on a 4-party scenario where parties 0 and 1
// give inputs, checking that each adversary parses.
std::map<std::string, int> emitted_over_fixed_cases() {
  property::emitted_strategies().clear();
  const std::vector<std::vector<std::uint64_t>> wire_inputs = {{1, 2}, {3}, {}, {}};
  const property::AttackedScenario scenario{4, &wire_inputs, false};
  const std::vector<std::string> labels = {"test.one", "test.two"};
  for (int seed = 1; seed <= kCases; ++seed) {
    const auto gen = rc::gen::exec([&] { return property::gen_adversary(scenario, labels); });
    const nlohmann::json adv = gen(rc::Random(static_cast<std::uint64_t>(seed)), 50).value();
    const auto parsed = parse_adversary(adv, 4);
    EXPECT_TRUE(parsed.ok()) << adv.dump() << ": " << parsed.status().message();
  }
  return property::emitted_strategies();
}

TEST(StrategyCoverage, TheGeneratorEmitsEveryStrategyOfTheList) {
  const auto emitted = emitted_over_fixed_cases();
  EXPECT_EQ(property::uncovered(list_names(), emitted), std::vector<std::string>{})
      << "a strategy gets no property-suite runs: give it a property_weight > 0";
  EXPECT_GT(emitted.at("zero"), 0);  // the test-only toy is generated like the built-ins
}

TEST(StrategyCoverage, TheAlarmFiresOnAStrategyTheGeneratorCannotReach) {
  // A test-only list with one entry the generator has never heard of.
  auto planted = list_names();
  planted.push_back("teleport");
  EXPECT_EQ(property::uncovered(planted, emitted_over_fixed_cases()),
            std::vector<std::string>{"teleport"});
}

TEST(StrategyCoverage, GeneratedParametersStayWithinTheirDeclaredRanges) {
  for (const auto& p : step_params()) {
    const auto [lo, hi] = p.property_range;
    SCOPED_TRACE(p.spec.name);
    EXPECT_LE(lo, hi);
    EXPECT_GE(lo, p.spec.minimum.value_or(lo));
    EXPECT_GT(lo, p.spec.exclusive_minimum.value_or(lo - 1));
    EXPECT_LE(hi, p.spec.maximum.value_or(hi));
  }
}

}  // namespace
}  // namespace smpc
