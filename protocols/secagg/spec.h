// The ProtocolSpec of secagg (protocols/core/protocol_spec.h), listed in protocols/registry.cpp.
#pragma once

#include "protocols/core/protocol_spec.h"
#include "protocols/core/share_cost.h"
#include "protocols/secagg/ideal.h"

namespace smpc {

const ProtocolSpec& secagg_spec();

// The exact cost of an honest secagg run of this shape that does not abort: bytes per label
// (a message is 1 byte plus 5 per part plus its elements, message.h) and 7 rounds. With
// N clients, n1 = |U1| = N, n2 = |U2|, n3 = |U3|, n5 = |U5| (clients still there in round 4):
//   secagg.advertise  N · (6 + 64)               two public keys
//   secagg.keys       n1 · (11 + 72 n1)          U1's ids (8 bytes) and keys (64 bytes)
//   secagg.shares     n2 · (11 + 112 (n1 - 1))   recipient ids and 104-byte ciphertexts
//   secagg.forward    n2 · (11 + 112 (n2 - 1))
//   secagg.masked     n3 · (6 + ceil(L k / 8))
//   secagg.survivors  n3 · (6 + 8 n3)
//   secagg.unmask     n5 · (6 + 40 n2)           5 chunks of 8 bytes per client of U2
ExactCost secagg_cost(const SecAggShape& shape);

// The threshold's default for N clients: floor(N/2) + 1.
int secagg_default_threshold(std::size_t clients);

}  // namespace smpc
