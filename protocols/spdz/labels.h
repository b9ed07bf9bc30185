// Message labels of spdz: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::spdz {

inline constexpr std::string_view
    kDealerCommit = "spdz.dealer.commit", kDealerSeed = "spdz.dealer.seed", kCoinCommit = "spdz.coin.commit",
    kCoinOpen = "spdz.coin.open", kInput = "spdz.input", kInputCheck = "spdz.input.check",
    kOpen = "spdz.open", kMacCheckCommit = "spdz.maccheck.commit",
    kMacCheckOpen = "spdz.maccheck.open", kOutput = "spdz.output", kAbort = "spdz.abort";

// Roles (clients, spdz.h "Roles"): the dealer contribution a server hands a client, a client's
// masked inputs, and the opened outputs a server sends a receiving client.
inline constexpr std::string_view kDealerClient = "spdz.dealer.client",
                                  kClientInput = "spdz.client.input",
                                  kClientOutput = "spdz.client.output";

// Fixed-point programs (protocols/fixedpoint/fixed.h): the masked openings of TruncPr and of
// the Mod2m of LTZ and Floor; their products open factor differences under kOpen, BitLT's d, e.
inline constexpr std::string_view kFxTrunc = "spdz.fx.trunc", kFxLtz = "spdz.fx.ltz";

// MASCOT preprocessing (mascot.h), "preprocessing": "mascot". kMascotOt is the stem of the KOS
// labels (kos.h): ".base", ".extend", ".commit", ".seed", ".check".
inline constexpr std::string_view
    kMascotOt = "spdz.mascot.ot", kMascotCopeBase = "spdz.mascot.cope.base",
    kMascotCoinCommit = "spdz.mascot.coin.commit", kMascotCoinOpen = "spdz.mascot.coin.open",
    kMascotMultiply = "spdz.mascot.multiply", kMascotCope = "spdz.mascot.cope",
    kMascotAuthCheck = "spdz.mascot.auth.check", kMascotSacrifice = "spdz.mascot.sacrifice",
    kMascotSacrificeZero = "spdz.mascot.sacrifice.zero",
    kMascotMacCheckCommit = "spdz.mascot.maccheck.commit",
    kMascotMacCheckOpen = "spdz.mascot.maccheck.open";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kDealerCommit, "bytes: the 32-byte commitment to the sender's contribution to the simulated dealer's common stream"},
    {kDealerSeed, "bytes: the sender's opened 32-byte contribution to the dealer's common stream, then the commitment's 32-byte randomness"},
    {kCoinCommit, "bytes: two 32-byte commitments, to the seeds of MACCheck 1 and MACCheck 2"},
    {kCoinOpen, "bytes: the opened MACCheck seed (32 bytes), then the commitment's 32-byte randomness"},
    {kInput, "field elements: ε = x − r for each input wire of the sender, in input order"},
    {kInputCheck, "bytes: the 32-byte hash of every ε value the sender received"},
    {kOpen, "field elements: for each multiplication gate of the layer in gate order, the sender's shares of d = x − a, then e = y − b (2 per gate); a fixed-point program's product batch: the sender's shares of d_x = x − a_x for each factor first used in the batch, in factor order (none: an empty message); a BitLT level: d, e per product"},
    {kMacCheckCommit, "bytes: the 32-byte commitment to the sender's σ values"},
    {kMacCheckOpen, "field elements: the sender's σ, one per MAC key; then bytes: the commitment's 32-byte randomness"},
    {kOutput, "field elements: the sender's share of each output wire (masked for restricted receivers), in output order"},
    {kFxTrunc, "field elements: fixed point, the sender's share of c = 2^(k-1) + a + r of each TruncPr of the batch, in program order"},
    {kFxLtz, "field elements: fixed point, the sender's share of c = 2^(k-1) + a + r of each LTZ or Floor of the batch (Mod2m, m = k - 1 or Floor's m), in program order"},
    {kDealerClient, "bytes: roles, the sending server's opened 32-byte contribution to the dealer's common stream, to a client"},
    {kClientInput, "field elements: roles, a client's ε = x − r for each of its input wires, in input order; then bytes: the 32-byte digest of the dealer stream its masks came from"},
    {kClientOutput, "field elements: roles, the opened y + s of each output wire the receiving client gets, in output order; then bytes: the 32-byte digest of the sender's dealer stream"},
    {kAbort, "bytes: the text \"spdz.abort\": the sender aborted"},
    {kMascotCopeBase, "MASCOT Π_COPE base OTs (Naor–Pinkas): the sender's point A, then the receiver's 61·k points B_i"},
    {"spdz.mascot.ot.base", "MASCOT KOS base OTs (IKNP setup, Naor–Pinkas points)"},
    {"spdz.mascot.ot.extend", "MASCOT KOS: the OT receiver's u, 128 columns of m' bits as blocks"},
    {"spdz.mascot.ot.commit", "bytes: MASCOT KOS, the 32-byte commitment to the receiver's coin share"},
    {"spdz.mascot.ot.seed", "bytes: MASCOT KOS, the sender's 32-byte coin share"},
    {"spdz.mascot.ot.check", "MASCOT KOS check: blocks x and t; then bytes: the receiver's coin share and commitment randomness"},
    {kMascotCoinCommit, "bytes: MASCOT, four 32-byte commitments to the coin seeds (combine, authentication check, sacrifice, MACCheck)"},
    {kMascotCoinOpen, "bytes: MASCOT, an opened coin seed (32 bytes) and its commitment randomness"},
    {kMascotMultiply, "field elements: MASCOT Gilboa messages d = q0 − q1 + b, 244 per triple (τ = 4 × 61 bits)"},
    {kMascotCope, "field elements: MASCOT Π_COPE u = t0 − t1 + x, 61·k per authenticated value (column-major)"},
    {kMascotAuthCheck, "field elements: MASCOT Π_[[·]] check, the sender's y = x_0 + Σ r_j x_j"},
    {kMascotSacrifice, "field elements: MASCOT sacrifice, the sender's shares of ρ = s·a − â, one per triple"},
    {kMascotSacrificeZero, "field elements: MASCOT sacrifice, the sender's shares of s·c − ĉ − ρ·b (must sum to 0), one per triple"},
    {kMascotMacCheckCommit, "bytes: MASCOT MACCheck, the 32-byte commitment to σ; bytes: the 32-byte digest of every y of Π_[[·]]'s check (echo broadcast)"},
    {kMascotMacCheckOpen, "field elements: MASCOT MACCheck σ, one per MAC key; then bytes: the commitment randomness"},
};

}  // namespace smpc::labels::spdz
