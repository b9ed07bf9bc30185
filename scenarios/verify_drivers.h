// Drivers of `smpc verify equiv` and `smpc verify leakage`: they load circuits and scenarios,
// call the checks of verify/ and format the result. They live here, not in cli/, because the
// CLI may only see scenarios/ and reports/ (docs/architecture.md); the CLI prints what they
// return and exits with its code.
#pragma once

#include <string>
#include <vector>

#include "scenarios/driver_output.h"

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
// parties' inputs (verify/leakage.h). Exit 0 computed, 2 bad input.
DriverOutput run_verify_leakage(const LeakageRequest& request);

}  // namespace smpc
