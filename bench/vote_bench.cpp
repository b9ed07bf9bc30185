// Voting (protocols/vote/vote.h) at scale:
//   build/test/bench/vote_bench --benchmark_filter=Election/1000
// BM_VoteElection/<voters>: 5 servers (t = 1), 5 candidates, one_of_k, server 1 crashed (sends
// nothing), 1% of the ballots malformed (an entry 2), on the simulator (star topology, 5 ms /
// 100 Mbit/s links, round timeout 2 s of simulated time). One iteration = the whole run
// (SimGrid in a forked child; every party's computation is real CPU time). Counters: the
// simulated time and the total bytes. Fails (SkipWithError) unless the board's tally equals
// the plain count.
// BM_VerifyTally/<voters>: verify_tally on that run's transcript (what `smpc verify tally`
// does after parsing).
#include <benchmark/benchmark.h>

#include <map>

#include "scenarios/vote_checks.h"
#include "verify/tally.h"

namespace smpc::vote {
namespace {

Election scale_election(int voters) {
  Election e;
  e.cfg = {.servers = 5, .voters = voters, .t = 1, .candidates = 5, .one_of_k = true,
           .round_timeout_s = 2.0};
  e.seed = 2026;
  Rng rng(e.seed, 0, "scale-ballots");
  for (int v = 0; v < voters; ++v) {
    std::vector<std::uint64_t> b(5, 0);
    b[rng.uniform_below(5)] = 1;
    if (v % 100 == 0) b[rng.uniform_below(5)] = 2;  // 1% malformed
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
  n.bandwidth_bytes_per_s = 12.5e6;
  return n;
}

// One run per voter count, shared by both benchmarks.
const RunResult* election_run(int voters) {
  static std::map<int, RunResult> runs;
  if (!runs.count(voters)) {
    const Election e = scale_election(voters);
    auto r = run_election_simulated(e, star());
    if (!r.ok()) return nullptr;
    runs[voters] = std::move(r).value();
  }
  return &runs[voters];
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
  }
}
BENCHMARK(BM_VoteElection)->Arg(100)->Arg(1000)->Iterations(1)->Unit(benchmark::kSecond);

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
BENCHMARK(BM_VerifyTally)->Arg(100)->Arg(1000)->Iterations(1)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc::vote
BENCHMARK_MAIN();
