// Malicious-security benchmarks.
//   build/release/bench/malicious_bench [--benchmark_filter=Spdz]
// Counters: "mult/s" (multiplications per second, all parties in threads on this machine),
// "rounds" and "bytes" (measured causal rounds and total bytes of one run), "sim_s" (simulated
// time of one run with 50 ms links at 100 Mbit/s).
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/bench_runs.h"
#include "protocols/bgw/bgw_robust.h"
#include "protocols/core/local_network.h"
#include "protocols/spdz/spdz.h"
#include "simulator/sim_network.h"

namespace smpc {
namespace {

// x·y for length-`len` vectors of parties 0 and 1: one layer of `len` multiplications.
Circuit inner_product(std::uint32_t len) {
  Circuit c;
  c.domain = CircuitDomain::kField61;
  c.inputs = {{"x", 0, {}}, {"y", 1, {}}};
  for (std::uint32_t k = 0; k < len; ++k) {
    c.inputs[0].wires.push_back(k);
    c.inputs[1].wires.push_back(len + k);
  }
  c.num_wires = 2 * len;
  std::uint32_t acc = 0;
  for (std::uint32_t k = 0; k < len; ++k) {
    c.gates.push_back({GateType::kMul, k, len + k, c.num_wires, 0});
    const std::uint32_t prod = c.num_wires++;
    if (k == 0) {
      acc = prod;
    } else {
      c.gates.push_back({GateType::kAdd, acc, prod, c.num_wires, 0});
      acc = c.num_wires++;
    }
  }
  c.outputs = {{"ip", {}, {acc}}};
  return c;
}

std::vector<PartyInput> inputs(int n, std::uint32_t len) {
  std::vector<PartyInput> in(static_cast<std::size_t>(n));
  for (std::uint32_t k = 0; k < len; ++k) {
    in[0].values.push_back(k);
    in[1].values.push_back(k + 1);
  }
  return in;
}

void report(benchmark::State& state, const RunResult& r, std::uint32_t len) {
  bench::count_rounds_and_bytes(state, r);
  state.counters["mult/s"] =
      benchmark::Counter(static_cast<double>(len), benchmark::Counter::kIsIterationInvariantRate);
}

void run_protocol(benchmark::State& state, const Protocol& protocol, int n, std::uint32_t len) {
  report(state, bench::last_of_local_runs(state, protocol, inputs(n, len)), len);
}

// Arguments {n, len}: `make(circuit, n)` builds the protocol for the length-len inner product.
template <typename Make>
void run_inner_product(benchmark::State& state, Make make) {
  const int n = static_cast<int>(state.range(0));
  const auto len = static_cast<std::uint32_t>(state.range(1));
  run_protocol(state, make(inner_product(len), n), n, len);
}

void BM_SpdzInnerProduct(benchmark::State& state) {
  run_inner_product(state, [](const Circuit& c, int) { return Spdz(c, 1, 0); });
}
BENCHMARK(BM_SpdzInnerProduct)->Args({3, 256})->Args({5, 256})->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_BgwRobustInnerProduct(benchmark::State& state) {
  run_inner_product(state, [](const Circuit& c, int n) { return BgwRobust(c, (n - 1) / 3, 5.0); });
}
BENCHMARK(BM_BgwRobustInnerProduct)->Args({4, 64})->Args({7, 64})->Unit(benchmark::kMillisecond)
    ->UseRealTime();

void BM_SimulatedInnerProduct(benchmark::State& state) {
  const int n = 4;
  const std::uint32_t len = 16;
  const Circuit c = inner_product(len);
  const auto in = inputs(n, len);
  const Spdz spdz(c, 1, 0);
  const BgwRobust bgw(c, 1, 1.0);
  const Protocol& protocol = state.range(0) == 0 ? static_cast<const Protocol&>(spdz) : bgw;
  SimRunOptions o;
  o.network.latency_s = 0.05;
  o.network.bandwidth_bytes_per_s = 100e6 / 8;
  o.deadline_s = 1e5;
  double sim = 0;
  for (auto _ : state) {
    const auto r = run_simulated(n, o, [&](PartyContext& ctx) {
      return protocol.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
    });
    if (!r.ok()) {
      state.SkipWithError(r.status().message().c_str());
      return;
    }
    sim = r->simulated_time_s;
  }
  state.SetLabel(state.range(0) == 0 ? "spdz" : "bgw_robust");
  state.counters["sim_s"] = sim;
}
BENCHMARK(BM_SimulatedInnerProduct)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
