// Tamper-everything (cf. Tink's testModification): every element of every message kind a
// corrupted party sends is modified in turn. Honest parties must never crash or hang past the
// deadline; for semi-honest protocols the attacks succeed (wrong output / disagreement / abort)
// and the report marks them outside the claim, so the verdict stays ok. Malicious-secure
// protocols add themselves to the within-claim list as they land.
#include <gtest/gtest.h>

#include <algorithm>

#include "protocols/registry.h"
#include "scenarios/catalog.h"
#include "scenarios/scenario_builder.h"
#include "scenarios/runner.h"

namespace smpc {
namespace {

struct Target {
  std::string protocol;
  bool within_claim;  // malicious-secure protocols: must be correct or abort per claim
  std::size_t max_elements = 1000;  // per label, to bound the run time of slow protocols
};

void tamper_everything(const Target& target) {
  const ProtocolSpec* e = find_protocol(target.protocol);
  ASSERT_NE(e, nullptr);
  auto base = audit_scenario(*e);
  ASSERT_TRUE(base.ok()) << base.status().message();
  auto honest = run_scenario(*base, {});
  ASSERT_TRUE(honest.ok());
  const auto& meter = honest->run.parties[1].meter;
  int attacks = 0, succeeded = 0;
  for (const auto& [label, stats] : meter.by_label) {
    // The largest message of this label bounds the element indices worth trying; messages of
    // one label share a shape in these protocols, so bytes/messages gives the size.
    const std::uint64_t bytes = stats.traffic.bytes / stats.traffic.messages;
    // Single-part field61 messages; for other shapes the extra indices are no-ops.
    const std::size_t elements = std::min(target.max_elements, (bytes - 6) / 8);
    for (std::size_t k = 0; k < elements; ++k) {
      for (const char* strategy : {"add", "bit_flip", "randomize"}) {
        // Each strategy with its own parameters only (others are refused).
        nlohmann::json step = {{"strategy", strategy}, {"label", label}, {"element", k}};
        if (step["strategy"] == "add") step["delta"] = 1;
        if (step["strategy"] == "bit_flip") step["bit"] = 3;
        const nlohmann::json script = {step};
        auto s = ScenarioBuilder(*base)
                     .path("<tamper>")
                     .adversary({1}, AdversaryModel::kMalicious, script)
                     .build();
        ASSERT_TRUE(s.ok()) << s.status().message();
        auto rec = run_scenario(*s, {});
        ASSERT_TRUE(rec.ok()) << rec.status().message();
        ++attacks;
        SCOPED_TRACE(target.protocol + " " + label + " element " + std::to_string(k) + " " + strategy);
        EXPECT_TRUE(rec->verdict_holds) << rec->explanation;
        // Every element tried exists: the step changed something (the counts say so).
        EXPECT_TRUE(rec->script_warnings.empty()) << rec->script_warnings.front();
        for (const auto& p : rec->run.parties)
          EXPECT_LE(p.finish_time_s, s->deadline_s + 1e-9);  // nobody hangs past the deadline
        if (target.within_claim) {
          EXPECT_NE(rec->outcome, Outcome::kWrongOutput);
        } else {
          EXPECT_NE(rec->scope, ClaimScope::kWithin);
          succeeded += rec->outcome != Outcome::kCorrect;
        }
      }
    }
  }
  EXPECT_GT(attacks, 0);
  if (!target.within_claim) {
    EXPECT_EQ(succeeded, attacks);
  }
}

TEST(TamperEverything, SecureSum) { tamper_everything({"secure_sum", false}); }
TEST(TamperEverything, Bgw) { tamper_everything({"bgw", false}); }
// Malicious-secure: no honest party may ever output a wrong value, crash or hang.
TEST(TamperEverything, Spdz) { tamper_everything({"spdz", true}); }
TEST(TamperEverything, BgwRobust) { tamper_everything({"bgw_robust", true, 3}); }
TEST(TamperEverything, Rep3Malicious) { tamper_everything({"rep3_malicious", true, 200}); }

}  // namespace
}  // namespace smpc
