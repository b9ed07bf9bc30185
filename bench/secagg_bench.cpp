// secagg (protocols/secagg/secagg.h): the per-client work Bonawitz et al.'s protocol is made of.
//   BM_SecAggAgree        one key agreement: X25519 (crypto_scalarmult) + BLAKE2b;
//   BM_SecAggPrg/L        one mask: L words of the ChaCha20 PRG added to a vector;
//   BM_SecAggMasked/N     a client's round 2 with N - 1 peers and L = 1,000: N - 1 agreements
//                         and N masks (secagg_masked_input, as the client runs it).
// A SecAgg client does 2(N - 1) agreements in all (channel keys in round 1, mask keys in
// round 2); bench/secagg_scale.sh runs whole protocols (docs/performance.md).
#include <benchmark/benchmark.h>

#include "protocols/secagg/secagg.h"

namespace smpc {
namespace {

void BM_SecAggAgree(benchmark::State& state) {
  Rng rng(1, 0, "secagg-bench");
  const X25519Pair a = x25519_pair(rng), b = x25519_pair(rng);
  for (auto _ : state) benchmark::DoNotOptimize(x25519_agree(a.sk, b.pk, kSecAggMaskDomain));
}
BENCHMARK(BM_SecAggAgree)->Unit(benchmark::kMicrosecond);

void BM_SecAggPrg(benchmark::State& state) {
  Key32 seed{};
  std::vector<std::uint64_t> acc(static_cast<std::size_t>(state.range(0)), 0);
  for (auto _ : state) {
    secagg_add_prg(seed, 1, acc);
    ++seed[0];
  }
  benchmark::DoNotOptimize(acc.data());
}
BENCHMARK(BM_SecAggPrg)->Arg(1000)->Unit(benchmark::kMicrosecond);

void BM_SecAggMasked(benchmark::State& state) {
  const auto n = static_cast<std::size_t>(state.range(0));
  constexpr std::size_t kLength = 1000;
  Rng rng(2, 0, "secagg-bench");
  const X25519Pair me = x25519_pair(rng);
  std::vector<Key32> pks;
  std::vector<std::size_t> peers;
  for (std::size_t v = 2; v <= n; ++v) {
    pks.push_back(x25519_pair(rng).pk);
    peers.push_back(v);
  }
  Key32 b{};
  const std::vector<std::uint64_t> x(kLength, 7);
  for (auto _ : state) {
    std::vector<Key32> seeds;
    for (const auto& pk : pks) seeds.push_back(x25519_agree(me.sk, pk, kSecAggMaskDomain).value());
    benchmark::DoNotOptimize(secagg_masked_input(x, kLength, b, 1, peers, seeds));
  }
}
BENCHMARK(BM_SecAggMasked)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
