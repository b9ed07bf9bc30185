// rep3 and rep3_malicious benchmarks (protocols/rep3/rep3.h, rep3_malicious.h).
//   build/release/bench/rep3_bench [--benchmark_filter=Aes]
// Counters: "mult/s" (wall time of whole in-process runs over LocalNetwork, the three parties in
// threads on this machine, divided into the circuit's Z_2^64 multiplications); "AES/s" (blocks
// per wall second in runs of state.range(0) AES-128 blocks side by side), "AND/s", and "cpu_ms"
// (the busiest party's thread CPU time per run: robust to other load on the machine). All
// include the PRG-key setup, input sharing and outputs of the run. Needs ../shared for AES.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <vector>

#include "bench/bench_runs.h"
#include "bench/bench_support.h"
#include "protocols/core/local_network.h"
#include "protocols/rep3/rep3.h"
#include "protocols/rep3/rep3_malicious.h"

namespace smpc {
namespace {

using bench::product_layers;
using bench::run_each_iteration;

// Whole runs of `depth` layers of m multiplications: depth 2 minus depth 1 is the cost of m
// further multiplications alone.
void BM_Rep3RingMultiplications(benchmark::State& state) {
  const auto m = static_cast<std::uint32_t>(state.range(0));
  const int depth = static_cast<int>(state.range(1));
  const Rep3SemiHonest rep3(product_layers(CircuitDomain::kRing64, m, depth));
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
template <class P>
void aes_batch(benchmark::State& state) {
  REQUIRE_AES(state);
  const int blocks = static_cast<int>(state.range(0));
  Circuit c = bench::side_by_side(*bench::aes_circuit(), blocks);
  for (std::size_t g = 0; g < c.inputs.size(); ++g) c.inputs[g].owner = static_cast<PartyId>(g % 2);
  const P protocol(c);
  std::vector<PartyInput> in(kRep3Parties);
  Rng rng(5, 0, "bench.rep3-aes");
  for (PartyId p : {0, 1})
    for (std::size_t k = 0; k < c.input_wires_of(p).size(); ++k)
      in[static_cast<std::size_t>(p)].values.push_back(rng.next_bit() ? 1 : 0);
  run_each_iteration(state, protocol, in);
  // The time per block is 1 / AES/s.
  state.counters["AES/s"] = benchmark::Counter(blocks, benchmark::Counter::kIsIterationInvariantRate);
  state.counters["AND/s"] = benchmark::Counter(6400.0 * blocks,
                                               benchmark::Counter::kIsIterationInvariantRate);
}

void BM_Rep3Aes128Batch(benchmark::State& state) { aes_batch<Rep3SemiHonest>(state); }
BENCHMARK(BM_Rep3Aes128Batch)->Arg(1)->Arg(100)->Unit(benchmark::kMillisecond)->UseRealTime();

// The same batch under rep3_malicious (triples, cut-and-bucket, view comparison included).
void BM_Rep3MaliciousAes128Batch(benchmark::State& state) { aes_batch<Rep3Malicious>(state); }
BENCHMARK(BM_Rep3MaliciousAes128Batch)
    ->Arg(1)
    ->Arg(100)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();

}  // namespace
}  // namespace smpc

// Keeps freed memory in the process, as bgw_bench (bench/bench_runs.h says why).
int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
