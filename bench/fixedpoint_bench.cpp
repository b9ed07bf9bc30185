// Fixed-point logistic-regression inference (protocols/fixedpoint/models.h): one run infers a
// batch of B feature vectors (20 features each) under one model, in threads over LocalNetwork:
// SPDZ with n = 2 parties (the model owner and the data owner), dealer preprocessing included,
// and semi-honest BGW with n = 3, t = 1 (the parties make the masks: bgw_program.h).
//   build/release/bench/fixedpoint_bench [--benchmark_filter=Batch/100]
// Time is the process's CPU time (every party's thread); counters: "inferences/s" (per CPU
// second), "party_us/inference" (the busiest party's thread CPU per inference), "rounds" and
// "bytes" of one run, "triples" (products) per inference; SPDZ also "online_us/inference" (the
// busiest party without the simulated dealer's work, below).
#include <benchmark/benchmark.h>

#include <algorithm>

#include "bench/bench_runs.h"
#include "protocols/bgw/bgw_semi_honest.h"
#include "protocols/core/local_network.h"
#include "protocols/fixedpoint/fixed.h"
#include "protocols/fixedpoint/models.h"
#include "protocols/spdz/spdz.h"

namespace smpc {
namespace {

constexpr std::size_t kFeatures = 20;

// One run's program, carrier circuit and inputs: B feature vectors under one 20-feature model;
// party 0 the model owner, party 1 the data owner, the others (bgw's third party) only compute.
struct LrBatch {
  fx::Program prog;
  Circuit carrier;
  std::vector<PartyInput> in;
};

LrBatch lr_batch(std::size_t batch, int parties) {
  const fx::Params params;
  fx::Model m;
  for (std::size_t i = 0; i < kFeatures; ++i) m.out.push_back(0.1 * static_cast<double>(i % 7) - 0.3);
  m.out_bias = 0.25;
  LrBatch b{fx::inference_program(m, params, batch), {}, std::vector<PartyInput>(static_cast<std::size_t>(parties))};
  InputGroup mg{"model", 0, {}}, xg{"features", 1, {}};
  for (double w : fx::model_inputs(m)) {
    mg.wires.push_back(static_cast<std::uint32_t>(mg.wires.size()));
    b.in[0].values.push_back(fx::to_field(*fx::encode(w, params)).value());
  }
  for (std::size_t k = 0; k < batch * kFeatures; ++k) {
    xg.wires.push_back(static_cast<std::uint32_t>(mg.wires.size() + k));
    b.in[1].values.push_back(fx::to_field(*fx::encode(0.05 * static_cast<double>(k % 13) - 0.3, params)).value());
  }
  OutputGroup out{"score", {1}, std::vector<std::uint32_t>(batch, 0)};
  b.carrier = fx::carrier_circuit(b.prog, {mg, xg}, {out});
  return b;
}

void run_batch(benchmark::State& state, const Protocol& protocol, const LrBatch& b, std::size_t batch) {
  const RunResult last = bench::last_of_local_runs(state, protocol, b.in);
  if (last.parties.size() < 2 || last.parties[1].status != PartyStatus::kOutput) {
    state.SkipWithError("the run did not output");
    return;
  }
  bench::count_rounds_and_bytes(state, last);
  state.counters["triples"] = static_cast<double>(fx::needs_of(b.prog).triples()) / static_cast<double>(batch);
  state.counters["inferences/s"] =
      benchmark::Counter(static_cast<double>(batch), benchmark::Counter::kIsIterationInvariantRate);
  // The busiest party's CPU per inference: what one party's own machine would spend.
  state.counters["party_us/inference"] = 1e3 * state.counters["cpu_ms"] / static_cast<double>(batch);
}

// SPDZ's busiest party outside the "offline" phase (bench_runs.h "online_cpu_ms"), i.e. without
// the simulated dealer's work, which every SPDZ party's thread does in full (spdz_dealer.h) and
// a deployment does on a dealer's machine or by MASCOT: what a party with its material handed
// to it spends (a trusted-dealer setting such as CrypTen's), timed on its own thread.
void BM_SpdzLogisticRegressionBatch(benchmark::State& state) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  const LrBatch b = lr_batch(batch, 2);
  const Spdz spdz(b.carrier, 1, 0, std::nullopt, b.prog);
  run_batch(state, spdz, b, batch);
  state.counters["online_us/inference"] = 1e3 * state.counters["online_cpu_ms"] / static_cast<double>(batch);
}
BENCHMARK(BM_SpdzLogisticRegressionBatch)
    ->Arg(1)->Arg(10)->Arg(100)->Arg(1000)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

// The same on semi-honest BGW (bgw_program.h), n = 3, t = 1: no dealer; "triples" counts the
// products the program needs (BGW reshares them instead).
void BM_BgwLogisticRegressionBatch(benchmark::State& state) {
  const auto batch = static_cast<std::size_t>(state.range(0));
  const LrBatch b = lr_batch(batch, 3);
  const BgwSemiHonest bgw(b.carrier, 1);
  run_batch(state, bgw, b, batch);
}
BENCHMARK(BM_BgwLogisticRegressionBatch)
    ->Arg(1)->Arg(10)->Arg(100)->Arg(1000)
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

// Freed memory stays in the process (bench_runs.h): otherwise each run above glibc's mmap
// threshold page-faults its preprocessing afresh, the cost that made large runs look superlinear.
int main(int argc, char** argv) { return smpc::bench::run_keeping_freed_memory(argc, argv); }
