// `smpc verify dp SCENARIO`: the empirical DP check of a dp_sum / dp_mean scenario
// (verify/dp_audit.h). Neighbouring inputs D and D′: the scenario with one record of `party`
// set to lower (D) and to upper (D′), so they differ by exactly the sensitivity Δ; `runs` seeded
// runs of each (fresh seeds: D seed, seed+1, ...; D′ seed+runs, ...), every run judged by its
// verdict (a violated verdict stops the check), the noisy sums audited.
#pragma once

#include <cstdint>
#include <string>

#include <nlohmann/json.hpp>

#include "protocols/core/mutants.h"
#include "protocols/core/status.h"
#include "scenarios/driver_output.h"
#include "scenarios/scenario.h"
#include "verify/dp_audit.h"

namespace smpc {

struct DpCheckOptions {
  std::size_t runs = 1000;  // per neighbour, 40 .. 1,000,000
  std::uint64_t seed = 1;
  int party = 0;            // whose first record differs between D and D′
  double alpha = 0.05;
  bool local = false;       // in-memory threads instead of SimGrid (no simulated time)
  Mutant mutant = Mutant::kNone;
  std::string program = "smpc";
};

struct DpCheckReport {
  double epsilon = 0, delta = 0;
  std::int64_t sensitivity = 0;
  std::size_t coins = 0;
  DpAuditResult audit;
  // Non-empty when a run's verdict failed: the check stopped there (no audit) and says why.
  std::string verdict_failure;
  std::size_t runs_done = 0;  // runs of both neighbours performed
  nlohmann::ordered_json json;
  std::string text;
};

// An error for bad input; a run whose verdict was violated ends the check with
// `verdict_failure` set.
Result<DpCheckReport> empirical_dp_check(const Scenario& s, const DpCheckOptions& options);

struct DpRequest {
  std::string scenario;
  DpCheckOptions options;
  bool json = false;
};
// Exit 0 consistent, 1 the lower bound exceeds the configured ε or a run's verdict failed,
// 2 bad input.
DriverOutput run_verify_dp(const DpRequest& request);

}  // namespace smpc
