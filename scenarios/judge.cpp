// judge: RunPlan + RunResult → Verdict (pipeline.h). The question is on which inputs of the
// corrupted parties the honest outputs must be f (docs/extraction.md):
//   - a corrupted party without an input-changing strategy (passive, no script, or a script
//     that only substitutes inputs: plan.inputs already holds those) — its true input;
//   - otherwise the input the run effectively bound it to, computed by the protocol's
//     extractor as a simulator would (decided_by "extraction"), and nothing else;
//   - only where no extractor exists or extraction fails: the true inputs, and when an honest
//     output is wrong the ∃x'_C ideal-world oracle (decided_by "ideal_world_oracle").
// A correct run whose inputs differ from the scenario's true ones is correct_with_substitution.
//
// Timing comes last: a run whose deadline or network breaks the protocol's stated timing
// assumption (ProtocolSpec::timing) is outside the claim (timing), and so is an honest run that
// got no output only because the deadline or network left it no time to finish — which a
// control run on a fast network with a long deadline must show (network_cause); a protocol
// that hangs there too is still a violation.
#include <algorithm>
#include <cmath>
#include <limits>

#include "scenarios/pipeline.h"
#include "verify/ideal_world.h"
#include "verify/oracle.h"
#include "protocols/core/mutants.h"
#include "protocols/core/json_text.h"

