// The runner: scenario → protocol on the simulated network → verdict → run record, as the four
// stages of scenarios/pipeline.h.
#pragma once

#include "scenarios/pipeline.h"

namespace smpc {

// Errors are bad input (protocol unknown, function/inputs inconsistent) or a failed simulation;
// a protocol that aborts or computes a wrong result is a run record with its verdict.
Result<RunRecord> run_scenario(const Scenario& scenario, const RunOptions& options);

}  // namespace smpc
