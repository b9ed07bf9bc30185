// Outcome of a run and the verdict against the protocol's SecurityClaim.
#pragma once

#include <string>
#include <vector>

#include "protocols/core/protocol.h"
#include "protocols/core/run_result.h"

namespace smpc {

enum class Outcome {
  kCorrect,       // every honest party got its correct output
  kAbort,         // no honest party got a wrong output; at least one aborted, none got output
  kWrongOutput,   // every honest party finished with output, and some output is wrong
  kNoOutput,      // honest parties waited past the deadline (and none aborted or got output)
  kDisagreement,  // honest parties ended differently (some output, some abort or no output)
};
const char* outcome_name(Outcome o);

struct Verdict {
  Outcome outcome = Outcome::kCorrect;
  bool holds = true;          // false = the claim applied and was broken ("violation")
  std::string explanation;    // one or two sentences for people
  std::vector<PartyId> wrong; // honest parties with a wrong output
};

// `corrupted` lists the corrupted parties (empty: an honest run). Honest outputs are compared
// with `expected` (ideal_outputs).
Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted = {});

}  // namespace smpc
