#include <gtest/gtest.h>

#include "verify/verdict.h"

namespace smpc {
namespace {

RunResult make(std::vector<PartyStatus> st, std::vector<std::uint64_t> out,
               std::vector<std::vector<PartyId>> blamed = {}) {
  RunResult r;
  for (std::size_t p = 0; p < st.size(); ++p) {
    PartyResult pr;
    pr.party = static_cast<PartyId>(p);
    pr.status = st[p];
    if (st[p] == PartyStatus::kOutput) pr.outputs = {out[p]};
    if (p < blamed.size()) pr.blamed = blamed[p];
    r.parties.push_back(pr);
  }
  return r;
}

const std::vector<std::vector<std::uint64_t>> kExpected = {{7}, {7}, {7}, {7}};
constexpr auto O = PartyStatus::kOutput;
constexpr auto A = PartyStatus::kAbort;
constexpr auto N = PartyStatus::kNoOutput;

SecurityClaim claim(AdversaryModel m, int t, OutputGuarantee g) { return {m, t, g, "test claim"}; }

TEST(Verdict, Outcomes) {
  const auto c = claim(AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect);
  EXPECT_EQ(judge(c, make({O, O, O, O}, {7, 7, 7, 7}), kExpected).outcome, Outcome::kCorrect);
  EXPECT_EQ(judge(c, make({O, O, O, O}, {7, 8, 7, 7}), kExpected).outcome, Outcome::kDisagreement);
  EXPECT_EQ(judge(c, make({O, O, O, O}, {8, 8, 8, 8}), kExpected).outcome, Outcome::kWrongOutput);
  EXPECT_EQ(judge(c, make({A, A, N, A}, {0, 0, 0, 0}), kExpected).outcome, Outcome::kAbort);
  EXPECT_EQ(judge(c, make({N, N, N, N}, {0, 0, 0, 0}), kExpected).outcome, Outcome::kNoOutput);
  EXPECT_EQ(judge(c, make({O, A, O, O}, {7, 0, 7, 7}), kExpected).outcome, Outcome::kDisagreement);
  // A corrupted party's output does not count.
  EXPECT_EQ(judge(c, make({O, O, O, O}, {7, 9, 7, 7}), kExpected, {1}).outcome, Outcome::kCorrect);
}

TEST(Verdict, ClaimApplicability) {
  const auto sh = claim(AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect);
  const auto wrong = make({O, O, O, O}, {8, 8, 8, 8});
  EXPECT_FALSE(judge(sh, wrong, kExpected).holds);                 // honest run must be correct
  EXPECT_FALSE(judge(sh, wrong, kExpected, {1}).holds);            // semi-honest adversary: applies
  auto v = judge(sh, wrong, kExpected, {1}, AdversaryModel::kMalicious);
  EXPECT_TRUE(v.holds);
  EXPECT_NE(v.explanation.find("semi-honest protocol, malicious adversary"), std::string::npos);
  v = judge(sh, wrong, kExpected, {1, 2});
  EXPECT_TRUE(v.holds);
  EXPECT_NE(v.explanation.find("outside the claim: 2 corrupted"), std::string::npos);
}

TEST(Verdict, Guarantees) {
  const auto abort_ok = claim(AdversaryModel::kMalicious, 3, OutputGuarantee::kCorrectOrAbort);
  EXPECT_TRUE(judge(abort_ok, make({A, O, A, A}, {0, 0, 0, 0}), kExpected, {1}, AdversaryModel::kMalicious).holds);
  EXPECT_TRUE(judge(abort_ok, make({A, O, O, A}, {0, 0, 7, 0}), kExpected, {1}, AdversaryModel::kMalicious).holds);
  EXPECT_FALSE(judge(abort_ok, make({A, O, O, A}, {0, 0, 8, 0}), kExpected, {1}, AdversaryModel::kMalicious).holds);
  EXPECT_FALSE(judge(abort_ok, make({A, A, A, A}, {0, 0, 0, 0}), kExpected).holds);  // honest run
  const auto god = claim(AdversaryModel::kMalicious, 1, OutputGuarantee::kGuaranteedOutputDelivery);
  EXPECT_FALSE(judge(god, make({A, O, O, O}, {0, 0, 7, 7}), kExpected, {1}, AdversaryModel::kMalicious).holds);
  EXPECT_TRUE(judge(god, make({O, A, O, O}, {7, 0, 7, 7}), kExpected, {1}, AdversaryModel::kMalicious).holds);
  const auto ida = claim(AdversaryModel::kMalicious, 3, OutputGuarantee::kCorrectOrIdentifiedAbort);
  EXPECT_TRUE(judge(ida, make({A, O, A, A}, {0, 0, 0, 0}, {{1}, {}, {1}, {1}}), kExpected, {1},
                    AdversaryModel::kMalicious).holds);
  EXPECT_FALSE(judge(ida, make({A, O, A, A}, {0, 0, 0, 0}, {{2}, {}, {1}, {1}}), kExpected, {1},
                     AdversaryModel::kMalicious).holds);
}

}  // namespace
}  // namespace smpc
