// smpc calibrate [--output FILE] [--json]: the cost of every counted operation on this machine,
// as a cost profile for a scenario's "compute" (docs/simulator.md, Computation).
#include "cli/commands.h"
#include "scenarios/calibrate.h"

namespace smpc::cli {

void register_calibrate_command(CLI::App& app, int* exit_code) {
  auto req = std::make_shared<CalibrateRequest>();
  auto* cmd = app.add_subcommand(
      "calibrate",
      "Measure the nanoseconds of every operation the compute model counts (AES blocks, TMMO "
      "hashes, BLAKE2b/SHA-512 calls and bytes, F_p products, ristretto255 operations, ...) with "
      "the primitives' own code on this machine, print a table next to the built-in reference "
      "profile, and optionally write the profile for a scenario's \"compute\": {\"profile\": FILE}. "
      "Takes a few seconds; run it on an otherwise idle machine.");
  cmd->add_option("--output,-o", req->output, "write the profile JSON to this file");
  cmd->add_flag("--json", req->json, "print the profile JSON instead of the table");
  cmd->add_option("--trials", req->options.trials, "timed trials per operation (median kept)")
      ->check(CLI::Range(1, 100));
  cmd->add_option("--machine", req->options.machine,
                  "the profile's machine description (default: the CPU model)");
  cmd->footer(
      "Exit codes: 0 measured, 2 the output file cannot be written.\n"
      "Each operation's time is the median over the trials of (kernel time - the other "
      "operations its kernel counted x their calibrated cost) / its count.");
  cmd->callback([req, exit_code] { *exit_code = print_driver_output("calibrate", run_calibrate(*req)); });
}

}  // namespace smpc::cli
