// Voting (protocols/vote/vote.h) at scale:
//   build/test/bench/vote_bench --benchmark_filter=/1000/
//   build/test/bench/vote_bench --benchmark_filter=/10000/   (the must-show; minutes)
// BM_VoteElection/<voters>: 5 servers (t = 1), 5 candidates, one_of_k, server 1 crashed (sends
// nothing), 1% of the ballots malformed (half with an entry 2: no bit proof, disqualified; half
// with two 1s: bits, rejected by the range check), on the simulator (star topology, 5 ms /
// 100 Mbit/s links, round timeout 2 s of simulated time, or twice the board's relay time when
// that is longer: 14.1 s for 10,000 voters). One iteration = the whole run
// (SimGrid in a forked child; every party's computation is real CPU time). Counters: the
// simulated time and the total bytes. Fails (SkipWithError) unless the board's tally equals
// the plain count.
// BM_VerifyTally/<voters>: verify_tally on that run's transcript (what `smpc verify tally`
// does after parsing), reusing BM_VoteElection's run when it ran. With VOTE_BENCH_TRANSCRIPT
// set, the transcript of the last run is written to that file (to time `smpc verify tally`).
// BM_BitProofsOneByOne/<n>, BM_BitProofsBatch/<n>: n honest bit proofs (bit_proof.h) checked
// one by one (verify_bit_proof) and in one batch test (verify_bit_proofs_batch, weights hashed
// from the proofs as verify/tally.cpp does); n = 5,000 is a 1,000-voter, 5-candidate election.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>

#include "protocols/crypto/bit_proof.h"
#include "protocols/crypto/pedersen.h"
#include "scenarios/vote_checks.h"
#include "verify/tally.h"

namespace smpc::vote {
namespace {

constexpr double kBandwidth = 12.5e6;  // 100 Mbit/s

Election scale_election(int voters) {
  Election e;
  e.cfg = {.servers = 5, .voters = voters, .t = 1, .candidates = 5, .one_of_k = true,
           .round_timeout_s = 2.0};
  // Round 2 sends every server the board's relay of all posts over the board's one link: give
  // a round twice that (10,000 voters: 5 × 17.6 MB at 12.5 MB/s = 7.1 s), at least 2 s.
  const double relay_s = static_cast<double>(e.cfg.servers) *
                         static_cast<double>(vote_message_sizes(e.cfg).board_msg) / kBandwidth;
  e.cfg.round_timeout_s = std::max(2.0, 2 * relay_s);
  e.seed = 2026;
  Rng rng(e.seed, 0, "scale-ballots");
  for (int v = 0; v < voters; ++v) {
    std::vector<std::uint64_t> b(5, 0);
    b[rng.uniform_below(5)] = 1;
    if (v % 200 == 0) b[rng.uniform_below(5)] = 2;  // 0.5%: no bit proof
    if (v % 200 == 100) b[(std::find(b.begin(), b.end(), 1) - b.begin() + 1) % 5] = 1;  // 0.5%
    e.ballots.push_back(b);
  }
  e.faulty_server = 1;
  e.fault = Fault::kCrash;
  return e;
}

NetworkSpec star() {
  NetworkSpec n;
  n.topology = Topology::kStar;
  n.latency_s = 0.005;
  n.bandwidth_bytes_per_s = kBandwidth;
  return n;
}

std::map<int, RunResult>& runs() {
  static std::map<int, RunResult> r;
  return r;
}

void keep(int voters, RunResult run) {
  if (const char* path = std::getenv("VOTE_BENCH_TRANSCRIPT"))
    std::ofstream(path) << run.parties.back().annotations["vote_transcript"].dump() << "\n";
  runs()[voters] = std::move(run);
}

// One run per voter count, shared by both benchmarks.
const RunResult* election_run(int voters) {
  if (!runs().count(voters)) {
    auto r = run_election_simulated(scale_election(voters), star());
    if (!r.ok()) return nullptr;
    keep(voters, std::move(r).value());
  }
  return &runs()[voters];
}

void BM_VoteElection(benchmark::State& state) {
  const int voters = static_cast<int>(state.range(0));
  const Election e = scale_election(voters);
  const auto want = plain_tally(e, nullptr);
  for (auto _ : state) {
    auto r = run_election_simulated(e, star());
    if (!r.ok() || r.value().parties.back().outputs != want) {
      state.SkipWithError("the board's tally is not the plain count");
      return;
    }
    std::uint64_t bytes = 0;
    for (const auto& p : r.value().parties) bytes += p.meter.sent.bytes;
    state.counters["simulated_s"] = r.value().simulated_time_s;
    state.counters["bytes"] = static_cast<double>(bytes);
    keep(voters, std::move(r).value());
  }
}
BENCHMARK(BM_VoteElection)->Arg(100)->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kSecond);

void BM_VerifyTally(benchmark::State& state) {
  const RunResult* run = election_run(static_cast<int>(state.range(0)));
  if (!run) {
    state.SkipWithError("the election did not run");
    return;
  }
  const auto& tr = run->parties.back().annotations["vote_transcript"];
  for (auto _ : state) {
    const auto c = verify_tally(tr);
    if (!c.ok() || !c.value().ok) {
      state.SkipWithError("the transcript does not verify");
      return;
    }
  }
}
BENCHMARK(BM_VerifyTally)->Arg(100)->Arg(1000)->Arg(10000)->Iterations(1)->Unit(benchmark::kMillisecond);

struct Proofs {
  std::vector<RistrettoPoint> c;
  std::vector<BitProof> proof;
  std::vector<Bytes> context;
  std::vector<BitStatement> statements;
};

const Proofs& proofs(std::size_t n) {
  static std::map<std::size_t, Proofs> cache;
  Proofs& p = cache[n];
  if (p.c.empty()) {
    Rng rng(1, 0, "bit proof bench");
    const ElectionContext e{.servers = 5, .t = 1, .candidates = 5, .one_of_k = true};
    for (std::size_t j = 0; j < n; ++j) {
      const Scalar r = Scalar::random(rng);
      const bool bit = j % 5 == 0;
      p.c.push_back(pedersen_commit(Scalar::from_u64(bit), r));
      p.context.push_back(bit_proof_context(e, static_cast<int>(j / 5), static_cast<int>(j % 5)));
      p.proof.push_back(prove_bit(p.c.back(), bit, r, p.context.back(), rng));
    }
    for (std::size_t j = 0; j < n; ++j) p.statements.push_back({&p.c[j], &p.proof[j], p.context[j]});
  }
  return p;
}

void BM_BitProofsOneByOne(benchmark::State& state) {
  const Proofs& p = proofs(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state)
    for (const auto& s : p.statements)
      if (!verify_bit_proof(*s.c, *s.proof, s.context)) state.SkipWithError("a proof fails");
}
BENCHMARK(BM_BitProofsOneByOne)->Arg(5000)->Iterations(1)->Unit(benchmark::kMillisecond);

void BM_BitProofsBatch(benchmark::State& state) {
  const Proofs& p = proofs(static_cast<std::size_t>(state.range(0)));
  for (auto _ : state) {
    const auto ok = verify_bit_proofs_batch(p.statements, bit_proof_batch_seed(p.statements));
    if (std::count(ok.begin(), ok.end(), false) != 0) state.SkipWithError("a proof fails");
  }
}
BENCHMARK(BM_BitProofsBatch)->Arg(5000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc::vote
BENCHMARK_MAIN();