namespace smpc {
namespace {

// An adversary that only substitutes inputs and otherwise follows the protocol is augmented
// semi-honest (Goldreich, Foundations of Cryptography vol. 2, §7.4.4): its run is an honest run
// on other inputs, so a semi-honest claim covers it.
AdversaryModel effective_model(const RunPlan& plan) {
  if (!plan.adversary) return AdversaryModel::kSemiHonest;
  const auto& script = plan.adversary->script;
  if (!script.empty() && std::all_of(script.begin(), script.end(), [](const auto& step) {
        return step.kind == StrategyKind::kInputSubstitution;
      }))
    return AdversaryModel::kSemiHonest;
  return plan.adversary->model;
}

// The corrupted parties with inputs that a malicious script step other than input_substitution
// acts on. Every such step counts as input-changing: content changes (bit_flip, add, randomize,
// equivocate, replay, truncate, custom strategies) alter what the party deals; drop, crash,
// selective_abort, delay, reorder, duplicate and rushing alter whether and when its messages
// arrive, which a protocol with round timeouts turns into a default input (robust BGW's
// disqualified dealer) or a message read in another's place. Extraction is exact, so counting
// a step that happens not to change the input costs nothing: the extracted input is then the
// true one.
// A party hit by a fault (crashed, or cut off by a partition or a broken link) deals late or
// never, like a party with a crash step: its effective input is whatever the run bound it to.
// A program (adversary/program.h) computes every message of every corrupted party: it acts on
// each of them like a content step (mascot_attacks.h substitutes an input through MASCOT's
// authentication messages alone).
std::vector<PartyId> free_to_substitute(const RunPlan& plan, const std::vector<PartyId>& hit) {
  std::vector<PartyId> out;
  if (!plan.adversary || plan.adversary->model != AdversaryModel::kMalicious) return out;
  for (PartyId p : plan.adversary->corrupt) {
    if (plan.function.circuit.input_wires_of(p).empty()) continue;
    if (is_party_in(hit, p) || plan.adversary->program) {
      out.push_back(p);
      continue;
    }
    for (const auto& step : plan.adversary->script)
      if (step.kind != StrategyKind::kInputSubstitution && (!step.party || *step.party == p)) {
        out.push_back(p);
        break;
      }
  }
  return out;
}

// The faults that fired during the run (before the last party finished) and the parties they
// hit (topology.h parties_hit), with the faults in words for the verdict.
struct FaultHits {
  std::vector<PartyId> parties;
  std::string text;
};

FaultHits fault_hits(const RunPlan& plan, const RunResult& run) {
  FaultHits h;
  if (plan.options.backend != Backend::kSimulated) return h;
  for (const Fault& f : plan.network.faults) {
    if (!fault_fired(f, run.simulated_time_s)) continue;
    h.text += (h.text.empty() ? "" : "; ") + fault_text(f);
    for (PartyId p : parties_hit(f, plan.parties))
      if (!is_party_in(h.parties, p)) h.parties.push_back(p);
  }
  std::sort(h.parties.begin(), h.parties.end());
  return h;
}

// The plan as judged: parties hit by faults join the corrupted ones, as malicious (a crash or
// a lost message is not semi-honest behaviour), so the claim's bound counts them and its
// guarantee is owed to the others only. Seeded bug M42 leaves them honest.
RunPlan with_faulty_parties(const RunPlan& plan, const FaultHits& hits) {
  if (hits.parties.empty() || mutant_active(Mutant::kM42)) return plan;
  RunPlan judged = plan;
  if (!judged.adversary) judged.adversary.emplace();
  auto& adv = *judged.adversary;
  adv.model = AdversaryModel::kMalicious;
  for (PartyId p : hits.parties)
    if (!is_party_in(adv.corrupt, p)) adv.corrupt.push_back(p);
  std::sort(adv.corrupt.begin(), adv.corrupt.end());
  return judged;
}

// The verdict's words under faults: beyond the bound, which faults put it there.
void word_faults(Verdict& v, const RunPlan& plan, const FaultHits& hits) {
  if (hits.parties.empty()) return;
  std::string parties;
  for (PartyId p : hits.parties) parties += (parties.empty() ? "" : ", ") + std::to_string(p);
  if (v.scope == ClaimScope::kOutsideBound) {
    const auto claim = plan.protocol->claim(plan.parties);
    const auto at = v.explanation.find("; what happened: ");
    v.explanation = "outside the claim (faults): " + std::to_string(plan.corrupted().size()) +
                    " parties corrupted or hit by faults (" + hits.text + "), the claim (" +
                    claim.statement + ") covers at most " +
                    std::to_string(claim.max_corruptions) +
                    (at == std::string::npos ? "" : v.explanation.substr(at));
    return;
  }
  v.explanation += " (faults: " + hits.text + "; parties " + parties +
                   " judged as faulty, the guarantee is owed to the others)";
}

std::string values_text(const std::vector<std::uint64_t>& values) {
  std::string s;
  for (auto v : values) s += (s.empty() ? "" : " ") + std::to_string(v);
  return s.empty() ? "(none)" : s;
}

// "party 1: 0; party 3: 5 6" for the corrupted parties whose judged inputs differ from the
// scenario's true inputs (empty: none differ).
std::string substituted_text(const RunPlan& plan, const Verdict& v) {
  std::string s;
  for (PartyId p : plan.corrupted()) {
    const auto& used = v.inputs[static_cast<std::size_t>(p)].values;
    if (same_function_inputs(plan.function, p, used)) continue;
    s += (s.empty() ? "" : "; ") + std::string("party ") + std::to_string(p) + ": " +
         values_text(used);
  }
  return s;
}

Verdict judged_on(const RunPlan& plan, const RunResult& run, std::vector<PartyInput> inputs,
                  std::vector<std::vector<std::uint64_t>> expected, DecidedBy by) {
  // The one place a function's OutputCheck replaces the comparison with f's outputs.
  Verdict v = judge(plan.protocol->claim(plan.parties), run, expected, plan.corrupted(),
                    effective_model(plan), plan.servers, plan.function.output_check);
  v.decided_by = by;
  v.inputs = std::move(inputs);
  v.expected = std::move(expected);
  return v;
}

// The corrupted parties' extracted inputs in place of their true ones; an error when the
// protocol has no extractor or the run defines no effective input for one of them.
Result<Verdict> judge_by_extraction(const RunPlan& plan, const RunResult& run,
                                    const std::vector<PartyId>& free,
                                    std::vector<ExtractedInput>& extracted) {
  if (!plan.spec->extract) return Error("protocol " + plan.spec->name + " has no extractor");
  const ExtractionQuery q{&plan.function.circuit, &run, plan.corrupted(), free};
  SMPC_ASSIGN_OR_RETURN(extracted, plan.spec->extract(q));
  std::vector<PartyInput> inputs = plan.inputs;
  for (const auto& e : extracted) {
    if (!e.values)
      return Error("party " + std::to_string(e.party) + " has no effective input: " + e.note);
    inputs[static_cast<std::size_t>(e.party)].values = *e.values;
  }
  auto expected = ideal_outputs(plan.function.ideal(), inputs);
  if (!expected.ok()) return expected.status().with_prefix("f on the extracted inputs: ");
  Verdict v = judged_on(plan, run, std::move(inputs), std::move(expected).value(),
                        DecidedBy::kExtraction);
  v.extracted = extracted;
  if (!v.wrong.empty()) {
    std::string text;
    for (const auto& e : extracted)
      text += (text.empty() ? "" : "; ") + std::string("party ") + std::to_string(e.party) +
              ": " + values_text(*e.values) + (e.note.empty() ? "" : " (" + e.note + ")");
    v.explanation += " (judged on the corrupted parties' inputs extracted from the run: " +
                     text + ")";
  }
  return v;
}

// A wrong honest output is a violation only if no input of the corrupted parties explains it
// (the ideal world allows input substitution): ask the oracle (Z3 or exact linear algebra).
// Only reached when extraction was impossible, so only for parties free to substitute.
Verdict consult_ideal_world(const RunPlan& plan, const RunResult& run, Verdict verdict) {
  const auto corrupted = plan.corrupted();
  IdealWorldQuery q;
  q.circuit = &plan.function.ideal();
  q.inputs = plan.inputs;
  q.corrupted = corrupted;
  q.timeout_s = 5;
  q.outputs.resize(static_cast<std::size_t>(plan.parties));
  for (const auto& p : run.parties)
    if (p.status == PartyStatus::kOutput && !is_party_in(corrupted, p.party))
      q.outputs[static_cast<std::size_t>(p.party)] = p.outputs;
  auto answer = explain_by_substitution(q);
  verdict.decided_by = DecidedBy::kIdealWorldOracle;
  if (!answer.ok()) {
    verdict.explanation += " (ideal-world oracle: " + answer.status().message() + ")";
  } else if (answer->kind == IdealWorldAnswer::Kind::kExplained) {
    if (auto sub = ideal_outputs(plan.function.ideal(), answer->substituted); sub.ok()) {
      std::vector<ExtractedInput> extracted = std::move(verdict.extracted);
      verdict = judged_on(plan, run, answer->substituted, std::move(sub).value(),
                          DecidedBy::kIdealWorldOracle);
      verdict.extracted = std::move(extracted);
      verdict.explanation += " (ideal world: an input substitution found by the ideal-world "
                             "oracle explains the honest outputs)";
    }
  } else {
    verdict.explanation +=
        answer->kind == IdealWorldAnswer::Kind::kUnexplained
            ? " (no input of the corrupted parties explains the honest outputs: the "
              "adversary did more than substitute inputs; " + answer->detail + ")"
            : " (the ideal-world oracle could not decide whether an input substitution "
              "explains the honest outputs: " + answer->detail + ")";
  }
  return verdict;
}

// Whether some link's latency (or bandwidth) follows a trace: then the configured value is not
// what messages met (docs/simulator.md, "Traces").
using TraceKind = std::shared_ptr<const Trace> LinkTraces::*;
bool has_traces(const NetworkSpec& net, TraceKind kind) {
  if (net.traces.*kind) return true;
  for (const auto& o : net.overrides)
    if (o.traces.*kind) return true;
  for (const auto& e : net.shape.edges)
    if (e.traces.*kind) return true;
  for (const auto& r : net.shape.regions)
    if (r.lan_traces.*kind) return true;
  for (const auto& w : net.shape.wan_links)
    if (w.traces.*kind) return true;
  return false;
}
bool has_latency_traces(const NetworkSpec& net) { return has_traces(net, &LinkTraces::latency); }

RunTiming run_timing(const RunPlan& plan) {
  RunTiming t{.deadline_s = plan.deadline_s,
              .min_route_latency_s = 0,
              .max_bandwidth_bytes_per_s = std::numeric_limits<double>::infinity(),
              .max_added_delay_s = 0,
              .late = {}};
  if (plan.options.backend == Backend::kLocal) return t;
  if ((plan.network.topology != Topology::kFullMesh && plan.network.topology != Topology::kStar) ||
      has_latency_traces(plan.network) || has_traces(plan.network, &LinkTraces::bandwidth)) {
    // Read off the routes: the fastest route's latency, the fastest link's bandwidth. Under a
    // latency trace a link's least latency (its floor) is the bound every message meets.
    auto platform = plan_platform(plan.parties, plan.network);
    if (!platform.ok()) return t;
    t.min_route_latency_s = std::numeric_limits<double>::infinity();
    t.max_bandwidth_bytes_per_s = 0;
    for (PartyId i = 0; i < plan.parties; ++i)
      for (PartyId j = 0; j < plan.parties; ++j)
        if (i != j) {
          double floor = 0;
          for (int l : platform->route(i, j))
            floor += platform->links[static_cast<std::size_t>(l)].latency_floor_s;
          t.min_route_latency_s = std::min(t.min_route_latency_s, floor);
        }
    for (const auto& l : platform->links) {
      if (l.gate) continue;
      t.max_bandwidth_bytes_per_s = std::max(t.max_bandwidth_bytes_per_s, l.bandwidth_bytes_per_s);
      if (l.traces.bandwidth)  // a bandwidth trace may rise above the configured value
        for (const auto& p : l.traces.bandwidth->points)
          t.max_bandwidth_bytes_per_s = std::max(t.max_bandwidth_bytes_per_s, p.second);
    }
    if (plan.parties < 2) t.min_route_latency_s = 0;
    return t;
  }
  double latency = plan.network.latency_s, bandwidth = plan.network.bandwidth_bytes_per_s;
  for (const auto& o : plan.network.overrides) {
    latency = std::min(latency, o.latency_s);
    bandwidth = std::max(bandwidth, o.bandwidth_bytes_per_s);
  }
  // A star route is an uplink and a downlink.
  t.min_route_latency_s = plan.network.topology == Topology::kStar ? 2 * latency : latency;
  t.max_bandwidth_bytes_per_s = bandwidth;
  return t;
}

// "no_output (party 0: no message from party 2 by the deadline t=5 s)".
std::string what_happened(const Verdict& v, const RunPlan& plan, const RunResult& run) {
  std::string text = outcome_name(v.outcome);
  for (const auto& p : run.parties)
    if (p.status != PartyStatus::kOutput && !is_party_in(plan.corrupted(), p.party))
      return text + " (party " + std::to_string(p.party) + ": " + p.abort_reason + ")";
  return text;
}

void put_outside_timing(Verdict& v, const std::string& reason, const RunPlan& plan,
                        const RunResult& run) {
  v.scope = ClaimScope::kOutsideTiming;
  v.holds = true;  // the claim holds only under its timing assumption
  v.explanation = "outside the claim (timing): " + reason + "; what happened: " +
                  what_happened(v, plan, run);
}

// The control run's network: fast enough that any protocol of the testbed finishes well within
// its deadline (a 10 Gbit/s, 1 ms full mesh or star, one simulated hour or the run's deadline).
constexpr double kControlLatencyS = 1e-3;
constexpr double kControlBandwidth = 1.25e9;  // bytes/s
constexpr double kControlDeadlineS = 3600;

// Whether honest parties went without output because time ran out, not because the protocol
// hangs: the same run (seed, inputs, corruption) on the control network finishes with every
// honest party correct. Only for honest-behaving runs on the simulator (a malicious adversary
// may legitimately stall a run; the local backend has no network to speed up).
std::optional<std::string> network_cause(const RunPlan& plan, const Verdict& v) {
  const bool unfinished = v.outcome == Outcome::kNoOutput ||
                          (v.outcome == Outcome::kDisagreement && v.wrong.empty());
  if (v.holds || v.scope != ClaimScope::kWithin || !unfinished ||
      effective_model(plan) != AdversaryModel::kSemiHonest ||
      plan.options.backend != Backend::kSimulated)
    return std::nullopt;
  RunPlan control = plan;
  control.network = NetworkSpec{};
  control.network.topology =
      plan.network.topology == Topology::kStar ? Topology::kStar : Topology::kFullMesh;
  control.network.latency_s = kControlLatencyS;
  control.network.bandwidth_bytes_per_s = kControlBandwidth;
  control.deadline_s = std::max(plan.deadline_s, kControlDeadlineS);
  auto ex = execute(control);
  if (!ex.ok()) return std::nullopt;
  const Verdict c = judged_on(plan, ex->run, plan.inputs, plan.expected, DecidedBy::kTrueInputs);
  if (c.outcome != Outcome::kCorrect) return std::nullopt;
  return "honest parties had no output by deadline_s = " + number_text(plan.deadline_s) +
         " s on this network, and the same run on a 1 ms, 10 Gbit/s network finishes correct "
         "at t = " + number_text(ex->run.simulated_time_s) +
         " s: the deadline or the network is too slow for the protocol, which the claim "
         "assumes is not the case (every message arrives before the deadline)";
}

// Receives of honest parties that gave up on honest parties at their deadline (RunTiming::late).
// Parties hit by faults are never honest here, even when the judged plan counts them so (M42):
// a crashed party's silence is the fault's, not asynchrony.
std::vector<RunTiming::Late> late_honest(const RunPlan& plan, const RunResult& run,
                                         const FaultHits& hits) {
  auto corrupted = plan.corrupted();
  corrupted.insert(corrupted.end(), hits.parties.begin(), hits.parties.end());
  std::vector<double> burst(static_cast<std::size_t>(plan.parties), 0.0);
  for (const auto& p : run.parties) burst[static_cast<std::size_t>(p.party)] = p.meter.max_compute_burst_s;
  std::vector<RunTiming::Late> late;
  for (const auto& p : run.parties) {
    if (is_party_in(corrupted, p.party)) continue;
    const auto& from = p.meter.timed_out_from;
    for (std::size_t i = 0; i < from.size(); ++i)
      if (!is_party_in(corrupted, from[i]))
        late.push_back({p.party, from[i], burst[static_cast<std::size_t>(from[i])],
                        i < p.meter.timed_out_at_s.size() ? p.meter.timed_out_at_s[i] : 0.0});
  }
  return late;
}

// The timing assumptions: the protocol's stated one, then the implicit one of every protocol.
void judge_timing(const RunPlan& plan, const RunResult& run, const FaultHits& hits, Verdict& v) {
  if (v.scope != ClaimScope::kWithin) return;
  if (plan.spec->timing) {
    RunTiming timing = run_timing(plan);
    // Seeded bug M55 leaves it out: a run the network made asynchronous is judged as synchronous.
    if (!mutant_active(Mutant::kM55)) timing.max_added_delay_s = run.max_added_delay_s;
    // Under a latency trace a message met the route latency in force at its send time, which
    // may be far above the configured one: the longest-held message's latency and delays beyond
    // the shortest route latency is what it certainly took (seeded bug M85: left out, so the
    // check reads the configured latency).
    const bool traced = has_latency_traces(plan.network) && !mutant_active(Mutant::kM85);
    const double traced_excess = run.max_message_latency_s - timing.min_route_latency_s;
    if (traced) timing.max_added_delay_s = std::max(timing.max_added_delay_s, traced_excess);
    // Seeded bug M75 leaves out the run's own evidence: a run that slow computation (or any
    // late honest message) made asynchronous is judged as synchronous.
    if (!mutant_active(Mutant::kM75)) timing.late = late_honest(plan, run, hits);
    if (auto reason = plan.spec->timing(plan.params, plan.function.circuit, plan.parties, timing)) {
      if (traced && traced_excess > run.max_added_delay_s)
        *reason += " (under the latency trace one message met a route latency at its send time "
                   "plus jitter and loss of " + number_text(run.max_message_latency_s) +
                   " s, against a shortest route latency of " +
                   number_text(timing.min_route_latency_s) + " s)";
      put_outside_timing(v, *reason, plan, run);
      return;
    }
  }
  if (auto reason = network_cause(plan, v)) put_outside_timing(v, *reason, plan, run);
}

// A claim that trusts a party outright (ProtocolSpec::trusted_parties: vote's bulletin board)
// says nothing of a run in which that party is corrupted or hit by a fault: such a run is
// outside the claim (model), whatever happened, and never "ok within the claim".
void judge_trusted(const RunPlan& plan, const RunResult& run, Verdict& v) {
  // Seeded bug M83 leaves the run within the claim.
  if (!plan.spec->trusted_parties || v.scope != ClaimScope::kWithin ||
      mutant_active(Mutant::kM83))
    return;
  for (PartyId p : plan.spec->trusted_parties(plan.params, plan.parties)) {
    if (!is_party_in(plan.corrupted(), p)) continue;
    v.scope = ClaimScope::kOutsideModel;
    v.holds = true;  // nothing is promised once a trusted party misbehaves
    v.explanation = "outside the claim (model): party " + std::to_string(p) +
                    " is corrupted or hit by a fault, and the claim (" +
                    plan.protocol->claim(plan.parties).statement + ") trusts it; what happened: " +
                    what_happened(v, plan, run);
    return;
  }
}

}  // namespace

Verdict judge_run(const RunPlan& original, const RunResult& run) {
  const FaultHits hits = fault_hits(original, run);
  const RunPlan judged = with_faulty_parties(original, hits);
  const RunPlan& plan = judged;
  const auto free = free_to_substitute(plan, hits.parties);
  Verdict verdict;
  if (free.empty()) {
    verdict = judged_on(plan, run, plan.inputs, plan.expected, DecidedBy::kTrueInputs);
  } else {
    std::vector<ExtractedInput> extracted;
    auto by_extraction = judge_by_extraction(plan, run, free, extracted);
    if (by_extraction.ok()) {
      verdict = std::move(by_extraction).value();
    } else {
      verdict = judged_on(plan, run, plan.inputs, plan.expected, DecidedBy::kTrueInputs);
      verdict.extracted = std::move(extracted);
      if (!verdict.holds && !verdict.wrong.empty()) {
        verdict.explanation += " (no extraction: " + by_extraction.status().message() + ")";
        verdict = consult_ideal_world(plan, run, std::move(verdict));
      }
    }
  }
  if (const std::string how = substituted_text(plan, verdict); !how.empty())
    mark_substitution(verdict, how);
  judge_trusted(plan, run, verdict);
  judge_timing(plan, run, hits, verdict);
  word_faults(verdict, plan, hits);
  return verdict;
}

}  // namespace smpc
