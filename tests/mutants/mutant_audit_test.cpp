// `smpc audit --mutants` end to end: each seeded bug of protocols/core/mutants.h is caught by
// the check designed for it (within that check's budget), and the unmutated code raises no
// alarm on any check. One test per mutant so ctest spreads them over the cores.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "scenarios/mutant_audit.h"
#include "tests/support/cli.h"

namespace smpc {
namespace {

// The check that must catch each mutant (others may catch it too: listed in the docs).
const std::map<Mutant, std::string> kCaughtBy = {
    {Mutant::kM01, "spdz-output-tamper"},     {Mutant::kM02, "commitment-binding"},
    {Mutant::kM04, "uniformity-bgw-product"}, {Mutant::kM05, "shamir-enumeration"},
    {Mutant::kM08, "broadcast-agreement"},    {Mutant::kM10, "yao-table-tamper"},
    {Mutant::kM13, "privacy-spdz-inner-product"}, {Mutant::kM14, "bgw-robust-output-tamper"},
    {Mutant::kM15, "privacy-bgw-product"},    {Mutant::kM17, "vote-ballot-stuffing"},
    {Mutant::kM18, "passive-sum-dealer"},     {Mutant::kM19, "spdz-product-forcing"},
    {Mutant::kM30, "privacy-yao-evaluator"},  {Mutant::kM31, "privacy-gmw-vote"},
    {Mutant::kM32, "commitment-hiding"},      {Mutant::kM33, "correlation-gmw-triples"},
    {Mutant::kM34, "correlation-spdz-dealer"}, {Mutant::kM35, "privacy-yao-garbler"},
    {Mutant::kM40, "bgw-robust-output-tamper"},
    {Mutant::kM41, "graph-route-exactness"},  {Mutant::kM42, "bgw-robust-crash-faults"},
    {Mutant::kM45, "program-memory-limit"},   {Mutant::kM46, "abort-dependence-yao"},
    {Mutant::kM49, "frost-bad-share"},        {Mutant::kM50, "frost-nonce-freshness"},
    {Mutant::kM51, "frost-dkg-inconsistent-dealer"},
    {Mutant::kM53, "privacy-rep3-vote"},
    {Mutant::kM52, "rep3m-product-tamper"}, {Mutant::kM58, "rep3m-output-tamper"},
    {Mutant::kM47, "psi-count-order"},        {Mutant::kM48, "psi-duplicate-point"},
    {Mutant::kM54, "jitter-distribution"},    {Mutant::kM55, "bgw-robust-lossy-timing"},
    {Mutant::kM56, "compute-exactness"},      {Mutant::kM57, "compute-exactness"},
    {Mutant::kM59, "per-link-jitter"},        {Mutant::kM60, "trace-exactness"},
    {Mutant::kM43, "secagg-late-input"},      {Mutant::kM44, "secagg-survivor-set"},
    {Mutant::kM61, "bgw-roles-sum"},          {Mutant::kM62, "bgw-roles-sum"},
    {Mutant::kM63, "spdz-dealer-grind"},       {Mutant::kM64, "privacy-attacked-yao"},
    {Mutant::kM65, "frost-signature-verdict"}, {Mutant::kM66, "frost-signature-verdict"},
    {Mutant::kM69, "frost-accountable-abort"}, {Mutant::kM70, "frost-broadcast-forgery"},
    {Mutant::kM71, "gmw-roles-auction"},       {Mutant::kM72, "gmw-roles-auction"},
    {Mutant::kM73, "bgw-roles-auction"},
    {Mutant::kM75, "bgw-robust-slow-timing"},
    {Mutant::kM67, "mascot-kos-check"},        {Mutant::kM68, "mascot-sacrifice"},
    {Mutant::kM76, "vote-range-check"},        {Mutant::kM77, "vote-share-check"},
    {Mutant::kM80, "spdz-fx-trunc-masks"},     {Mutant::kM81, "spdz-fx-trunc-mac"},
    {Mutant::kM74, "dp-noise-replay"},         {Mutant::kM78, "dp-empirical-epsilon"},
    {Mutant::kM79, "dp-coin-bit-check"},
    {Mutant::kM82, "vote-tally-verdict"},      {Mutant::kM83, "vote-trusted-board"},
    {Mutant::kM84, "edge-jitter-sum"},         {Mutant::kM85, "bgw-robust-trace-timing"},
    {Mutant::kM86, "compute-message-counts"},  {Mutant::kM87, "compute-measured-own"},
    {Mutant::kM88, "vote-bit-proof-batch"},
    {Mutant::kM90, "vote-bit-proof-binding"},  {Mutant::kM91, "vote-bit-proof-counted"},
    {Mutant::kM92, "bgw-auction-rejected-mask"}, {Mutant::kM93, "bgw-auction-rejected-mask"},
    {Mutant::kM89, "bgw-robust-roles-output"},  {Mutant::kM94, "bgw-robust-roles-equivocation"},
    {Mutant::kM95, "spdz-roles-dealer"},      {Mutant::kM96, "spdz-roles-output"},
    {Mutant::kM97, "rep3m-client-inconsistent"}, {Mutant::kM98, "rep3m-client-output-tamper"},
    {Mutant::kM99, "mascot-group-output-tamper"},
    {Mutant::kM101, "dp-leakage-noise"},
    {Mutant::kM102, "mascot-extraction-transcript"},
    {Mutant::kM104, "mascot-y-echo"},
    {Mutant::kM103, "compute-gate-counts"},
    {Mutant::kM105, "bgw-fx-random-bits"},
    {Mutant::kM106, "spdz-fx-trunc-masks"},
    {Mutant::kM107, "secagg-late-before-drop"},
    {Mutant::kM108, "dp-unclipped-record"},
    {Mutant::kM110, "fx-range-every-rounding"},
    {Mutant::kM111, "dp-dealer-noise-replay"},
    {Mutant::kM112, "privacy-spdz-fx-inference"},
};

TEST(MutantAudit, CatalogueAndExpectationsCoverEachOther) {
  std::set<Mutant> catalogue;
  for (const auto& m : mutant_catalog()) catalogue.insert(m.id);
  std::set<Mutant> expected;
  for (const auto& [m, check] : kCaughtBy) {
    expected.insert(m);
    bool known = false;
    for (const auto& c : mutant_check_catalog()) known = known || c.name == check;
    EXPECT_TRUE(known) << check;
  }
  EXPECT_EQ(catalogue, expected);
}

TEST(MutantAudit, UnmutatedCodeRaisesNoAlarm) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  MutantAuditOptions o;
  o.mutants = {Mutant::kNone};
  o.baseline = false;
  o.repro_dir = (testing::temp_dir("mutants-none") / "repro").string();
  const auto report = run_mutant_audit(o);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->rows.size(), 1u);
  EXPECT_EQ(report->false_alarms, 0);
  for (const auto& r : report->rows[0].results) {
    EXPECT_FALSE(r.alarm) << r.check << ": " << r.evidence;
    EXPECT_GT(r.runs, 0) << r.check;
  }
}

