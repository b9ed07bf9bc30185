// The runner: scenario → protocol on the simulated network → verdict → run record, as the four
// stages of scenarios/pipeline.h.
#pragma once

#include "scenarios/pipeline.h"

namespace smpc {

// Errors are bad input (protocol unknown, function/inputs inconsistent) or a failed simulation;
// a protocol that aborts or computes a wrong result is a run record with its verdict.
Result<RunRecord> run_scenario(const Scenario& scenario, const RunOptions& options);

// The signal (SIGINT, SIGTERM, SIGHUP) that stopped the last simulated run, 0 if none: the
// simulation child was killed and run_scenario returned "interrupted by SIG…".
int interrupting_signal();

// What is known of a run stopped by `signal`: the scenario, the seed, "interrupted": true and
// the reproduce line — the report `smpc run` writes instead of the full one.
nlohmann::ordered_json interrupted_report(const Scenario& scenario, const RunOptions& options,
                                          int signal);

}  // namespace smpc
