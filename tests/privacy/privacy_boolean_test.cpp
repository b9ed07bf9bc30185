// Privacy of Boolean and OT-based protocols (docs/privacy.md): the bit statistics of
// verify/gf2_stats.h on synthetic data with known answers, the input swap over Yao and GMW
// views (no alarm on the protocols; the seeded bugs M30, M31, M33 caught by the check designed
// for them), `--coalitions all`, commitment hiding and the independence of correlated
// randomness.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "protocols/core/mutants.h"
#include "protocols/core/rng.h"
#include "scenarios/privacy.h"
#include "scenarios/privacy_components.h"
#include "tests/privacy/privacy_examples.h"
#include "tests/support/cli.h"
#include "verify/gf2_stats.h"

namespace smpc {
namespace {

// n runs of `cols` uniform bits, plus the side bit (half the runs each).
BitSamples uniform_bits(std::size_t n, std::size_t cols, std::uint64_t seed) {
  Rng rng(seed, 0, "test/gf2");
  BitSamples s;
  s.runs = n;
  for (std::size_t c = 0; c < cols; ++c) {
    std::vector<bool> v(n);
    for (std::size_t r = 0; r < n; ++r) v[r] = rng.next_bit();
    s.add("v" + std::to_string(c), v);
  }
  return s;
}

std::vector<bool> column(const BitSamples& s, std::size_t c) {
  std::vector<bool> v(s.runs);
  for (std::size_t r = 0; r < s.runs; ++r) v[r] = (s.columns[c][r / 64] >> (r % 64)) & 1;
  return v;
}

TEST(Gf2Stats, IndependentBitsRaiseNoAlarmAndAPlantedRelationIsFound) {
  constexpr std::size_t kN = 200, kCols = 300;
  const BitSamples side = side_bit(kN / 2, kN / 2);
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    BitSamples v = uniform_bits(kN, kCols, seed);
    const auto rel = gf2_relation_test(v, side, swap_match_log2(kN / 2, kN / 2));
    EXPECT_FALSE(rel.alarm) << rel.detail;
    EXPECT_GT(rel.window, 100u) << rel.detail;
    EXPECT_LE(rel.false_alarm_log2, -30) << rel.detail;
    EXPECT_FALSE(bit_independence_test(v, side, 1e-3).alarm);
    // v7 := v3 ⊕ v40 ⊕ side: uniform, independent of the side on its own, so the per-bit test
    // stays silent while the relation test finds the three bits.
    auto planted = column(v, 3);
    const auto other = column(v, 40), s = column(side, 0);
    for (std::size_t r = 0; r < kN; ++r) planted[r] = planted[r] ^ other[r] ^ s[r];
    BitSamples w;
    w.runs = kN;
    for (std::size_t c = 0; c < kCols; ++c) w.add(v.names[c], c == 7 ? planted : column(v, c));
    const auto found = gf2_relation_test(w, side, swap_match_log2(kN / 2, kN / 2));
    ASSERT_TRUE(found.alarm) << found.detail;
    EXPECT_EQ(found.relation.size(), 4u) << found.detail;  // v3, v7, v40, the side
  }
}

TEST(Gf2Stats, TooFewRunsAreSaidNotTested) {
  const BitSamples v = uniform_bits(40, 1000, 1);
  const auto r = gf2_relation_test(v, side_bit(20, 20), swap_match_log2(20, 20));
  EXPECT_FALSE(r.alarm);
  EXPECT_EQ(r.window, 0u);
  EXPECT_EQ(r.covered, 0u);
  EXPECT_NE(r.detail.find("too few"), std::string::npos) << r.detail;
  EXPECT_EQ(r.unchecked, "GF(2) relations checked on 0 of 1000 varying view bits");
}

// 2048 bits in elements of 64 (bit planes): v[64·3] := v[64·10] ⊕ v[64·25] ⊕ side relates bit 0
// of three elements hundreds of columns apart, beyond any layout window but close in plane 0.
TEST(Gf2Stats, BitPlaneWindowsRelateTheSameBitOfDistantElements) {
  constexpr std::size_t kN = 200, kCols = 2048;
  const BitSamples side = side_bit(kN / 2, kN / 2);
  for (std::uint64_t seed = 1; seed <= 5; ++seed) {
    BitSamples v = uniform_bits(kN, kCols, seed);
    for (std::size_t c = 0; c < kCols; ++c)
      v.plane.push_back(static_cast<std::uint16_t>(c % 64));
    const auto clean = gf2_relation_test(v, side, swap_match_log2(kN / 2, kN / 2));
    EXPECT_FALSE(clean.alarm) << clean.detail;
    EXPECT_EQ(clean.orders, 2u);
    EXPECT_EQ(clean.covered, kCols);
    EXPECT_NE(clean.unchecked.find("all 2048 varying view bits, but only among bits at most"),
              std::string::npos) << clean.unchecked;
    auto planted = column(v, 64 * 10);
    const auto other = column(v, 64 * 25), s = column(side, 0);
    for (std::size_t r = 0; r < kN; ++r) planted[r] = planted[r] ^ other[r] ^ s[r];
    BitSamples w;
    w.runs = kN;
    for (std::size_t c = 0; c < kCols; ++c)
      w.add(v.names[c], c == 64 * 3 ? planted : column(v, c));
    w.plane = v.plane;
    const auto found = gf2_relation_test(w, side, swap_match_log2(kN / 2, kN / 2));
    ASSERT_TRUE(found.alarm) << found.detail;
    EXPECT_EQ(found.relation.size(), 4u) << found.detail;  // three bits and the side
    w.plane.clear();  // layout order alone: the two bits never share a window
    EXPECT_FALSE(gf2_relation_test(w, side, swap_match_log2(kN / 2, kN / 2)).alarm);
  }
}

TEST(Gf2Stats, FisherSeesABiasedBitAndUniformitySeesAConstantOne) {
  BitSamples v = uniform_bits(100, 50, 3);
  const BitSamples side = side_bit(50, 50);
  auto leaky = column(v, 9);
  for (std::size_t r = 50; r < 100; ++r) leaky[r] = true;  // P(1) 1/2 under x, 1 under x'
  BitSamples w;
  w.runs = 100;
  for (std::size_t c = 0; c < 50; ++c) w.add(v.names[c], c == 9 ? leaky : column(v, c));
  EXPECT_FALSE(bit_uniformity_test(v, 1e-3).alarm);
  w.add("stuck", std::vector<bool>(100, false));
  EXPECT_TRUE(bit_uniformity_test(w, 1e-3).alarm);
  EXPECT_FALSE(bit_independence_test(v, side, 1e-3).alarm);
  const auto r = bit_independence_test(w, side, 1e-3);
  EXPECT_TRUE(r.alarm) << r.detail;
  EXPECT_EQ(w.names[static_cast<std::size_t>(r.worst)], "v9") << r.detail;
}

using testing::find_check;
Scenario load(const std::string& name) { return testing::load_example(name); }
std::vector<nlohmann::json> swap_of(const std::string& name) { return testing::example_swap(name); }

PrivacyReport swap_test(const std::string& example, int runs, Mutant m = Mutant::kNone,
                        std::uint64_t first_seed = 1) {
  PrivacyOptions o;
  o.runs = runs;
  o.mutant = m;
  o.first_seed = first_seed;
  auto r = run_privacy_test(load(example + ".json"), swap_of(example + ".swap.json"), o);
  EXPECT_TRUE(r.ok()) << r.status().message();
  return *r;
}

// The documented budgets (docs/privacy.md).
constexpr int kYaoRuns = 40, kGmwRuns = 250;

// At the Yao budget the GF(2) test windows every varying bit of the 87 038 (layout and
// bit-plane order) and says which relations it leaves out; no check alarms on the protocol.
// Under the mutant, Fisher names the leaking bit (its detail contains `where`) and the GF(2)
// test finds the relation "bit = side".
void yao_swap_case(const std::string& example, Mutant m, std::vector<std::string> where) {
  const auto ok = swap_test(example, kYaoRuns);
  for (const auto& c : ok.checks) EXPECT_FALSE(c.alarm) << c.name << ": " << c.detail;
  const auto& clean = find_check(ok, kGf2RelationCheck);
  EXPECT_NE(clean.detail.find("in layout and bit-plane order"), std::string::npos) << clean.detail;
  EXPECT_NE(clean.unchecked.find("checked on all"), std::string::npos) << clean.unchecked;
  EXPECT_NE(ok.summary.find(clean.unchecked), std::string::npos) << ok.summary;
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto bad = swap_test(example, kYaoRuns, m);
  const auto& bit = find_check(bad, kBitIndependenceCheck);
  EXPECT_TRUE(bit.alarm) << bit.detail;
  for (const auto& w : where) EXPECT_NE(bit.detail.find(w), std::string::npos) << bit.detail;
  const auto& rel = find_check(bad, kGf2RelationCheck);
  EXPECT_TRUE(rel.alarm) << rel.detail;
}

// The colour (lsb of byte 0) of one of the garbler's active input labels.
TEST(PrivacyYao, EvaluatorViewIsIndistinguishableAndM30IsCaughtPerBitAndByGf2) {
  yao_swap_case("privacy_yao_millionaires", Mutant::kM30, {"yao.inputs round 1", ".0 bit 0 vs side"});
}

// The garbler sees the evaluator's IKNP extension message u; under M35 its column 0 is the
// evaluator's OT choice bits, i.e. its input bits (100 vs 50 differ in bits 1, 2, 4, 6).
TEST(PrivacyYao, GarblerViewIsIndistinguishableAndM35ChoiceBitsAreCaught) {
  yao_swap_case("privacy_yao_garbler", Mutant::kM35, {"yao.ot.extend round 2 [0].0 bit "});
}

// Random pairs drawn from the seed: equal outputs, corrupted input fixed, distinct.
TEST(PrivacyPairs, DrawnPairsKeepTheCoalitionInputAndTheOutputs) {
  const auto s = load("privacy_yao_garbler.json");
  auto pairs = draw_input_pairs(s, 20, 7);
  ASSERT_TRUE(pairs.ok()) << pairs.status().message();
  ASSERT_EQ(pairs->size(), 20u);
  for (const auto& [x, x2] : *pairs) {
    EXPECT_EQ(x[0], s.inputs[0]);
    EXPECT_EQ(x2[0], s.inputs[0]);
    EXPECT_NE(x, x2);
    const auto y = x[1][0].get<std::uint64_t>(), y2 = x2[1][0].get<std::uint64_t>();
    EXPECT_EQ(200 > y, 200 > y2) << y << " vs " << y2;
  }
  EXPECT_EQ(draw_input_pairs(s, 20, 7)->front(), pairs->front());  // deterministic
  EXPECT_NE(draw_input_pairs(s, 20, 8)->front(), pairs->front());
  const auto bgw = draw_input_pairs(load("privacy_bgw_product.json"), 2, 1);
  ASSERT_FALSE(bgw.ok());
  EXPECT_NE(bgw.status().message().find("/function/name"), std::string::npos);
}

// Three pairs of the vote (the swap file's and two drawn): no alarm, each pair at α/3; M31 is
// caught on the pairs whose ballots differ.
TEST(PrivacyPairs, SeveralVotePairsAtTheirBonferroniShare) {
  PrivacyOptions o;
  o.runs = kGmwRuns;
  o.pairs = 3;
  const auto s = load("privacy_gmw_vote.json");
  const auto swapped = swap_of("privacy_gmw_vote.swap.json");
  auto ok = run_privacy_test(s, swapped, o);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  for (const auto& c : ok->checks) EXPECT_FALSE(c.alarm) << c.name << ": " << c.detail;
  EXPECT_NE(ok->summary.find("over 3 input pairs"), std::string::npos) << ok->summary;
  EXPECT_NE(find_check(*ok, kGf2RelationCheck).detail.find("pair "), std::string::npos);
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  o.mutant = Mutant::kM31;
  auto bad = run_privacy_test(s, swapped, o);
  ASSERT_TRUE(bad.ok()) << bad.status().message();
  const auto& rel = find_check(*bad, kGf2RelationCheck);
  EXPECT_TRUE(rel.alarm) << rel.detail;
}

TEST(PrivacyGmw, DealerVoteIsIndistinguishableAndM31M33AreCaughtByGf2Relations) {
  const auto ok = swap_test("privacy_gmw_vote", kGmwRuns);
  for (const auto& c : ok.checks) EXPECT_FALSE(c.alarm) << c.name << ": " << c.detail;
  // One window over the whole view: every relation among its bits is in reach.
  EXPECT_NE(find_check(ok, kGf2RelationCheck).detail.find("1 windows"), std::string::npos);
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  for (Mutant m : {Mutant::kM31, Mutant::kM33}) {
    SCOPED_TRACE(mutant_name(m));
    const auto bad = swap_test("privacy_gmw_vote", kGmwRuns, m);
    const auto& rel = find_check(bad, kGf2RelationCheck);
    EXPECT_TRUE(rel.alarm) << rel.detail;
    // Every single view bit stays uniform: only the relation sees the leak.
    EXPECT_FALSE(find_check(bad, kBitIndependenceCheck).alarm);
    EXPECT_FALSE(find_check(bad, "chi-square (two-sample, per element)").alarm);
  }
}

TEST(PrivacyGmw, OtTriplesTwoPartyMillionairesIsIndistinguishable) {
  auto s = load("privacy_yao_millionaires.json");
  s.protocol = "gmw";
  s.protocol_params = {{"name", "gmw"}};
  PrivacyOptions o;
  o.runs = 12;  // base OTs in every run: a smoke test of the OT-triple views, per-bit only
  auto r = run_privacy_test(s, swap_of("privacy_yao_millionaires.swap.json"), o);
  ASSERT_TRUE(r.ok()) << r.status().message();
  for (const auto& c : r->checks) EXPECT_FALSE(c.alarm) << c.name << ": " << c.detail;
}

TEST(PrivacySweep, EverySinglePartyIsTestedOrSkippedWithTheReason) {
  PrivacyOptions o;
  o.runs = 40;
  const auto swapped = swap_of("privacy_bgw_product.swap.json");
  auto sw = run_privacy_sweep(load("privacy_bgw_product.json"), &swapped, o);
  ASSERT_TRUE(sw.ok()) << sw.status().message();
  ASSERT_EQ(sw->coalitions.size(), 3u);
  EXPECT_FALSE(sw->coalitions[0].tested);
  EXPECT_NE(sw->coalitions[0].skipped.find("input differs"), std::string::npos);
  EXPECT_FALSE(sw->coalitions[1].tested);
  EXPECT_TRUE(sw->coalitions[2].tested);
  EXPECT_EQ(sw->tested, 1);
  EXPECT_FALSE(sw->distinguishable) << sw->summary;
  // Uniformity needs no swap: every party is tested, the input-less one and party 0 included.
  auto un = run_privacy_sweep(load("privacy_bgw_product.json"), nullptr, o);
  ASSERT_TRUE(un.ok()) << un.status().message();
  EXPECT_EQ(un->tested, 3);
  EXPECT_FALSE(un->distinguishable) << un->summary;
}

TEST(PrivacySweep, CliReportsEachCoalitionAndTheLeakOnlyTowardTheEvaluator) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto r = testing::run_cli(
      "verify privacy " + testing::example("privacy_yao_millionaires.json") + " --swap " +
      testing::example("privacy_swaps/privacy_yao_millionaires.swap.json") +
      " --runs 16 --coalitions all --mutant M30 --json");  // 16: smallest N that catches M30
  EXPECT_EQ(r.exit_code, 1) << r.err << r.out;
  const auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["coalitions"].size(), 2u);
  EXPECT_EQ(j["coalitions"][0]["tested"], false);  // the garbler's own input is swapped
  EXPECT_EQ(j["coalitions"][1]["report"]["distinguishable"], true);
  EXPECT_EQ(testing::run_cli("verify privacy " + testing::example("privacy_yao_millionaires.json") +
                             " --coalitions some --uniformity")
                .exit_code,
            2);
}

