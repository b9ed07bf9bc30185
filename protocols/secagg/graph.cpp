#include "protocols/secagg/graph.h"

#include <algorithm>
#include <numeric>

#include "protocols/core/rng.h"

namespace smpc {

SecAggGraph secagg_complete_graph(std::size_t clients) {
  SecAggGraph g(clients + 1);
  for (std::size_t u = 1; u <= clients; ++u)
    for (std::size_t v = 1; v <= clients; ++v)
      if (v != u) g[u].push_back(v);
  return g;
}

SecAggGraph secagg_harary_graph(std::size_t clients, std::size_t k, std::uint64_t seed) {
  if (k + 1 >= clients) return secagg_complete_graph(clients);
  // at[i]: the client at position i, a uniformly random permutation (Fisher–Yates).
  std::vector<std::size_t> at(clients);
  std::iota(at.begin(), at.end(), std::size_t{1});
  Rng rng(seed, 0, "secagg_plus harary relabelling");
  for (std::size_t i = clients; i > 1; --i) std::swap(at[i - 1], at[rng.uniform_below(i)]);
  SecAggGraph g(clients + 1);
  for (std::size_t i = 0; i < clients; ++i)
    for (std::size_t j = 1; j <= k / 2; ++j) {
      g[at[i]].push_back(at[(i + j) % clients]);
      g[at[i]].push_back(at[(i + clients - j) % clients]);
    }
  for (auto& n : g) std::sort(n.begin(), n.end());
  return g;
}

std::vector<std::size_t> secagg_holders(const SecAggGraph& g, std::size_t u) {
  std::vector<std::size_t> h = g[u];
  h.insert(std::lower_bound(h.begin(), h.end(), u), u);
  return h;
}

}  // namespace smpc
