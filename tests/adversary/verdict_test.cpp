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

// Input-only clients (parties 2 and 3, owed no output, finishing with none) are right, but when
// every party owed an output got a wrong one the run is a wrong output, not a disagreement; a
// client that outputs what it is not owed is wrong.
TEST(Verdict, ClientsOwedNothingDoNotTurnAWrongOutputIntoADisagreement) {
  const auto c = claim(AdversaryModel::kSemiHonest, 1, OutputGuarantee::kCorrect);
  const std::vector<std::vector<std::uint64_t>> expected = {{7}, {7}, {}, {}};
  RunResult r = make({O, O, O, O}, {8, 8, 0, 0});
  r.parties[2].outputs.clear();
  r.parties[3].outputs.clear();
  auto v = judge(c, r, expected);
  EXPECT_EQ(v.outcome, Outcome::kWrongOutput) << v.explanation;
  EXPECT_FALSE(v.holds);
  EXPECT_EQ(v.wrong, (std::vector<PartyId>{0, 1}));
  r.parties[0].outputs = {7};
  EXPECT_EQ(judge(c, r, expected).outcome, Outcome::kDisagreement);
  r.parties[1].outputs = {7};
  EXPECT_EQ(judge(c, r, expected).outcome, Outcome::kCorrect);
  r.parties[3].outputs = {7};
  v = judge(c, r, expected);
  EXPECT_EQ(v.outcome, Outcome::kDisagreement);
  EXPECT_EQ(v.wrong, (std::vector<PartyId>{3}));
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

// kCorrectOrAccountableAbort (FROST): no honest abort names an honest party, naming nobody is
// allowed, except for the accountable party (here 0), which must name a corrupted one.
TEST(Verdict, AccountableAbort) {
  auto acc = claim(AdversaryModel::kMalicious, 2, OutputGuarantee::kCorrectOrAccountableAbort);
  acc.accountable = 0;
  const auto judged = [&](std::vector<PartyStatus> st, std::vector<std::vector<PartyId>> blamed,
                          std::vector<PartyId> corrupted) {
    return judge(acc, make(st, {7, 7, 7, 7}, blamed), kExpected, corrupted,
                 AdversaryModel::kMalicious);
  };
  // Honest coordinator names the cheater; a signer stopped on its notice names nobody.
  EXPECT_TRUE(judged({A, A, O, A}, {{3}, {}, {}, {}}, {3}).holds);
  // The coordinator names an honest signer, or nobody: violations, with the reason.
  const Verdict framed = judged({A, A, O, A}, {{1}, {}, {}, {}}, {3});
  EXPECT_FALSE(framed.holds);
  EXPECT_NE(framed.explanation.find("honest party 0 names honest party 1"), std::string::npos)
      << framed.explanation;
  EXPECT_FALSE(judged({A, A, O, A}, {{}, {}, {}, {}}, {3}).holds);
  // A corrupted coordinator: signers name it or nobody (ok), never an honest party.
  EXPECT_TRUE(judged({A, N, A, O}, {{}, {0}, {}, {}}, {0}).holds);
  EXPECT_FALSE(judged({A, N, A, O}, {{}, {2}, {}, {}}, {0}).holds);
  // kCorrectOrIdentifiedAbort stays stricter: a party naming nobody breaks it.
  const auto ida = claim(AdversaryModel::kMalicious, 2, OutputGuarantee::kCorrectOrIdentifiedAbort);
  EXPECT_FALSE(judge(ida, make({A, A, O, A}, {7, 7, 7, 7}, {{3}, {}, {}, {}}), kExpected, {3},
                     AdversaryModel::kMalicious).holds);
}

}  // namespace
}  // namespace smpc
