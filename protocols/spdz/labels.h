// Message labels of spdz: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::spdz {

inline constexpr std::string_view kDealerSeed = "spdz.dealer.seed";
inline constexpr std::string_view kCoinCommit = "spdz.coin.commit";
inline constexpr std::string_view kCoinOpen = "spdz.coin.open";
inline constexpr std::string_view kInput = "spdz.input";
inline constexpr std::string_view kInputCheck = "spdz.input.check";
inline constexpr std::string_view kOpen = "spdz.open";
inline constexpr std::string_view kMacCheckCommit = "spdz.maccheck.commit";
inline constexpr std::string_view kMacCheckOpen = "spdz.maccheck.open";
inline constexpr std::string_view kOutput = "spdz.output";
inline constexpr std::string_view kAbort = "spdz.abort";

// Every label this protocol sends (a prefix label such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kDealerSeed, kCoinCommit, kCoinOpen, kInput, kInputCheck, kOpen, kMacCheckCommit, kMacCheckOpen, kOutput, kAbort};

}  // namespace smpc::labels::spdz
