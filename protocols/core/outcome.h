// What happened in a run, and whether the protocol's claim applied to it: the vocabulary that
// verify/ decides, reports/ prints and scenarios/ (audit, sweeps) aggregates.
#pragma once

#include <cstddef>
#include <iterator>

#include "protocols/core/enum_names.h"

namespace smpc {

enum class Outcome {
  kCorrect,       // every honest party got its correct output
  kAbort,         // no honest party got a wrong output; at least one aborted, none got output
  kWrongOutput,   // every honest party finished with a wrong output (undetected)
  kNoOutput,      // honest parties waited past the deadline (and none aborted or got output)
  kDisagreement,  // honest parties ended differently: some correct and some wrong, or some
                  // with output and some aborted or without output
  kCorrectWithSubstitution,  // every honest party got f on the honest inputs and inputs of the
                             // corrupted parties other than their true ones (extracted from the
                             // run, or set by the scenario's input_substitution): as correct as
                             // the ideal world allows a malicious party to make it
};

inline constexpr const char* kOutcomeNames[] = {
    "correct", "abort", "wrong_output", "no_output", "disagreement", "correct_with_substitution"};
constexpr const char* outcome_name(Outcome o) { return enum_name(kOutcomeNames, o); }

// Whether a run falls under the protocol's SecurityClaim. Outside it the verdict is "ok" whatever
// happened (the protocol promised nothing), so aggregations must count the two apart rather than
// read it from an explanation's wording.
enum class ClaimScope {
  kWithin,         // the claim applies: the verdict judges the outcome against it
  kOutsideBound,   // more corrupted parties than the claim's bound
  kOutsideModel,   // a malicious adversary against a semi-honest claim
  kOutsideTiming,  // the run's deadline, network or computation breaks the protocol's timing assumption
                   // (ProtocolSpec::timing), or an honest run found no time to finish
};

inline constexpr const char* kClaimScopeNames[] = {"within", "outside_bound", "outside_model",
                                                   "outside_timing"};
static_assert(std::size(kClaimScopeNames) == static_cast<std::size_t>(ClaimScope::kOutsideTiming) + 1,
              "a ClaimScope value needs its name");
constexpr const char* claim_scope_name(ClaimScope s) { return enum_name(kClaimScopeNames, s); }

}  // namespace smpc
