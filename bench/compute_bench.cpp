// What counting operations costs (issue 16: < 5% of the primitive). Counting is one add to a
// thread-local slot; the primitive where that matters most is the F_p product (~1-2 ns), so it
// is measured with and without the count in the same loop shape. Every other counted primitive
// counts once per call or per batch and costs far more per call (AES block: one count per
// batch; a BLAKE2b call: ~300 ns), which BM_CountAlone against BM_Kernel puts in numbers.
#include <benchmark/benchmark.h>

#include <vector>

#include "protocols/core/field.h"
#include "protocols/core/ops.h"
#include "scenarios/calibrate.h"

namespace smpc {
namespace {

constexpr std::size_t kN = 1024;

template <bool kCounted>
void BM_Fp61InnerProduct(benchmark::State& state) {
  std::vector<Fp61> a(kN), b(kN);
  for (std::size_t i = 0; i < kN; ++i) a[i] = Fp61::from_u64(i * 7 + 1), b[i] = Fp61::from_u64(i + 3);
  for (auto _ : state) {
    Fp61 acc;
    for (std::size_t i = 0; i < kN; ++i)
      acc += kCounted ? a[i] * b[i] : Fp61::mul_uncounted(a[i], b[i]);
    benchmark::DoNotOptimize(acc);
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kN));
  take_op_counts();
}
BENCHMARK(BM_Fp61InnerProduct<true>)->Name("BM_Fp61InnerProduct/counted");
BENCHMARK(BM_Fp61InnerProduct<false>)->Name("BM_Fp61InnerProduct/uncounted");

// One count_op per item, through an opaque op so the adds cannot be merged.
void BM_CountAlone(benchmark::State& state) {
  volatile auto op = static_cast<std::uint8_t>(Op::kAesBlock);
  for (auto _ : state) {
    for (std::size_t i = 0; i < kN; ++i) count_op(static_cast<Op>(op));
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * kN));
  take_op_counts();
}
BENCHMARK(BM_CountAlone);

// Each operation's calibration kernel, counted as `smpc calibrate` uses it (items = its ops).
void BM_Kernel(benchmark::State& state) {
  const auto op = static_cast<Op>(state.range(0));
  state.SetLabel(std::string(op_name(op)));
  take_op_counts();
  for (auto _ : state) benchmark::DoNotOptimize(run_op_kernel(op, 1));
  state.SetItemsProcessed(static_cast<std::int64_t>(take_op_counts()[op]));
}
BENCHMARK(BM_Kernel)->DenseRange(0, static_cast<int>(kOpCount) - 1);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
