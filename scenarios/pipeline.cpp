#include "scenarios/pipeline.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <filesystem>

#include "adversary/adversarial_channel.h"
#include "protocols/core/abort.h"
#include "protocols/core/field.h"
#include "protocols/core/json_text.h"
#include "protocols/core/local_network.h"
#include "scenarios/programs.h"
#include "verify/oracle.h"

namespace smpc {

std::vector<PartyId> RunPlan::corrupted() const {
  return adversary ? adversary->corrupt : std::vector<PartyId>{};
}

// ---------------------------------------------------------------------------------------------
// resolve

namespace {

// The registry's protocols that take client inputs, for the /roles error: read from the specs,
// so the message cannot fall behind them.
std::string client_input_protocols() {
  std::vector<std::string> names;
  for (const auto* e : protocol_registry())
    if (e->client_inputs) names.push_back(e->name);
  std::string out;
  for (std::size_t i = 0; i < names.size(); ++i)
    out += (i == 0 ? "" : i + 1 == names.size() ? " and " : ", ") + names[i];
  return out;
}

Result<const ProtocolSpec*> find_protocol_or_error(const std::string& name) {
  if (const ProtocolSpec* spec = find_protocol(name)) return spec;
  return Error("/protocol/name: unknown protocol \"" + name + "\" (known: " + protocol_names() +
               ")");
}

std::string base_dir_of(const std::string& path) {
  if (path.empty() || path[0] == '<') return ".";
  const std::string dir = std::filesystem::path(path).parent_path().string();
  return dir.empty() ? "." : dir;
}

Status check_domain(const ProtocolSpec& spec, const Function& fn) {
  if (fn.circuit.domain == spec.domain) return OkStatus();
  std::string fitting;
  for (const auto* e : protocol_registry())
    if (e->domain == fn.circuit.domain) fitting += (fitting.empty() ? "" : ", ") + e->name;
  return Error("/protocol/name: " + spec.name + " evaluates " + domain_name(spec.domain) +
               " circuits but function " + fn.name + " is " + domain_name(fn.circuit.domain) +
               (fitting.empty() ? "" : " (use " + fitting + ")"));
}

// The parameters are checked against what the spec declares, with defaults and seed-derived
// values (a trusted dealer's randomness must change from run to run like every other random
// choice); checks that depend on the party count are the protocol's make().
// Roles (docs/applications.md): the protocol must accept client inputs; outputs meant for
// every party go to the output receivers (default: the servers); the protocol learns the
// server count as the parameter kServersParam.
Status apply_roles(const Scenario& s, RunPlan& plan) {
  const Roles& roles = *s.roles;
  SMPC_RETURN_IF_ERROR(check_roles(roles.servers, roles.output_receivers, s.parties));
  if (!plan.spec->client_inputs)
    return Error("/roles: protocol " + plan.spec->name + " does not take client inputs (" +
                 client_input_protocols() + " do; docs/applications.md)");
  plan.servers = roles.servers;
  plan.params[kServersParam] = roles.servers;
  std::vector<PartyId> receivers = roles.output_receivers;
  if (receivers.empty())
    for (PartyId p = 0; p < roles.servers; ++p) receivers.push_back(p);
  for (auto& group : plan.function.circuit.outputs)
    if (group.receivers.empty()) group.receivers = receivers;
  if (plan.function.spec)
    for (auto& group : plan.function.spec->outputs)
      if (group.receivers.empty()) group.receivers = receivers;
  return OkStatus();
}

Status make_protocol(const Scenario& s, RunPlan& plan) {
  const ProtocolSpec& spec = *plan.spec;
  SMPC_ASSIGN_OR_RETURN(plan.params,
                        resolve_params(spec, s.protocol_params, s.parties, plan.seed));
  if (s.roles) SMPC_RETURN_IF_ERROR(apply_roles(s, plan));
  const int computing = server_count(plan.params, s.parties);
  if (computing < spec.min_parties || (spec.max_parties > 0 && computing > spec.max_parties))
    return Error(std::string(s.roles ? "/roles/servers" : "/parties") + ": protocol " +
                 spec.name + " needs " + party_range(spec) + (s.roles ? " servers" : " parties") +
                 ", got " + std::to_string(computing));
  SMPC_ASSIGN_OR_RETURN(auto protocol, spec.make(plan.params, plan.function.circuit, s.parties));
  plan.protocol = std::move(protocol);
  return OkStatus();
}

Status check_value_in_domain(std::uint64_t v, CircuitDomain d, const std::string& pointer) {
  if (d == CircuitDomain::kBoolean ? v <= 1 : v < Fp61::kModulus) return OkStatus();
  return Error(pointer + ": " + std::to_string(v) + " is not a value of the circuit's domain (" +
               domain_name(d) + ")");
}

// Input substitution: the ideal world lets corrupted parties choose their inputs, so the honest
// outputs are judged against f on the inputs actually used.
Status apply_substitutions(const AdversarySpec& adv, const Function& fn,
                           std::vector<PartyInput>& inputs) {
  for (std::size_t i = 0; i < adv.script.size(); ++i) {
    const auto& step = adv.script[i];
    if (step.kind != StrategyKind::kInputSubstitution) continue;
    const std::string pointer = "/adversary/script/" + std::to_string(i) + "/value";
    for (PartyId p : adv.corrupt) {
      if (step.party && *step.party != p) continue;
      auto& in = inputs[static_cast<std::size_t>(p)].values;
      // A party with private randomness (Function::random_inputs: an auction's masks) may give
      // its function inputs only, keeping the randomness drawn from the seed, or all values.
      const std::size_t own = fn.function_input_count(p);
      if (step.value.size() != in.size() && step.value.size() != own)
        return Error(pointer + ": party " + std::to_string(p) + " provides " +
                     std::to_string(in.size()) + " input values to the circuit" +
                     (own != in.size() ? " (" + std::to_string(own) + " of them function inputs, "
                                         "the rest its private randomness)" : std::string()) +
                     ", the substitution gives " + std::to_string(step.value.size()));
      for (auto v : step.value)
        SMPC_RETURN_IF_ERROR(check_value_in_domain(v, fn.circuit.domain, pointer));
      std::copy(step.value.begin(), step.value.end(), in.begin());
    }
  }
  return OkStatus();
}

// A scenario built in C++ skips the schema; its corruption set is checked here all the same.
Status check_corruption(const AdversarySpec& adv, int parties) {
  for (std::size_t i = 0; i < adv.corrupt.size(); ++i)
    if (adv.corrupt[i] < 0 || adv.corrupt[i] >= parties)
      return Error("/adversary/corrupt/" + std::to_string(i) + ": party " +
                   std::to_string(adv.corrupt[i]) + " does not exist (parties are 0.." +
                   std::to_string(parties - 1) + ")");
  return OkStatus();
}

// The bounds of every duration and rate a scenario sets. Beyond them SimGrid's clock loses
// precision or hangs (an attack delay of 1e308 s never returned), so they are refused here for
// scenarios built in C++ too (the schema states the same bounds for files).
constexpr double kMaxSimulatedS = 1e6;      // the longest deadline, delay or window
constexpr double kMaxLatencyS = 100;        // one link
constexpr double kMinBandwidth = 0.125;     // bytes/s: 1 bit/s
constexpr double kMaxBandwidth = 1.25e12;   // bytes/s: 10 Tbit/s

Status check_range(const std::string& pointer, double v, double lo, double hi, double scale,
                   const std::string& unit) {
  if (std::isfinite(v) && v >= lo && v <= hi) return OkStatus();
  const auto text = [](double x) { return short_json(json_number(x)); };
  return Error(pointer + ": must be between " + text(lo * scale) + " and " + text(hi * scale) +
               " " + unit + ", got " + text(v * scale));
}

Status check_durations(const Scenario& s) {
  if (!(s.deadline_s > 0))
    return Error("/deadline_s: must be > 0 simulated seconds, got " +
                 short_json(json_number(s.deadline_s)));
  SMPC_RETURN_IF_ERROR(check_range("/deadline_s", s.deadline_s, 0, kMaxSimulatedS, 1, "s"));
  const auto link = [](const std::string& at, double latency_s, double bandwidth) {
    SMPC_RETURN_IF_ERROR(check_range(at + "latency_ms", latency_s, 0, kMaxLatencyS, 1e3, "ms"));
    return check_range(at + "bandwidth_mbps", bandwidth, kMinBandwidth, kMaxBandwidth, 8e-6,
                       "Mbit/s");
  };
  SMPC_RETURN_IF_ERROR(link("/network/", s.network.latency_s, s.network.bandwidth_bytes_per_s));
  for (std::size_t i = 0; i < s.network.overrides.size(); ++i)
    SMPC_RETURN_IF_ERROR(link("/network/links/" + std::to_string(i) + "/",
                              s.network.overrides[i].latency_s,
                              s.network.overrides[i].bandwidth_bytes_per_s));
  if (!s.adversary) return OkStatus();
  for (std::size_t i = 0; i < s.adversary->script.size(); ++i) {
    const auto& step = s.adversary->script[i];
    const std::string at = "/adversary/script/" + std::to_string(i) + "/";
    SMPC_RETURN_IF_ERROR(check_range(at + "delay_s", step.delay_s, 0, kMaxSimulatedS, 1, "s"));
    SMPC_RETURN_IF_ERROR(check_range(at + "window_s", step.window_s, 0, kMaxSimulatedS, 1, "s"));
  }
  return OkStatus();
}

// On every topology but the star the simulator holds a route per ordered pair of parties
// (about 700 B each in SimGrid), and links and mailboxes per pair too: a full mesh of 1,000
// parties takes 2.8 GB. A star without cuts is SimGrid's star zone (routes per host) with
// per-party state for the pairs that talk only: the schema's 10,001 parties fit (SecAgg+ at
// 10,000 clients, docs/simulator.md, "How many parties"). A star with cuts keeps a route per
// pair (a cut gates each separated pair's): 3,001 parties took 6.6 GB that way. Beyond these
// the run would be killed for memory, so it is refused up front; --local (threads) takes
// the schema's 10,001 on every topology.
constexpr int kMaxSimulatedParties = 1000;
constexpr int kMaxSimulatedStarParties = 10001;
constexpr int kMaxSimulatedCutStarParties = 3001;

Status check_simulated_size(const Scenario& s, const RunOptions& options) {
  if (options.backend != Backend::kSimulated) return OkStatus();
  const bool star = s.network.topology == Topology::kStar;
  const bool cuts = std::any_of(s.network.faults.begin(), s.network.faults.end(),
                                [](const Fault& f) { return f.kind == FaultKind::kCut; });
  const int limit = !star ? kMaxSimulatedParties
                          : cuts ? kMaxSimulatedCutStarParties : kMaxSimulatedStarParties;
  if (s.parties <= limit) return OkStatus();
  return Error("/parties: at most " + std::to_string(limit) + " parties on a simulated " +
               topology_name(s.network.topology) + (star && cuts ? " with cuts" : "") +
               (star ? "" : " (a star allows " + std::to_string(kMaxSimulatedStarParties) + ")") +
               ": the simulator's per-pair routes grow as n^2 (docs/simulator.md, How many "
               "parties); run with --local for more, got " + std::to_string(s.parties));
}

Result<RunPlan> resolve_unprefixed(const Scenario& s, const RunOptions& options) {
  RunPlan plan;
  plan.name = s.name;
  plan.path = s.path;
  plan.seed = options.seed.value_or(s.seed);
  plan.parties = s.parties;
  plan.network = s.network;
  plan.deadline_s = s.deadline_s;
  plan.adversary = s.adversary;
  plan.options = options;
  SMPC_RETURN_IF_ERROR(check_durations(s));
  SMPC_RETURN_IF_ERROR(check_simulated_size(s, options));
  SMPC_ASSIGN_OR_RETURN(plan.compute, parse_compute(s.compute, s.parties, base_dir_of(s.path)));
  SMPC_ASSIGN_OR_RETURN(plan.spec, find_protocol_or_error(s.protocol));
  SMPC_RETURN_IF_ERROR(check_input_count(s.inputs.size(), s.parties));
  SMPC_ASSIGN_OR_RETURN(plan.function,
                        build_function(s.function, s.inputs, s.parties, base_dir_of(s.path),
                                       s.roles ? s.roles->servers : 0, plan.spec->name));
  if (plan.function.reseed) plan.function.reseed(plan.seed, plan.function);  // dp: coins
  SMPC_RETURN_IF_ERROR(check_domain(*plan.spec, plan.function));
  SMPC_RETURN_IF_ERROR(make_protocol(s, plan));
  plan.inputs = plan.function.party_inputs;
  if (s.adversary) {
    SMPC_RETURN_IF_ERROR(check_corruption(*s.adversary, s.parties));
    SMPC_RETURN_IF_ERROR(apply_substitutions(*s.adversary, plan.function, plan.inputs));
    SMPC_RETURN_IF_ERROR(load_program(*plan.adversary, base_dir_of(s.path), s.parties));
    SMPC_RETURN_IF_ERROR(apply_program_inputs(*plan.adversary, plan.seed, s.parties, plan.inputs));
    for (PartyId p : plan.adversary->program ? plan.adversary->corrupt : std::vector<PartyId>{})
      for (auto v : plan.inputs[static_cast<std::size_t>(p)].values)
        SMPC_RETURN_IF_ERROR(check_value_in_domain(v, plan.function.circuit.domain,
                                                   "/adversary/program (input of party " +
                                                       std::to_string(p) + ")"));
  }
  auto expected = ideal_outputs(plan.function.ideal(), plan.inputs);
  if (!expected.ok()) return expected.status().with_prefix("/inputs: ");
  plan.expected = std::move(expected).value();
  return plan;
}

}  // namespace

Result<RunPlan> resolve(const Scenario& s, const RunOptions& options) {
  auto plan = resolve_unprefixed(s, options);
  if (!plan.ok()) return plan.status().with_prefix(s.path + ": ");
  return plan;
}

// ---------------------------------------------------------------------------------------------
// execute

Result<Execution> execute(const RunPlan& plan) {
  std::optional<Coalition> coalition;
  if (plan.adversary) coalition.emplace(*plan.adversary);
  const PartyBody body = [&plan, &coalition](PartyContext& ctx) {
    const PartyId p = ctx.net.self();
    const PartyInput& input = plan.inputs[static_cast<std::size_t>(p)];
    if (!coalition || !coalition->spec().corrupts(p)) return plan.protocol->run(ctx, input);
    return run_corrupted(ctx, *coalition, input.values, plan.seed,
                         [&](PartyContext& c) { return plan.protocol->run(c, input); });
  };
  const auto wall_start = std::chrono::steady_clock::now();
  Execution ex;
  if (plan.options.backend == Backend::kSimulated) {
    SimRunOptions sim;
    sim.seed = plan.seed;
    sim.network = plan.network;
    sim.compute = plan.compute;
    sim.deadline_s = plan.deadline_s;
    sim.verbose = plan.options.verbose;
    sim.progress = plan.options.progress;
    sim.progress_interval_s = plan.options.progress_interval_s;
    sim.fork = plan.options.fork_simulation;
    sim.record_trace = plan.options.record_trace;
    auto r = run_simulated(plan.parties, sim, body);
    if (!r.ok()) return r.status().with_prefix(plan.path + ": simulation failed: ");
    ex.run = std::move(r).value();
  } else {
    ex.run = run_local(plan.parties, LocalRunOptions{plan.seed, plan.deadline_s}, body);
  }
  ex.wall_time_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - wall_start).count();
  // A failed adversary program is an input error (the program is part of the scenario): the
  // run has no verdict.
  for (const auto& party : ex.run.parties)
    if (party.annotations.is_object() && party.annotations.contains("program_error"))
      return Error(plan.path + ": /adversary/program: " +
                   party.annotations["program_error"].get<std::string>());
  return ex;
}

