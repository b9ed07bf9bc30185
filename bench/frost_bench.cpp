// FROST(ristretto255, SHA-512) round two for one signer (protocols/frost/sign_protocol.h):
//   build/release/bench/frost_bench
// BM_FrostRoundTwo/<min>/<n>: a min-of-n group (trusted dealer), `min` signers' round-one
// commitments, and per iteration what a signer does between receiving the coordinator's
// package and sending z_i: decode the wire bytes, check the package (decode and validate 2·min
// points), binding factors, group commitment (min variable-base multiplications), challenge,
// Lagrange coefficient, z_i. The CPU column is process CPU time (read_points decodes on every
// core), the CPU a signer spends whatever the machine's other load; Time is wall time.
#include <benchmark/benchmark.h>

#include <array>
#include <cstdint>
#include <vector>

#include "protocols/frost/sign_protocol.h"

namespace smpc {
namespace {

using namespace smpc::frost;

void BM_FrostRoundTwo(benchmark::State& state) {
  const int min = static_cast<int>(state.range(0));
  const int n = static_cast<int>(state.range(1));
  Rng rng(1, 0, "frost-bench");
  const KeyShares keys = trusted_dealer_keygen(rng, min, n);
  SignConfig cfg;
  cfg.group = {min, n, keys.group_public_key, keys.public_shares};
  const Bytes msg(32, 0x42);
  cfg.messages = {msg};
  CommitmentList list;
  std::vector<RoundOne> r1;
  for (int i = 1; i <= min; ++i) {  // signers 1..min (the set does not change the cost)
    std::array<std::uint8_t, 32> a, b;
    rng.fill(a);
    rng.fill(b);
    const auto id = static_cast<std::uint64_t>(i);
    cfg.signers.push_back(id);
    r1.push_back(commit(id, keys.shares[id - 1], a, b));
    list.push_back(r1.back().commitment);
  }
  const Bytes wire = signing_package(list, msg).encode();
  const std::size_t me = static_cast<std::size_t>(min) / 2;  // a signer in the middle
  for (auto _ : state) {
    const Message package = Message::decode(wire).value();
    const Scalar z = sign_round_two(package, cfg, msg, keys.shares[me], r1[me]);
    benchmark::DoNotOptimize(z);
  }
  state.counters["package_bytes"] = static_cast<double>(wire.size());
}
BENCHMARK(BM_FrostRoundTwo)
    ->Args({667, 1000})
    ->Args({2, 3})
    ->MeasureProcessCPUTime()
    ->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace smpc

BENCHMARK_MAIN();
