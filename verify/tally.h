// The public check of a voting transcript (protocols/vote/vote.h writes it; format
// "smpc-vote-transcript/2", /1 still read; docs/applications.md "Voting"). Written against the
// documented format only, as a third party would, not against the protocol's code: posts and
// the bit proofs' Fiat–Shamir context are built here from their layout, and every check is a
// Pedersen-commitment identity or a bit proof (protocols/crypto/bit_proof.h) over ristretto255.
//
// What is verified, from public data alone:
//   1. the roll: one ballot per voter first_voter .. first_voter + voters − 1, none twice;
//   2. every ballot that is counted or rejected has a well-formed post (canonical points,
//      non-identity commitments C_{i,m}, F_{i,m}); (/2) its bit proofs show that every C_{i,0}
//      commits to 0 or 1, for this election, this voter and this candidate; its check openings
//      match it: Commit(c_i, γ_i) = F_{i,0}, and for one_of_k Commit(s, r) = Σ_i C_{i,0};
//   3. counted ballots opened c_i = 0 for every i (and s = 1 for one_of_k); rejected ones
//      opened some c_i ≠ 0 (or s ≠ 1): a rejection is justified by the opened values;
//   4. the tally: Σ_{counted v} C_{v,i,0} = Commit(T_i, R_i) for every candidate i;
//   5. counts: counted + rejected + disqualified = voters;
//   6. (/2) a ballot disqualified for a failing bit proof has a post whose bit proof fails.
// The bit proofs of counted and rejected ballots are checked in one batch test (bit_proof.h:
// Bellare–Garay–Rabin with 128-bit weights hashed from all the proofs), halved on failure down
// to proof-by-proof checks, so every failure and its reason is the one-by-one check's; a false
// proof passes with probability ≤ 2^-128 per batch test (≤ q·2^-128 for a prover hashing q
// transcripts).
// What it must trust (the verdict lists it as `trusted`): that the other disqualified voters
// deserved it (complaints are not publicly provable); the bulletin board's consistency;
// discrete log hardness (binding) in ristretto255; the hash as a random oracle (Fiat–Shamir).
// A /1 transcript has no bit proofs: then bit-ness rests on c_i(0) = b_i(b_i − 1), the
// servers' pointwise checks of D = f(f − 1) − c (at most t corrupted), and `trusted` says so.
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
  std::size_t disqualified_by_proof = 0;  // of which for a failing bit proof (checked)
  std::vector<std::uint64_t> tally;
  std::vector<std::string> trusted;   // what the verdict relies on without checking
};

// Error (with the JSON pointer) when the transcript is not in the format at all: missing or
// wrongly typed fields, bad hex. Otherwise the check, with ok = failures.empty().
Result<TallyCheck> verify_tally(const nlohmann::json& transcript);

}  // namespace smpc
