// Outcome of a run and the verdict against the protocol's SecurityClaim.
#pragma once

#include <string>
#include <vector>

#include "protocols/core/outcome.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"

namespace smpc {



struct Verdict {
  Outcome outcome = Outcome::kCorrect;
  bool holds = true;          // false = the claim applied and was broken ("violation")
  ClaimScope scope = ClaimScope::kWithin;  // whether the claim applied at all
  std::string explanation;    // one or two sentences for people
  std::vector<PartyId> wrong; // honest parties with a wrong output
};

// `corrupted` lists the corrupted parties (empty: an honest run) and `model` how they behave.
// Honest outputs are compared with `expected` (ideal_outputs on the honest inputs and the
// inputs the corrupted parties actually used, which the ideal world lets them choose).
//
// The claim applies when the corruption is within its bound and the adversary is no stronger
// than its model (a malicious adversary against a semi-honest protocol is outside the claim).
// Within the claim: kCorrect and kGuaranteedOutputDelivery demand that every honest party gets
// the correct output; kCorrectOrAbort that no honest party gets a wrong output (each gets the
// correct one or stops); kCorrectOrIdentifiedAbort in addition that every abort blames only
// corrupted parties. Outside the claim the verdict is ok and the explanation says why.
//
// `substitutions` are further ideal-world explanations: expected outputs for other inputs of
// the corrupted parties (e.g. the default input 0 a robust protocol uses for a disqualified
// dealer). When every honest party's output matches one of them, the run is as correct as the
// ideal world allows, and the explanation names the substitution.
struct IdealSubstitution {
  std::string description;  // e.g. "corrupted parties' inputs replaced by 0"
  std::vector<std::vector<std::uint64_t>> expected;
};
Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted = {},
              AdversaryModel model = AdversaryModel::kSemiHonest,
              const std::vector<IdealSubstitution>& substitutions = {});

}  // namespace smpc
