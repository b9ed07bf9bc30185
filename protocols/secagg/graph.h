// Who shares keys and masks with whom. Bonawitz et al.'s SecAgg uses every pair of clients (the
// complete graph); SecAgg+ (Bell, Bonawitz, Gascón, Lepoint, Raykova, "Secure single-server
// aggregation with (poly)logarithmic overhead", CCS 2020, eprint 2020/704) uses a sparse
// random k-regular graph: the Harary graph H(N, k) (client at position i adjacent to the
// positions i ± 1 .. i ± k/2 mod N) under a uniformly random relabelling of the clients. Every
// party derives the same graph from a public seed (the scenario's, protocol parameter
// graph_seed); the server could equally choose and announce it (in the semi-honest model
// nothing changes).
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace smpc {

// graph[u]: the neighbours of client u (1 .. N), sorted, without u; graph[0] is empty.
using SecAggGraph = std::vector<std::vector<std::size_t>>;

SecAggGraph secagg_complete_graph(std::size_t clients);
// k even, 2 <= k; k >= N - 1 gives the complete graph.
SecAggGraph secagg_harary_graph(std::size_t clients, std::size_t k, std::uint64_t seed);

// N(u) ∪ {u}, sorted: the clients that hold shares of u's secrets.
std::vector<std::size_t> secagg_holders(const SecAggGraph& g, std::size_t u);

}  // namespace smpc
