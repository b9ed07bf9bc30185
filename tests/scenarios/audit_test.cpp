// The audit's sweep (scenarios/audit.h): which corrupted sets it attacks, how a run counts, and
// one end-to-end sweep over a scenario with input-less parties and a coalition beyond the bound.
#include <gtest/gtest.h>

#include <algorithm>
#include <set>

#include "scenarios/audit.h"

namespace smpc {
namespace {

using Sets = std::vector<std::vector<PartyId>>;

Sets parties_of(const std::vector<CorruptedSet>& sets, bool beyond) {
  Sets out;
  for (const auto& s : sets)
    if (s.beyond_bound == beyond) out.push_back(s.parties);
  return out;
}

AuditOptions mode(CoalitionMode m, int random = 2, std::uint64_t seed = 1) {
  AuditOptions o;
  o.coalitions = m;
  o.random_coalitions = random;
  o.coalition_seed = seed;
  return o;
}

TEST(AuditCoalitions, SingleIsEveryPartyAlone) {
  const auto sets = audit_corrupted_sets(5, 2, mode(CoalitionMode::kSingle), "x");
  EXPECT_EQ(parties_of(sets, false), (Sets{{0}, {1}, {2}, {3}, {4}}));
  EXPECT_TRUE(parties_of(sets, true).empty());
}

TEST(AuditCoalitions, RandomAddsSeededCoalitionsWithinTheBoundAndOneBeyond) {
  const auto sets = audit_corrupted_sets(5, 2, mode(CoalitionMode::kRandom), "bgw/product");
  ASSERT_EQ(sets.size(), 5u + 2u + 1u);
  const auto within = parties_of(sets, false);
  EXPECT_EQ(Sets(within.begin(), within.begin() + 5), (Sets{{0}, {1}, {2}, {3}, {4}}));
  EXPECT_EQ(within[5].size(), 2u);
  EXPECT_EQ(within[6].size(), 2u);
  EXPECT_NE(within[5], within[6]);
  ASSERT_EQ(parties_of(sets, true).size(), 1u);
  EXPECT_EQ(parties_of(sets, true)[0].size(), 3u);  // bound + 1, two honest parties left
  // Deterministic, and the seed and the names choose the coalitions.
  const auto again = audit_corrupted_sets(5, 2, mode(CoalitionMode::kRandom), "bgw/product");
  EXPECT_EQ(parties_of(again, false), within);
  std::set<Sets> draws;
  for (std::uint64_t seed = 1; seed <= 10; ++seed)
    draws.insert(parties_of(
        audit_corrupted_sets(5, 2, mode(CoalitionMode::kRandom, 2, seed), "bgw/product"), false));
  EXPECT_GT(draws.size(), 1u);
}

TEST(AuditCoalitions, RandomStaysWithinWhatExists) {
  // t = n - 1: every coalition of up to n - 1 parties is within the bound; none beyond leaves
  // an honest party.
  auto sets = audit_corrupted_sets(3, 2, mode(CoalitionMode::kRandom, 10), "spdz/product");
  EXPECT_EQ(parties_of(sets, false), (Sets{{0}, {1}, {2}, {0, 1}, {0, 2}, {1, 2}}));
  EXPECT_TRUE(parties_of(sets, true).empty());
  // t = 1: no coalition within the bound, one pair beyond it.
  sets = audit_corrupted_sets(4, 1, mode(CoalitionMode::kRandom), "bgw_robust/product");
  EXPECT_EQ(parties_of(sets, false), (Sets{{0}, {1}, {2}, {3}}));
  ASSERT_EQ(parties_of(sets, true).size(), 1u);
  EXPECT_EQ(parties_of(sets, true)[0].size(), 2u);
}

TEST(AuditCoalitions, AllIsEverySetUpToOneBeyondTheBound) {
  const auto sets = audit_corrupted_sets(5, 2, mode(CoalitionMode::kAll), "x");
  EXPECT_EQ(parties_of(sets, false).size(), 5u + 10u);
  EXPECT_EQ(parties_of(sets, true).size(), 10u);
  for (const auto& s : parties_of(sets, true)) EXPECT_EQ(s.size(), 3u);
}

TEST(AuditCount, ARunBeyondTheBoundJudgedWithinTheClaimIsAViolation) {
  RunRecord rec;
  rec.reproduce = "smpc run x.json --seed 1";
  rec.scope = ClaimScope::kOutsideBound;
  AuditCell beyond;
  beyond.beyond_bound = true;
  count_audit_run(rec, beyond);
  EXPECT_EQ(beyond.violations, 0);
  rec.scope = ClaimScope::kWithin;  // the verdict forgot the bound
  count_audit_run(rec, beyond);
  EXPECT_EQ(beyond.runs, 2);
  EXPECT_EQ(beyond.scope_errors, 1);
  EXPECT_EQ(beyond.violations, 1);
  EXPECT_EQ(beyond.reproduce, std::vector<std::string>{rec.reproduce});
  AuditCell within;
  count_audit_run(rec, within);
  EXPECT_EQ(within.violations, 0);
  rec.verdict_holds = false;
  count_audit_run(rec, within);
  EXPECT_EQ(within.violations, 1);
  EXPECT_EQ(within.scope_errors, 0);
}

TEST(AuditCoalitions, ModeNamesRoundTrip) {
  for (auto m : {CoalitionMode::kSingle, CoalitionMode::kRandom, CoalitionMode::kAll})
    EXPECT_EQ(parse_coalition_mode(coalition_mode_name(m)).value(), m);
  EXPECT_EQ(parse_coalition_mode("some").status().message(),
            "--coalitions: must be one of single, random, all, got \"some\"");
}

// bgw, n = 5, t = 2, inner product of parties 0 and 1: parties 2..4 give no input. Every party is
// attacked alone, and a coalition of 3 is outside the claim: the verdict must say so.
TEST(Audit, SweepsEveryPartyInputlessOnesAndACoalitionBeyondTheBound) {
  AuditOptions o = mode(CoalitionMode::kRandom, 1);
  o.protocol = "bgw";
  o.scenario = "helper";
  o.repro_dir = testing::TempDir() + "/audit-sweep-repro";
  const auto report = run_audit(o);
  ASSERT_TRUE(report.ok()) << report.status().message();
  EXPECT_EQ(report->violations, 0);
  std::set<std::vector<PartyId>> attacked;
  int beyond = 0;
  for (const auto& c : report->cells) {
    SCOPED_TRACE(c.strategy + " " + corrupted_set_text(c.corrupted));
    EXPECT_EQ(c.scenario, "helper");
    attacked.insert(c.corrupted);
    EXPECT_EQ(c.scope_errors, 0);
    if (c.beyond_bound) {
      beyond += c.runs;
      EXPECT_EQ(c.corrupted.size(), 3u);
      EXPECT_FALSE(c.within_claim);
    }
    // Input substitution is within a semi-honest claim up to the bound, and never beyond it;
    // a set of input-less parties has nothing to substitute.
    if (c.strategy == "input_substitution") {
      EXPECT_EQ(c.within_claim, !c.beyond_bound);
      EXPECT_TRUE(std::any_of(c.corrupted.begin(), c.corrupted.end(),
                              [](PartyId p) { return p < 2; }));
    }
  }
  for (PartyId p = 0; p < 5; ++p) EXPECT_TRUE(attacked.count({p})) << "party " << p;
  EXPECT_EQ(attacked.size(), 5u + 1u + 1u);
  EXPECT_GT(beyond, 0);
  EXPECT_EQ(report->beyond_bound_runs, beyond);
  EXPECT_EQ(report->script_errors, 0);  // every step found its label
  EXPECT_EQ(report->outside_timing_runs, 0);
  EXPECT_EQ(report->corrupted_sets, 7);
  EXPECT_NE(audit_coalition_table(*report).find("beyond the bound"), std::string::npos);
}

}  // namespace
}  // namespace smpc
