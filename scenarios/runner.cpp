#include "scenarios/runner.h"

#include <algorithm>
#include <chrono>
#include <filesystem>

#include "adversary/adversarial_channel.h"
#include "protocols/core/abort.h"
#include "protocols/core/local_network.h"
#include "protocols/registry.h"
#include "scenarios/functions.h"
#include "verify/ideal_world.h"
#include "verify/oracle.h"
#include "verify/verdict.h"

namespace smpc {

nlohmann::ordered_json network_json(const NetworkSpec& spec) {
  nlohmann::ordered_json links = nlohmann::ordered_json::array();
  for (const auto& o : spec.overrides) {
    nlohmann::ordered_json l{{"from", o.from}};
    if (o.to >= 0) l["to"] = o.to;
    l["latency_ms"] = o.latency_s * 1e3;
    l["bandwidth_mbps"] = o.bandwidth_bytes_per_s * 8 / 1e6;
    links.push_back(l);
  }
  return {{"topology", spec.topology == Topology::kStar ? "star" : "full_mesh"},
          {"model", spec.model == NetworkModel::kLV08 ? "lv08" : "cm02"},
          {"latency_ms", spec.latency_s * 1e3},
          {"bandwidth_mbps", spec.bandwidth_bytes_per_s * 8 / 1e6},
          {"links", links}};
}

Result<RunRecord> run_scenario(const Scenario& s, const RunOptions& options) {
  const auto prefix = s.path + ": ";
  // The seeded bug is active from building the function (M17 lives there) to the verdict.
  // (kNone leaves an enclosing ScopedMutant alone.)
  std::optional<ScopedMutant> mutant;
  if (options.mutant != Mutant::kNone) {
    mutant.emplace(options.mutant);
    if (!mutant->status().ok()) return mutant->status().with_prefix(prefix);
  }
  const ProtocolSpec* entry = find_protocol(s.protocol);
  if (!entry)
    return Error(prefix + "/protocol/name: unknown protocol \"" + s.protocol + "\" (known: " +
                 protocol_names() + ")");
  const std::string base_dir =
      s.path.empty() || s.path[0] == '<' ? "." : std::filesystem::path(s.path).parent_path().string();
  auto fn = build_function(s.function, s.inputs, s.parties, base_dir.empty() ? "." : base_dir);
  if (!fn.ok()) return fn.status().with_prefix(prefix);
  if (fn->circuit.domain != entry->domain) {
    std::string fitting;
    for (const auto* e : protocol_registry())
      if (e->domain == fn->circuit.domain) fitting += (fitting.empty() ? "" : ", ") + e->name;
    return Error(prefix + "/protocol/name: " + entry->name + " evaluates " +
                 domain_name(entry->domain) + " circuits but function " + fn->name + " is " +
                 domain_name(fn->circuit.domain) + (fitting.empty() ? "" : " (use " + fitting + ")"));
  }
  const std::uint64_t seed = options.seed.value_or(s.seed);
  // Unknown keys, types, ranges, defaults and seed-derived parameters (dealer_seed), from the
  // protocol's spec.
  auto params = resolve_params(*entry, s.protocol_params, s.parties, seed);
  if (!params.ok()) return params.status().with_prefix(prefix);
  if (s.parties < entry->min_parties)
    return Error(prefix + "/parties: protocol " + entry->name + " needs at least " +
                 std::to_string(entry->min_parties) + " parties, got " +
                 std::to_string(s.parties));
  auto protocol = entry->make(*params, fn->circuit, s.parties);
  if (!protocol.ok()) return protocol.status().with_prefix(prefix);
  // Input substitution: the ideal world lets corrupted parties choose their inputs, so the
  // honest outputs are judged against f on the inputs actually used.
  std::vector<PartyInput> used = fn->party_inputs;
  if (s.adversary) {
    for (std::size_t i = 0; i < s.adversary->script.size(); ++i) {
      const auto& step = s.adversary->script[i];
      if (step.kind != StrategyKind::kInputSubstitution) continue;
      for (PartyId p : s.adversary->corrupt) {
        if (step.party && *step.party != p) continue;
        auto& in = used[static_cast<std::size_t>(p)].values;
        if (step.value.size() != in.size())
          return Error(prefix + "/adversary/script/" + std::to_string(i) + "/value: party " +
                       std::to_string(p) + " provides " + std::to_string(in.size()) +
                       " input values to the circuit, the substitution gives " +
                       std::to_string(step.value.size()));
        for (auto v : step.value)
          if (fn->circuit.domain == CircuitDomain::kBoolean ? v > 1 : v >= Fp61::kModulus)
            return Error(prefix + "/adversary/script/" + std::to_string(i) + "/value: " +
                         std::to_string(v) + " is not a value of the circuit's domain (" +
                         domain_name(fn->circuit.domain) + ")");
        in = step.value;
      }
    }
  }
  auto expected = ideal_outputs(fn->ideal(), used);
  if (!expected.ok()) return expected.status().with_prefix(prefix + "/inputs: ");

  const Protocol& proto = **protocol;
  std::optional<Coalition> coalition;
  if (s.adversary) coalition.emplace(*s.adversary);
  const PartyBody body = [&proto, &used, &coalition, seed](PartyContext& ctx) {
    const PartyId p = ctx.net.self();
    const PartyInput& input = used[static_cast<std::size_t>(p)];
    if (!coalition || !coalition->spec().corrupts(p)) return proto.run(ctx, input);
    // A corrupted party runs the protocol through the adversary's channel; its randomness for
    // attacks is a separate stream, so the protocol's own randomness is unchanged.
    AdversarialChannel adv(ctx, *coalition, ctx.rng.derive("adversary"));
    PartyContext actx{adv, ctx.rng, ctx.clock, ctx.meter, ctx.annotations};
    const auto keep_view = [&] {
      if (ctx.annotations) (*ctx.annotations)["view"] = adv.view_json(input.values, seed);
    };
    try {
      PartyOutput out = proto.run(actx, input);
      adv.flush();
      keep_view();
      return out;
    } catch (const Abort&) {
      keep_view();
      throw;
    }
  };

  // Wall time is measured around the run for the report only; it never feeds the simulation.
  const auto wall_start = std::chrono::steady_clock::now();
  RunResult run;
  if (options.backend == Backend::kSimulated) {
    SimRunOptions sim;
    sim.seed = seed;
    sim.network = s.network;
    sim.deadline_s = s.deadline_s;
    sim.verbose = options.verbose;
    auto r = run_simulated(s.parties, sim, body);
    if (!r.ok()) return r.status().with_prefix(prefix + "simulation failed: ");
    run = std::move(r).value();
  } else {
    run = run_local(s.parties, LocalRunOptions{seed, s.deadline_s}, body);
  }
  const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();

  const SecurityClaim claim = proto.claim(s.parties);
  const std::vector<PartyId> corrupted = s.adversary ? s.adversary->corrupt : std::vector<PartyId>{};
  // Ideal-world explanations for malicious runs: the corrupted parties' default inputs (0),
  // which protocols with guaranteed output delivery use for a disqualified dealer.
  std::vector<IdealSubstitution> substitutions;
  if (s.adversary && s.adversary->model == AdversaryModel::kMalicious) {
    std::vector<PartyInput> zeroed = used;
    for (PartyId p : corrupted)
      for (auto& x : zeroed[static_cast<std::size_t>(p)].values) x = 0;
    if (auto z = ideal_outputs(fn->ideal(), zeroed); z.ok())
      substitutions.push_back({"corrupted parties' inputs replaced by 0, as for a disqualified "
                               "dealer", std::move(z).value()});
  }
  // An adversary that only substitutes inputs and otherwise follows the protocol is
  // augmented semi-honest (Goldreich, Foundations of Cryptography vol. 2, §7.4.4): its run is
  // an honest run on other inputs, so a semi-honest claim covers it.
  AdversaryModel model = s.adversary ? s.adversary->model : AdversaryModel::kSemiHonest;
  if (s.adversary && !s.adversary->script.empty() &&
      std::all_of(s.adversary->script.begin(), s.adversary->script.end(), [](const auto& step) {
        return step.kind == StrategyKind::kInputSubstitution;
      }))
    model = AdversaryModel::kSemiHonest;
  Verdict verdict = judge(claim, run, *expected, corrupted, model, substitutions);
  // A wrong honest output is a violation only if no input of the corrupted parties explains it
  // (the ideal world allows input substitution): ask the oracle (Z3 or exact linear algebra).
  if (!verdict.holds && !verdict.wrong.empty() && !corrupted.empty()) {
    IdealWorldQuery q;
    q.circuit = &fn->ideal();
    q.inputs = used;
    q.corrupted = corrupted;
    q.timeout_s = 5;
    q.outputs.resize(static_cast<std::size_t>(s.parties));
    for (const auto& p : run.parties)
      if (p.status == PartyStatus::kOutput &&
          std::find(corrupted.begin(), corrupted.end(), p.party) == corrupted.end())
        q.outputs[static_cast<std::size_t>(p.party)] = p.outputs;
    auto answer = explain_by_substitution(q);
    if (answer.ok() && answer->kind == IdealWorldAnswer::Kind::kExplained) {
      if (auto sub = ideal_outputs(fn->ideal(), answer->substituted); sub.ok()) {
        std::string values;
        for (PartyId p : corrupted) {
          values += (values.empty() ? "" : "; ") + std::string("party ") + std::to_string(p) + ":";
          for (auto v : answer->substituted[static_cast<std::size_t>(p)].values)
            values += " " + std::to_string(v);
        }
        verdict = judge(claim, run, *sub, corrupted, model);
        verdict.explanation += " (ideal world: the corrupted parties' inputs substituted by " +
                               values + ", found by the ideal-world oracle)";
      }
    } else if (answer.ok()) {
      verdict.explanation +=
          answer->kind == IdealWorldAnswer::Kind::kUnexplained
              ? " (no input of the corrupted parties explains the honest outputs: the "
                "adversary did more than substitute inputs; " + answer->detail + ")"
              : " (the ideal-world oracle could not decide whether an input substitution "
                "explains the honest outputs: " + answer->detail + ")";
    } else {
      verdict.explanation += " (ideal-world oracle: " + answer.status().message() + ")";
    }
  }

  RunRecord rec;
  rec.scenario = s.name;
  rec.scenario_path = s.path;
  rec.seed = seed;
  rec.protocol = entry->name;
  rec.parties = s.parties;
  rec.function = fn->name;
  rec.claim = claim;
  rec.network = network_json(s.network);
  if (options.backend == Backend::kLocal) rec.network = {{"backend", "local (no simulated time)"}};
  for (PartyId p = 0; p < s.parties; ++p) {
    const auto& pr = run.parties[static_cast<std::size_t>(p)];
    rec.outputs.push_back(pr.status == PartyStatus::kOutput ? describe_outputs(*fn, p, pr.outputs)
                                                            : nlohmann::ordered_json());
    rec.expected_outputs.push_back(describe_outputs(*fn, p, (*expected)[static_cast<std::size_t>(p)]));
  }
  if (s.adversary) {
    rec.adversary = adversary_json(*s.adversary);
    nlohmann::ordered_json views = nlohmann::ordered_json::array();
    for (PartyId p : s.adversary->corrupt) {
      const auto& a = run.parties[static_cast<std::size_t>(p)].annotations;
      if (a.contains("view")) views.push_back(nlohmann::ordered_json::parse(a["view"].dump()));
    }
    rec.adversary["views"] = views;
  }
  rec.run = std::move(run);
  rec.outcome = outcome_name(verdict.outcome);
  rec.verdict_holds = verdict.holds;
  rec.explanation = verdict.explanation;
  rec.wall_time_s = wall;
  rec.reproduce = options.program + " run " + s.path + " --seed " + std::to_string(seed) +
                  (options.backend == Backend::kLocal ? " --local" : "");
  if (options.mutant != Mutant::kNone) {
    rec.mutant = mutant_name(options.mutant);
    rec.reproduce += " --mutant " + rec.mutant;
  }
  return rec;
}

}  // namespace smpc