class EachMutant : public ::testing::TestWithParam<Mutant> {};

TEST_P(EachMutant, IsCaughtByItsCheckWithinBudget) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const Mutant m = GetParam();
  MutantAuditOptions o;
  o.mutants = {m};
  o.baseline = false;
  o.checks = {kCaughtBy.at(m)};
  o.repro_dir = (testing::temp_dir("mutants-" + mutant_name(m)) / "repro").string();
  const auto report = run_mutant_audit(o);
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_EQ(report->rows.size(), 1u);
  const auto& row = report->rows[0];
  ASSERT_EQ(row.results.size(), 1u);
  const auto& r = row.results[0];
  EXPECT_TRUE(r.alarm) << mutant_name(m) << " not caught by " << r.check << ": " << r.evidence;
  EXPECT_EQ(report->undetected, 0);
  EXPECT_FALSE(r.evidence.empty());
}

INSTANTIATE_TEST_SUITE_P(Catalogue, EachMutant,
                         ::testing::Values(Mutant::kM01, Mutant::kM02, Mutant::kM04, Mutant::kM05,
                                           Mutant::kM08, Mutant::kM10, Mutant::kM13, Mutant::kM14,
                                           Mutant::kM15, Mutant::kM17, Mutant::kM18,
                                           Mutant::kM19, Mutant::kM30, Mutant::kM31,
                                           Mutant::kM32, Mutant::kM33, Mutant::kM34,
                                           Mutant::kM35, Mutant::kM40, Mutant::kM41,
                                           Mutant::kM42, Mutant::kM43, Mutant::kM44,
                                           Mutant::kM45,
                                           Mutant::kM46, Mutant::kM47, Mutant::kM48,
                                           Mutant::kM49, Mutant::kM50, Mutant::kM51,
                                           Mutant::kM52, Mutant::kM53, Mutant::kM54,
                                           Mutant::kM55, Mutant::kM56, Mutant::kM57,
                                           Mutant::kM58, Mutant::kM59, Mutant::kM60,
                                           Mutant::kM61, Mutant::kM62,
                                           Mutant::kM63, Mutant::kM64, Mutant::kM65,
                                           Mutant::kM66, Mutant::kM69, Mutant::kM70,
                                           Mutant::kM71, Mutant::kM72,
                                           Mutant::kM73, Mutant::kM75,
                                           Mutant::kM67, Mutant::kM68,
                                           Mutant::kM76, Mutant::kM77,
                                           Mutant::kM80, Mutant::kM81,
                                           Mutant::kM74, Mutant::kM78, Mutant::kM79,
                                           Mutant::kM82, Mutant::kM83,
                                           Mutant::kM84, Mutant::kM85,
                                           Mutant::kM86, Mutant::kM87, Mutant::kM88,
                                           Mutant::kM90, Mutant::kM91, Mutant::kM92,
                                           Mutant::kM93, Mutant::kM89, Mutant::kM94, Mutant::kM95,
                                           Mutant::kM96, Mutant::kM97,
                                           Mutant::kM98, Mutant::kM99, Mutant::kM101,
                                           Mutant::kM102, Mutant::kM103, Mutant::kM104,
                                           Mutant::kM105, Mutant::kM106, Mutant::kM107,
                                           Mutant::kM108, Mutant::kM110, Mutant::kM111,
                                           Mutant::kM112),
                         [](const ::testing::TestParamInfo<Mutant>& p) {
                           return mutant_name(p.param);
                         });

