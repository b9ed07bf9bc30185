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
                 "exact counting)");
  cmd->add_option("scenario", opts->scenario, "Scenario file (JSON; its function and inputs)")
      ->required();
  cmd->add_option("--attacker", opts->attacker,
                  "Parties whose inputs the attacker knows, e.g. 0,2 (default: the scenario's "
                  "corrupted parties, else party 0)")
      ->delimiter(',');
  finish_verify_subcommand(
      cmd, opts, exit_code,
      "The output value is f on the scenario's inputs. Boolean functions only (field inputs "
      "range over 2^61 - 1 values each; too many to count). Honest spaces up to 2^20 are "
      "enumerated exactly; larger ones are counted with Z3 (lower bounds past its cap).\n"
      "Exit codes: 0 computed, 2 bad input or usage.",
      run_verify_leakage);
}

}  // namespace smpc::cli
