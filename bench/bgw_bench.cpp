// BGW and Shamir benchmarks.
//   build/release/bench/bgw_bench [--benchmark_filter=Mult]
// Counters: "mult/s" (wall time of whole in-process runs over LocalNetwork, all parties in
// threads on this machine, divided into the multiplications of the circuit: 1 / mult/s is the
// per-multiplication figure comparable to MP-SPDZ's `Time` for the same count), "cpu_ms" (the busiest
// party's thread CPU time per run, bench/bench_runs.h), "share/s" and "rec/s" (one
// Shamir sharing or reconstruction, one thread).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "bench/bench_runs.h"
#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/bgw/shamir.h"
#include "protocols/core/local_network.h"

namespace smpc {
namespace {

using bench::product_layers;
using bench::run_each_iteration;

// Whole runs: input sharing, `depth` layers of m multiplications, m outputs to party 0. The
// difference between depth 2 and depth 1 is the cost of m further multiplications alone.
void BM_BgwMultiplications(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const auto m = static_cast<std::uint32_t>(state.range(1));
  const int depth = static_cast<int>(state.range(2));
  const BgwSemiHonest bgw(product_layers(CircuitDomain::kField61, m, depth), (n - 1) / 2);
  std::vector<PartyInput> in(static_cast<std::size_t>(n));
  for (std::uint32_t k = 0; k < m; ++k) {
    in[0].values.push_back(k + 1);
    in[1].values.push_back(2 * k + 3);
  }
  run_each_iteration(state, bgw, in);
  const double mults = static_cast<double>(m) * depth;
  state.counters["mult/s"] = benchmark::Counter(mults, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BgwMultiplications)
    ->Args({3, 100000, 1})
    ->Args({3, 100000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// The n-party product x_0 · x_1 · … · x_{n−1} as a chain: n − 1 layers of one multiplication,
// each an all-to-all resharing of degree t = (n − 1)/2.
void BM_BgwProductChain(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  Circuit c;
  c.domain = CircuitDomain::kField61;
  for (int p = 0; p < n; ++p)
    c.inputs.push_back({"x" + std::to_string(p), p, {static_cast<std::uint32_t>(p)}});
  c.num_wires = static_cast<std::uint32_t>(n);
  std::uint32_t acc = 0;
  for (int p = 1; p < n; ++p) {
    c.gates.push_back({GateType::kMul, acc, static_cast<std::uint32_t>(p), c.num_wires, 0});
    acc = c.num_wires++;
  }
  c.outputs = {{"prod", {0}, {acc}}};
  const BgwSemiHonest bgw(c, (n - 1) / 2);
  std::vector<PartyInput> in(static_cast<std::size_t>(n));
  for (int p = 0; p < n; ++p) in[static_cast<std::size_t>(p)].values = {static_cast<std::uint64_t>(p + 2)};
  run_each_iteration(state, bgw, in);
  state.counters["mult/s"] = benchmark::Counter(n - 1, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_BgwProductChain)->Arg(10)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

// One degree-t sharing among n parties, t = (n − 1)/2.
void BM_ShamirShare(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), t = (n - 1) / 2;
  Rng rng(1, 0, "bench");
  Fp61 secret = Fp61::from_u64(12345);
  for (auto _ : state) {
    const auto shares = shamir_share(secret, t, n, rng);
    benchmark::DoNotOptimize(shares.data());
    secret += shares[0];
  }
  state.counters["share/s"] = benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ShamirShare)->Arg(3)->Arg(10)->Arg(100);

// f(0) from all n shares of a degree-t sharing (the output step of BGW).
void BM_ShamirReconstruct(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0)), t = (n - 1) / 2;
  Rng rng(1, 0, "bench");
  auto shares = shamir_share(Fp61::from_u64(12345), t, n, rng);
  std::vector<PartyId> all(static_cast<std::size_t>(n));
  std::iota(all.begin(), all.end(), 0);
  for (auto _ : state) {
    const Fp61 s = shamir_reconstruct(std::span<const PartyId>(all), std::span<const Fp61>(shares));
    benchmark::DoNotOptimize(s);
    shares[0] += s;
  }
  state.counters["rec/s"] = benchmark::Counter(1, benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_ShamirReconstruct)->Arg(3)->Arg(10)->Arg(100);

}  // namespace
}  // namespace smpc

int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
