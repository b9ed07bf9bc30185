#include "verify/verdict.h"

#include <algorithm>

namespace smpc {

const char* outcome_name(Outcome o) {
  switch (o) {
    case Outcome::kCorrect: return "correct";
    case Outcome::kAbort: return "abort";
    case Outcome::kWrongOutput: return "wrong_output";
    case Outcome::kNoOutput: return "no_output";
    case Outcome::kDisagreement: return "disagreement";
  }
  return "?";
}

Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted) {
  Verdict v;
  std::size_t correct = 0, aborted = 0, silent = 0, honest = 0;
  std::string first_abort;
  for (const auto& p : run.parties) {
    if (std::find(corrupted.begin(), corrupted.end(), p.party) != corrupted.end()) continue;
    ++honest;
    switch (p.status) {
      case PartyStatus::kOutput:
        if (p.outputs == expected[static_cast<std::size_t>(p.party)]) ++correct;
        else v.wrong.push_back(p.party);
        break;
      case PartyStatus::kAbort:
        ++aborted;
        if (first_abort.empty())
          first_abort = "party " + std::to_string(p.party) + ": " + p.abort_reason;
        break;
      case PartyStatus::kNoOutput:
        ++silent;
        if (first_abort.empty())
          first_abort = "party " + std::to_string(p.party) + ": " + p.abort_reason;
        break;
    }
  }
  const std::size_t finished = correct + v.wrong.size();
  if (correct == honest) v.outcome = Outcome::kCorrect;
  else if (!v.wrong.empty() && finished == honest) v.outcome = Outcome::kWrongOutput;
  else if (finished > 0) v.outcome = Outcome::kDisagreement;
  else if (aborted > 0) v.outcome = Outcome::kAbort;
  else v.outcome = Outcome::kNoOutput;

  const int t = static_cast<int>(corrupted.size());
  if (t > claim.max_corruptions) {
    v.holds = true;
    v.explanation = "outside the claim: " + std::to_string(t) + " corrupted parties, the claim (" +
                    claim.statement + ") covers at most " + std::to_string(claim.max_corruptions);
    return v;
  }
  // Within the claim. With no corruption every guarantee demands the correct output.
  bool ok = v.outcome == Outcome::kCorrect;
  if (t > 0) {
    switch (claim.guarantee) {
      case OutputGuarantee::kCorrect:
      case OutputGuarantee::kGuaranteedOutputDelivery: break;
      case OutputGuarantee::kCorrectOrAbort:
      case OutputGuarantee::kCorrectOrIdentifiedAbort:
        ok = ok || v.outcome == Outcome::kAbort;
        break;
    }
  }
  v.holds = ok;
  if (ok) {
    v.explanation = v.outcome == Outcome::kCorrect
                        ? "every honest party got the correct output; claim: " + claim.statement
                        : "honest parties aborted, as the claim allows: " + first_abort;
  } else {
    std::string what;
    switch (v.outcome) {
      case Outcome::kWrongOutput: what = "honest parties output a wrong value"; break;
      case Outcome::kDisagreement: what = "honest parties ended differently"; break;
      case Outcome::kAbort: what = "honest parties aborted (" + first_abort + ")"; break;
      case Outcome::kNoOutput: what = "honest parties got no output by the deadline (" + first_abort + ")"; break;
      case Outcome::kCorrect: break;
    }
    v.explanation = "violation of the claim (" + claim.statement + "): " + what;
  }
  return v;
}

}  // namespace smpc