// judge: scenarios/judge.cpp

// ---------------------------------------------------------------------------------------------
// record

namespace {

// adversary.script_hits[i]: what step i did, in total and per corrupted party (null counts: the
// party's counts did not come back, e.g. it was still blocked when the simulation ended), and
// why it changed nothing ("idle") when it did not. Idle steps also go to `warnings`.
nlohmann::ordered_json script_hits_record(const AdversarySpec& adv, const RunResult& run,
                                          const ProtocolSpec& spec,
                                          std::vector<std::string>& warnings) {
  std::vector<std::optional<std::vector<StepHits>>> counts;
  for (PartyId p : adv.corrupt)
    counts.push_back(step_hits_from(run.parties[static_cast<std::size_t>(p)].annotations,
                                    adv.script.size()));
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < adv.script.size(); ++i) {
    StepHits total;
    bool complete = true;
    nlohmann::ordered_json parties = nlohmann::ordered_json::array();
    for (std::size_t k = 0; k < adv.corrupt.size(); ++k) {
      nlohmann::ordered_json e{{"party", adv.corrupt[k]}};
      if (counts[k]) {
        total += (*counts[k])[i];
        e.update(step_hits_json((*counts[k])[i]));
      } else {
        complete = false;
        e.update({{"matched", nullptr}, {"hits", nullptr}, {"out_of_range", nullptr}});
      }
      parties.push_back(e);
    }
    nlohmann::ordered_json step{{"step", i}};
    step.update(step_hits_json(total));
    step["complete"] = complete;
    step["parties"] = parties;
    // Without every party's counts a step may have acted where we cannot see: no claim.
    const std::string idle = complete ? idle_reason(adv.script[i], total, spec.labels) : "";
    if (!idle.empty()) {
      step["idle"] = idle;
      warnings.push_back("step " + std::to_string(i) + " (" + step_text(adv.script[i]) +
                         ") changed no message: " + idle);
    }
    out.push_back(step);
  }
  return out;
}

