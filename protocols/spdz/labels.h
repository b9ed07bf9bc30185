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
    {kOpen, "field elements: for each multiplication gate of the layer in gate order, the sender's shares of d = x − a, then e = y − b (2 per gate)"},
    {kMacCheckCommit, "bytes: the 32-byte commitment to the sender's σ values"},
    {kMacCheckOpen, "field elements: the sender's σ, one per MAC key; then bytes: the commitment's 32-byte randomness"},
    {kOutput, "field elements: the sender's share of each output wire (masked for restricted receivers), in output order"},
    {kAbort, "bytes: the text \"spdz.abort\": the sender aborted"},
};

}  // namespace smpc::labels::spdz
