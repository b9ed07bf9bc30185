// `smpc verify`: checks that decide whether a protocol or circuit keeps its promises.
//   equiv A B          Z3: two circuits compute the same function (or a counterexample)
//   leakage SCENARIO   Z3: what the output reveals about the honest inputs (bits)
//   privacy SCENARIO   input-swap test on the corrupted coalition's views
//   aborts SCENARIO    input-swap test on abort-or-not and blame (selective failure)
//   tally TRANSCRIPT   a voting transcript's tally against the ballots' commitments
//   dp SCENARIO        the empirical epsilon of a dp_sum / dp_mean scenario (seeded runs)
#include "cli/commands.h"

namespace smpc::cli {

void register_verify_command(CLI::App& app, int* exit_code) {
  CLI::App* verify = app.add_subcommand(
      "verify", "Check circuits and protocols: circuit equivalence (Z3), output leakage (Z3), "
                "privacy of the corrupted parties' views (input-swap test), input-dependent aborts, "
                "voting tallies against their transcript, the empirical epsilon of DP outputs");
  verify->require_subcommand(1);
  register_verify_equiv(*verify, exit_code);
  register_verify_leakage(*verify, exit_code);
  register_verify_privacy(*verify, exit_code);
  register_verify_aborts(*verify, exit_code);
  register_verify_tally(*verify, exit_code);
  register_verify_dp(*verify, exit_code);
}

}  // namespace smpc::cli