nlohmann::ordered_json adversary_record(const AdversarySpec& adv, const RunResult& run,
                                        const ProtocolSpec& spec,
                                        std::vector<std::string>& warnings) {
  nlohmann::ordered_json j = adversary_json(adv);
  if (!adv.script.empty()) j["script_hits"] = script_hits_record(adv, run, spec, warnings);
  nlohmann::ordered_json views = nlohmann::ordered_json::array();
  for (PartyId p : adv.corrupt) {
    const auto& a = run.parties[static_cast<std::size_t>(p)].annotations;
    if (a.contains("view")) views.push_back(nlohmann::ordered_json::parse(a["view"].dump()));
  }
  j["views"] = views;
  return j;
}

nlohmann::ordered_json extracted_json(const std::vector<ExtractedInput>& extracted) {
  if (extracted.empty()) return nullptr;
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& e : extracted) {
    nlohmann::ordered_json j{{"party", e.party}};
    j["values"] = e.values ? nlohmann::ordered_json(*e.values) : nlohmann::ordered_json();
    if (!e.note.empty()) j["note"] = e.note;
    out.push_back(j);
  }
  return out;
}

// The corrupted parties whose inputs in the verdict's expectation are not their true ones, and
// who set them: the scenario (input_substitution), extraction or the oracle.
nlohmann::ordered_json substituted_json(const RunPlan& plan, const Verdict& verdict) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (PartyId p : plan.corrupted()) {
    const auto i = static_cast<std::size_t>(p);
    if (verdict.inputs.size() <= i) continue;
    const auto& used = verdict.inputs[i].values;
    if (same_function_inputs(plan.function, p, used)) continue;
    const bool by_scenario = used == plan.inputs[i].values;
    out.push_back({{"party", p},
                   {"values", used},
                   {"by", by_scenario ? "scenario" : decided_by_name(verdict.decided_by)}});
  }
  return out.empty() ? nlohmann::ordered_json() : out;
}

