// The runner: scenario → protocol on the simulated network → verdict → run record.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "protocols/core/mutants.h"
#include "reports/report.h"
#include "scenarios/scenario.h"

namespace smpc {

enum class Backend {
  kSimulated,  // SimGrid (the default; real simulated time)
  kLocal,      // in-memory threads (no simulated time; for quick checks)
};

struct RunOptions {
  std::optional<std::uint64_t> seed;  // overrides the scenario's seed
  Backend backend = Backend::kSimulated;
  bool verbose = false;               // SimGrid's own log
  std::string program = "smpc";       // used in the reproduce command
  Mutant mutant = Mutant::kNone;      // seeded bug to activate (builds with SMPC_MUTANTS only)
};

// Errors are bad input (protocol unknown, function/inputs inconsistent) or a failed simulation;
// a protocol that aborts or computes a wrong result is a run record with its verdict.
Result<RunRecord> run_scenario(const Scenario& scenario, const RunOptions& options);

// Network spec as JSON for reports (resolved defaults, units of the scenario file).
nlohmann::ordered_json network_json(const NetworkSpec& spec);

}  // namespace smpc
