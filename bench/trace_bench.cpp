// What `smpc run --trace` costs on a run of 1,012 messages (secure sum, 23 parties, LAN: each
// party sends a share to every other, then its partial sum): the simulated run with and without
// recording the timeline (SimRunOptions::record_trace), and writing the Chrome trace from the
// recorded run (reports/trace.h), with the file's size as counters (docs/performance.md,
// "Traces").
#include <sys/resource.h>

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "reports/trace.h"
#include "scenarios/runner.h"

namespace {

constexpr int kParties = 23;  // 2 n (n - 1) = 1,012 messages

const smpc::Scenario& scenario() {
  static const smpc::Scenario s = [] {
    std::ifstream in(SMPC_SOURCE_DIR "/scenarios/examples/sum_5_lan.json");
    auto j = nlohmann::json::parse(in);
    j["parties"] = kParties;
    j["inputs"] = nlohmann::json::array();
    for (int p = 0; p < kParties; ++p) j["inputs"].push_back(p + 1);
    const std::string path = "/tmp/smpc-bench-trace-sum23.json";
    std::ofstream(path) << j.dump();
    auto loaded = smpc::load_scenario_file(path);
    if (!loaded.ok()) std::abort();
    return *loaded;
  }();
  return s;
}

smpc::RunRecord run(bool trace) {
  smpc::RunOptions o;
  o.record_trace = trace;
  auto r = smpc::run_scenario(scenario(), o);
  if (!r.ok()) std::abort();
  return *r;
}

// The simulation runs in a forked child (one SimGrid engine per process), whose CPU time the
// CPU column does not see: reaped children's CPU seconds so far.
double children_cpu_s() {
  rusage u{};
  ::getrusage(RUSAGE_CHILDREN, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec) * 1e-6;
}

void runs(benchmark::State& state, bool trace) {
  const double start = children_cpu_s();
  for (auto _ : state) benchmark::DoNotOptimize(run(trace));
  state.counters["child_cpu_ms"] =
      (children_cpu_s() - start) * 1e3 / static_cast<double>(state.iterations());
}

void BM_RunWithoutTrace(benchmark::State& state) { runs(state, false); }
BENCHMARK(BM_RunWithoutTrace)->Unit(benchmark::kMillisecond);

void BM_RunRecordingTrace(benchmark::State& state) { runs(state, true); }
BENCHMARK(BM_RunRecordingTrace)->Unit(benchmark::kMillisecond);

void BM_WriteChromeTrace(benchmark::State& state) {
  const smpc::RunRecord record = run(true);
  std::size_t bytes = 0;
  for (auto _ : state) {
    const smpc::ChromeTrace t = smpc::chrome_trace(record);
    bytes = t.json.size();
    benchmark::DoNotOptimize(t.json.data());
  }
  const auto messages = static_cast<double>(record.run.trace.messages.size());
  state.counters["messages"] = messages;
  state.counters["file_bytes"] = static_cast<double>(bytes);
  state.counters["bytes_per_message"] = static_cast<double>(bytes) / messages;
}
BENCHMARK(BM_WriteChromeTrace)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
