// verify/tally.h and `smpc verify tally`: the honest transcript is accepted, each tampered one
// rejected, bad input named by its JSON pointer (exit 2).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "tests/support/cli.h"
#include "scenarios/vote_checks.h"
#include "verify/tally.h"

namespace smpc::vote {
namespace {

// 6 voters, 5 servers, 3 candidates, one_of_k; voter 0 malformed (rejected), voter 3 cheats
// (commits to an entry 2: disqualified, its bit proof fails).
const Election& honest_election() {
  static const Election election = [] {
    Election e;
    e.cfg = {.servers = 5, .voters = 6, .t = 1, .candidates = 3, .one_of_k = true,
             .round_timeout_s = 2.0};
    e.ballots = {{1, 1, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}, {1, 0, 0}, {0, 1, 0}};
    e.cheater = 3;
    e.seed = 42;
    return e;
  }();
  return election;
}

const nlohmann::json& honest_transcript() {
  static const nlohmann::json tr =
      run_election(honest_election()).parties.back().annotations["vote_transcript"];
  return tr;
}

// The same hex string with its last digit changed.
std::string flip(std::string h) {
  h.back() = h.back() == '0' ? '1' : '0';
  return h;
}

TEST(TallyVerifier, AcceptsTheHonestTranscript) {
  const auto r = verify_tally(honest_transcript());
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().ok) << (r.value().failures.empty() ? "" : r.value().failures[0]);
  EXPECT_EQ(r.value().counted, 4u);
  EXPECT_EQ(r.value().rejected, 1u);
  EXPECT_EQ(r.value().disqualified, 1u);
  EXPECT_EQ(r.value().disqualified_by_proof, 1u);
  EXPECT_EQ(r.value().tally, (std::vector<std::uint64_t>{1, 2, 1}));
  EXPECT_EQ(honest_transcript()["format"], "smpc-vote-transcript/2");
  // Bit-ness is checked, not trusted.
  for (const auto& t : r.value().trusted) EXPECT_EQ(t.find("b_i(b_i - 1)"), std::string::npos) << t;
}

// A /1 transcript (no bit proofs) is still read; the verdict says bit-ness was not checked.
TEST(TallyVerifier, ReadsVersion1AndSaysItCouldNotCheckBits) {
  nlohmann::json t = honest_transcript();
  t["format"] = "smpc-vote-transcript/1";
  for (auto& b : t["ballots"]) b.erase("bit_proofs");
  const auto r = verify_tally(t);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_TRUE(r.value().ok);
  EXPECT_EQ(r.value().disqualified_by_proof, 0u);
  ASSERT_FALSE(r.value().trusted.empty());
  EXPECT_NE(r.value().trusted[0].find("was NOT checked"), std::string::npos) << r.value().trusted[0];
}

// A ballot committing to an entry 2 (and −1, so one_of_k's sum still opens to 1), with faked
// check values, counted: everything matches but its bit proofs.
TEST(TallyVerifier, RejectsACountedNonBitWithAForgedProof) {
  const auto forged = with_counted_non_bit(honest_election(), honest_transcript());
  const auto r = verify_tally(forged);
  ASSERT_TRUE(r.ok()) << r.status().message();
  EXPECT_FALSE(r.value().ok);
  ASSERT_EQ(r.value().failures.size(), 1u);  // the bit proofs, and nothing else
  EXPECT_NE(r.value().failures[0].find("/ballots/6/bit_proofs/"), std::string::npos)
      << r.value().failures[0];
  // Without the proofs (format /1) the same forgery passes: what the proofs add.
  nlohmann::json v1 = forged;
  v1["format"] = "smpc-vote-transcript/1";
  EXPECT_TRUE(verify_tally(v1).value().ok);
}

TEST(TallyVerifier, RejectsEachTamperedTranscript) {
  using J = nlohmann::json;
  const std::vector<std::pair<std::string, std::function<void(J&)>>> tamper = {
      {"changed commitment", [](J& t) {  // C_{0,0} of a counted ballot := C_{0,1}, a valid point
         const auto h = t["ballots"][1]["post"].get<std::string>();
         t["ballots"][1]["post"] = h.substr(64, 64) + h.substr(64);
       }},
      {"dropped ballot", [](J& t) { t["ballots"].erase(1); }},
      {"added ballot", [](J& t) { t["ballots"].push_back(t["ballots"][1]); }},
      {"changed tally", [](J& t) { t["tally"][1] = t["tally"][1].get<int>() + 1; }},
      {"changed randomness", [](J& t) { t["randomness"][0] = flip(t["randomness"][0]); }},
      {"rejected ballot counted", [](J& t) { t["ballots"][0]["status"] = "counted"; }},
      {"counted ballot rejected", [](J& t) { t["ballots"][2]["status"] = "rejected"; }},
      {"changed check opening", [](J& t) {
         t["ballots"][1]["check_openings"][0][1] = flip(t["ballots"][1]["check_openings"][0][1]);
       }},
      {"voter off the roll", [](J& t) { t["ballots"][1]["voter"] = 999; }},
      {"changed bit proof", [](J& t) {
         t["ballots"][2]["bit_proofs"][1][3] = flip(t["ballots"][2]["bit_proofs"][1][3]);
       }},
      {"bit proofs replayed from another voter", [](J& t) {
         t["ballots"][4]["bit_proofs"] = t["ballots"][5]["bit_proofs"];
       }},
      {"bit proofs replayed from another entry", [](J& t) {
         std::swap(t["ballots"][2]["bit_proofs"][0], t["ballots"][2]["bit_proofs"][2]);
       }},
      {"two voters' posts swapped", [](J& t) { t = with_swapped_posts(t, 1, 2); }},
      {"bit-proof disqualification with valid proofs", [](J& t) {
         t["ballots"][2]["status"] = "disqualified";
         t["ballots"][2]["reason"] = "bit proof of entry 0 fails";
       }},
  };
  for (const auto& [what, edit] : tamper) {
    J t = honest_transcript();
    edit(t);
    const auto r = verify_tally(t);
    if (!r.ok()) {  // a tampered hex string that no longer parses is bad input: also a rejection
      SUCCEED() << what << ": " << r.status().message();
      continue;
    }
    EXPECT_FALSE(r.value().ok) << what;
  }
}

// One bad bit proof among the transcript's 18 (checked in one batch) is named, and nothing else.
TEST(TallyVerifier, NamesTheOneBadBitProofInTheBatch) {
  nlohmann::json t = honest_transcript();
  t["ballots"][4]["bit_proofs"][2][3] = flip(t["ballots"][4]["bit_proofs"][2][3]);  // z_0
  const auto r = verify_tally(t);
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r.value().failures.size(), 1u);
  EXPECT_EQ(r.value().failures[0].rfind("/ballots/4/bit_proofs/2: ", 0), 0u) << r.value().failures[0];
}