TEST(MutantAuditCli, OneMutantOneCheckAndBadNames) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto dir = testing::temp_dir("mutants-cli");
  const auto ok = testing::run_cli("audit --mutants --mutant M17 --check vote-ballot-stuffing -q "
                                   "--repro-dir " + (dir / "repro").string());
  EXPECT_EQ(ok.exit_code, 0) << ok.out << ok.err;
  EXPECT_NE(ok.out.find("| M17 |"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("vote-ballot-stuffing (1)"), std::string::npos) << ok.out;
  EXPECT_NE(ok.out.find("--mutant M17"), std::string::npos) << ok.out;  // the reproduce line
  const auto bad = testing::run_cli("audit --mutants --mutant M999");
  EXPECT_EQ(bad.exit_code, 2);
  EXPECT_NE(bad.err.find("unknown mutant 'M999'"), std::string::npos) << bad.err;
  const auto bad_check = testing::run_cli("audit --mutants --check nope");
  EXPECT_EQ(bad_check.exit_code, 2);
  EXPECT_NE(bad_check.err.find("unknown check \"nope\""), std::string::npos) << bad_check.err;
  const auto stray = testing::run_cli("audit --mutant M17");
  EXPECT_EQ(stray.exit_code, 2);
}

TEST(MutantRun, ReproduceLineReplaysTheViolation) {
  if (!kMutantsCompiled) GTEST_SKIP() << "built without SMPC_MUTANTS";
  const auto dir = testing::temp_dir("mutants-run");
  std::filesystem::create_directories(dir);
  const auto file = dir / "vote.json";
  std::ofstream(file) << R"({"name": "stuffing", "protocol": {"name": "gmw_dealer"},
    "parties": 3, "function": {"name": "vote"}, "inputs": [[1], [0], [1]], "seed": 3,
    "adversary": {"corrupt": [2], "model": "malicious",
      "script": [{"strategy": "input_substitution", "value": [0,0,0,1,0,0,1,1]}]}})";
  const auto clean = testing::run_cli("run " + file.string());
  EXPECT_EQ(clean.exit_code, 0) << clean.err;
  EXPECT_NE(clean.out.find("\"yes\": 1"), std::string::npos) << clean.out;  // ballot spoiled
  const auto mutated = testing::run_cli("run " + file.string() + " --mutant M17");
  EXPECT_EQ(mutated.exit_code, 1) << mutated.err;
  EXPECT_NE(mutated.out.find("\"yes\": 201"), std::string::npos) << mutated.out;
  EXPECT_NE(mutated.out.find("\"mutant\": \"M17\""), std::string::npos);
  EXPECT_NE(mutated.err.find("SEEDED BUG M17"), std::string::npos) << mutated.err;
  EXPECT_NE(mutated.err.find("--mutant M17"), std::string::npos) << mutated.err;
}

}  // namespace
}  // namespace smpc
