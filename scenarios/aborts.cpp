#include "scenarios/aborts.h"

#include <algorithm>
#include <cstdio>
#include <set>

#include "protocols/core/json_text.h"
#include "scenarios/privacy.h"

namespace smpc {

namespace {

// "none" when every honest party output; else whom the honest parties blamed, e.g. "party 2",
// "parties 1, 3", or "nobody" (an abort that names no culprit).
std::string blame_class(const RunRecord& rec, const std::vector<PartyId>& corrupt) {
  std::set<PartyId> blamed;
  bool aborted = false;
  for (const auto& p : rec.run.parties) {
    if (std::find(corrupt.begin(), corrupt.end(), p.party) != corrupt.end()) continue;
    if (p.status == PartyStatus::kOutput) continue;
    aborted = true;
    blamed.insert(p.blamed.begin(), p.blamed.end());
  }
  if (!aborted) return "none";
  if (blamed.empty()) return "nobody";
  std::string out = blamed.size() == 1 ? "party " : "parties ";
  bool first = true;
  for (PartyId b : blamed) {
    out += (first ? "" : ", ") + std::to_string(b);
    first = false;
  }
  return out;
}

Result<AbortSample> sample(const Scenario& s, const AbortOptions& o, std::uint64_t first_seed,
                           const std::string& side, AbortReport& rep) {
  AbortSample out;
  for (int i = 0; i < o.runs; ++i) {
    RunOptions ro;
    ro.backend = o.backend;
    ro.seed = first_seed + static_cast<std::uint64_t>(i);
    auto rec = run_scenario(s, ro);
    if (!rec.ok()) return rec.status().with_prefix(side + "seed " + std::to_string(*ro.seed) + ": ");
    const std::string cls = blame_class(*rec, s.adversary->corrupt);
    ++out.runs;
    if (cls != "none") ++out.aborted;
    ++out.blame[cls];
    if (!rec->verdict_holds) ++rep.claim_violations;
    if (rep.scope.empty() || rep.scope == "within") rep.scope = claim_scope_name(rec->scope);
    if (o.progress && (i + 1) % 10 == 0)
      o.progress(side + std::to_string(i + 1) + "/" + std::to_string(o.runs) + " runs");
  }
  return out;
}

std::string fmt(double v) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.3g", v);
  return buf;
}

nlohmann::ordered_json sample_json(const AbortSample& s) {
  nlohmann::ordered_json blame = nlohmann::ordered_json::object();
  for (const auto& [cls, n] : s.blame) blame[cls] = n;
  return {{"runs", s.runs}, {"aborted", s.aborted}, {"blame", blame}};
}

std::string summary_of(const AbortReport& r) {
  const auto& t = r.test;
  std::string text =
      (t.alarm ? "LEAK: abort-or-not or the blame depends on the honest inputs"
               : "no input-dependent abort detected") +
      std::string(" (") + std::to_string(r.x.aborted) + "/" + std::to_string(r.x.runs) +
      " aborts under x, " + std::to_string(r.swapped.aborted) + "/" +
      std::to_string(r.swapped.runs) + " under x'; p_abort = " + fmt(t.p_abort) +
      ", p_blame = " + fmt(t.p_blame) + ", alpha = " + fmt(r.alpha) + "); leaked bits " +
      fmt(t.leak_bits) + " (" + fmt(r.confidence * 100) + "% range " + fmt(t.leak_low) + ".." +
      fmt(t.leak_high) + ")";
  if (r.scope != "within")
    text += "; the runs are outside the protocol's claim (" + r.scope +
            "): a leak here is reported, not a violation of the claim";
  if (r.claim_violations > 0)
    text += "; " + std::to_string(r.claim_violations) + " runs VIOLATED the claim";
  return text;
}

}  // namespace

nlohmann::ordered_json AbortReport::json() const {
  return {{"runs_per_input", runs},
          {"alpha", alpha},
          {"x", sample_json(x)},
          {"x_swapped", sample_json(swapped)},
          {"p_abort", test.p_abort},
          {"p_blame", test.p_blame},
          {"blame_class", test.blame_class},
          {"leak", test.alarm},
          {"leaked_bits", {{"estimate", test.leak_bits},
                           {"confidence", confidence},
                           {"low", test.leak_low},
                           {"high", test.leak_high}}},
          {"scope", scope},
          {"claim_violations", claim_violations},
          {"summary", summary}};
}

Result<AbortReport> run_abort_test(const Scenario& s,
                                   const std::vector<nlohmann::json>& swapped_inputs,
                                   const AbortOptions& o) {
  if (!s.adversary || s.adversary->corrupt.empty())
    return Error(s.path + ": /adversary: the abort test needs a corrupted coalition");
  if (o.runs < 2) return Error("--runs: need at least 2 runs per input, got " + std::to_string(o.runs));
  if (!(o.alpha > 0 && o.alpha < 1)) return Error("--alpha: must be in (0, 1)");
  SMPC_RETURN_IF_ERROR(check_swap_shape(s, swapped_inputs));
  Scenario swapped = s;
  swapped.inputs = swapped_inputs;
  PrivacyOptions po;
  po.backend = o.backend;
  po.first_seed = o.first_seed;
  SMPC_RETURN_IF_ERROR(same_coalition_outputs(s, swapped, po));
  AbortReport rep;
  rep.runs = o.runs;
  rep.alpha = o.alpha;
  rep.confidence = o.confidence;
  SMPC_ASSIGN_OR_RETURN(rep.x, sample(s, o, o.first_seed, "under x: ", rep));
  SMPC_ASSIGN_OR_RETURN(rep.swapped, sample(swapped, o, o.first_seed + static_cast<std::uint64_t>(o.runs),
                                            "under x': ", rep));
  rep.test = abort_dependence_test(rep.x, rep.swapped, o.alpha, o.confidence);
  rep.summary = summary_of(rep);
  return rep;
}

}  // namespace smpc
