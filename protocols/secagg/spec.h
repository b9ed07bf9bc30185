// The ProtocolSpec of secagg (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"
#include "protocols/core/share_cost.h"
#include "protocols/secagg/graph.h"
#include "protocols/secagg/ideal.h"

namespace smpc {

const ProtocolSpec& secagg_spec();
const ProtocolSpec& secagg_plus_spec();

// The exact cost of an honest run of this shape on graph g that does not abort: bytes per
// label (a message is 1 byte plus 5 per part plus its elements, message.h) and 7 rounds. With
// U1 = every client, U2, U3, U5 the clients still there in rounds 1, 2 and 4, H(u) = N(u) ∪ {u}
// and |A ∩ B| written A·B:
//   secagg.advertise  Σ_{U1} (6 + 64)                   two public keys
//   secagg.keys       Σ_{u ∈ U1} (11 + 72 H(u)·U1)      ids (8 bytes) and key pairs (64)
//   secagg.shares     Σ_{u ∈ U2} (11 + 112 (H(u)·U1 - 1))  recipient ids, 104-byte ciphertexts
//   secagg.forward    Σ_{v ∈ U2} (11 + 112 (H(v)·U2 - 1))
//   secagg.masked     |U3| (6 + ceil(L k / 8))
//   secagg.survivors  Σ_{u ∈ U3} (6 + 8 H(u)·U3)
//   secagg.unmask     Σ_{u ∈ U5} (6 + 40 H(u)·U2)       5 chunks of 8 bytes per secret
// For SecAgg (the complete graph) H(u)·U = |U|: e.g. keys = N (11 + 72 N).
ExactCost secagg_cost(const SecAggShape& shape, const SecAggGraph& g);
ExactCost secagg_cost(const SecAggShape& shape);  // the complete graph

// The threshold's default for N clients: floor(N/2) + 1.
int secagg_default_threshold(std::size_t clients);
// SecAgg+'s defaults: degree k = the even number >= 2 ceil(log2 N) (at most N - 1, rounded
// down to even), threshold k/2 + 1 of a neighbourhood's k + 1 holders.
std::size_t secagg_plus_default_degree(std::size_t clients);

// The fewest clients left where a threshold applies (each client's neighbourhood in U2 and U3,
// each secret's holders in U5, and U1, U2, U3, U5 themselves): t above it aborts.
std::size_t secagg_fewest_left(const SecAggShape& s, const SecAggGraph& g);

}  // namespace smpc
