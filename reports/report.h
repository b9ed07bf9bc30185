// Run records and their JSON report and human summary.
//
// The report's field names are a stable interface (docs/reports.md): scenario, seed, protocol,
// parties, verdict, outcome, decided_by, outputs, expected_outputs, cost.{rounds, messages, bytes_sent,
// per_party, per_label, per_phase, per_link, simulated_time_s}, wall_time_s, reproduce.
// Everything but wall_time_s is a pure function of scenario and seed (byte-identical reruns).
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/outcome.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"

namespace smpc {

struct RunRecord {
  std::string scenario;       // scenario name
  std::string scenario_path;  // file it came from
  std::uint64_t seed = 0;
  std::string protocol;
  int parties = 0;
  std::string function;
  SecurityClaim claim;
  nlohmann::ordered_json network;   // the network as simulated (resolved defaults)
  nlohmann::ordered_json compute;   // the compute model and profile (scenarios/compute_spec.h)
  nlohmann::ordered_json adversary; // corruption, model, script and views (null: none)
  RunResult run;
  std::vector<nlohmann::ordered_json> outputs;           // per party, named values or null
  std::vector<nlohmann::ordered_json> expected_outputs;  // per party
  Outcome outcome = Outcome::kCorrect;
  ClaimScope scope = ClaimScope::kWithin;  // whether the protocol's claim applied
  bool verdict_holds = true;
  std::string explanation;
  // Under outcome no_output: why honest parties had none — "network" (the deadline or network
  // left no time: outside the claim (timing)), "adversary" (the claim allows it) or "protocol"
  // (a violation). Empty for other outcomes.
  std::string no_output_cause;
  // Which expectation decided: "true_inputs", "extraction" or "ideal_world_oracle"; the
  // corrupted parties' extracted inputs when extraction ran, and the inputs that differ from
  // the scenario's true ones when the verdict used such (both null otherwise).
  std::string decided_by = "true_inputs";
  nlohmann::ordered_json extracted_inputs;
  nlohmann::ordered_json substituted_inputs;
  double wall_time_s = 0;
  std::string reproduce;    // command line that reproduces the run
  std::string mutant;       // seeded bug active during the run ("" = none; test builds only)
  // One line per adversary script step that changed no message in the whole run (its counts
  // are adversary.script_hits): warnings in the summary, errors under --strict.
  std::vector<std::string> script_warnings;
  // Roles (docs/applications.md): servers, clients, receivers and bytes per role; null: none.
  nlohmann::ordered_json roles;
};

// The aggregated cost of a run, from every party's meter.
nlohmann::ordered_json cost_json(const RunResult& run);
nlohmann::ordered_json report_json(const RunRecord& record);
// A few lines for stderr: verdict, outcome, rounds, bytes, simulated time, what each adversary
// script step did (hits per corrupted party) and a warning per step that did nothing.
std::string summary_text(const RunRecord& record);

}  // namespace smpc
