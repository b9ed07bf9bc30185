// Binomial noise generated inside SPDZ (protocols/dp/binomial.h): one run computes B noisy sums
// of one value per party, each with its own m coins (XOR of both parties' bits, bit check; or,
// in ...DealerCoins, the dealer's random shared bits), n = 2 parties in threads over
// LocalNetwork, dealer preprocessing included.
//   build/release/bench/dp_bench [--benchmark_filter=Batched]
// Arguments: (coins m, queries B). m = 62 is (ε = 1, δ = 1e-5, Δ = 1); m = 5,574 is (ε = 1,
// δ = 1e-5, Δ = 10) — see the figure in docs/applications.md. Time is the process's CPU time
// (both parties' threads); counters: "queries/s" per CPU second, "rounds" and "bytes" of one run.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/bench_runs.h"
#include "protocols/core/local_network.h"
#include "protocols/core/rng.h"
#include "protocols/dp/binomial.h"
#include "protocols/spdz/spdz.h"

namespace smpc {
namespace {

void run_noise(benchmark::State& state, bool dealer_coins) {
  dp::Layout layout{{1, 1}, static_cast<std::size_t>(state.range(0)), static_cast<std::size_t>(state.range(1)), dealer_coins};
  const fx::Program prog = dp::dp_program(layout);
  std::vector<InputGroup> groups;
  std::vector<PartyInput> in(2);
  Rng rng(1, 0, "dp-bench");
  for (std::size_t p = 0; p < 2; ++p) {
    InputGroup g{"party" + std::to_string(p), static_cast<PartyId>(p), {}};
    for (std::size_t i = 0; i < layout.size(p); ++i) {
      g.wires.push_back(static_cast<std::uint32_t>(layout.base(p) + i));
      const bool coin = !dealer_coins && i >= 1 && i < 1 + layout.coins * layout.queries;
      in[p].values.push_back(i == 0 ? 5 : coin ? rng.next_bit() : rng.uniform_fp61().value());
    }
    groups.push_back(std::move(g));
  }
  OutputGroup out{"noisy_sum", {0, 1}, std::vector<std::uint32_t>(layout.queries, 0)};
  const Spdz spdz(fx::carrier_circuit(prog, groups, {out}), 1, 0, std::nullopt, prog);
  const RunResult last = bench::last_of_local_runs(state, spdz, in);
  if (last.parties[0].status != PartyStatus::kOutput) state.SkipWithError("the run did not output");
  bench::count_rounds_and_bytes(state, last);
  state.counters["queries/s"] = benchmark::Counter(static_cast<double>(layout.queries),
                                                   benchmark::Counter::kIsIterationInvariantRate);
}

// The settings: m = 62 and 5,574 coins, 1 to 100 queries a run.
void noise_settings(benchmark::internal::Benchmark* b) {
  b->ArgNames({"coins", "queries"})
      ->Args({62, 1})
      ->Args({62, 10})
      ->Args({62, 100})
      ->Args({5574, 1})
      ->Args({5574, 10})
      ->Unit(benchmark::kMillisecond)
      ->MeasureProcessCPUTime();
}

void BM_SpdzBinomialNoise(benchmark::State& state) { run_noise(state, false); }
BENCHMARK(BM_SpdzBinomialNoise)->Apply(noise_settings);

// The same sums with the dealer's coins (binomial.h "Dealer coins"): each party gives its value
// only; the coins are the dealer's random shared bits, no products.
void BM_SpdzBinomialNoiseDealerCoins(benchmark::State& state) { run_noise(state, true); }
BENCHMARK(BM_SpdzBinomialNoiseDealerCoins)->Apply(noise_settings);

}  // namespace
}  // namespace smpc

// Freed memory stays in the process (bench_runs.h): otherwise each run above glibc's mmap
// threshold page-faults its preprocessing afresh, the cost that made large runs look superlinear.
int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