// Two proofs whose errors cancel under equal weights (M88) are both named.
TEST(TallyVerifier, NamesBitProofsWhoseErrorsCancel) {
  const auto r = verify_tally(with_cancelling_proofs(honest_transcript(), 1, 2));
  ASSERT_TRUE(r.ok()) << r.status().message();
  ASSERT_EQ(r.value().failures.size(), 2u);
  EXPECT_EQ(r.value().failures[0].rfind("/ballots/1/bit_proofs/0: ", 0), 0u) << r.value().failures[0];
  EXPECT_EQ(r.value().failures[1].rfind("/ballots/2/bit_proofs/0: ", 0), 0u) << r.value().failures[1];
}

// A non-canonical point in a proof is bad input (exit 2), refused before any batch.
TEST(TallyVerifier, RefusesANonCanonicalCommitmentInABitProof) {
  nlohmann::json t = honest_transcript();
  t["ballots"][2]["bit_proofs"][0][0] = std::string(64, 'f');
  const auto r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/ballots/2/bit_proofs/0/0: is not a canonical ristretto255"),
            std::string::npos) << r.status().message();
}

// A disqualification for a failing bit proof is checked: here the proofs verify.
TEST(TallyVerifier, ChecksDisqualificationsForAFailingBitProof) {
  nlohmann::json t = honest_transcript();
  t["ballots"][2]["status"] = "disqualified";
  t["ballots"][2]["reason"] = "bit proof of entry 0 fails";
  const auto r = verify_tally(t);
  ASSERT_TRUE(r.ok()) << r.status().message();
  bool named = false;
  for (const auto& f : r.value().failures)
    named |= f == "/ballots/2: disqualified for a failing bit proof, but every bit proof verifies";
  EXPECT_TRUE(named);
}

TEST(TallyVerifier, BadInputNamesThePointer) {
  nlohmann::json t = honest_transcript();
  t["ballots"][2]["check_openings"][1][0] = "xyz";
  auto r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/ballots/2/check_openings/1/0"), std::string::npos)
      << r.status().message();
  t = honest_transcript();
  t["threshold"] = 2;
  r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/threshold"), std::string::npos);
  EXPECT_FALSE(verify_tally(nlohmann::json::array()).ok());
  t = honest_transcript();
  t["ballots"][1]["bit_proofs"][2][1] = "zz";
  r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/ballots/1/bit_proofs/2/1"), std::string::npos)
      << r.status().message();
  t = honest_transcript();
  t["ballots"][2].erase("bit_proofs");
  r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/ballots/2/bit_proofs"), std::string::npos)
      << r.status().message();
  t = honest_transcript();
  t["ballots"][2]["bit_proofs"][0].erase(3);
  r = verify_tally(t);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.status().message().find("/ballots/2/bit_proofs/0"), std::string::npos)
      << r.status().message();
}

TEST(TallyVerifier, CliExitCodes) {
  const auto dir = smpc::testing::temp_dir("tally");
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name) << text;
    return (dir / name).string();
  };
  const auto good = write("good.json", honest_transcript().dump());
  auto res = smpc::testing::run_cli("verify tally " + good);
  EXPECT_EQ(res.exit_code, 0) << res.out << res.err;
  EXPECT_NE(res.out.find("tally verified"), std::string::npos) << res.out;
  nlohmann::json t = honest_transcript();
  t["tally"][0] = 7;
  res = smpc::testing::run_cli("verify tally " + write("bad.json", t.dump()));
  EXPECT_EQ(res.exit_code, 1) << res.out << res.err;
  EXPECT_NE(res.out.find("/tally/0"), std::string::npos) << res.out;
  res = smpc::testing::run_cli("verify tally " + write("broken.json", "{\"format\": 3"));
  EXPECT_EQ(res.exit_code, 2);
  res = smpc::testing::run_cli("verify tally " + write("typed.json", "{\"format\": 3}"));
  EXPECT_EQ(res.exit_code, 2);
  EXPECT_NE(res.err.find("/format"), std::string::npos) << res.err;
  res = smpc::testing::run_cli("verify tally " + (dir / "missing.json").string());
  EXPECT_EQ(res.exit_code, 2);
  t = honest_transcript();
  t["ballots"][2]["bit_proofs"][0][0] = "nothex";
  res = smpc::testing::run_cli("verify tally " + write("proof.json", t.dump()));
  EXPECT_EQ(res.exit_code, 2);
  EXPECT_NE(res.err.find("/ballots/2/bit_proofs/0/0"), std::string::npos) << res.err;
}

}  // namespace
}  // namespace smpc::vote
