// rep3 benchmarks (protocols/rep3/rep3.h).
//   build/release/bench/rep3_bench [--benchmark_filter=Aes]
// Counters: "mult/s" (wall time of whole in-process runs over LocalNetwork, the three parties in
// threads on this machine, divided into the circuit's Z_2^64 multiplications); "ms/AES" (wall
// time of one run of state.range(0) AES-128 blocks side by side, divided by the blocks). Both
// include the PRG-key setup, input sharing and outputs of the run. Needs ../shared for AES.
#include <benchmark/benchmark.h>
#include <malloc.h>

#include <cstdint>
#include <numeric>
#include <vector>

#include "bench/bench_support.h"
#include "protocols/core/local_network.h"
#include "protocols/rep3/rep3.h"

namespace smpc {
namespace {

// Party 0 holds a_0 .. a_{m-1}, party 1 b_0 .. b_{m-1}; `depth` layers of m products
// (c_k = a_k b_k, then c_k b_k, ...) over Z_2^64; party 0 receives the last layer.
Circuit ring_product_layers(std::uint32_t m, int depth) {
  Circuit c;
  c.domain = CircuitDomain::kRing64;
  std::vector<std::uint32_t> a(m), b(m);
  std::iota(a.begin(), a.end(), 0u);
  std::iota(b.begin(), b.end(), m);
  c.inputs = {{"a", 0, a}, {"b", 1, b}};
  c.num_wires = 2 * m;
  std::vector<std::uint32_t> cur = a;
  for (int d = 0; d < depth; ++d)
    for (std::uint32_t k = 0; k < m; ++k) {
      c.gates.push_back({GateType::kMul, cur[k], b[k], c.num_wires, 0});
      cur[k] = c.num_wires++;
    }
  c.outputs = {{"c", {0}, cur}};
  return c;
}

void run_each_iteration(benchmark::State& state, const Rep3SemiHonest& rep3,
                        const std::vector<PartyInput>& in) {
  std::uint64_t seed = 1;
  for (auto _ : state) {
    const auto r = run_local(kRep3Parties, {seed++, 600}, [&](PartyContext& ctx) {
      return rep3.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
    });
    if (r.parties[0].status != PartyStatus::kOutput) state.SkipWithError("run failed");
    benchmark::DoNotOptimize(r.parties.data());
  }
}

// Whole runs of `depth` layers of m multiplications: depth 2 minus depth 1 is the cost of m
// further multiplications alone.
void BM_Rep3RingMultiplications(benchmark::State& state) {
  const auto m = static_cast<std::uint32_t>(state.range(0));
  const int depth = static_cast<int>(state.range(1));
  const Rep3SemiHonest rep3(ring_product_layers(m, depth));
  std::vector<PartyInput> in(kRep3Parties);
  for (std::uint32_t k = 0; k < m; ++k) {
    in[0].values.push_back(0x9e3779b97f4a7c15ull * (k + 1));
    in[1].values.push_back(~std::uint64_t{k});
  }
  run_each_iteration(state, rep3, in);
  state.counters["mult/s"] = benchmark::Counter(static_cast<double>(m) * depth,
                                                benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Rep3RingMultiplications)
    ->Args({100000, 1})
    ->Args({100000, 2})
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

// state.range(0) AES-128 blocks in one run: party 0 gives every key, party 1 every plaintext
// (random bits), everybody gets every ciphertext. 60 AND layers, 6400 · blocks ANDs.
void BM_Rep3Aes128Batch(benchmark::State& state) {
  REQUIRE_AES(state);
  const int blocks = static_cast<int>(state.range(0));
  Circuit c = bench::side_by_side(*bench::aes_circuit(), blocks);
  for (std::size_t g = 0; g < c.inputs.size(); ++g) c.inputs[g].owner = static_cast<PartyId>(g % 2);
  const Rep3SemiHonest rep3(c);
  std::vector<PartyInput> in(kRep3Parties);
  Rng rng(5, 0, "bench.rep3-aes");
  for (PartyId p : {0, 1})
    for (std::size_t k = 0; k < c.input_wires_of(p).size(); ++k)
      in[static_cast<std::size_t>(p)].values.push_back(rng.next_bit() ? 1 : 0);
  run_each_iteration(state, rep3, in);
  state.counters["ms/AES"] = benchmark::Counter(
      1e-3 * blocks, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
  state.counters["AND/s"] = benchmark::Counter(6400.0 * blocks,
                                               benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_Rep3Aes128Batch)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace smpc

int main(int argc, char** argv) {
  // As bgw_bench: keep freed memory in the process, so that every run does not page-fault its
  // share vectors in again.
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
