// `smpc verify tally TRANSCRIPT`: the public check of a voting transcript (verify/tally.h).
// The work is scenarios/vote_drivers.h; this file holds the options.
#include <memory>

#include "cli/commands.h"
#include "scenarios/vote_drivers.h"

namespace smpc::cli {

void register_verify_tally(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<TallyRequest>();
  CLI::App* cmd = verify.add_subcommand(
      "tally", "Check a voting transcript: the opened tally against the counted ballots' "
               "Pedersen commitments, every range-check opening, the roll and the counts");
  cmd->add_option("transcript", opts->transcript,
                  "The transcript JSON (\"smpc-vote-transcript/2\", /1 still read), an object holding it "
                  "under \"vote_transcript\", or the JSON report of a vote run (`smpc run "
                  "--output`: the bulletin board's party_results entry holds it)")
      ->required();
  finish_verify_subcommand(
      cmd, opts, exit_code,
      "Checks, from public data only: one ballot per voter on the roll; every counted or "
      "rejected ballot's bit proofs (disjunctive Chaum-Pedersen, bound to the election, the "
      "voter and the candidate: C_i,0 commits to 0 or 1) and its check openings "
      "(Commit(c_i, g_i) = F_i,0; one_of_k: Commit(s, r) = sum_i C_i,0), which must justify its "
      "status (counted: all c_i = 0 and s = 1); a disqualification for a failing bit proof; sum "
      "over counted ballots of C_i,0 = Commit(T_i, R_i) for every candidate. Trusted, not "
      "checked: disqualifications on complaints, the bulletin board's consistency, discrete log "
      "hardness, the hash as a random oracle (a /1 transcript has no bit proofs: then bit-ness "
      "rests on the servers' checks, and the verdict says so). docs/applications.md \"Voting\".\n"
      "Exit codes: 0 verified, 1 rejected (each failure printed with its JSON pointer), "
      "2 bad input or usage (the JSON pointer and the bad value).",
      run_verify_tally);
}

}  // namespace smpc::cli
