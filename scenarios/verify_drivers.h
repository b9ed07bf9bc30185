// Drivers of `smpc verify equiv` and `smpc verify leakage`: they load circuits and scenarios,
// call the checks of verify/ and format the result. They live here, not in cli/, because the
// CLI may only see scenarios/ and reports/ (docs/architecture.md); the CLI prints what they
// return and exits with its code.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "protocols/core/status.h"
#include "scenarios/driver_output.h"
#include "scenarios/scenario.h"

namespace smpc {

struct EquivRequest {
  std::string a, b;
  std::string format_a = "fashion", format_b = "fashion";  // or "legacy", as in `smpc circuit`
  double timeout_s = 60;
  bool json = false;
};

// Do two Bristol circuits compute the same function? (Z3, output by output;
// verify/z3_circuit.h). Exit 0 equivalent, 1 different (with a counterexample), 2 bad input,
// 3 unknown — never a false "equivalent".
DriverOutput run_verify_equiv(const EquivRequest& request);

struct LeakageRequest {
  std::string scenario;
  std::vector<int> attacker;  // empty: the scenario's corrupted parties, else party 0
  bool json = false;
};

// What the scenario's output reveals about the honest inputs to an attacker who knows its own
// parties' inputs (verify/leakage.h). Exit 0 computed, 2 bad input. For dp_sum / dp_mean it
// reports the leakage before and after the noise (dp_output_leakage).
DriverOutput run_verify_leakage(const LeakageRequest& request);

// Leakage of a dp_sum / dp_mean output (scenarios/dp_function.h), before and after its noise.
// The honest space: every record of a party outside `attacker` (empty: the scenario's corrupted
// parties, else party 0) ranges over the integers [lower, upper] (what the parties' clipping
// lets through), uniformly; the count of records is public. Before the noise the attacker sees
// the exact sum; after it, the sum plus Z = Binomial(m, 1/2) − m/2 with the protocol's own pmf
// (dp::binomial_pmf), the noise the coalition cannot know while one party is honest. Both
// exactly (verify/leakage.h additive_noise_leakage). Errors (bad input): a function that is not
// dp, a honest space above 2^kDpLeakageMaxSpaceBits inputs or a channel above
// kDpLeakageMaxTerms (value of the sum, value of the noise) pairs, each naming the size.
inline constexpr int kDpLeakageMaxSpaceBits = 63;  // exact integer counts in a long double
inline constexpr std::uint64_t kDpLeakageMaxTerms = std::uint64_t{1} << 26;
struct DpLeakageReport {
  double before_min_entropy_bits = 0, before_shannon_bits = 0;
  double after_min_entropy_bits = 0, after_shannon_bits = 0;
  double after_vulnerability_ratio = 1;  // Σ_y max_x P(y | x)
  nlohmann::ordered_json json;
  std::string text;
};
Result<DpLeakageReport> dp_output_leakage(const Scenario& scenario, const std::string& label,
                                          const std::vector<int>& attacker);

}  // namespace smpc