std::string reproduce_line(const RunPlan& plan) {
  std::string line = plan.options.program + " run " + plan.path + " --seed " +
                     std::to_string(plan.seed) +
                     (plan.options.backend == Backend::kLocal ? " --local" : "");
  if (plan.options.mutant != Mutant::kNone)
    line += " --mutant " + std::string(mutant_name(plan.options.mutant));
  return line;
}

}  // namespace

namespace {

// Roles: who is what, and the bytes each role sent and received (min, max and total over the
// role's parties; cost.per_party has every party's).
nlohmann::ordered_json roles_record(const RunPlan& plan, const RunResult& run) {
  using J = nlohmann::ordered_json;
  const auto bytes_of = [&](bool servers) {
    std::uint64_t lo[2] = {UINT64_MAX, UINT64_MAX}, hi[2] = {0, 0}, total[2] = {0, 0};
    std::size_t count = 0;
    for (const auto& p : run.parties) {
      if ((p.party < plan.servers) != servers) continue;
      ++count;
      const std::uint64_t b[2] = {p.meter.sent.bytes, p.meter.received.bytes};
      for (int k = 0; k < 2; ++k) {
        lo[k] = std::min(lo[k], b[k]);
        hi[k] = std::max(hi[k], b[k]);
        total[k] += b[k];
      }
    }
    if (count == 0) return J{{"count", 0}};
    J j{{"count", count}};
    const char* names[2] = {"bytes_sent", "bytes_received"};
    for (int k = 0; k < 2; ++k) j[names[k]] = {{"min", lo[k]}, {"max", hi[k]}, {"total", total[k]}};
    return j;
  };
  J receivers = J::array();
  for (PartyId p = 0; p < plan.parties; ++p)
    if (!plan.function.circuit.output_wires_of(p).empty()) receivers.push_back(p);
  return J{{"servers", bytes_of(true)}, {"clients", bytes_of(false)},
           {"output_receivers", receivers}};
}

}  // namespace

