// psi_dh (protocols/psi/psi.h), Huberman–Franklin–Hogg PSI over ristretto255:
//   BM_PsiHashToGroup, BM_PsiScalarMul  the per-element operations (one thread);
//   BM_PsiLocal/n   a whole PSI of n x n elements (half of them shared), intersection to party
//                   0, both parties on LocalNetwork threads. Counters: "cpu_us_per_elem_side",
//                   the process CPU time (both parties and any helper threads) / (2n), and
//                   "cpu_s" per run;
//   BM_PsiSim/n/c   the same on SimNetwork (LAN: 0.1 ms, 1 Gbit/s; both parties in one forked
//                   process): "sim_ms" (c = 0: network only, the time the 32-byte points need on
//                   the wire; c = 1: with the ops compute model's reference profile) and the
//                   child's CPU.
// Each element costs a side one hash to the group and two scalar products (its own point, and
// the other side's point for that element's share of the other set).
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <numeric>

#include "bench/bench_support.h"
#include "protocols/core/local_network.h"
#include "protocols/psi/psi.h"

namespace smpc {
namespace {

double cpu_seconds(int who) {
  rusage u{};
  getrusage(who, &u);
  return static_cast<double>(u.ru_utime.tv_sec + u.ru_stime.tv_sec) +
         1e-6 * static_cast<double>(u.ru_utime.tv_usec + u.ru_stime.tv_usec);
}

// Party 0: 0 .. n-1; party 1: n/2 .. 3n/2-1 (so |X ∩ Y| = n/2).
std::vector<PartyInput> psi_inputs(std::size_t n) {
  std::vector<std::uint64_t> x(n), y(n);
  std::iota(x.begin(), x.end(), 0u);
  std::iota(y.begin(), y.end(), n / 2);
  return {{psi_element_bits(x)}, {psi_element_bits(y)}};
}

void BM_PsiHashToGroup(benchmark::State& state) {
  std::uint64_t i = 0;
  for (auto _ : state) {
    std::array<std::uint8_t, 8> x;
    store_le64(x.data(), i++);
    benchmark::DoNotOptimize(RistrettoPoint::hash_sha512(kPsiHashDomain, x));
  }
}
BENCHMARK(BM_PsiHashToGroup)->Unit(benchmark::kMicrosecond);

void BM_PsiScalarMul(benchmark::State& state) {
  Rng rng(1, 0, "psi-bench");
  const Scalar a = Scalar::random(rng);
  RistrettoPoint p = RistrettoPoint::random(rng);
  for (auto _ : state) p = *p.mul(a);
  benchmark::DoNotOptimize(p);
}
BENCHMARK(BM_PsiScalarMul)->Unit(benchmark::kMicrosecond);

void BM_PsiLocal(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const DhPsi psi({n, n, PsiOutput::kReceiver});
  const auto in = psi_inputs(n);
  std::uint64_t seed = 1;
  const double cpu_start = cpu_seconds(RUSAGE_SELF);
  for (auto _ : state) {
    const auto r = run_local(2, {seed++, 3600}, [&](PartyContext& ctx) {
      return psi.run(ctx, in[static_cast<std::size_t>(ctx.net.self())]);
    });
    if (r.parties[0].status != PartyStatus::kOutput) state.SkipWithError("run failed");
    const auto& out = r.parties[0].outputs;
    if (std::accumulate(out.begin(), out.end(), std::uint64_t{0}) != n / 2)
      state.SkipWithError("wrong intersection");
  }
  const double cpu = (cpu_seconds(RUSAGE_SELF) - cpu_start) / static_cast<double>(state.iterations());
  state.counters["cpu_s"] = cpu;
  state.counters["cpu_us_per_elem_side"] = 1e6 * cpu / (2.0 * static_cast<double>(n));
}
BENCHMARK(BM_PsiLocal)->Arg(1 << 10)->Arg(1 << 16)->Iterations(1)->Unit(benchmark::kSecond)->UseRealTime();

// state.range(1) = 1: the ops compute model with the built-in reference profile (issue 16), so
// sim_ms is network and computation.
void BM_PsiSim(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  const DhPsi psi({n, n, PsiOutput::kReceiver});
  const auto in = psi_inputs(n);
  SimRunOptions options;
  if (state.range(1) == 1) options.compute.model = ComputeModel::kOps;
  options.network.latency_s = 0.0001;
  options.network.bandwidth_bytes_per_s = 125e6;
  options.deadline_s = 3600;
  const double cpu_start = cpu_seconds(RUSAGE_CHILDREN);
  const auto sim = bench::simulate_each_iteration(state, psi, in, options);
  if (!sim) return;
  const double cpu = (cpu_seconds(RUSAGE_CHILDREN) - cpu_start) / static_cast<double>(state.iterations());
  state.counters["sim_ms"] = *sim * 1e3;
  state.counters["cpu_s"] = cpu;
  state.counters["cpu_us_per_elem_side"] = 1e6 * cpu / (2.0 * static_cast<double>(n));
}
BENCHMARK(BM_PsiSim)
    ->Args({1 << 10, 0})
    ->Args({1 << 16, 0})
    ->Args({1 << 16, 1})
    ->Iterations(1)
    ->Unit(benchmark::kSecond);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
