// Fixed-point logistic-regression inference on SPDZ (protocols/fixedpoint/models.h): one run
// infers a batch of B feature vectors (20 features each) under one model, n = 2 parties (the
// model owner and the data owner) in threads over LocalNetwork, dealer preprocessing included.
//   build/release/bench/fixedpoint_bench [--benchmark_filter=Batch/100]
// Time is the process's CPU time (every party's thread); counters: "inferences/s" (per CPU
// second), "rounds" and "bytes" of one run, "triples" dealt per inference.
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/bench_runs.h"
#include "protocols/core/local_network.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/fixedpoint/models.h"
#include "protocols/spdz/spdz.h"

namespace smpc {
namespace {

constexpr std::size_t kFeatures = 20;

void BM_SpdzLogisticRegressionBatch(benchmark::State& state) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  const fx::Params params;
  fx::Model m;
  for (std::size_t i = 0; i < kFeatures; ++i) m.out.push_back(0.1 * static_cast<double>(i % 7) - 0.3);
  m.out_bias = 0.25;
  const fx::Program prog = fx::inference_program(m, params, batch);
  InputGroup mg{"model", 0, {}}, xg{"features", 1, {}};
  std::vector<PartyInput> in(2);
  for (double w : fx::model_inputs(m)) {
    mg.wires.push_back(static_cast<std::uint32_t>(mg.wires.size()));
    in[0].values.push_back(fx::to_field(*fx::encode(w, params)).value());
  }
  for (std::size_t k = 0; k < batch * kFeatures; ++k) {
    xg.wires.push_back(static_cast<std::uint32_t>(mg.wires.size() + k));
    in[1].values.push_back(fx::to_field(*fx::encode(0.05 * static_cast<double>(k % 13) - 0.3, params)).value());
  }
  OutputGroup out{"score", {1}, std::vector<std::uint32_t>(batch, 0)};
  const Spdz spdz(fx::carrier_circuit(prog, {mg, xg}, {out}), 1, 0, std::nullopt, prog);
  const RunResult last = bench::last_of_local_runs(state, spdz, in);
  if (last.parties[1].status != PartyStatus::kOutput) state.SkipWithError("the run did not output");
  bench::count_rounds_and_bytes(state, last);
  state.counters["triples"] = static_cast<double>(fx::needs_of(prog).triples(params)) / static_cast<double>(batch);
  state.counters["inferences/s"] =
      benchmark::Counter(static_cast<double>(batch), benchmark::Counter::kIsIterationInvariantRate);
}
BENCHMARK(BM_SpdzLogisticRegressionBatch)
    ->Arg(1)->Arg(10)->Arg(100)->Arg(1000)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

// Freed memory stays in the process (bench_runs.h): otherwise each run above glibc's mmap
// threshold page-faults its preprocessing afresh, the cost that made large runs look superlinear.
int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
