// Whole in-process runs for the benchmarks over LocalNetwork (bgw, rep3, dp, fixedpoint): the circuit
// of `depth` layers of m independent products, and the loop that runs every party over
// LocalNetwork once per iteration. Header only, no ../shared and no simulator needed.
#pragma once

#include <benchmark/benchmark.h>
#include <malloc.h>

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/local_network.h"
#include "protocols/core/ops.h"
#include "protocols/core/protocol.h"

namespace smpc::bench {

// Party 0 holds a_0 .. a_{m-1}, party 1 holds b_0 .. b_{m-1}; `depth` layers of m products
// (c_k = a_k b_k, then c_k b_k, ...) in `domain`; party 0 receives every product of the last
// layer, so each multiplication stands on its own (no inner product to fuse).
inline Circuit product_layers(CircuitDomain domain, std::uint32_t m, int depth) {
  Circuit c;
  c.domain = domain;
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

// One whole in-process run per iteration (a fresh seed each), party i with in[i]; returns the
// last run, whose output, rounds and bytes the caller reports (an error if any run's party
// aborted). Counter "cpu_ms": the busiest
// party's thread CPU time per run, which other load on the machine changes far less than the
// wall time (and which is what one party's machine would spend in a deployment). Counter
// "online_cpu_ms": the most any party spent outside its "offline" phase (Meter::set_phase,
// timed by Meter::on_phase on its thread), e.g. without SPDZ's simulated dealer.
inline RunResult last_of_local_runs(benchmark::State& state, const Protocol& protocol,
                                    const std::vector<PartyInput>& in) {
  std::uint64_t seed = 1;
  double cpu_total = 0, online_total = 0;
  RunResult last;
  for (auto _ : state) {
    std::vector<double> cpu(in.size(), 0), offline(in.size(), 0);
    last = run_local(static_cast<int>(in.size()), {seed++, 600}, [&](PartyContext& ctx) {
      const auto me = static_cast<std::size_t>(ctx.net.self());
      const double start = thread_cpu_seconds();
      double since = start;  // the current phase's start
      bool off = false;
      ctx.meter.on_phase([&](const std::string& phase) {
        const double now = thread_cpu_seconds();
        if (off) offline[me] += now - since;
        since = now;
        off = phase == "offline";
      });
      auto out = protocol.run(ctx, in[me]);
      ctx.meter.on_phase({});
      const double end = thread_cpu_seconds();
      if (off) offline[me] += end - since;
      cpu[me] = end - start;
      return out;
    });
    benchmark::DoNotOptimize(last.parties.data());
    cpu_total += *std::max_element(cpu.begin(), cpu.end());
    double online = 0;
    for (std::size_t p = 0; p < cpu.size(); ++p) online = std::max(online, cpu[p] - offline[p]);
    online_total += online;
    const bool aborted = std::any_of(last.parties.begin(), last.parties.end(),
                                     [](const PartyResult& p) { return p.status != PartyStatus::kOutput; });
    if (aborted) {  // every benchmarked run is honest: an abort is a bug
      state.SkipWithError("a run did not finish with its outputs");
      break;
    }
  }
  const auto runs = static_cast<double>(std::max<benchmark::IterationCount>(state.iterations(), 1));
  state.counters["cpu_ms"] = 1e3 * cpu_total / runs;
  state.counters["online_cpu_ms"] = 1e3 * online_total / runs;
  return last;
}

// The same, for benchmarks that need only the time and "cpu_ms".
inline void run_each_iteration(benchmark::State& state, const Protocol& protocol,
                               const std::vector<PartyInput>& in) {
  last_of_local_runs(state, protocol, in);
}

// Counters "rounds" (the largest round any party reached) and "bytes" (sent by all parties).
inline void count_rounds_and_bytes(benchmark::State& state, const RunResult& r) {
  std::uint32_t rounds = 0;
  std::uint64_t bytes = 0;
  for (const auto& p : r.parties) {
    rounds = std::max(rounds, p.meter.max_round);
    bytes += p.meter.sent.bytes;
  }
  state.counters["rounds"] = rounds;
  state.counters["bytes"] = static_cast<double>(bytes);
}

// A benchmark main that keeps freed memory in the process. glibc hands buffers above its
// (adaptive) mmap threshold back to the kernel when they are freed, and a later run then pays a
// page fault per 4 KiB of its share vectors: up to half of a 10^5-multiplication run's wall
// time on this VM, and varying with the order benchmarks run in. Keeping freed memory (as a
// long-running MPC engine's allocator does) measures the protocol instead. Same effect as
// GLIBC_TUNABLES=glibc.malloc.mmap_threshold=33554432:glibc.malloc.trim_threshold=4294967296.
inline int run_keeping_freed_memory(int argc, char** argv) {
  mallopt(M_MMAP_THRESHOLD, 32 << 20);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}

}  // namespace smpc::bench
