// MASCOT preprocessing throughput.
//   build/release/bench/mascot_bench [--benchmark_filter=Mascot]
// One iteration = a whole MASCOT run (base OTs included) producing T triples (plus one input
// mask per party) among n parties, all parties in threads on this machine over LocalNetwork.
// Counters: "triples/s" (T per wall second of the run), "cpu_ms" and "triples/cpu_s" (the
// busiest party's thread CPU time per run, which other load on the machine changes far less than
// the wall time; bench_runs.h), "bytes" (total sent in one run), "bytes/triple". Compare with MP-SPDZ's mascot-party (128-bit field; issue 20's anchor) only
// with the field difference in mind (docs/performance.md).
#include <benchmark/benchmark.h>

#include <algorithm>
#include <vector>

#include "bench/bench_runs.h"
#include "protocols/core/local_network.h"
#include "protocols/spdz/mascot.h"

namespace smpc {
namespace {

void BM_MascotTriples(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  MascotNeeds needs;
  needs.triples = static_cast<std::size_t>(state.range(1));
  for (PartyId p = 0; p < n; ++p) needs.input_owner.push_back(p);
  std::uint64_t seed = 1, bytes = 0;
  double cpu_total = 0;
  for (auto _ : state) {
    std::vector<double> cpu(static_cast<std::size_t>(n), 0);
    const auto r = run_local(n, {seed++, 600}, [&](PartyContext& ctx) {
      const double start = thread_cpu_seconds();
      benchmark::DoNotOptimize(mascot_preprocess(ctx.net, ctx.rng, 1, needs));
      cpu[static_cast<std::size_t>(ctx.net.self())] = thread_cpu_seconds() - start;
      return PartyOutput{};
    });
    cpu_total += *std::max_element(cpu.begin(), cpu.end());
    bytes = 0;
    for (const auto& p : r.parties) {
      if (p.status != PartyStatus::kOutput) state.SkipWithError(p.abort_reason.c_str());
      bytes += p.meter.sent.bytes;
    }
  }
  state.counters["triples/s"] = benchmark::Counter(
      static_cast<double>(needs.triples), benchmark::Counter::kIsIterationInvariantRate);
  const double cpu_s = cpu_total / static_cast<double>(state.iterations());
  state.counters["cpu_ms"] = 1e3 * cpu_s;
  state.counters["triples/cpu_s"] = static_cast<double>(needs.triples) / cpu_s;
  state.counters["bytes"] = static_cast<double>(bytes);
  state.counters["bytes/triple"] = static_cast<double>(bytes) / static_cast<double>(needs.triples);
}
BENCHMARK(BM_MascotTriples)
    ->Args({2, 1000})
    ->Args({2, 10000})
    ->Args({3, 1000})
    ->Args({3, 10000})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace smpc

int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