TEST(CommitmentHiding, RealCommitmentsHideAndEightBitRandomnessDoesNot) {
  const auto ok = commitment_hiding_test(32, 1, 1e-3);
  ASSERT_TRUE(ok.ok()) << ok.status().message();
  EXPECT_FALSE(ok->alarm) << ok->summary;
  EXPECT_NE(ok->checks[0].detail.find("0 opened"), std::string::npos) << ok->checks[0].detail;
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const ScopedMutant m32(Mutant::kM32);
  const auto bad = commitment_hiding_test(32, 1, 1e-3);
  ASSERT_TRUE(bad.ok());
  EXPECT_TRUE(bad->checks[0].alarm) << bad->checks[0].detail;
  EXPECT_EQ(bad->checks[0].statistic, 1.0) << bad->checks[0].detail;  // advantage 1
}

// The correlation test under o raises the named check.
void expect_correlation_alarm(const CorrelationOptions& o, const std::string& check) {
  auto rep = correlation_test(o);
  ASSERT_TRUE(rep.ok()) << rep.status().message();
  bool found = false;
  for (const auto& k : rep->checks)
    if (k.name == check) found = k.alarm;
  EXPECT_TRUE(found) << rep->summary;
}

TEST(CorrelatedRandomness, DealersAreIndependentForEveryPartyAndTheSeededBugsAreNot) {
  for (auto src : {CorrelationSource::kGmwDealerTriples, CorrelationSource::kSpdzDealer}) {
    CorrelationOptions o;
    o.source = src;
    o.runs = src == CorrelationSource::kSpdzDealer ? 60 : 200;
    auto all = correlation_sweep(o);
    ASSERT_TRUE(all.ok()) << all.status().message();
    for (const auto& rep : *all) {
      EXPECT_FALSE(rep.alarm) << rep.summary;
      for (const auto& c : rep.checks) EXPECT_FALSE(c.alarm) << c.name << ": " << c.detail;
    }
  }
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const struct {
    Mutant m;
    CorrelationSource src;
    int runs;
    PartyId party;
    const char* check;
  } cases[] = {
      {Mutant::kM31, CorrelationSource::kGmwDealerTriples, 200, 2,
       "uniformity of the coalition's bits"},
      {Mutant::kM33, CorrelationSource::kGmwDealerTriples, 200, 2, kGf2RelationCheck},
      {Mutant::kM34, CorrelationSource::kSpdzDealer, 60, 1, "affine relations over F_p"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(mutant_name(c.m));
    const ScopedMutant active(c.m);
    CorrelationOptions o;
    o.source = c.src;
    o.runs = c.runs;
    o.coalition = {c.party};
    expect_correlation_alarm(o, c.check);
  }
}

// At the full budget (200 samples, 25 per OT run: 8 runs of base OTs and IKNP), every single
// party of n = 3; then planted M31- and M33-like bugs on the OT triples' output.
TEST(CorrelatedRandomness, OtTriplesAreIndependentOfTheHonestPartForEveryParty) {
  CorrelationOptions o;
  o.source = CorrelationSource::kGmwOtTriples;
  auto all = correlation_sweep(o);
  ASSERT_TRUE(all.ok()) << all.status().message();
  for (const auto& rep : *all)
    for (const auto& c : rep.checks)
      EXPECT_FALSE(c.alarm) << rep.name << ": " << c.name << ": " << c.detail;
}

TEST(CorrelatedRandomness, PlantedOtTripleLeaksAreCaught) {
  // M31-like: every a share 0 (so d = x in the clear). M33-like: every party's a and b shares
  // are party 0's, c_0 fixed up so the triples stay valid (a = a_0 for n = 3).
  const auto zero_a = [](std::vector<BitTriples>& t) {
    for (auto& p : t) std::fill(p.a.begin(), p.a.end(), 0);
  };
  const auto reuse = [](std::vector<BitTriples>& t) {
    for (std::size_t k = 0; k < t[0].a.size(); ++k) {
      int a = 0, b = 0, c = 0;
      for (std::size_t p = 1; p < t.size(); ++p) {
        t[p].a[k] = t[0].a[k];
        t[p].b[k] = t[0].b[k];
      }
      for (const auto& p : t) {
        a ^= p.a[k];
        b ^= p.b[k];
        c ^= p.c[k];
      }
      t[0].c[k] = static_cast<std::uint8_t>(t[0].c[k] ^ c ^ (a & b));
    }
  };
  const struct {
    const char* name;
    std::function<void(std::vector<BitTriples>&)> plant;
    const char* check;
  } cases[] = {{"a = 0", zero_a, "uniformity of the coalition's bits"},
               {"shares reused", reuse, kGf2RelationCheck}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    CorrelationOptions o;
    o.source = CorrelationSource::kGmwOtTriples;
    o.plant = c.plant;
    expect_correlation_alarm(o, c.check);
  }
}

}  // namespace
}  // namespace smpc
