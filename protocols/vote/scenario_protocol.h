// Voting as a scenario protocol ("vote" in protocols/registry.cpp): `smpc run` drives
// run_vote (vote.h) with the election the function "tally" describes (ideal.h) and the roles'
// server count. Parties: servers 0..S−1 (roles.servers = S), voters S..S+V−1 (each gives its
// ballot, k entries), the bulletin board S+V (no input). The eight lock-step rounds, their
// checks and the transcript are vote.h's; the board's transcript reaches the report under
// party_results[S+V].vote_transcript, where `smpc verify tally report.json` finds it.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "protocols/core/protocol.h"
#include "protocols/vote/ideal.h"
#include "protocols/vote/vote.h"

namespace smpc::vote {

class VoteProtocol final : public Protocol {
 public:
  explicit VoteProtocol(VoteConfig cfg) : cfg_(cfg) {}
  std::string_view name() const override { return "vote"; }
  SecurityClaim claim(int parties) const override;
  const VoteConfig& config() const { return cfg_; }

 private:
  PartyOutput run_steps(PartyContext& ctx, const PartyInput& input) const override;
  VoteConfig cfg_;
};

// The claim for S servers and threshold t (spec and protocol share it).
SecurityClaim vote_claim(int servers, int t);

// vote_cost (vote.h) per message label, summed over all parties, and the causal rounds of an
// honest run without complaints (every voter admitted, malformed ballots included: they are
// rejected only after their check values are opened in round 7).
struct LabelCost {
  std::map<std::string, std::uint64_t> bytes;
  std::uint32_t rounds = 0;
};
LabelCost vote_label_cost(const VoteConfig& cfg);

}  // namespace smpc::vote
