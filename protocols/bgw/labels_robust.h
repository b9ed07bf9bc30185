// Message labels of bgw_robust: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::bgw_robust {

inline constexpr std::string_view kVssRows = "bgwr.vss.rows";
inline constexpr std::string_view kVssPairwise = "bgwr.vss.pairwise";
inline constexpr std::string_view kBcastSend = "bgwr.bcast.send";
inline constexpr std::string_view kBcastVote = "bgwr.bcast.vote";
inline constexpr std::string_view kBcastPropose = "bgwr.bcast.propose";
inline constexpr std::string_view kBcastKing = "bgwr.bcast.king";
inline constexpr std::string_view kMultChallenge = "bgwr.mult.challenge";
inline constexpr std::string_view kMultOpenRho = "bgwr.mult.open_rho";
inline constexpr std::string_view kMultOpenZ = "bgwr.mult.open_z";
inline constexpr std::string_view kMultReveal = "bgwr.mult.reveal";
inline constexpr std::string_view kOutput = "bgwr.output";

// Every label this protocol sends (a prefix label such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kVssRows, kVssPairwise, kBcastSend, kBcastVote, kBcastPropose, kBcastKing, kMultChallenge, kMultOpenRho, kMultOpenZ, kMultReveal, kOutput};

}  // namespace smpc::labels::bgw_robust
