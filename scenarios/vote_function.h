// The function "tally": an election counted by the vote protocol (protocols/vote), compiled to
// the carrier circuit of protocols/vote/ideal.h.
//
//   {"name": "tally", "candidates": k (1 .. 64), "mode": "one_of_k" | "approval"}
// with roles {"servers": S}. Parties 0..S−1 are the servers and give no input ([]); parties
// S..n−2 are the voters and give one ballot of k entries each (a valid ballot has entries 0/1,
// for one_of_k exactly one 1; any other is cast all the same and must be rejected); the last
// party is the bulletin board and gives no input. The servers and the board learn "tally"
// (k words: per candidate the number of valid ballots for it).
//
// The correct tally is not one value once voters are corrupted (each may cast any valid ballot
// or none, never an invalid one), so honest outputs are judged by a predicate
// (Function::output_check), not against the carrier's placeholders: an honest server's or the
// board's tally is correct when it equals H + X, H the plain tally of the honest voters' valid
// ballots and X what the c corrupted voters can add with valid ballots or abstention — one_of_k:
// X ≥ 0 with Σ_i X_i ≤ c; approval: 0 ≤ X_i ≤ c — and every honest output receiver got the same
// tally. An honest voter outputs nothing.
#pragma once

#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/functions.h"

namespace smpc {

Result<Function> build_tally(const nlohmann::json& spec, const std::vector<nlohmann::json>& in);

// The predicate above for an election with S servers whose voters' true ballots are `ballots`
// (voter v is party S + v). Exposed for tests.
OutputCheck tally_check(int servers, std::vector<std::vector<std::uint64_t>> ballots,
                        bool one_of_k);

// A ballot's validity: every entry 0 or 1 and, for one_of_k, exactly one 1.
bool valid_ballot(const std::vector<std::uint64_t>& ballot, bool one_of_k);

}  // namespace smpc
