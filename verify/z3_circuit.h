// Circuit equivalence with Z3: do two circuits compute the same function?
//
// Both circuits are encoded over shared input variables (verify/z3_encode.h) and each output
// wire is proved on its own (its cone of influence only): "is there an input where output k of
// A differs from output k of B?" Unsat for every k = equivalent. This decomposition is what
// makes a 64-bit adder fast; a wide multiplier proves its low bits and runs out of time on the
// high ones, and then the answer is kUnknown with the number of outputs proved, never a false
// kEquivalent.
//
// Before Z3, a few hundred seeded random inputs are evaluated on both circuits (bit-sliced for
// Boolean circuits): a wrong circuit usually differs on some of them. Every counterexample,
// from simulation or from a Z3 model, is re-checked by plain evaluation before it is reported.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "protocols/core/circuit.h"
#include "protocols/core/status.h"

namespace smpc {

struct EquivalenceOptions {
  double timeout_s = 10;        // whole check; outputs not proved by then are "unknown"
  std::size_t random_rounds = 4;  // x 64 random inputs (Boolean) or x 16 (arithmetic); 0 = none
  std::uint64_t seed = 1;
  std::string name_a = "A", name_b = "B";  // for error messages
};

struct EquivalenceResult {
  enum class Kind { kEquivalent, kDifferent, kUnknown };
  Kind kind = Kind::kUnknown;
  double seconds = 0;
  std::size_t outputs_total = 0;
  std::size_t outputs_proved = 0;  // outputs proved equal (all of them when kEquivalent)
  // kDifferent: an input on which the circuits differ (values per input group, one per wire,
  // as evaluate() takes them), all outputs of both circuits on it, and the first output index
  // where they differ. Re-checked by plain evaluation.
  std::vector<std::vector<std::uint64_t>> counterexample;
  std::vector<std::uint64_t> outputs_a, outputs_b;
  std::size_t differing_output = 0;
  std::string method;  // "z3", "random simulation", "identical"
  std::string detail;  // kUnknown: which outputs are open and why
};
const char* equivalence_kind_name(EquivalenceResult::Kind k);

// Errors (not a verdict): different domains, input groups of different number or widths,
// output groups of different number or widths (the message names both circuits and their
// shapes), or a malformed circuit.
Result<EquivalenceResult> check_equivalence(const Circuit& a, const Circuit& b,
                                            const EquivalenceOptions& options = {});

// "4.8.12" — for reports and docs.
std::string z3_version_string();

}  // namespace smpc
