#include "verify/verdict.h"

#include <algorithm>

namespace smpc {

Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted, AdversaryModel model,
              const std::vector<IdealSubstitution>& substitutions) {
  // The ideal world lets corrupted parties choose their inputs: if every honest party's output
  // is f on the honest inputs and one substitution, judge against that substitution.
  const auto honest_match = [&](const std::vector<std::vector<std::uint64_t>>& exp) {
    bool any = false;
    for (const auto& p : run.parties) {
      if (std::find(corrupted.begin(), corrupted.end(), p.party) != corrupted.end()) continue;
      if (p.status != PartyStatus::kOutput || p.outputs != exp[static_cast<std::size_t>(p.party)])
        return false;
      any = true;
    }
    return any;
  };
  if (!corrupted.empty() && !honest_match(expected)) {
    for (const auto& sub : substitutions) {
      if (!honest_match(sub.expected)) continue;
      Verdict v = judge(claim, run, sub.expected, corrupted, model);
      v.explanation += " (ideal world: " + sub.description + ")";
      return v;
    }
  }
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
  else if (!v.wrong.empty() && finished == honest)
    v.outcome = correct > 0 ? Outcome::kDisagreement : Outcome::kWrongOutput;
  else if (finished > 0) v.outcome = Outcome::kDisagreement;
  else if (aborted > 0) v.outcome = Outcome::kAbort;
  else v.outcome = Outcome::kNoOutput;

  const int t = static_cast<int>(corrupted.size());
  const auto is_corrupted = [&](PartyId p) {
    return std::find(corrupted.begin(), corrupted.end(), p) != corrupted.end();
  };
  std::string happened;
  switch (v.outcome) {
    case Outcome::kCorrect: happened = "every honest party got the correct output"; break;
    case Outcome::kWrongOutput: happened = "honest parties output a wrong value"; break;
    case Outcome::kDisagreement: happened = "honest parties ended differently"; break;
    case Outcome::kAbort: happened = "honest parties aborted (" + first_abort + ")"; break;
    case Outcome::kNoOutput:
      happened = "honest parties got no output by the deadline (" + first_abort + ")";
      break;
  }
  if (t > claim.max_corruptions) {
    v.holds = true;
    v.scope = ClaimScope::kOutsideBound;
    v.explanation = "outside the claim: " + std::to_string(t) +
                    " corrupted parties, the claim (" + claim.statement + ") covers at most " +
                    std::to_string(claim.max_corruptions) + "; what happened: " + happened;
    return v;
  }
  if (t > 0 && model == AdversaryModel::kMalicious &&
      claim.model == AdversaryModel::kSemiHonest) {
    v.holds = true;
    v.scope = ClaimScope::kOutsideModel;
    v.explanation = "outside the claim: semi-honest protocol, malicious adversary; what "
                    "happened: " + happened;
    return v;
  }
  // Within the claim. With no corruption every guarantee demands the correct output.
  bool ok = v.outcome == Outcome::kCorrect;
  if (t > 0 && !ok) {
    switch (claim.guarantee) {
      case OutputGuarantee::kCorrect:
      case OutputGuarantee::kGuaranteedOutputDelivery: break;
      case OutputGuarantee::kCorrectOrAbort: ok = v.wrong.empty(); break;
      case OutputGuarantee::kCorrectOrIdentifiedAbort: {
        ok = v.wrong.empty();
        for (const auto& p : run.parties) {
          if (is_corrupted(p.party) || p.status == PartyStatus::kOutput) continue;
          const bool blames_corrupt =
              !p.blamed.empty() && std::all_of(p.blamed.begin(), p.blamed.end(), is_corrupted);
          if (!blames_corrupt) ok = false;
        }
        break;
      }
    }
  }
  v.holds = ok;
  v.explanation = ok ? (v.outcome == Outcome::kCorrect ? happened + "; claim: " + claim.statement
                                                       : happened + ", as the claim allows (" +
                                                             claim.statement + ")")
                     : "violation of the claim (" + claim.statement + "): " + happened;
  return v;
}

}  // namespace smpc
