// Message labels of secagg: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::secagg {

inline constexpr std::string_view kAdvertise = "secagg.advertise", kKeys = "secagg.keys",
                                 kShares = "secagg.shares", kForward = "secagg.forward",
                                 kMasked = "secagg.masked", kSurvivors = "secagg.survivors",
                                 kUnmask = "secagg.unmask";

// Every label this protocol sends, with its message layout. Element numbers in scripts count
// across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kAdvertise, "points: the client's two X25519 public keys c_pk, s_pk (round 0, client to server)"},
    {kKeys, "ring64: the ids of U1 within the recipient's neighbourhood and itself (all of U1 for secagg); points: c_pk, s_pk of each, in that order (round 0, server to each client of U1)"},
    {kShares, "ring64: the recipients v (the sender's neighbours in U1: all of U1 but the sender for secagg); bytes: one 104-byte AEAD ciphertext per recipient of (u, v, shares of b_u and s_u^SK) (round 1)"},
    {kForward, "ring64: the senders u (the recipient's neighbours in U2); bytes: their ciphertexts for the recipient (round 1, server to each client of U2)"},
    {kMasked, "bytes: the masked vector y_u, L values of k bits packed little-endian (round 2)"},
    {kSurvivors, "ring64: the ids of U3 within the recipient's neighbourhood and itself (round 2, server to each client of U3)"},
    {kUnmask, "field61: for each v of U2 in the sender's neighbourhood and itself, in id order, 5 chunks of v's share: of b_v if v is in U3, else of s_v^SK (round 4)"},
};

}  // namespace smpc::labels::secagg
