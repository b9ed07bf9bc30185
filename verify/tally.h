// The public check of a voting transcript (protocols/vote/vote.h writes it; format
// "smpc-vote-transcript/1", docs/applications.md "Voting"). Written against the documented
// format only, as a third party would, not against the protocol's code: posts are parsed here
// from their layout, and every check is a Pedersen-commitment identity over ristretto255.
//
// What is verified, from public data alone:
//   1. the roll: one ballot per voter first_voter .. first_voter + voters − 1, none twice;
//   2. every ballot that is counted or rejected has a well-formed post (canonical points,
//      non-identity commitments C_{i,m}, F_{i,m}) and its check openings match it:
//      Commit(c_i, γ_i) = F_{i,0}, and for one_of_k Commit(s, r) = Σ_i C_{i,0};
//   3. counted ballots opened c_i = 0 for every i (and s = 1 for one_of_k); rejected ones
//      opened some c_i ≠ 0 (or s ≠ 1): a rejection is justified by the opened values;
//   4. the tally: Σ_{counted v} C_{v,i,0} = Commit(T_i, R_i) for every candidate i;
//   5. counts: counted + rejected + disqualified = voters.
// What it must trust (the verdict lists it as `trusted`): that c_i(0) = b_i(b_i − 1) — the
// servers' pointwise checks of D = f(f − 1) − c, which hold when at most t servers are
// corrupted; that a disqualified voter deserved it (complaints are not publicly provable); the
// bulletin board's consistency; discrete log hardness (binding) in ristretto255.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"

namespace smpc {

struct TallyCheck {
  bool ok = false;
  std::vector<std::string> failures;  // each starts with the JSON pointer it is about
  std::size_t counted = 0, rejected = 0, disqualified = 0;
  std::vector<std::uint64_t> tally;
  std::vector<std::string> trusted;   // what the verdict relies on without checking
};

// Error (with the JSON pointer) when the transcript is not in the format at all: missing or
// wrongly typed fields, bad hex. Otherwise the check, with ok = failures.empty().
Result<TallyCheck> verify_tally(const nlohmann::json& transcript);

}  // namespace smpc
