#include "scenarios/secagg_checks.h"

#include <string>

#include "protocols/secagg/secagg.h"

namespace smpc {

SecAggLateInput secagg_late_input_leak(int trials) {
  constexpr std::size_t kClients = 4, kLength = 16;
  constexpr unsigned kBits = 32;
  SecAggLateInput r;
  r.trials = trials;
  for (int t = 0; t < trials; ++t) {
    Rng rng(static_cast<std::uint64_t>(t) + 1, 0, "secagg late input check");
    std::vector<X25519Pair> s(kClients + 1);
    for (std::size_t u = 1; u <= kClients; ++u) s[u] = x25519_pair(rng);
    Key32 b;
    rng.fill(b);
    std::vector<std::uint64_t> x(kLength);
    for (auto& v : x) v = rng.next_u64() & secagg_mask(kBits);
    std::vector<std::size_t> peers;
    std::vector<Key32> seeds;
    for (std::size_t v = 2; v <= kClients; ++v) {
      peers.push_back(v);
      seeds.push_back(x25519_agree(s[1].sk, s[v].pk, kSecAggMaskDomain).value());
    }
    auto y = secagg_masked_input(x, kLength, b, 1, peers, seeds);
    // The server, holding s_1^SK and the others' public keys, removes the pairwise masks.
    for (std::size_t v = 2; v <= kClients; ++v) {
      const Key32 seed = x25519_agree(s[1].sk, s[v].pk, kSecAggMaskDomain).value();
      secagg_add_prg(seed, ~secagg_sign(1, v) + 1, y);
    }
    for (auto& v : y) v &= secagg_mask(kBits);
    if (y == x) ++r.unmasked;
  }
  return r;
}

}  // namespace smpc
