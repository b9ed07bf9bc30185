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
                      V = static_cast<std::uint64_t>(c.voters),
                      k = static_cast<std::uint64_t>(c.candidates),
                      t = static_cast<std::uint64_t>(c.t);
  // The message sizes of vote_cost (Message::encoded_size: 6 bytes of header per part).
  const std::uint64_t shares = 6 + 6 * 32 * k, post = 6 + (4 * t + 2) * 32 * k;
  const std::uint64_t board_msg = 6 + V * (4 + (4 * t + 2) * 32 * k);
  const std::uint64_t check = 6 + 64 * V * (k + (c.one_of_k ? 1 : 0)), tally = 6 + 64 * k;
  LabelCost r;
  r.bytes = {{std::string(L::kShares), V * S * shares},
             {std::string(L::kPost), V * post},
             {std::string(L::kBoard), S * board_msg},
             {std::string(L::kComplain), S * 6},
             {std::string(L::kAccused), V * 6},
             {std::string(L::kComplaints), S * (6 + 4 * S)},
             {std::string(L::kAnswers), S * (6 + 4 * V)},
             // each server to the S − 1 others and the board
             {std::string(L::kCheckOpen), S * S * check},
             {std::string(L::kTallyOpen), S * S * tally}};
  // Causal depth: post (1) → board (2) → complain (3) → complaints (4); the answers (round 6)
  // follow the complaints received in round 3 (depth 4), the check openings (5) the answers,
  // the tally openings (6) the check openings. Round 5 carries nothing without complaints.
  r.rounds = 6;
  return r;
}

}  // namespace smpc::vote
