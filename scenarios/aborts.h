// `smpc verify aborts SCENARIO --swap SWAP.json`: whether a (malicious) coalition learns honest
// inputs from abort-or-not and from whom the honest parties blame (docs/adversaries.md).
// N runs with the scenario's inputs x (seeds first_seed ..), N with the swap file's x′ (the next
// N seeds); x and x′ give the coalition the same outputs and differ only in honest inputs. The
// statistics (two-sample tests, leaked bits with a confidence range) are verify/abort_stats.h.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "scenarios/runner.h"
#include "scenarios/scenario.h"
#include "verify/abort_stats.h"

namespace smpc {

struct AbortOptions {
  int runs = 40;  // per input vector (the documented budget: docs/adversaries.md)
  double alpha = 1e-3;
  double confidence = 0.99;  // of the leaked-bits range
  std::uint64_t first_seed = 1;
  Backend backend = Backend::kSimulated;
  std::function<void(const std::string&)> progress;
};

struct AbortReport {
  AbortSample x, swapped;
  AbortTestResult test;
  int runs = 0;
  double alpha = 0;
  double confidence = 0;
  // The runs' claim scope ("within" or why not): a leak outside the claim is reported, not a
  // violation of it; `claim_violations` counts runs whose verdict did not hold.
  std::string scope;
  int claim_violations = 0;
  std::string summary;
  nlohmann::ordered_json json() const;
};

// Errors: no corrupted party; a bad swap (check_swap_shape); f(x) ≠ f(x′) for the coalition;
// a run that fails (e.g. the adversary program stops at a limit).
Result<AbortReport> run_abort_test(const Scenario& s,
                                   const std::vector<nlohmann::json>& swapped_inputs,
                                   const AbortOptions& o);

}  // namespace smpc
