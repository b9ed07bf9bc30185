// `smpc verify equiv A B`: do two Bristol circuits compute the same function? (Z3, output by
// output). The work is scenarios/verify_drivers.h; this file holds the options.
#include <memory>

#include "cli/commands.h"
#include "scenarios/verify_drivers.h"

namespace smpc::cli {

void register_verify_equiv(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<EquivRequest>();
  CLI::App* cmd = verify.add_subcommand(
      "equiv", "Prove two circuits equivalent with Z3, or print a counterexample");
  cmd->add_option("a", opts->a, "First circuit file")->required();
  cmd->add_option("b", opts->b, "Second circuit file")->required();
  cmd->add_option("--format-a", opts->format_a, "Format of A: fashion (Bristol Fashion) or legacy, as in `smpc circuit`")
      ->capture_default_str();
  cmd->add_option("--format-b", opts->format_b, "Format of B: fashion (Bristol Fashion) or legacy")
      ->capture_default_str();
  cmd->add_option("--timeout", opts->timeout_s,
                  "Seconds for the whole check; outputs not proved by then are 'unknown'")
      ->capture_default_str()
      ->check(CLI::PositiveNumber);
  finish_verify_subcommand(
      cmd, opts, exit_code,
      "Each output wire is proved separately (its cone of influence), after a few hundred "
      "seeded random inputs. Wide multipliers prove their low bits and time out on the rest.\n"
      "Exit codes: 0 equivalent, 1 different (counterexample printed, re-checked by "
      "evaluation), 2 bad input or usage, 3 unknown (timeout; number of outputs proved "
      "printed).",
      run_verify_equiv);
}

}  // namespace smpc::cli
