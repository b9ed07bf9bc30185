// Outcome of a run and the verdict against the protocol's SecurityClaim.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "protocols/core/extraction.h"
#include "protocols/core/outcome.h"
#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"

namespace smpc {

// Which expectation decided the verdict (scenarios/judge.cpp, docs/extraction.md).
enum class DecidedBy {
  kTrueInputs,        // f on the scenario's inputs (with its input_substitution steps)
  kExtraction,        // f on the honest inputs and the corrupted parties' extracted inputs
  kIdealWorldOracle,  // no extraction: the ∃x'_C oracle (verify/ideal_world.h) was asked
};
const char* decided_by_name(DecidedBy d);

struct Verdict {
  Outcome outcome = Outcome::kCorrect;
  bool holds = true;          // false = the claim applied and was broken ("violation")
  ClaimScope scope = ClaimScope::kWithin;  // whether the claim applied at all
  std::string explanation;    // one or two sentences for people
  std::vector<PartyId> wrong; // honest parties with a wrong output
  DecidedBy decided_by = DecidedBy::kTrueInputs;
  // The inputs the honest outputs were compared on (every party's) and f on them; empty when
  // the verdict was given without (judge() alone leaves them to its caller).
  std::vector<PartyInput> inputs;
  std::vector<std::vector<std::uint64_t>> expected;
  // Under kExtraction: what extraction said about each corrupted party it was asked about.
  std::vector<ExtractedInput> extracted;
};

// Honest outputs judged by a predicate instead of equality with `expected`, for functions whose
// correct output is not one value (a signature under fresh nonces, or any output the ideal
// functionality lets the protocol choose): "" when honest party p's outputs are correct, else
// why not. It sees the whole run, so it can also demand agreement between honest parties
// (scenarios/signature_function.h: the same group key, signatures that verify under it).
using OutputCheck = std::function<std::string(const RunResult& run, PartyId p,
                                              const std::vector<PartyId>& corrupted)>;

// `corrupted` lists the corrupted parties (empty: an honest run) and `model` how they behave.
// Honest outputs are compared with `expected` (or judged by `check` when given: then
// `expected` is not read) (ideal_outputs on the honest inputs and the
// inputs of the corrupted parties that the caller decided on: their true ones, or the ones
// extraction found).
//
// The claim applies when the corruption is within its bound and the adversary is no stronger
// than its model (a malicious adversary against a semi-honest protocol is outside the claim).
// Within the claim: kCorrect and kGuaranteedOutputDelivery demand that every honest party gets
// the correct output; kCorrectOrAbort that no honest party gets a wrong output (each gets the
// correct one or stops); kCorrectOrIdentifiedAbort in addition that every abort blames only
// corrupted parties; kCorrectOrAccountableAbort instead that no honest abort names an honest
// party (naming nobody allowed) and that the claim's accountable party, when honest and
// without output, names a corrupted one. Outside the claim the verdict is ok and the explanation says why.
//
// With roles (`servers` > 0: parties 0..servers-1 compute, the others are clients;
// docs/applications.md) the bound counts corrupted servers only: a corrupted client can only
// choose its input, which the ideal world allows, so any number of them is within the claim.
Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted = {},
              AdversaryModel model = AdversaryModel::kSemiHonest, int servers = 0,
              const OutputCheck& check = {});

// A correct verdict whose expectation used inputs of the corrupted parties other than their
// true ones becomes kCorrectWithSubstitution; `how` says whose and why (for the explanation).
void mark_substitution(Verdict& v, const std::string& how);

}  // namespace smpc
