// Message labels of bgw_robust: the names adversary scripts, reports and docs use for its steps.
// Outside this folder, refer to them through these constants, never as string literals.
#pragma once

#include <string_view>

#include "protocols/core/message_label.h"

namespace smpc::labels::bgw_robust {

inline constexpr std::string_view
    kVssRows = "bgwr.vss.rows", kVssPairwise = "bgwr.vss.pairwise",
    kBcastSend = "bgwr.bcast.send", kBcastVote = "bgwr.bcast.vote",
    kBcastPropose = "bgwr.bcast.propose", kBcastKing = "bgwr.bcast.king",
    kMultChallenge = "bgwr.mult.challenge", kMultOpenRho = "bgwr.mult.open_rho",
    kMultOpenZ = "bgwr.mult.open_z", kMultReveal = "bgwr.mult.reveal", kOutput = "bgwr.output",
    kInputMask = "bgwr.input.mask", kInputMasked = "bgwr.input.masked";

// Every label this protocol sends, with its message layout (a prefix such as kOt is only the
// stem of others). Element numbers in scripts count across the parts, from 0.
inline constexpr MessageLabel kAll[] = {
    {kVssRows, "field elements: for each value the dealer shares (its inputs; per multiplication layer: ω, then c, β, γ per gate), the t + 1 coefficients of the recipient's row S(x, α_j)"},
    {kVssPairwise, "field elements: one per VSS instance of the batch (every dealer's values, dealer by dealer): the sender's row evaluated at the recipient's point (0 for a missing row)"},
    {kBcastSend, "one byte string: the sender's payload of a broadcast (VSS complaints, answers, unhappy sets or revealed rows)"},
    {kBcastVote, "one byte string: for each of the n senders in party order, a u32 length and the value the sender of this message holds for it"},
    {kBcastPropose, "one byte string: for each of the n senders in party order, a u32 length (or a no-proposal / bottom marker) and the proposed value"},
    {kBcastKing, "one byte string: the king's values, laid out as bgwr.bcast.vote"},
    {kMultChallenge, "one field element: the sender's share of the challenge r (the sum of the accepted dealers' ω)"},
    {kMultOpenRho, "field elements: the sender's share of ρ = r·a_i + β for each dealer i, then gate g of the layer (index i·m + g)"},
    {kMultOpenZ, "field elements: the sender's share of z = r·c − ρ·b_i + γ for each dealer i, then gate g of the layer (index i·m + g)"},
    {kMultReveal, "field elements: for each caught (dealer, gate), the sender's sub-shares of a_i, then b_i"},
    {kInputMask, "field elements (roles only): a server's share of the mask r of each input of the recipient client, in input order"},
    {kInputMasked, "field elements (roles only): a client's masked inputs x − r, in input order, to each server"},
    {kOutput, "field elements: the sender's share of each output wire of the recipient, in output order"},
};

}  // namespace smpc::labels::bgw_robust
