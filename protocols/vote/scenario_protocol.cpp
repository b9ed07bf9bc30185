#include "protocols/vote/scenario_protocol.h"

#include "protocols/vote/labels.h"

namespace smpc::vote {

SecurityClaim vote_claim(int servers, int t) {
  return {AdversaryModel::kMalicious, t, OutputGuarantee::kGuaranteedOutputDelivery,
          "malicious, up to t = " + std::to_string(t) + " of the " + std::to_string(servers) +
              " servers (3t + 1 <= S) and any number of voters; every honest server and the "
              "bulletin board output the tally of the valid ballots cast (a corrupted voter's "
              "ballot counts only if valid, or not at all); the bulletin board (the last "
              "party) is trusted for consistency, and the rounds are synchronous"};
}

SecurityClaim VoteProtocol::claim(int /*parties*/) const {
  return vote_claim(cfg_.servers, cfg_.t);
}

PartyOutput VoteProtocol::run_steps(PartyContext& ctx, const PartyInput& input) const {
  return run_vote(ctx, cfg_, input.values);
}

LabelCost vote_label_cost(const VoteConfig& c) {
  namespace L = labels::vote;
  const std::uint64_t S = static_cast<std::uint64_t>(c.servers),
                      V = static_cast<std::uint64_t>(c.voters);
  const VoteMessageSizes m = vote_message_sizes(c);
  LabelCost r;
  r.bytes = {{std::string(L::kShares), V * S * m.shares},
             {std::string(L::kPost), V * m.post},
             {std::string(L::kBoard), S * m.board_msg},
             {std::string(L::kComplain), S * m.complain},
             {std::string(L::kAccused), V * m.accused},
             {std::string(L::kComplaints), S * m.complaints},
             {std::string(L::kAnswers), S * m.answers},
             // each server to the S − 1 others and the board
             {std::string(L::kCheckOpen), S * S * m.check},
             {std::string(L::kTallyOpen), S * S * m.tally}};
  // Causal depth: post (1) → board (2) → complain (3) → complaints (4); the answers (round 6)
  // follow the complaints received in round 3 (depth 4), the check openings (5) the answers,
  // the tally openings (6) the check openings. Round 5 carries nothing without complaints.
  r.rounds = 6;
  return r;
}

}  // namespace smpc::vote
