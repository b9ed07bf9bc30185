// rep3 (and rep3_malicious) through the scenario pipeline: the extractor returns the true inputs of every single
// corrupted party in honest runs (and the verdict is "correct"), the shifted input when a
// corrupted owner shifts an unduplicated component, no input when it deals the duplicated
// component inconsistently; a tampered (malicious) run stays outside the semi-honest claim.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "protocols/rep3/labels.h"
#include <filesystem>

#include "protocols/core/circuit_encoding.h"
#include "scenarios/pipeline.h"
#include "scenarios/scenario.h"
#include "scenarios/runner.h"
#include "scenarios/scenario_builder.h"

namespace smpc {
namespace {

using Json = nlohmann::json;

struct Ran {
  RunPlan plan;
  RunResult run;
};

ScenarioBuilder vote() {
  ScenarioBuilder b("rep3 vote");
  b.protocol("rep3", Json::object()).parties(3).function({{"name", "vote"}, {"bits", 4}});
  b.inputs({Json{1}, Json{0}, Json{1}}).deadline(600);
  return b;
}

Ran run_built(const ScenarioBuilder& b, std::uint64_t seed) {
  auto s = b.build();
  EXPECT_TRUE(s.ok()) << s.status().message();
  RunOptions o;
  o.seed = seed;
  auto plan = resolve(*s, o);
  EXPECT_TRUE(plan.ok()) << plan.status().message();
  auto ex = execute(*plan);
  EXPECT_TRUE(ex.ok()) << ex.status().message();
  return {std::move(plan).value(), std::move(ex).value().run};
}

std::vector<ExtractedInput> extract(const Ran& r) {
  const ExtractionQuery q{&r.plan.function.circuit, &r.run, r.plan.corrupted(),
                          r.plan.corrupted()};
  auto got = r.plan.spec->extract(q);
  EXPECT_TRUE(got.ok()) << got.status().message();
  return got.ok() ? std::move(got).value() : std::vector<ExtractedInput>{};
}

TEST(Rep3Extraction, HonestRunsGiveTheTrueInputsAndACorrectVerdict) {
  for (PartyId p = 0; p < 3; ++p) {
    ScenarioBuilder b = vote();
    b.adversary({p}, AdversaryModel::kSemiHonest);
    const Ran r = run_built(b, 7 + static_cast<std::uint64_t>(p));
    const auto got = extract(r);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_TRUE(got[0].values.has_value()) << got[0].note;
    EXPECT_EQ(*got[0].values, r.plan.inputs[static_cast<std::size_t>(p)].values);
    auto s = b.build();
    ASSERT_TRUE(s.ok());
    const auto rec = run_scenario(*s, {});
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
    EXPECT_EQ(rec->outcome, Outcome::kCorrect) << rec->explanation;
  }
}

// Party 1's ballot is 4 bits: elements 0..3 of each rep3.input message are the recipient's first
// components, 4..7 its second. To next (party 2) go (s_2, s_0): flipping element 0 shifts s_2,
// which only party 2 holds besides party 1 itself; flipping element 4 (s_0) makes party 2's
// copy of s_0 differ from party 0's.
ScenarioBuilder flipped(int element) {
  ScenarioBuilder b = vote();
  b.adversary({1}, AdversaryModel::kMalicious,
              Json::array({{{"strategy", "bit_flip"},
                            {"label", std::string(labels::rep3::kInput)},
                            {"to", {2}},
                            {"element", element},
                            {"bit", 0}}}));
  return b;
}

TEST(Rep3Extraction, TamperedSharingsAreTheShiftedInputOrNone) {
  Ran r = run_built(flipped(0), 3);
  auto got = extract(r);
  ASSERT_EQ(got.size(), 1u);
  ASSERT_TRUE(got[0].values.has_value()) << got[0].note;
  auto want = r.plan.inputs[1].values;
  want[0] ^= 1;
  EXPECT_EQ(*got[0].values, want);

  r = run_built(flipped(4), 3);
  got = extract(r);
  ASSERT_EQ(got.size(), 1u);
  EXPECT_FALSE(got[0].values.has_value());
  EXPECT_NE(got[0].note.find("inconsistent replicated sharing"), std::string::npos) << got[0].note;

  // A malicious deviation is outside rep3's semi-honest claim, whatever the outputs.
  auto s = flipped(4).build();
  ASSERT_TRUE(s.ok());
  const auto rec = run_scenario(*s, {});
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->scope, ClaimScope::kOutsideModel) << rec->explanation;
}

// scenarios/examples/rep3_aes128.json and rep3_malicious_aes128.json: FIPS-197 C.1, 62 and 66
// rounds (depth + 2, depth + 6), verdict correct.
void run_aes_example(const std::string& file, std::uint32_t rounds_wanted) {
  if (!std::filesystem::exists(std::string(SMPC_SHARED_DIR) + "/circuits/bristol/aes_128.txt"))
    GTEST_SKIP() << "shared Bristol circuits not found at " SMPC_SHARED_DIR;
  auto s = load_scenario_file(std::string(SMPC_SOURCE_DIR) + "/scenarios/examples/" + file);
  ASSERT_TRUE(s.ok()) << s.status().message();
  const auto rec = run_scenario(*s, {});
  ASSERT_TRUE(rec.ok()) << rec.status().message();
  EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
  EXPECT_EQ(rec->outcome, Outcome::kCorrect) << rec->explanation;
  const auto want = encode_value("69c4e0d86a7b0430d8cdb78070b4c55a", 128,
                                 ValueEncoding::kBytesReversedLsb0);
  ASSERT_TRUE(want.ok());
  std::uint32_t rounds = 0;
  for (const auto& p : rec->run.parties) {
    EXPECT_EQ(p.outputs, *want) << "party " << p.party;
    rounds = std::max(rounds, p.meter.max_round);
  }
  EXPECT_EQ(rounds, rounds_wanted);
}

TEST(Rep3Example, Aes128GivesTheFipsCiphertextInDepthPlusTwoRounds) {
  run_aes_example("rep3_aes128.json", 62);
}

TEST(Rep3MaliciousExample, Aes128GivesTheFipsCiphertextInDepthPlusSixRounds) {
  run_aes_example("rep3_malicious_aes128.json", 66);
}

// rep3_malicious in the pipeline: extraction as rep3's (the same input step), a correct
// verdict for each single passive party.
TEST(Rep3MaliciousExtraction, HonestRunsGiveTheTrueInputs) {
  for (PartyId p = 0; p < 3; ++p) {
    ScenarioBuilder b = vote();
    b.protocol("rep3_malicious", Json::object());
    b.adversary({p}, AdversaryModel::kMalicious, Json::array());
    const Ran r = run_built(b, 17 + static_cast<std::uint64_t>(p));
    const auto got = extract(r);
    ASSERT_EQ(got.size(), 1u);
    ASSERT_TRUE(got[0].values.has_value()) << got[0].note;
    EXPECT_EQ(*got[0].values, r.plan.inputs[static_cast<std::size_t>(p)].values);
    auto s = b.build();
    ASSERT_TRUE(s.ok());
    const auto rec = run_scenario(*s, {});
    ASSERT_TRUE(rec.ok()) << rec.status().message();
    EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
    EXPECT_EQ(rec->scope, ClaimScope::kWithin) << rec->explanation;
    EXPECT_EQ(rec->outcome, Outcome::kCorrect) << rec->explanation;
  }
}

}  // namespace
}  // namespace smpc
