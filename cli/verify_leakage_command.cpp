// `smpc verify leakage SCENARIO`: what the scenario's output reveals about the honest parties'
// inputs to an attacker who knows its own parties' inputs. The work is
// scenarios/verify_drivers.h; this file holds the options.
#include <memory>

#include "cli/commands.h"
#include "scenarios/verify_drivers.h"

namespace smpc::cli {

void register_verify_leakage(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<LeakageRequest>();
  CLI::App* cmd = verify.add_subcommand(
      "leakage", "What the scenario's output reveals about the honest inputs (bits; Z3 or "
                 "exact counting; dp functions before and after the noise)");
  cmd->add_option("scenario", opts->scenario, "Scenario file (JSON; its function and inputs)")
      ->required();
  cmd->add_option("--attacker", opts->attacker,
                  "Parties whose inputs the attacker knows, e.g. 0,2 (default: the scenario's "
                  "corrupted parties, else party 0)")
      ->delimiter(',');
  finish_verify_subcommand(
      cmd, opts, exit_code,
      "The output value is f on the scenario's inputs. Boolean functions (field inputs range "
      "over 2^61 - 1 values each; too many to count), and dp_sum / dp_mean. Boolean: honest "
      "spaces up to 2^20 are enumerated exactly; larger ones are counted with Z3 (lower bounds "
      "past its cap). dp_sum / dp_mean: every honest record ranges over [lower, upper]; the "
      "leakage of the exact sum and of the noisy sum (min-entropy log2 sum_y max_x P(y|x), "
      "Smith 2009, and Shannon I(X;Y)), both exact from the protocol's binomial pmf; honest "
      "spaces above 2^63 or channels above 2^26 (sum, noise) pairs are refused (exit 2).\n"
      "Exit codes: 0 computed, 2 bad input or usage.",
      run_verify_leakage);
}

}  // namespace smpc::cli
