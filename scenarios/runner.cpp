#include "scenarios/runner.h"

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

}  // namespace smpc
