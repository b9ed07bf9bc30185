// GMW benchmarks.
//   build/release/bench/gmw_bench [--benchmark_filter=Triples]
// Counters: "triples/s" (OT-based bit triples, base OTs included: they are part of every run),
// "AND/s" (AES-128 end to end, all parties in threads on this machine), "sim_s" (simulated
// time of one run on the SimNetwork below). Benchmarks that need ../shared report an error
// (and do not run) when it is absent.
#include <benchmark/benchmark.h>

#include <chrono>
#include <optional>
#include <string>

#include "bench/bench_support.h"
#include "protocols/core/local_network.h"
#include "protocols/gmw/bit_triples.h"
#include "protocols/gmw/gmw.h"
#include "simulator/sim_network.h"

namespace smpc {
namespace {

using bench::aes_circuit;
using bench::aes_inputs;

// 2^16 bit triples among n parties (IKNP between every pair, base OTs included).
void BM_GmwOtTriples(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const std::size_t count = std::size_t{1} << 16;
  std::uint64_t seed = 1;
  for (auto _ : state) {
    const auto r = run_local(n, {seed++, 120}, [&](PartyContext& ctx) {
      benchmark::DoNotOptimize(ot_bit_triples(ctx, count, "gmw").c.data());
      return PartyOutput{};
    });
    benchmark::DoNotOptimize(r.parties.data());
  }
  state.counters["triples/s"] = benchmark::Counter(static_cast<double>(count),
                                                   benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_GmwOtTriples)->Arg(2)->Arg(3)->Arg(5)->Unit(benchmark::kMillisecond)->UseRealTime();

void run_aes_local(benchmark::State& state, bool dealer) {
  REQUIRE_AES(state);
  const int n = static_cast<int>(state.range(0));
  const GmwSemiHonest ot(*aes_circuit());
  const GmwTrustedDealer td(*aes_circuit(), 1);
  const Protocol& protocol = dealer ? static_cast<const Protocol&>(td) : ot;
  const auto in = aes_inputs(n);
  std::uint64_t seed = 1;
  for (auto _ : state) {
    const auto r = run_local(n, {seed++, 120}, [&](PartyContext& ctx) {
      return protocol.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
    });
    benchmark::DoNotOptimize(r.parties.data());
  }
  state.counters["AND/s"] = benchmark::Counter(6400, benchmark::Counter::kIsIterationInvariantRate);
}

void BM_GmwAes128Local(benchmark::State& state) { run_aes_local(state, false); }
void BM_GmwDealerAes128Local(benchmark::State& state) { run_aes_local(state, true); }
BENCHMARK(BM_GmwAes128Local)->Arg(2)->Arg(3)->Arg(5)->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_GmwDealerAes128Local)->Arg(2)->Arg(3)->Arg(5)->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// n = state.range(0) parties, 50 ms one way (100 ms round trip), 1 Gbit/s: wall time of the
// whole simulation (fork included) against its simulated time; "x_real_time" = simulated time /
// wall time (how many times faster than real time the run is).
void BM_GmwAes128Sim100msRtt(benchmark::State& state) {
  REQUIRE_AES(state);
  const GmwSemiHonest gmw(*aes_circuit());
  const auto in = aes_inputs(static_cast<int>(state.range(0)));
  const auto start = std::chrono::steady_clock::now();
  SimRunOptions o;
  o.network.latency_s = 0.050;
  o.network.bandwidth_bytes_per_s = 125e6;
  const auto sim_s = bench::simulate_each_iteration(state, gmw, in, o);
  if (!sim_s) return;
  const double wall_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                            .count() / static_cast<double>(state.iterations());
  state.counters["sim_s"] = *sim_s;
  state.counters["x_real_time"] = *sim_s / wall_s;
}
BENCHMARK(BM_GmwAes128Sim100msRtt)->Arg(3)->Arg(10)->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
