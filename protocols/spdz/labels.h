// Message labels of spdz: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::spdz {

inline constexpr std::string_view
    kDealerSeed = "spdz.dealer.seed", kCoinCommit = "spdz.coin.commit",
    kCoinOpen = "spdz.coin.open", kInput = "spdz.input", kInputCheck = "spdz.input.check",
    kOpen = "spdz.open", kMacCheckCommit = "spdz.maccheck.commit",
    kMacCheckOpen = "spdz.maccheck.open", kOutput = "spdz.output", kAbort = "spdz.abort";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kDealerSeed, kCoinCommit, kCoinOpen, kInput, kInputCheck, kOpen, kMacCheckCommit, kMacCheckOpen, kOutput, kAbort};

}  // namespace smpc::labels::spdz
