#include "verify/verdict.h"

#include <algorithm>

#include "protocols/core/enum_names.h"

namespace smpc {

namespace {

bool is_corrupted(const std::vector<PartyId>& corrupted, PartyId p) {
  return std::find(corrupted.begin(), corrupted.end(), p) != corrupted.end();
}

struct HonestTally {
  std::size_t honest = 0, correct = 0, aborted = 0;
  std::size_t owed_nothing = 0;  // of `correct`: finished right with no output (input-only clients)
  std::vector<PartyId> wrong;
  std::string first_abort;  // the first honest party that stopped, and why
  std::string first_wrong;  // under an OutputCheck: why the first wrong output is wrong
};

HonestTally tally_honest(const RunResult& run,
                         const std::vector<std::vector<std::uint64_t>>& expected,
                         const std::vector<PartyId>& corrupted, const OutputCheck& check) {
  HonestTally t;
  for (const auto& p : run.parties) {
    if (is_corrupted(corrupted, p.party)) continue;
    ++t.honest;
    if (p.status == PartyStatus::kOutput) {
      const std::string why = check ? check(run, p.party, corrupted) : "";
      const bool right =
          check ? why.empty() : p.outputs == expected[static_cast<std::size_t>(p.party)];
      if (right) {
        ++t.correct;
        if (p.outputs.empty()) ++t.owed_nothing;
        continue;
      }
      t.wrong.push_back(p.party);
      if (t.first_wrong.empty() && !why.empty())
        t.first_wrong = "party " + std::to_string(p.party) + ": " + why;
      continue;
    }
    if (p.status == PartyStatus::kAbort) ++t.aborted;
    if (t.first_abort.empty())
      t.first_abort = "party " + std::to_string(p.party) + ": " + p.abort_reason;
  }
  return t;
}

Outcome classify(const HonestTally& t) {
  const std::size_t finished = t.correct + t.wrong.size();
  if (t.correct == t.honest) return Outcome::kCorrect;
  // Input-only clients, right to output nothing, do not make servers that all output the same
  // wrong value a disagreement: the parties owed an output all got a wrong one.
  if (!t.wrong.empty() && finished == t.honest)
    return t.correct > t.owed_nothing ? Outcome::kDisagreement : Outcome::kWrongOutput;
  if (finished > 0) return Outcome::kDisagreement;
  if (t.aborted > 0) return Outcome::kAbort;
  return Outcome::kNoOutput;
}

std::string describe(Outcome outcome, const HonestTally& t) {
  const std::string& first_abort = t.first_abort;
  const std::string why = t.first_wrong.empty() ? "" : " (" + t.first_wrong + ")";
  switch (outcome) {
    case Outcome::kCorrect: return "every honest party got the correct output";
    case Outcome::kCorrectWithSubstitution:
      return "every honest party got f on the substituted inputs";
    case Outcome::kWrongOutput: return "honest parties output a wrong value" + why;
    case Outcome::kDisagreement: return "honest parties ended differently" + why;
    case Outcome::kAbort: return "honest parties aborted (" + first_abort + ")";
    case Outcome::kNoOutput:
      return "honest parties got no output by the deadline (" + first_abort + ")";
  }
  return {};
}

// Whether the claim applies at all: a corruption beyond its bound, or an adversary stronger
// than its model, puts the run outside it.
// `t` counts the corruptions the bound is about (with roles, the servers), `any` every one: a
// malicious client against a semi-honest protocol is outside its model too.
ClaimScope scope_of(const SecurityClaim& claim, int t, std::size_t any, AdversaryModel model) {
  if (t > claim.max_corruptions) return ClaimScope::kOutsideBound;
  if (any > 0 && model == AdversaryModel::kMalicious &&
      claim.model == AdversaryModel::kSemiHonest)
    return ClaimScope::kOutsideModel;
  return ClaimScope::kWithin;
}

std::string explain_outside(ClaimScope scope, const SecurityClaim& claim, int t,
                            const std::string& happened, bool roles) {
  if (scope == ClaimScope::kOutsideBound)
    return "outside the claim: " + std::to_string(t) +
           (roles ? " corrupted servers" : " corrupted parties") + ", the claim (" +
           claim.statement + ") covers at most " + std::to_string(claim.max_corruptions) +
           "; what happened: " + happened;
  return "outside the claim: semi-honest protocol, malicious adversary; what happened: " +
         happened;
}

// Every honest party that stopped blames only corrupted parties.
bool aborts_identify_corrupted(const RunResult& run, const std::vector<PartyId>& corrupted) {
  const auto blames_corrupted = [&](PartyId p) { return is_corrupted(corrupted, p); };
  for (const auto& p : run.parties) {
    if (is_corrupted(corrupted, p.party) || p.status == PartyStatus::kOutput) continue;
    if (p.blamed.empty() || !std::all_of(p.blamed.begin(), p.blamed.end(), blames_corrupted))
      return false;
  }
  return true;
}

// kCorrectOrAccountableAbort: no honest party that stopped names an honest party (naming nobody
// is allowed: it stopped on a peer's notice), and the claim's accountable party, when honest and
// without output, names at least one corrupted party.
bool aborts_accountable(const SecurityClaim& claim, const RunResult& run,
                        const std::vector<PartyId>& corrupted) {
  const auto names_corrupted = [&](PartyId p) { return is_corrupted(corrupted, p); };
  for (const auto& p : run.parties) {
    if (is_corrupted(corrupted, p.party) || p.status == PartyStatus::kOutput) continue;
    if (!std::all_of(p.blamed.begin(), p.blamed.end(), names_corrupted)) return false;
    if (p.party == claim.accountable && p.blamed.empty()) return false;
  }
  return true;
}

// Within the claim. With no corruption every guarantee demands the correct output.
bool guarantee_kept(const SecurityClaim& claim, const RunResult& run,
                    const std::vector<PartyId>& corrupted, const Verdict& v) {
  if (v.outcome == Outcome::kCorrect) return true;
  if (corrupted.empty()) return false;
  switch (claim.guarantee) {
    case OutputGuarantee::kCorrect:
    case OutputGuarantee::kGuaranteedOutputDelivery: return false;
    case OutputGuarantee::kCorrectOrAbort: return v.wrong.empty();
    case OutputGuarantee::kCorrectOrIdentifiedAbort:
      return v.wrong.empty() && aborts_identify_corrupted(run, corrupted);
    case OutputGuarantee::kCorrectOrAccountableAbort:
      return v.wrong.empty() && aborts_accountable(claim, run, corrupted);
  }
  return false;
}

// The honest party whose abort broke an identification rule, for the explanation.
std::string misidentified(const SecurityClaim& claim, const RunResult& run,
                          const std::vector<PartyId>& corrupted) {
  if (claim.guarantee != OutputGuarantee::kCorrectOrIdentifiedAbort &&
      claim.guarantee != OutputGuarantee::kCorrectOrAccountableAbort)
    return "";
  for (const auto& p : run.parties) {
    if (is_corrupted(corrupted, p.party) || p.status == PartyStatus::kOutput) continue;
    for (PartyId b : p.blamed)
      if (!is_corrupted(corrupted, b))
        return "; honest party " + std::to_string(p.party) + " names honest party " +
               std::to_string(b) + " (" + p.abort_reason + ")";
    if (p.blamed.empty() && (p.party == claim.accountable ||
                             claim.guarantee == OutputGuarantee::kCorrectOrIdentifiedAbort))
      return "; honest party " + std::to_string(p.party) + " names nobody (" + p.abort_reason + ")";
  }
  return "";
}

std::string explain_within(bool ok, Outcome outcome, const SecurityClaim& claim,
                           const std::string& happened) {
  if (!ok) return "violation of the claim (" + claim.statement + "): " + happened;
  if (outcome == Outcome::kCorrect) return happened + "; claim: " + claim.statement;
  return happened + ", as the claim allows (" + claim.statement + ")";
}

}  // namespace

constexpr const char* kDecidedByNames[] = {"true_inputs", "extraction", "ideal_world_oracle"};
const char* decided_by_name(DecidedBy d) { return enum_name(kDecidedByNames, d); }

void mark_substitution(Verdict& v, const std::string& how) {
  if (v.outcome != Outcome::kCorrect) return;
  v.outcome = Outcome::kCorrectWithSubstitution;
  v.explanation += " (on substituted inputs: " + how + ")";
}

Verdict judge(const SecurityClaim& claim, const RunResult& run,
              const std::vector<std::vector<std::uint64_t>>& expected,
              const std::vector<PartyId>& corrupted, AdversaryModel model, int servers,
              const OutputCheck& check) {
  HonestTally tally = tally_honest(run, expected, corrupted, check);
  Verdict v;
  v.outcome = classify(tally);
  const std::string happened = describe(v.outcome, tally);
  v.wrong = std::move(tally.wrong);
  const int t = static_cast<int>(std::count_if(corrupted.begin(), corrupted.end(),
                                               [&](PartyId p) { return servers == 0 || p < servers; }));
  v.scope = scope_of(claim, t, corrupted.size(), model);
  if (v.scope != ClaimScope::kWithin) {
    v.holds = true;  // outside the claim nothing is promised, so nothing is broken
    v.explanation = explain_outside(v.scope, claim, t, happened, servers > 0);
    return v;
  }
  v.holds = guarantee_kept(claim, run, corrupted, v);
  v.explanation = explain_within(v.holds, v.outcome, claim,
                                 happened + (v.holds ? "" : misidentified(claim, run, corrupted)));
  return v;
}

}  // namespace smpc