RunRecord record(const RunPlan& plan, Execution execution, const Verdict& verdict) {
  RunRecord rec;
  rec.scenario = plan.name;
  rec.scenario_path = plan.path;
  rec.seed = plan.seed;
  rec.protocol = plan.spec->name;
  rec.parties = plan.parties;
  rec.function = plan.function.name;
  rec.claim = plan.protocol->claim(plan.parties);
  rec.network = plan.options.backend == Backend::kLocal
                    ? nlohmann::ordered_json{{"backend", "local (no simulated time)"}}
                    : network_json(plan.network, plan.parties);
  rec.compute = plan.options.backend == Backend::kLocal
                    ? nlohmann::ordered_json{{"model", "none"}, {"note", "local backend: operations counted, no simulated time"}}
                    : compute_json(plan.compute);
  if (plan.options.backend == Backend::kSimulated && plan.network.variation.enabled())
    rec.network["max_added_delay_ms"] = execution.run.max_added_delay_s * 1e3;
  if (plan.options.backend == Backend::kSimulated && !plan.network.faults.empty())
    rec.network["faults"] = faults_report_json(plan.network.faults, plan.parties,
                                               execution.run.simulated_time_s);
  // f on the inputs that decided the verdict (the plan's, unless extraction or the oracle
  // replaced a corrupted party's).
  const auto& expected = verdict.expected.empty() ? plan.expected : verdict.expected;
  for (PartyId p = 0; p < plan.parties; ++p) {
    const auto& pr = execution.run.parties[static_cast<std::size_t>(p)];
    rec.outputs.push_back(pr.status == PartyStatus::kOutput
                              ? describe_outputs(plan.function, p, pr.outputs)
                              : nlohmann::ordered_json());
    // A predicate-judged function has no expected value, only what its check demands.
    rec.expected_outputs.push_back(
        plan.function.output_check
            ? nlohmann::ordered_json{{"checked", plan.function.output_check_doc}}
            : describe_outputs(plan.function, p, expected[static_cast<std::size_t>(p)]));
  }
  rec.decided_by = decided_by_name(verdict.decided_by);
  rec.extracted_inputs = extracted_json(verdict.extracted);
  rec.substituted_inputs = substituted_json(plan, verdict);
  if (plan.adversary)
    rec.adversary =
        adversary_record(*plan.adversary, execution.run, *plan.spec, rec.script_warnings);
  if (plan.servers > 0) rec.roles = roles_record(plan, execution.run);
  rec.run = std::move(execution.run);
  rec.outcome = verdict.outcome;
  rec.scope = verdict.scope;
  rec.verdict_holds = verdict.holds;
  rec.explanation = verdict.explanation;
  if (verdict.outcome == Outcome::kNoOutput)
    rec.no_output_cause = verdict.scope == ClaimScope::kOutsideTiming ? "network"
                          : verdict.holds                              ? "adversary"
                                                                       : "protocol";
  rec.wall_time_s = execution.wall_time_s;
  rec.reproduce = reproduce_line(plan);
  if (plan.options.mutant != Mutant::kNone) rec.mutant = mutant_name(plan.options.mutant);
  return rec;
}

Status strict_script_check(const RunRecord& record) {
  if (record.script_warnings.empty()) return OkStatus();
  return Error(std::to_string(record.script_warnings.size()) +
               " adversary script step(s) changed no message (--strict): " +
               record.script_warnings.front() +
               (record.script_warnings.size() > 1 ? " (and more: see the summary)" : ""));
}

}  // namespace smpc
