// The run pipeline: resolve → execute → judge → record.
//
//   resolve  Scenario (from a file or a ScenarioBuilder) → RunPlan: protocol, checked parameters,
//            function, inputs, network and adversary. Every input error is found here, before
//            anything runs, as "file: /json/pointer: problem, got value".
//   execute  RunPlan → per-party results (RunResult) on the simulated or the local backend.
//   judge    RunPlan + RunResult → Verdict: the honest outputs against the ideal functionality
//            on the true inputs, or on the corrupted parties' inputs extracted from the run
//            (the ideal-world oracle only where extraction is impossible), and the protocol's
//            claim (scenarios/judge.cpp, docs/extraction.md).
//   record   everything above → RunRecord, which reports/ turns into JSON.
//
// run_scenario (runner.h) chains the four; the audit, the mutant audit and privacy sampling call
// it with scenarios built in C++ (scenario_builder.h), never by writing JSON and parsing it back.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "adversary/adversary_spec.h"
#include "protocols/core/mutants.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"
#include "protocols/registry.h"
#include "reports/report.h"
#include "scenarios/functions.h"
#include "scenarios/scenario.h"
#include "scenarios/compute_spec.h"
#include "scenarios/network_spec.h"
#include "simulator/sim_network.h"
#include "verify/verdict.h"

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
  // Progress of a simulated run while it runs (see SimRunOptions::progress); none if empty.
  std::function<void(const SimProgress&)> progress;
  double progress_interval_s = 2;  // wall seconds before the first report and between reports
  // Simulate in a forked child (SimRunOptions::fork). Off only in a process that runs exactly
  // one simulation and is itself isolated: a sweep's run process (scenarios/sweep.cpp).
  bool fork_simulation = true;
  // Record the run's timeline (SimRunOptions::record_trace) for `smpc run --trace`; simulated
  // backend only.
  bool record_trace = false;
};

// A scenario with every choice made and checked: what execute() runs and judge() judges.
struct RunPlan {
  std::string name;  // the scenario's name and file, for the record and the reproduce line
  std::string path;
  std::uint64_t seed = 0;
  int parties = 0;
  // Roles (scenario.h): parties 0..servers-1 compute, the rest are clients. 0: no roles, every
  // party computes. The claim's corruption bound counts corrupted servers only.
  int servers = 0;
  const ProtocolSpec* spec = nullptr;
  ProtocolParams params;  // checked against the spec, defaults and seed-derived values filled in
  std::shared_ptr<const Protocol> protocol;
  Function function;
  // The inputs the parties run on: the scenario's, with the corrupted parties' input
  // substitutions applied (the ideal world lets them choose their inputs).
  std::vector<PartyInput> inputs;
  std::vector<std::vector<std::uint64_t>> expected;  // ideal outputs on `inputs`
  NetworkSpec network;
  ComputeSpec compute;  // scenarios/compute_spec.h
  double deadline_s = 600;
  std::optional<AdversarySpec> adversary;
  RunOptions options;
  std::vector<PartyId> corrupted() const;
};

struct Execution {
  RunResult run;
  double wall_time_s = 0;  // for the report only; never feeds the simulation
};

Result<RunPlan> resolve(const Scenario& scenario, const RunOptions& options);
Result<Execution> execute(const RunPlan& plan);
Verdict judge_run(const RunPlan& plan, const RunResult& run);
RunRecord record(const RunPlan& plan, Execution execution, const Verdict& verdict);

// Strict script semantics (`smpc run --strict`, the audit): an error when a step of the
// adversary script changed no message in the whole run (record.script_warnings) — the script
// is wrong (a typo'd label, an element beyond the message, a round the run never reached), so
// the run did not test what it was meant to. Per-step counts: report adversary.script_hits.
Status strict_script_check(const RunRecord& record);

}  // namespace smpc
