#include "scenarios/runner.h"

#include <cstring>

namespace smpc {

Result<RunRecord> run_scenario(const Scenario& s, const RunOptions& options) {
  // The seeded bug is active from building the function (M17 lives there) to the verdict.
  // (kNone leaves an enclosing ScopedMutant alone.)
  std::optional<ScopedMutant> mutant;
  if (options.mutant != Mutant::kNone) {
    mutant.emplace(options.mutant);
    if (!mutant->status().ok()) return mutant->status().with_prefix(s.path + ": ");
  }
  SMPC_ASSIGN_OR_RETURN(const RunPlan plan, resolve(s, options));
  SMPC_ASSIGN_OR_RETURN(Execution execution, execute(plan));
  const Verdict verdict = judge_run(plan, execution.run);
  return record(plan, std::move(execution), verdict);
}

int interrupting_signal() { return stop_signal(); }

nlohmann::ordered_json interrupted_report(const Scenario& s, const RunOptions& options,
                                          int signal) {
  const std::uint64_t seed = options.seed.value_or(s.seed);
  const std::string name = std::string("SIG") + sigabbrev_np(signal);
  return {{"scenario", s.name},
          {"scenario_file", s.path},
          {"seed", seed},
          {"protocol", s.protocol},
          {"parties", s.parties},
          {"interrupted", true},
          {"signal", name},
          {"verdict", "none: the run was interrupted by " + name + " before it ended"},
          {"reproduce", options.program + " run " + s.path + " --seed " + std::to_string(seed)}};
}

}  // namespace smpc
