// `smpc verify dp SCENARIO`: the empirical DP check of a dp_sum / dp_mean scenario
// (verify/dp_audit.h). The work is scenarios/dp_drivers.h; this file holds the options.
#include <memory>

#include "cli/commands.h"
#include "scenarios/dp_drivers.h"

namespace smpc::cli {

void register_verify_dp(CLI::App& verify, int* exit_code) {
  auto opts = std::make_shared<DpRequest>();
  CLI::App* cmd = verify.add_subcommand(
      "dp", "Estimate the epsilon a dp_sum / dp_mean scenario spends from seeded runs on two "
            "neighbouring inputs, with a confidence interval, against the configured epsilon");
  cmd->add_option("scenario", opts->scenario, "The scenario JSON (function dp_sum or dp_mean)")
      ->required();
  cmd->add_option("--runs", opts->options.runs, "Runs per neighbour (40..1000000; default 1000)")
      ->check(CLI::Range(40, 1000000));
  cmd->add_option("--seed", opts->options.seed, "First seed (D: seed.., D': seed+runs..; default 1)")
      ->check(seed_validator());
  cmd->add_option("--party", opts->options.party,
                  "Whose first record differs: lower in D, upper in D' (default 0)");
  cmd->add_option("--alpha", opts->options.alpha, "1 - the interval's confidence (default 0.05)")
      ->check(CLI::Range(1e-6, 0.5));
  cmd->add_flag("--local", opts->options.local,
                "Run on in-memory threads instead of SimGrid (faster; no simulated time)");
  finish_verify_subcommand(
      cmd, opts, exit_code,
      "Method: D and D' are the scenario with one record of --party set to lower and to upper "
      "(they differ by the sensitivity). Every run is judged by its verdict (a violation stops "
      "the check). The noisy sums are audited as in Jagielski, Ullman, Oprea, NeurIPS 2020 "
      "(also Ding et al., CCS 2018): a threshold t is chosen on the first half of each sample, "
      "and on the second half Clopper-Pearson intervals of P[y >= t] under D and D' (each at "
      "1 - alpha/2) give an interval for ln((P_D'[y >= t] - delta) / P_D[y >= t]), a lower "
      "bound on the epsilon the mechanism spends. Before the noise the exact sum tells D from "
      "D' in every run (epsilon = infinity). docs/applications.md \"Differential privacy\".\n"
      "Exit codes: 0 the configured epsilon is inside or above the interval, 1 the interval "
      "lies above it (not (epsilon, delta)-DP) or a run's verdict failed, 2 bad input or usage.",
      run_verify_dp);
}

}  // namespace smpc::cli
