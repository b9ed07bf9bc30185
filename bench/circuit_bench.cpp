// Circuit benchmarks: parsing and evaluating the Bristol Fashion SHA-256 compression circuit
// (135,073 gates), plus the analysis passes and the alternative evaluators.
//   build/release/bench/circuit_bench [--benchmark_filter=Sha256]
// Every benchmark reports an error (and does not run) when ../shared is absent.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <optional>
#include <random>
#include <sstream>
#include <string>

#include "bench/bench_support.h"
#include "protocols/core/bristol.h"
#include "protocols/core/circuit.h"
#include "protocols/core/circuit_analysis.h"
#include "protocols/core/circuit_builder.h"
#include "protocols/core/circuit_eval.h"

namespace smpc {
namespace {

using bench::kBristolDir;

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) return std::nullopt;
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// The circuit text and the parsed circuit, loaded once.
struct Sha256 {
  std::optional<std::string> text;
  std::optional<Circuit> circuit;
  Sha256() {
    text = read_file(kBristolDir + "sha256.txt");
    if (!text) return;
    auto c = parse_bristol(*text, BristolFormat::kFashion, "sha256.txt");
    if (c.ok()) circuit = std::move(c).value();
  }
};
const Sha256& sha256() {
  static const Sha256 s;
  return s;
}

std::vector<std::vector<std::uint64_t>> random_inputs(const Circuit& c, bool words) {
  std::mt19937_64 rng(1);
  std::vector<std::vector<std::uint64_t>> in;
  for (const auto& g : c.inputs) {
    std::vector<std::uint64_t> v(g.wires.size());
    for (auto& x : v) x = words ? rng() : (rng() & 1);
    in.push_back(std::move(v));
  }
  return in;
}

#define REQUIRE_SHA256(state) SMPC_BENCH_REQUIRE(state, sha256().circuit, "sha256.txt")

// One evaluation of SHA-256 per iteration with `eval`, on random bits (or 64-bit words for the
// bit-sliced evaluators).
template <typename Eval>
void evaluate_sha256(benchmark::State& state, bool words, Eval eval) {
  const Circuit& c = *sha256().circuit;
  const auto in = random_inputs(c, words);
  for (auto _ : state) {
    auto out = eval(c, in);
    benchmark::DoNotOptimize(out);
  }
}

void BM_ParseSha256(benchmark::State& state) {
  REQUIRE_SHA256(state);
  for (auto _ : state) {
    auto c = parse_bristol(*sha256().text, BristolFormat::kFashion, "sha256.txt");
    benchmark::DoNotOptimize(c);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) *
                          static_cast<std::int64_t>(sha256().text->size()));
}
BENCHMARK(BM_ParseSha256)->Unit(benchmark::kMillisecond);

void BM_LoadSha256(benchmark::State& state) {  // read the file + parse
  REQUIRE_SHA256(state);
  for (auto _ : state) {
    auto c = load_bristol(kBristolDir + "sha256.txt", BristolFormat::kFashion);
    benchmark::DoNotOptimize(c);
  }
}
BENCHMARK(BM_LoadSha256)->Unit(benchmark::kMillisecond);

void BM_EvaluateSha256(benchmark::State& state) {
  REQUIRE_SHA256(state);
  evaluate_sha256(state, false, [](const Circuit& c, const auto& in) { return evaluate(c, in); });
  state.counters["gates/s"] = benchmark::Counter(
      static_cast<double>(sha256().circuit->gates.size()) *
          static_cast<double>(state.iterations()),
      benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EvaluateSha256)->Unit(benchmark::kMicrosecond);

void BM_EvaluatePacked64Sha256(benchmark::State& state) {  // 64 evaluations per call
  REQUIRE_SHA256(state);
  evaluate_sha256(state, true,
                  [](const Circuit& c, const auto& in) { return evaluate_packed(c, in); });
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations()) * 64);
}
BENCHMARK(BM_EvaluatePacked64Sha256)->Unit(benchmark::kMicrosecond);

void BM_EvaluateBoundedSha256(benchmark::State& state) {
  REQUIRE_SHA256(state);
  const WireSlots slots = assign_wire_slots(*sha256().circuit);
  evaluate_sha256(state, false, [&](const Circuit& c, const auto& in) {
    return evaluate_bounded(c, slots, in);
  });
  state.counters["slots"] = slots.num_slots;
}
BENCHMARK(BM_EvaluateBoundedSha256)->Unit(benchmark::kMicrosecond);

void BM_AndDepthSha256(benchmark::State& state) {  // Boost.Graph build + topological sort
  REQUIRE_SHA256(state);
  for (auto _ : state) benchmark::DoNotOptimize(and_depth(*sha256().circuit));
}
BENCHMARK(BM_AndDepthSha256)->Unit(benchmark::kMillisecond);

void BM_ExportSha256(benchmark::State& state) {
  REQUIRE_SHA256(state);
  for (auto _ : state) {
    auto text = to_bristol_fashion(*sha256().circuit);
    benchmark::DoNotOptimize(text);
  }
}
BENCHMARK(BM_ExportSha256)->Unit(benchmark::kMillisecond);

void BM_BuildSort64x32(benchmark::State& state) {  // builder: Batcher sort of 64 32-bit values
  for (auto _ : state) {
    CircuitBuilder b;
    std::vector<CircuitBuilder::Wires> v;
    for (int i = 0; i < 64; ++i) v.push_back(b.input("v", 0, 32));
    auto s = b.sort(v);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(BM_BuildSort64x32)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
