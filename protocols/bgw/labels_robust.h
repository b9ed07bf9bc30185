// Message labels of bgw_robust: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

namespace smpc::labels::bgw_robust {

inline constexpr std::string_view
    kVssRows = "bgwr.vss.rows", kVssPairwise = "bgwr.vss.pairwise",
    kBcastSend = "bgwr.bcast.send", kBcastVote = "bgwr.bcast.vote",
    kBcastPropose = "bgwr.bcast.propose", kBcastKing = "bgwr.bcast.king",
    kMultChallenge = "bgwr.mult.challenge", kMultOpenRho = "bgwr.mult.open_rho",
    kMultOpenZ = "bgwr.mult.open_z", kMultReveal = "bgwr.mult.reveal", kOutput = "bgwr.output";

// Every label this protocol sends (a prefix such as kOt is only the stem of others).
inline constexpr std::string_view kAll[] = {kVssRows, kVssPairwise, kBcastSend, kBcastVote, kBcastPropose, kBcastKing, kMultChallenge, kMultOpenRho, kMultOpenZ, kMultReveal, kOutput};

}  // namespace smpc::labels::bgw_robust
