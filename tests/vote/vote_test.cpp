// The voting protocol (protocols/vote/vote.h) over LocalNetwork: tallies against the plain
// count, malformed ballots rejected, a faulty server, a cheating voter, exact bytes, seeded bugs.
#include <gtest/gtest.h>
#include <rapidcheck.h>

#include "protocols/core/mutants.h"
#include "tests/support/rc_budget.h"
#include "scenarios/vote_checks.h"
#include "verify/tally.h"

namespace smpc::vote {
namespace {

Election random_election(int S, int V, int k, bool one_of_k, std::uint64_t seed, int malformed) {
  Election e;
  e.cfg = {.servers = S, .voters = V, .t = (S - 1) / 3, .candidates = k, .one_of_k = one_of_k,
           .round_timeout_s = 2.0};
  e.seed = seed;
  Rng rng(seed, 0, "ballots");
  for (int v = 0; v < V; ++v) {
    std::vector<std::uint64_t> b(static_cast<std::size_t>(k), 0);
    if (one_of_k)
      b[rng.uniform_below(static_cast<std::uint64_t>(k))] = 1;
    else
      for (auto& x : b) x = rng.next_u64() & 1;
    if (v < malformed) b[rng.uniform_below(static_cast<std::uint64_t>(k))] += 1 + v % 2;
    e.ballots.push_back(b);
  }
  return e;
}

std::vector<int> statuses(const nlohmann::json& tr, const std::string& which) {
  std::vector<int> out;
  for (const auto& b : tr["ballots"])
    if (b["status"] == which) out.push_back(b["voter"].get<int>() - tr["first_voter"].get<int>());
  return out;
}

// Every server that is not faulty and the board output the plain tally; the transcript
// verifies, names the malformed ballots (rejected) and the non-bit ones (disqualified: their bit
// proofs fail).
void expect_correct(const Election& e, const RunResult& run) {
  std::vector<int> rejected, nonbit;
  const auto want = plain_tally(e, &rejected, &nonbit);
  for (int p = 0; p < e.cfg.parties(); ++p) {
    if (p == e.faulty_server || (p >= e.cfg.servers && p < e.cfg.board())) continue;
    const auto& r = run.parties[static_cast<std::size_t>(p)];
    RC_ASSERT(r.status == PartyStatus::kOutput);
    RC_ASSERT(r.outputs == want);
  }
  const auto& tr = run.parties.back().annotations["vote_transcript"];
  RC_ASSERT(statuses(tr, "rejected") == rejected);
  RC_ASSERT(statuses(tr, "disqualified") == nonbit);
  const auto check = verify_tally(tr);
  RC_ASSERT(check.ok());
  RC_ASSERT(check.value().ok);
  RC_ASSERT(check.value().tally == want);
}

// 20 random elections (each a whole protocol run: about 0.1 s).
TEST(VoteProtocol, TallyEqualsThePlainCountWithMalformedBallotsRejected) {
  smpc::testing::check_with_budget(20, [] {
    const int S = *rc::gen::element(4, 5, 7);
    const int V = *rc::gen::inRange(1, 9);
    const int k = *rc::gen::inRange(1, 5);
    const bool one_of_k = *rc::gen::arbitrary<bool>();
    const int malformed = *rc::gen::inRange(0, V + 1);
    const auto seed = *rc::gen::inRange<std::uint64_t>(1, 1000000);
    const Election e = random_election(S, V, k, one_of_k, seed, malformed);
    expect_correct(e, run_election(e));
  });
}

// Server 1 crashed (sends nothing: every receiver waits one round timeout for it) or
// tampering (false complaint against voter 0, altered check and tally shares). On the
// simulator, so the round deadlines are simulated time: no wall-clock wait, and a loaded
// machine cannot make an honest message late.
void faulty_server_run(int S, Fault f) {
  Election e = random_election(S, 6, 3, true, 7 + static_cast<std::uint64_t>(S), 2);
  e.faulty_server = 1;
  e.fault = f;
  NetworkSpec net;
  net.topology = Topology::kStar;
  net.latency_s = 0.005;
  auto sim = run_election_simulated(e, net);
  ASSERT_TRUE(sim.ok()) << sim.status().message();
  const RunResult& run = sim.value();
  std::vector<int> rejected, nonbit;
  const auto want = plain_tally(e, &rejected, &nonbit);
  for (int p : {0, 2, S - 1, e.cfg.board()}) {
    SCOPED_TRACE("S = " + std::to_string(S) + ", party " + std::to_string(p));
    const auto& r = run.parties[static_cast<std::size_t>(p)];
    ASSERT_EQ(r.status, PartyStatus::kOutput) << r.abort_reason;
    EXPECT_EQ(r.outputs, want);
  }
  const auto& tr = run.parties.back().annotations["vote_transcript"];
  EXPECT_EQ(statuses(tr, "rejected"), rejected);
  // The tampering server's false complaint against voter 0 was answered: only the non-bit
  // ballots (their bit proofs fail) are disqualified.
  EXPECT_EQ(statuses(tr, "disqualified"), nonbit);
  const auto check = verify_tally(tr);
  ASSERT_TRUE(check.ok()) << check.status().message();
  EXPECT_TRUE(check.value().ok);
}

TEST(VoteProtocol, OneCrashedServerS4) { faulty_server_run(4, Fault::kCrash); }
TEST(VoteProtocol, OneCrashedServerS5) { faulty_server_run(5, Fault::kCrash); }
TEST(VoteProtocol, OneCrashedServerS7) { faulty_server_run(7, Fault::kCrash); }
TEST(VoteProtocol, OneTamperingServer) {
  for (const int S : {4, 5, 7}) faulty_server_run(S, Fault::kTamper);
}

TEST(VoteProtocol, SameSeedSameTranscriptOtherSeedOtherCommitments) {
  Election e = random_election(5, 4, 3, true, 21, 1);
  const auto a = run_election(e).parties.back().annotations["vote_transcript"];
  EXPECT_EQ(a, run_election(e).parties.back().annotations["vote_transcript"]);
  e.seed = 22;
  const auto b = run_election(e).parties.back().annotations["vote_transcript"];
  EXPECT_NE(a["ballots"][0]["post"], b["ballots"][0]["post"]);
  EXPECT_EQ(a["tally"], b["tally"]);
}

std::string reason_of(const nlohmann::json& tr, int voter) {
  for (const auto& b : tr["ballots"])
    if (b["voter"].get<int>() - tr["first_voter"].get<int>() == voter) return b.value("reason", "");
  return "";
}

// A voter committing to an entry 2 (its check value faked, its bit proof made for a bit) is
// disqualified by its bit proof, before any share is checked; the transcript shows why.
TEST(VoteProtocol, NonBitCommitmentWithAForgedProofIsDisqualified) {
  for (const bool one_of_k : {false, true}) {
    Election e = random_election(4, 5, 3, one_of_k, 11, 0);
    e.cheater = 2;
    e.cheat = Election::Cheat::kNonBit;
    e.ballots[2] = {1, 0, 0};
    const RunResult run = run_election(e);
    const auto& tr = run.parties.back().annotations["vote_transcript"];
    EXPECT_EQ(statuses(tr, "disqualified"), std::vector<int>{2});
    EXPECT_EQ(reason_of(tr, 2), "bit proof of entry 0 fails");
    EXPECT_EQ(run.parties[0].outputs, plain_tally(e, nullptr));
    const auto check = verify_tally(tr);
    ASSERT_TRUE(check.ok()) << check.status().message();
    EXPECT_TRUE(check.value().ok);
    EXPECT_EQ(check.value().disqualified_by_proof, 1u);
  }
}

// A voter whose shares do not match its (valid, proven) commitments: every server complains,
// so it is disqualified. M77 (the share check skipped) lets the shares in, and the openings,
// checked against the commitments, then find no t + 1 valid shares: the servers abort.
TEST(VoteProtocol, InconsistentSharesAreDisqualifiedAndM77LetsThemThrough) {
  Election e = random_election(4, 5, 3, false, 11, 0);
  e.cheater = 2;
  e.cheat = Election::Cheat::kBadShares;
  e.ballots[2] = {1, 0, 0};
  {
    const RunResult run = run_election(e);
    const auto& tr = run.parties.back().annotations["vote_transcript"];
    EXPECT_EQ(statuses(tr, "disqualified"), std::vector<int>{2});
    EXPECT_EQ(reason_of(tr, 2), "4 servers complained (more than t)");
    EXPECT_EQ(run.parties[0].outputs, plain_tally(e, nullptr));
    EXPECT_TRUE(verify_tally(tr).value().ok);
  }
  if (!kMutantsCompiled) GTEST_SKIP() << "mutants not compiled in";
  ScopedMutant m(Mutant::kM77);
  const RunResult run = run_election(e);
  EXPECT_EQ(run.parties[0].status, PartyStatus::kAbort);
  EXPECT_NE(run.parties[0].abort_reason.find("fewer than t + 1 valid shares"), std::string::npos)
      << run.parties[0].abort_reason;
}

TEST(VoteProtocol, M76CountsAMalformedBallotAndTheVerifierRejectsTheTranscript) {
  if (!kMutantsCompiled) GTEST_SKIP() << "mutants not compiled in";
  Election e = random_election(4, 4, 2, true, 5, 0);
  e.ballots[0] = {1, 1};  // bits (its bit proofs verify) adding up to 2: the range check rejects it
  ScopedMutant m(Mutant::kM76);
  const RunResult run = run_election(e);
  EXPECT_NE(run.parties[0].outputs, plain_tally(e, nullptr));
  const auto check = verify_tally(run.parties.back().annotations["vote_transcript"]);
  ASSERT_TRUE(check.ok());
  EXPECT_FALSE(check.value().ok);
}

TEST(VoteProtocol, BytesPerVoterServerAndBoardMatchTheFormula) {
  for (const int S : {4, 5, 7}) {
    const Election e = random_election(S, 6, 3, S != 5, 3, 0);
    const RunResult run = run_election(e);
    const VoteCost c = vote_cost(e.cfg);
    for (int p = 0; p < e.cfg.parties(); ++p) {
      const auto& m = run.parties[static_cast<std::size_t>(p)].meter;
      if (p < S) {
        EXPECT_EQ(m.sent.bytes, c.server_sent) << "server " << p;
        EXPECT_EQ(m.received.bytes, c.server_received) << "server " << p;
      } else if (p < e.cfg.board()) {
        EXPECT_EQ(m.sent.bytes, c.voter_sent) << "voter " << p;
      } else {
        EXPECT_EQ(m.sent.bytes, c.board_sent);
        EXPECT_EQ(m.received.bytes, c.board_received);
      }
    }
  }
}

}  // namespace
}  // namespace smpc::vote
